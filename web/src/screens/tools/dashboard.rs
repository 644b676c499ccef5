//! The analysts' dashboard (`?mode=dashboard`, tools build): drop or pick
//! many result files (or their folder), a ZIP archive of them, or one
//! scored survey CSV, and see each area's
//! distribution per group — quartiles and a histogram — with small groups
//! suppressed (the engine's `summarise`). Broken files are listed with
//! their reason and skipped; the rest is never aborted. Nothing leaves the
//! browser; the aggregate can be saved as CSV.

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

use shindan_engine::{
    AnalysisBuilder, Catalogue, Filter, GroupBy, IndustryGroup, Lang, Prefecture, Record, Tier,
    summarise,
};

use crate::messages as m;
use crate::messages::tools::dashboard as t;
use crate::session::use_session;
use crate::{banks, files};

mod dropped;
mod histogram;
mod item_analysis;
mod load;
mod workers;

use dropped::{Dropped, LeftOut};
use histogram::histogram;
use item_analysis::ItemAnalysis;
use load::{Progress, Unit, read_files};

/// The dashboard screen.
#[component]
pub fn Dashboard() -> impl IntoView {
    let session = use_session();
    let records = RwSignal::new(Vec::<Record>::new());
    let problems = RwSignal::new(Vec::<String>::new());
    let progress = RwSignal::new(None::<Progress>);
    // Files met so far while a dropped folder is walked.
    let walking = RwSignal::new(None::<usize>);
    // Many files picked one by one: zipping their folder reads faster.
    let many_files = RwSignal::new(false);
    let group_by = RwSignal::new(GroupBy::Tier);
    let tier = RwSignal::new(None::<Tier>);
    let industry = RwSignal::new(None::<IndustryGroup>);
    let prefecture = RwSignal::new(None::<Prefecture>);
    let min_group = RwSignal::new(10usize);
    // The catalogue names every area; until it loads, areas show their ids.
    let catalogue = RwSignal::new(None::<Arc<Catalogue>>);
    // Every result read, for 設問分析; a tally, so memory does not grow with
    // the number of files.
    let tally = RwSignal::new(AnalysisBuilder::new());
    let analysis = Memo::new(move |_| tally.with(|tally| tally.clone().build()));
    // Count workers load before an archive is picked.
    workers::warm_up();
    spawn_local(async move {
        if let Ok(bank) = banks::fetch(Tier::Small).await {
            catalogue.set(Some(Arc::new(bank.catalogue.clone())));
        }
    });
    let summary = Memo::new(move |_| {
        let filter = Filter {
            tier: tier.get(),
            industry: industry.get(),
            prefecture: prefecture.get(),
        };
        records.with(|records| summarise(records, filter, group_by.get(), min_group.get()))
    });

    let load = move |list: Vec<web_sys::File>| {
        many_files.set(load::separate_results(&list) >= load::MANY_FILES);
        spawn_local(async move {
            let lang = session.lang.get_untracked();
            let shown = move |now: Progress| progress.set(Some(now));
            match read_files(list, tally.get_untracked(), lang, shown).await {
                Ok(read) => {
                    tally.set(read.tally);
                    records.update(|records| records.extend(read.records));
                    problems.update(|problems| problems.extend(read.refused));
                }
                Err(reason) => problems.update(|problems| problems.push(reason)),
            }
        });
    };
    let pick = move |event: leptos::ev::Event| {
        if let Some(list) = files::input_of(&event).and_then(|input| input.files()) {
            load((0..list.length()).filter_map(|i| list.get(i)).collect());
        }
    };
    let drop = move |event: leptos::ev::DragEvent| {
        event.prevent_default();
        let Some(data) = event.data_transfer() else {
            return;
        };
        match dropped::take(&data) {
            Dropped::Files(list) => load(list),
            Dropped::Folders(folders) => spawn_local(async move {
                walking.set(Some(0));
                let walked = dropped::walk(folders, move |met| walking.set(Some(met))).await;
                walking.set(None);
                let lang = session.lang.get_untracked();
                problems.update(|problems| {
                    // First, so that it shows above the files left out
                    // (only the first of them are listed).
                    if walked.stopped {
                        problems.push(t::FOLDER_STOPPED.fill(lang, &[&dropped::MAX_FOLDER_FILES]));
                    }
                    problems.extend(walked.left_out.iter().map(|(path, why)| {
                        let why = match why {
                            LeftOut::NotAResult => t::NOT_A_RESULT.get(lang),
                            LeftOut::Unreadable => m::FILE_NOT_READ.get(lang),
                        };
                        format!("{path}: {why}")
                    }));
                });
                // Nothing to read: no progress bar (it would say 0 / 0).
                if !walked.files.is_empty() {
                    load(walked.files);
                }
            }),
        }
    };
    let export = move |_| {
        let csv = summary.with_untracked(|summary| summary.to_csv());
        let lang = session.lang.get_untracked();
        if let Err(error) = files::download(
            "shindan-aggregate.csv",
            "text/csv;charset=utf-8",
            &csv,
            lang,
        ) {
            session.tell(t::EXPORT.text(), vec![error]);
        }
    };

    move || {
        let lang = session.lang.get();
        let summary = summary.get();
        let name_of = |id: &str| dimension_name(catalogue, id, lang);
        let groups = summary
            .groups
            .iter()
            .map(|group| {
                let rows = group
                    .dimensions
                    .iter()
                    .map(|d| {
                        let q = d.distribution.quantiles;
                        view! {
                            <tr data-dimension=d.id.clone()>
                                <th scope="row">{name_of(&d.id)}</th>
                                <td>{d.distribution.n}</td>
                                <td class="median">{format!("{:.1}", q[3])}</td>
                                <td>{format!("{:.1}–{:.1}", q[2], q[4])}</td>
                                <td>{histogram(lang, &d.histogram)}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="aggregate-group" data-group=group.key.clone() data-n=group.n>
                        <h3>{format!("{} (n = {})", group_by.get().label(&group.key).get(lang), group.n)}</h3>
                        <table class="dimensions">
                            <thead>
                                <tr>
                                    <th scope="col">{m::DIMENSION.get(lang)}</th>
                                    <th scope="col">"n"</th>
                                    <th scope="col">{t::MEDIAN.get(lang)}</th>
                                    <th scope="col">{t::QUARTILES.get(lang)}</th>
                                    <th scope="col">{t::HISTOGRAM.get(lang)}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </section>
                }
            })
            .collect_view();
        let (hidden_groups, hidden_results) = summary.suppressed;
        view! {
            <section class="dashboard" data-testid="dashboard" on:dragover=|event: leptos::ev::DragEvent| event.prevent_default() on:drop=drop>
                <h2>{t::HEADING.get(lang)}</h2>
                <p class="lead">{t::LEAD.get(lang)}</p>
                <label class="button secondary file-button no-print">
                    {t::OPEN.get(lang)}
                    <input type="file" multiple class="visually-hidden" accept=".json,.zip,.csv,application/json,application/zip,text/csv" data-testid="open-many" on:change=pick />
                </label>
                {move || walking.get().map(|met| view! {
                    <p class="lead" role="status" data-testid="walk-progress">{t::WALKING.fill(lang, &[&met])}</p>
                })}
                {move || progress.get().map(|now| {
                    let (done, total) = (now.files_done, now.files);
                    view! {
                        <div class="progress" data-testid="load-progress" data-done=done data-total=total>
                            <label for="load-bar">{format!("{done} / {total}")}</label>
                            <progress id="load-bar" max=total.max(1) value=done></progress>
                        </div>
                        {now.within.map(|within| {
                            let label = match within.unit {
                                Unit::Bytes => format!("{} {:.0} / {:.0} MB", within.name, within.done / 1_000_000.0, within.total / 1_000_000.0),
                                Unit::Files => format!("{} {} / {}", within.name, within.done, within.total),
                            };
                            view! {
                                <div class="progress" data-testid="within-progress" data-done=within.done data-total=within.total>
                                    <label for="within-bar">{label}</label>
                                    <progress id="within-bar" max=within.total.max(1.0) value=within.done></progress>
                                </div>
                            }
                        })}
                    }
                })}
                {move || many_files.get().then(|| view! {
                    <p class="lead no-print" data-testid="zip-hint">{t::MANY_FILES.get(lang)}</p>
                })}
                <div class="controls no-print">
                    <label>
                        {t::GROUP_BY.get(lang)} " "
                        <select data-testid="group-by" on:change=move |event| {
                            group_by.set(match event_target_value(&event).as_str() {
                                "all" => GroupBy::All,
                                "industry" => GroupBy::Industry,
                                "prefecture" => GroupBy::Prefecture,
                                _ => GroupBy::Tier,
                            })
                        }>
                            <option value="tier" selected=group_by.get_untracked() == GroupBy::Tier>{t::BY_TIER.get(lang)}</option>
                            <option value="industry" selected=group_by.get_untracked() == GroupBy::Industry>{t::BY_INDUSTRY.get(lang)}</option>
                            <option value="prefecture" selected=group_by.get_untracked() == GroupBy::Prefecture>{t::BY_PREFECTURE.get(lang)}</option>
                            <option value="all" selected=group_by.get_untracked() == GroupBy::All>{t::NO_GROUPS.get(lang)}</option>
                        </select>
                    </label>
                    <label>
                        {t::TIER_FILTER.get(lang)} " "
                        <select data-testid="tier-filter" on:change=move |event| {
                            let id = event_target_value(&event);
                            tier.set(Tier::ALL.into_iter().find(|t| t.as_str() == id));
                        }>
                            <option value="all">{t::ALL_TIERS.get(lang)}</option>
                            {Tier::ALL.into_iter().map(|option| view! {
                                <option value=option.as_str() selected=tier.get_untracked() == Some(option)>{option.name().get(lang).to_owned()}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label>
                        {t::INDUSTRY_FILTER.get(lang)} " "
                        <select data-testid="industry-filter" on:change=move |event| industry.set(IndustryGroup::from_id(&event_target_value(&event)))>
                            <option value="all">{t::ALL_TIERS.get(lang)}</option>
                            {IndustryGroup::ALL.into_iter().map(|option| view! {
                                <option value=option.as_str() selected=industry.get_untracked() == Some(option)>{option.name().get(lang).to_owned()}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label>
                        {t::PREFECTURE_FILTER.get(lang)} " "
                        <select data-testid="prefecture-filter" on:change=move |event| {
                            let id = event_target_value(&event);
                            prefecture.set(Prefecture::ALL.into_iter().find(|p| p.as_str() == id));
                        }>
                            <option value="all">{t::ALL_TIERS.get(lang)}</option>
                            {Prefecture::ALL.into_iter().map(|option| view! {
                                <option value=option.as_str() selected=prefecture.get_untracked() == Some(option)>{option.name().get(lang).to_owned()}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label>
                        {t::MIN_GROUP.get(lang)} " "
                        <input type="number" min="1" step="1" data-testid="min-group" prop:value=min_group.get_untracked().to_string() on:change=move |event| {
                            if let Ok(value) = event_target_value(&event).parse::<usize>() {
                                min_group.set(value.max(1));
                            }
                        } />
                    </label>
                    <button type="button" class="secondary" data-testid="export-aggregate" on:click=export>{t::EXPORT.get(lang)}</button>
                </div>
                <p data-testid="suppressed">
                    {t::SUPPRESSED.fill(lang, &[&hidden_groups, &hidden_results, &min_group.get_untracked()])}
                </p>
                {groups}
                <ItemAnalysis analysis=analysis lang=session.lang catalogue=catalogue />
                <details class="refused" open=!problems.with(Vec::is_empty)>
                    <summary data-testid="refused-count">{format!("{} ({})", t::REFUSED.get(lang), problems.with(Vec::len))}</summary>
                    <ul data-testid="refused">
                        {problems.with(|problems| problems.iter().take(200).map(|p| view! { <li>{p.clone()}</li> }).collect_view())}
                    </ul>
                </details>
            </section>
        }
    }
}

/// The name of area `id` in the catalogue once it has loaded (its id
/// before, or for an area the catalogue does not have).
fn dimension_name(catalogue: RwSignal<Option<Arc<Catalogue>>>, id: &str, lang: Lang) -> String {
    catalogue.with(|catalogue| match catalogue {
        Some(catalogue) => catalogue.dimension_name(id, lang),
        None => id.to_owned(),
    })
}
