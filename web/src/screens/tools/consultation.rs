//! Consultation mode (`?mode=consult`, tools build) for support institutions
//! following up a company: open its result files, see before/after on one
//! radar with per-area changes and which suggestions were addressed (the
//! engine's `compare`), the trend over all results, and keep notes per
//! area in the exported file. Printable like the result sheet.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use shindan_engine::{
    Bank, Lang, ResultDoc, Text, changed_dimensions, compare, follow_up, other_company,
};

use crate::components::{Radar, action_line, axis_label};
use crate::messages as m;
use crate::messages::tools::consult;
use crate::session::use_session;
use crate::{banks, files};

/// The consultation screen.
#[component]
pub fn Consultation() -> impl IntoView {
    let session = use_session();
    let results = RwSignal::new(Vec::<ResultDoc>::new());
    let problems = RwSignal::new(Vec::<String>::new());
    let bank = RwSignal::new(None::<Arc<Bank>>);
    // Dimensions whose questions differ between the first and last result's
    // editions, with the two versions (empty when both share an edition).
    let edition_changes = RwSignal::new(None::<(String, String, Vec<String>)>);
    let notes = RwSignal::new(BTreeMap::<String, String>::new());
    // Files that may be another company's, held back until the adviser
    // drops them or confirms they are the same company (e.g. renamed).
    let suspects = RwSignal::new(Vec::<(ResultDoc, Text)>::new());

    let open = move |event: leptos::ev::Event| {
        let Some(input) = files::input_of(&event) else {
            return;
        };
        spawn_local(async move {
            let (mut loaded, mut refused) = (Vec::new(), Vec::new());
            for (name, text) in files::picked_texts(&input, files::MAX_RESULT_BYTES).await {
                match text.and_then(|text| {
                    ResultDoc::from_json(&text).map_err(|diagnostic| diagnostic.message)
                }) {
                    Ok(result) => loaded.push(result),
                    Err(reason) => refused.push(format!("{name}: {reason}")),
                }
            }
            input.set_value("");
            loaded.sort_by(|a, b| a.date.cmp(&b.date));
            // The latest visit names the company; others that differ wait.
            if let Some(latest) = loaded.last().cloned() {
                let (same, other): (Vec<_>, Vec<_>) = loaded
                    .into_iter()
                    .map(|result| {
                        let why = other_company(&latest, &result);
                        (result, why)
                    })
                    .partition(|(_, why)| why.is_none());
                loaded = same.into_iter().map(|(result, _)| result).collect();
                suspects.set(
                    other
                        .into_iter()
                        .filter_map(|(result, why)| why.map(|why| (result, why)))
                        .collect(),
                );
            }
            if let Some(first) = loaded.first().cloned() {
                // Another tier's bank (the company grew or shrank) is
                // compared on the areas both share; another bank of the
                // same tier is a different instrument.
                loaded.retain(|result| {
                    let same =
                        result.bank.id == first.bank.id || result.bank.tier != first.bank.tier;
                    if !same {
                        let lang = session.lang.get_untracked();
                        refused.push(
                            consult::OTHER_QUESTION_SET
                                .fill(lang, &[&result.date, &result.bank.id, &first.bank.id]),
                        );
                    }
                    same
                });
                let last = loaded.last().cloned().unwrap_or_else(|| first.clone());
                let after = banks::fetch_edition(last.bank.tier, &last.bank.version).await;
                let before = if first.bank.version == last.bank.version
                    && first.bank.tier == last.bank.tier
                {
                    None
                } else {
                    Some(banks::fetch_edition(first.bank.tier, &first.bank.version).await)
                };
                match (before, after) {
                    (_, Err(error)) | (Some(Err(error)), _) => refused.push(error),
                    (before, Ok(after)) => {
                        // The edition, and the tier too when it changed.
                        let lang = session.lang.get_untracked();
                        let tiers_differ = first.bank.tier != last.bank.tier;
                        let label = |bank: &Bank| {
                            if tiers_differ {
                                format!("{} {}", bank.tier.name().get(lang), bank.version)
                            } else {
                                bank.version.clone()
                            }
                        };
                        edition_changes.set(match before {
                            Some(Ok(before)) => Some((
                                label(&before),
                                label(&after),
                                changed_dimensions(&before, &after),
                            )),
                            _ => None,
                        });
                        bank.set(Some(after));
                    }
                }
            }
            notes.set(loaded.last().map(|r| r.notes.clone()).unwrap_or_default());
            results.set(loaded);
            problems.set(refused);
        });
    };

    move || {
        let lang = session.lang.get();
        let list = results.get();
        let comparison_view = match (list.first(), list.last(), bank.get()) {
            (Some(before), Some(after), Some(bank)) if list.len() >= 2 => {
                let changes = edition_changes.get();
                comparison(lang, &bank, before, after, &list, notes, changes).into_any()
            }
            _ => view! { <p data-testid="need-two">{consult::NEED_TWO.get(lang)}</p> }.into_any(),
        };
        view! {
            <section class="consultation" data-testid="consultation">
                <h2>{consult::CONSULT_HEADING.get(lang)}</h2>
                <p class="lead">{consult::CONSULT_LEAD.get(lang)}</p>
                <label class="button secondary file-button no-print">
                    {consult::OPEN_RESULTS.get(lang)}
                    <input
                        type="file"
                        multiple
                        class="visually-hidden"
                        accept=".json,application/json"
                        data-testid="open-results"
                        on:change=open
                    />
                </label>
                {move || {
                    let held = suspects.get();
                    (!held.is_empty()).then(|| view! {
                        <section class="suspects" data-testid="suspects">
                            <p>{consult::OTHER_COMPANY.get(lang)}</p>
                            <ul>
                                {held
                                    .into_iter()
                                    .enumerate()
                                    .map(|(index, (result, why))| {
                                        let line = format!(
                                            "{} {} — {}",
                                            result.date,
                                            result.label.clone().unwrap_or_default(),
                                            why.get(lang)
                                        );
                                        let confirm = move |_| {
                                            let mut held = suspects.get_untracked();
                                            if index < held.len() {
                                                let (result, _) = held.remove(index);
                                                suspects.set(held);
                                                results.update(|list| {
                                                    list.push(result);
                                                    list.sort_by(|a, b| a.date.cmp(&b.date));
                                                });
                                            }
                                        };
                                        let drop = move |_| {
                                            suspects.update(|held| {
                                                if index < held.len() {
                                                    held.remove(index);
                                                }
                                            });
                                        };
                                        view! {
                                            <li data-testid="suspect">
                                                {line} " "
                                                <button type="button" class="secondary" data-testid="suspect-confirm" on:click=confirm>
                                                    {consult::SAME_COMPANY.get(lang)}
                                                </button>
                                                " "
                                                <button type="button" class="secondary" data-testid="suspect-drop" on:click=drop>
                                                    {consult::DROP_FILE.get(lang)}
                                                </button>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    })
                }}
                <ul class="refused" data-testid="refused">
                    {problems.get().into_iter().map(|problem| view! { <li>{problem}</li> }).collect_view()}
                </ul>
                <ol class="loaded" data-testid="loaded">
                    {list
                        .iter()
                        .map(|result| {
                            let overall = result.overall.score.map_or("–".to_owned(), |s| format!("{s:.1}"));
                            view! {
                                <li>
                                    {format!("{} {} — {} {overall}", result.date, result.label.clone().unwrap_or_default(), m::OVERALL.get(lang))}
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
                {comparison_view}
            </section>
        }
    }
}

/// Before/after, the trend, notes and the print and save buttons.
fn comparison(
    lang: Lang,
    bank: &Bank,
    before: &ResultDoc,
    after: &ResultDoc,
    all: &[ResultDoc],
    notes: RwSignal<BTreeMap<String, String>>,
    editions: Option<(String, String, Vec<String>)>,
) -> impl IntoView {
    let change = compare(before, after);
    let changed = editions
        .as_ref()
        .map(|(_, _, changed)| changed.clone())
        .unwrap_or_default();
    let catalogue = &bank.catalogue;
    let name_of = |id: &str| catalogue.dimension_name(id, lang);
    // Each catalogue dimension's (score, level) in `result`.
    let outcome_of = |result: &ResultDoc| {
        catalogue
            .dimensions
            .iter()
            .map(|d| {
                result
                    .dimensions
                    .iter()
                    .find(|r| r.id == d.id)
                    .map_or((None, None), |r| (r.score, r.level))
            })
            .collect::<Vec<_>>()
    };
    let show = |score: Option<f64>, level: Option<u8>| match (score, level) {
        (Some(score), Some(level)) => format!("{score:.1} ({} {level})", m::LEVEL.get(lang)),
        _ => m::NO_ANSWER.get(lang).to_owned(),
    };
    let rows = change
        .dimensions
        .iter()
        .map(|d| {
            let id = d.id.clone();
            let delta = d.delta.map_or("–".to_owned(), |delta| format!("{delta:+.1}"));
            let note_id = format!("note-{id}");
            let row_id = id.clone();
            let delta_attribute = delta.clone();
            let current_note = notes.with_untracked(|notes| notes.get(&id).cloned().unwrap_or_default());
            let questions_changed = changed.contains(&d.id);
            view! {
                <tr data-dimension=row_id data-questions-changed=questions_changed.then_some("true")>
                    <th scope="row">
                        {name_of(&d.id)}
                        {questions_changed.then(|| view! { " " <span class="questions-changed">{consult::QUESTIONS_CHANGED.get(lang)}</span> })}
                    </th>
                    <td>{show(d.before.0, d.before.1)}</td>
                    <td>{show(d.after.0, d.after.1)}</td>
                    <td class="delta" data-delta=delta_attribute>{delta}</td>
                    <td>
                        <label for=note_id.clone() class="visually-hidden">{format!("{} {}", consult::NOTES.get(lang), name_of(&d.id))}</label>
                        <textarea
                            id=note_id
                            class="note"
                            rows="2"
                            prop:value=current_note
                            on:input=move |event| {
                                let text = event_target_value(&event);
                                notes.update(|notes| {
                                    if text.trim().is_empty() {
                                        notes.remove(&id);
                                    } else {
                                        notes.insert(id.clone(), text);
                                    }
                                });
                            }
                        ></textarea>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let texts = |ids: &[String]| {
        ids.iter()
            .map(|id| {
                let text = bank
                    .recommendations
                    .iter()
                    .find(|r| &r.id == id)
                    .map(|r| r.text.get(lang).to_owned())
                    .unwrap_or_else(|| id.clone());
                view! { <li data-recommendation=id.clone()>{text}</li> }
            })
            .collect_view()
    };
    let latest = after.clone();
    let session = use_session();
    let save = move |_| {
        let mut result = latest.clone();
        result.notes = notes.get_untracked();
        let name = format!("shindan-{}-{}-notes.json", result.bank.id, result.date);
        let written = serde_json::to_string_pretty(&result)
            .map_err(|error| error.to_string())
            .and_then(|json| files::download(&name, "application/json", &json));
        if let Err(error) = written {
            session.tell(consult::SAVE_WITH_NOTES.text(), vec![error]);
        }
    };
    view! {
        <section class="compare" data-testid="compare">
            <h3>{format!("{} {} → {} {}", consult::BEFORE.get(lang), before.date, consult::AFTER.get(lang), after.date)}</h3>
            {editions.map(|(from, to, changed)| {
                let names = changed.iter().map(|id| name_of(id)).collect::<Vec<_>>().join("、");
                view! {
                    <p class="editions-differ" data-testid="editions-differ">
                        {format!("{} → {}: ", from, to)}
                        {consult::EDITIONS_DIFFER.get(lang)}
                        " " {names}
                    </p>
                }
            })}
            <div class="chart-and-table">
                <Radar
                    labels=catalogue
                        .dimensions
                        .iter()
                        .zip(outcome_of(after))
                        .map(|(d, (_, level))| axis_label(d.short.get(lang), level))
                        .collect()
                    scores=outcome_of(after).into_iter().map(|(score, _)| score).collect()
                    previous=Some(outcome_of(before).into_iter().map(|(score, _)| score).collect())
                    thresholds=catalogue.level_thresholds
                    title=m::RADAR_LABEL.get(lang)
                />
                <table class="dimensions" data-testid="deltas">
                    <thead>
                        <tr>
                            <th scope="col">{m::DIMENSION.get(lang)}</th>
                            <th scope="col">{consult::BEFORE.get(lang)}</th>
                            <th scope="col">{consult::AFTER.get(lang)}</th>
                            <th scope="col">{consult::CHANGE.get(lang)}</th>
                            <th scope="col">{consult::NOTES.get(lang)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {follow_up_view(lang, bank, all, after)}
            <h3>{consult::ADDRESSED.get(lang)}</h3>
            <ul data-testid="addressed">{texts(&change.addressed)}</ul>
            <h3>{consult::NEW_SUGGESTIONS.get(lang)}</h3>
            <ul data-testid="new-suggestions">{texts(&change.new)}</ul>
            <h3>{consult::REMAINING.get(lang)}</h3>
            <ul>{texts(&change.remaining)}</ul>
            <h3>{consult::TREND.get(lang)}</h3>
            {trend(lang, bank, all)}
            <div class="actions no-print">
                <button type="button" class="primary" on:click=|_| { let _ = window().print(); }>{m::PRINT.get(lang)}</button>
                <button type="button" class="secondary" data-testid="save-notes" on:click=save>{consult::SAVE_WITH_NOTES.get(lang)}</button>
            </div>
        </section>
    }
}

/// The plan set at the latest earlier visit that has one, against `after`:
/// each target with the level reached, each action with whether its next
/// step is still suggested.
fn follow_up_view(
    lang: Lang,
    bank: &Bank,
    all: &[ResultDoc],
    after: &ResultDoc,
) -> impl IntoView + use<> {
    let earlier = all
        .iter()
        .filter(|result| result.date < after.date)
        .rev()
        .find(|result| !result.plan.is_empty())?;
    let follow = follow_up(earlier, after)?;
    let catalogue = &bank.catalogue;
    let name_of = |id: &str| catalogue.dimension_name(id, lang);
    let level = |level: Option<u8>| {
        level.map_or("–".to_owned(), |level| {
            format!("{} {level}", m::LEVEL.get(lang))
        })
    };
    let targets = follow
        .targets
        .iter()
        .map(|target| {
            let met = if target.met() {
                consult::TARGET_MET
            } else {
                consult::TARGET_NOT_MET
            };
            view! {
                <tr data-dimension=target.dimension.clone() data-met=target.met().to_string()>
                    <th scope="row">{name_of(&target.dimension)}</th>
                    <td>{level(Some(target.target))}</td>
                    <td>{level(target.actual)}</td>
                    <td>{met.get(lang)}</td>
                </tr>
            }
        })
        .collect_view();
    let actions = follow
        .actions
        .iter()
        .map(|outcome| {
            let action = &outcome.action;
            let (text, who_by) = action_line(bank, action, lang);
            let state = if outcome.addressed { consult::ACTION_DONE } else { consult::ACTION_OPEN };
            view! {
                <li data-action=action.recommendation.clone() data-done=outcome.addressed.to_string()>
                    <strong>{state.get(lang)}</strong> " " {text} " " <span class="action-who-by">{who_by}</span>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section class="follow-up" data-testid="follow-up">
            <h3>{format!("{} ({})", consult::FOLLOW_UP.get(lang), earlier.date)}</h3>
            <table class="dimensions" data-testid="follow-up-targets">
                <thead>
                    <tr>
                        <th scope="col">{m::DIMENSION.get(lang)}</th>
                        <th scope="col">{m::TARGET.get(lang)}</th>
                        <th scope="col">{consult::REACHED.get(lang)}</th>
                        <th scope="col">{consult::TARGET_STATE.get(lang)}</th>
                    </tr>
                </thead>
                <tbody>{targets}</tbody>
            </table>
            <ul data-testid="follow-up-actions">{actions}</ul>
        </section>
    })
}

/// A line per dimension over the results, score 0–100, each line named at
/// its end (colour is not the only cue).
fn trend(lang: Lang, bank: &Bank, all: &[ResultDoc]) -> impl IntoView {
    // One small chart per area: visits left to right, the score as a line
    // over the five level bands, so ten areas never cross each other.
    const WIDTH: f64 = 220.0;
    const HEIGHT: f64 = 120.0;
    const LEFT: f64 = 18.0;
    const RIGHT: f64 = 12.0;
    const TOP: f64 = 6.0;
    const PLOT_H: f64 = 84.0;
    let plot_w = WIDTH - LEFT - RIGHT;
    let x =
        |index: usize| LEFT + plot_w * index as f64 / (all.len().saturating_sub(1)).max(1) as f64;
    let y = |score: f64| TOP + PLOT_H * (1.0 - score.clamp(0.0, 100.0) / 100.0);
    let catalogue = &bank.catalogue;
    let boundaries: Vec<f64> = std::iter::once(0.0)
        .chain(catalogue.level_thresholds)
        .chain([100.0])
        .collect();
    // The first and last visit's dates, and the middle ones when they fit.
    let date_labels = |all: &[ResultDoc]| {
        all.iter()
            .enumerate()
            .filter(|(index, _)| *index == 0 || *index + 1 == all.len() || all.len() <= 3)
            .map(|(index, result)| {
                let anchor = if index == 0 { "start" } else if index + 1 == all.len() { "end" } else { "middle" };
                view! {
                    <text class="trend-date" x=format!("{:.1}", x(index)) y=HEIGHT - 4.0 text-anchor=anchor>
                        {result.date.clone()}
                    </text>
                }
            })
            .collect_view()
    };
    let charts = catalogue
        .dimensions
        .iter()
        .map(|dimension| {
            let bands = boundaries
                .windows(2)
                .enumerate()
                .map(|(level, pair)| {
                    view! {
                        <rect class=format!("band band-{}", level % 2) x=LEFT y=format!("{:.1}", y(pair[1])) width=plot_w height=format!("{:.1}", y(pair[0]) - y(pair[1])) />
                        <text class="band-label" x="2" y=format!("{:.1}", (y(pair[0]) + y(pair[1])) / 2.0 + 3.0)>{level + 1}</text>
                    }
                })
                .collect_view();
            let points: Vec<(f64, f64)> = all
                .iter()
                .enumerate()
                .filter_map(|(index, result)| {
                    result
                        .dimensions
                        .iter()
                        .find(|d| d.id == dimension.id)
                        .and_then(|d| d.score)
                        .map(|score| (x(index), y(score)))
                })
                .collect();
            let path: Vec<String> = points.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
            let dots = points
                .iter()
                .map(|(x, y)| view! { <circle class="dot" cx=format!("{x:.1}") cy=format!("{y:.1}") r="2.5" /> })
                .collect_view();
            let name = dimension.name.get(lang).to_owned();
            view! {
                <figure class="trend-chart" data-dimension=dimension.id.clone()>
                    <figcaption>{name.clone()}</figcaption>
                    <svg class="trend" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=name>
                        {bands}
                        <polyline points=path.join(" ") />
                        {dots}
                        {date_labels(all)}
                    </svg>
                </figure>
            }
        })
        .collect_view();
    view! {
        <div class="trend-charts" data-testid="trend" role="group" aria-label=consult::TREND.get(lang)>
            {charts}
        </div>
    }
}
