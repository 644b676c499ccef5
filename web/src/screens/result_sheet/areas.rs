//! The levels: the overall one, then each area on the radar (with the
//! peers' band when peers are compared) and in the table beside it, with
//! its meaning, its standing among peers, a way back to its questions and
//! the company's target for it.

use leptos::prelude::*;
use shindan_engine::sheet::Area;
use shindan_engine::{Bank, Lang, SheetView};

use super::plan::target_select;
use super::{level_text, score_text};
use crate::components::{Radar, axis_label};
use crate::messages as m;
use crate::screens::page_of;
use crate::session::{Screen, Session};

/// The overall level and score.
pub fn overall(sheet: &SheetView, lang: Lang) -> impl IntoView + use<> {
    view! {
        <section class="overall" data-testid="overall">
            <h3>{m::OVERALL.get(lang)}</h3>
            <p>
                <span class="big-level">{level_text(sheet.overall.level, lang)}</span>
                " ・ " {m::SCORE.get(lang)} " " {score_text(sheet.overall.score)} " / 100"
            </p>
        </section>
    }
}

/// The radar and the table of areas.
pub fn areas(session: Session, sheet: &SheetView, lang: Lang) -> impl IntoView + use<> {
    let bank = session.bank.get_untracked();
    let labels = sheet
        .areas
        .iter()
        .map(|area| axis_label(area.short.get(lang), area.level))
        .collect();
    let scores = sheet.areas.iter().map(|area| area.score).collect();
    // Without peers to compare with, no column that would stay empty.
    let with_peers = sheet.compares_peers();
    let rows = sheet
        .areas
        .iter()
        .map(|area| area_row(session, bank.as_deref(), area, with_peers, lang))
        .collect_view();
    view! {
        <div class="chart-and-table">
            <Radar
                labels=labels
                scores=scores
                thresholds=sheet.level_thresholds
                title=m::RADAR_LABEL.get(lang)
                band=sheet.peer_band()
            />
            <table class="dimensions" data-testid="dimension-table">
                <thead>
                    <tr>
                        <th scope="col">{m::DIMENSION.get(lang)}</th>
                        <th scope="col">{m::LEVEL.get(lang)}</th>
                        <th scope="col">{m::SCORE.get(lang)}</th>
                        {with_peers.then(|| view! { <th scope="col">{m::PEER_COLUMN.get(lang)}</th> })}
                        <th scope="col">{m::MEANING.get(lang)}</th>
                        <th scope="col">{m::TARGET.get(lang)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// One area's row.
fn area_row(
    session: Session,
    bank: Option<&Bank>,
    area: &Area,
    with_peers: bool,
    lang: Lang,
) -> impl IntoView + use<> {
    let page = bank.and_then(|bank| page_of(bank, area.dimension));
    let review = page.map(|page| {
        view! {
            <button
                type="button"
                class="link no-print review"
                data-testid=format!("review-{}", area.id)
                on:click=move |_| {
                    session.page.set(page);
                    session.reviewing.set(true);
                    session.screen.set(Screen::Questions);
                }
            >
                {m::REVIEW_AREA.get(lang)}
            </button>
        }
    });
    let deviation = area.standing.map(|standing| {
        standing
            .deviation
            .map_or("–".to_owned(), |value| format!("{value:.1}"))
    });
    let peer = area
        .standing
        .zip(deviation.clone())
        .map(|(standing, deviation)| {
            format!(
                "{} {deviation}, {} {:.0}",
                m::DEVIATION.get(lang),
                m::PERCENTILE.get(lang),
                standing.percentile
            )
        });
    view! {
        <tr data-dimension=area.id.to_owned()>
            <th scope="row">{area.name.get(lang).to_owned()} {review}</th>
            <td class="level" data-level=area.level.map(|level| level.to_string()).unwrap_or_default()>
                {level_text(area.level, lang)}
            </td>
            <td class="score">{score_text(area.score)}</td>
            {with_peers.then(|| view! { <td class="peer" data-deviation=deviation.unwrap_or_default()>{peer}</td> })}
            <td>{area.meaning.as_ref().map(|meaning| meaning.get(lang).to_owned()).unwrap_or_default()}</td>
            <td class="target">{target_select(session, area.id, lang)}</td>
        </tr>
    }
}
