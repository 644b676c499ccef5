//! The trend over every result: one small chart per area, visits left to
//! right, the score as a line over the level bands.

use leptos::prelude::*;
use shindan_engine::{Bank, Lang, ResultDoc};

use crate::messages::tools::consult;

/// A line per dimension over the results, score 0–100, each line named at
/// its end (colour is not the only cue).
pub fn trend(lang: Lang, bank: &Bank, all: &[ResultDoc]) -> impl IntoView {
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
