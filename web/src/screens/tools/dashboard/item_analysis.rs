//! 設問分析 in the dashboard: the engine's instrument analysis of the
//! results read (the same figures `shindan analyze` prints) — per tier and
//! edition, each area's Cronbach's α, and per question the answered, N/A and
//! skipped counts, the item–rest correlation, α without it and the top
//! answer's share, with the engine's flags for weak questions.

use leptos::prelude::*;
use shindan_engine::analysis::{Flag, FlagKind, GroupAnalysis, Statistic};
use std::sync::Arc;

use shindan_engine::{Analysis, Catalogue, Lang, THRESHOLDS};

use super::dimension_name;
use crate::files;
use crate::messages::tools::item_analysis as t;
use crate::session::use_session;

/// A figure to three decimals, or why it cannot be computed.
fn figure(statistic: Statistic, lang: Lang) -> String {
    match statistic {
        Statistic::Value(value) => format!("{value:.3}"),
        Statistic::NotComputable(why) => format!("– ({})", why.describe().get(lang)),
    }
}

/// A share as a percentage, or a dash.
fn percent(statistic: Statistic) -> String {
    statistic
        .value()
        .map_or("–".to_owned(), |value| format!("{:.1}%", value * 100.0))
}

/// The `data-` form of a figure, for tests and scripts: three decimals or
/// empty.
fn data(statistic: Statistic) -> String {
    statistic
        .value()
        .map_or(String::new(), |value| format!("{value:.3}"))
}

/// A flag as people read it: the area by name, the question by id (what
/// authors edit), what is wrong and the figure.
fn flag_text(flag: &Flag, lang: Lang, name_of: &dyn Fn(&str) -> String) -> String {
    let what = match flag.kind {
        FlagKind::LowAlpha => t::FLAG_LOW_ALPHA.get(lang),
        FlagKind::LowItemRest => t::FLAG_LOW_ITEM_REST.get(lang),
        FlagKind::DominantAnswer => t::FLAG_DOMINANT.get(lang),
    };
    let place = match &flag.question {
        Some(question) => format!("{} / {question}", name_of(&flag.dimension)),
        None => name_of(&flag.dimension),
    };
    format!("{place}: {what} ({:.3})", flag.value)
}

/// One tier and edition.
fn group_view(
    group: &GroupAnalysis,
    lang: Lang,
    name_of: &dyn Fn(&str) -> String,
) -> impl IntoView + use<> {
    let heading = format!(
        "{} — {} {} (n = {})",
        group.tier.name().get(lang),
        group.bank.as_deref().unwrap_or("–"),
        group.version.as_deref().unwrap_or(""),
        group.respondents
    );
    let dimensions = group
        .dimensions
        .iter()
        .map(|dimension| {
            let rows = group
                .questions
                .iter()
                .filter(|question| question.dimension == dimension.id)
                .map(|question| {
                    let dropped = dimension
                        .alpha_if_dropped
                        .iter()
                        .find(|item| item.question == question.id)
                        .map(|item| item.alpha);
                    view! {
                        <tr data-question=question.id.clone() data-item-rest=data(question.item_rest)>
                            <th scope="row"><code>{question.id.clone()}</code></th>
                            <td>{question.asked}</td>
                            <td>{question.answered}</td>
                            <td>{percent(question.not_applicable_rate)}</td>
                            <td>{percent(question.skipped_rate)}</td>
                            <td>{figure(question.item_rest, lang)}</td>
                            <td>{dropped.map_or("–".to_owned(), |alpha| figure(alpha, lang))}</td>
                            <td>{format!("{} {}", percent(question.top_share), question.top_answer.clone().unwrap_or_default())}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <section class="analysis-dimension" data-dimension=dimension.id.clone() data-alpha=data(dimension.alpha)>
                    <h4>
                        {name_of(&dimension.id)} " — α " {figure(dimension.alpha, lang)}
                        {format!(" ({} {})", t::COMPLETE.get(lang), dimension.complete)}
                    </h4>
                    <table class="analysis">
                        <thead>
                            <tr>
                                <th scope="col">{t::QUESTION.get(lang)}</th>
                                <th scope="col">{t::ASKED.get(lang)}</th>
                                <th scope="col">{t::ANSWERED.get(lang)}</th>
                                <th scope="col">{t::NOT_APPLICABLE.get(lang)}</th>
                                <th scope="col">{t::SKIPPED.get(lang)}</th>
                                <th scope="col">{t::ITEM_REST.get(lang)}</th>
                                <th scope="col">{t::ALPHA_IF_DROPPED.get(lang)}</th>
                                <th scope="col">{t::TOP_ANSWER.get(lang)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </section>
            }
        })
        .collect_view();
    let flags = group
        .flags
        .iter()
        .map(
            |flag| view! { <li data-flag=flag.kind.as_str()>{flag_text(flag, lang, name_of)}</li> },
        )
        .collect_view();
    view! {
        <section class="analysis-group" data-tier=group.tier.as_str() data-version=group.version.clone().unwrap_or_default()>
            <h3>{heading}</h3>
            <ul class="flags" data-testid="analysis-flags">{flags}</ul>
            {dimensions}
        </section>
    }
}

/// The 設問分析 section, once results with answers were read.
#[component]
pub fn ItemAnalysis(
    analysis: Memo<Analysis>,
    lang: RwSignal<Lang>,
    catalogue: RwSignal<Option<Arc<Catalogue>>>,
) -> impl IntoView {
    let session = use_session();
    let export = move |_| {
        let csv = analysis.with_untracked(Analysis::to_csv);
        let saved = files::download(
            "shindan-item-analysis.csv",
            "text/csv;charset=utf-8",
            &csv,
            lang.get_untracked(),
        );
        if let Err(error) = saved {
            session.tell(t::EXPORT.text(), vec![error]);
        }
    };
    move || {
        let lang = lang.get();
        let name_of = move |id: &str| dimension_name(catalogue, id, lang);
        analysis.with(|analysis| {
            let groups: Vec<_> = analysis.groups.iter().filter(|group| group.answers).collect();
            (!groups.is_empty()).then(|| {
                let top_share = format!("{:.0}", THRESHOLDS.top_share_above * 100.0);
                let lead = t::LEAD.fill(
                    lang,
                    &[&THRESHOLDS.alpha_below, &THRESHOLDS.item_rest_below, &top_share],
                );
                view! {
                    <section class="item-analysis" data-testid="item-analysis">
                        <h2>{t::HEADING.get(lang)}</h2>
                        <p class="lead">{lead}</p>
                        <button type="button" class="secondary no-print" data-testid="export-analysis" on:click=export>
                            {t::EXPORT.get(lang)}
                        </button>
                        {groups.into_iter().map(|group| group_view(group, lang, &name_of)).collect_view()}
                    </section>
                }
            })
        })
    }
}
