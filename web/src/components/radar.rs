//! The radar chart: one axis per dimension, rings for levels 1–5, the
//! company's levels as a polygon. Plain SVG, so it prints sharp.

use leptos::prelude::*;

/// Centre and outer radius in the 400 × 400 view box.
const CENTRE: f64 = 200.0;
const RADIUS: f64 = 130.0;

/// Where level `level` (0–5) of axis `axis` of `axes` lies.
fn point(axis: usize, axes: usize, level: f64) -> (f64, f64) {
    let angle =
        -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * axis as f64 / axes.max(1) as f64;
    let r = RADIUS * level / 5.0;
    (CENTRE + r * angle.cos(), CENTRE + r * angle.sin())
}

fn polygon(levels: impl Iterator<Item = f64>, axes: usize) -> String {
    levels
        .enumerate()
        .map(|(axis, level)| {
            let (x, y) = point(axis, axes, level);
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A closed SVG path through the points of `levels`.
fn ring_path(levels: impl Iterator<Item = f64>, axes: usize) -> String {
    let mut path = String::new();
    for (axis, level) in levels.enumerate() {
        let (x, y) = point(axis, axes, level);
        path.push_str(&format!(
            "{}{x:.1} {y:.1}",
            if axis == 0 { "M" } else { "L" }
        ));
    }
    path.push('Z');
    path
}

/// A radar of `levels` (None: not answered, drawn at the centre) over axes
/// named `labels`, with the peers' middle half (`band`: the levels of the
/// 25th and 75th percentile per axis) shaded when given, and an earlier
/// result as a dashed outline when comparing.
#[component]
pub fn Radar(
    labels: Vec<String>,
    levels: Vec<Option<u8>>,
    #[prop(into)] title: String,
    #[prop(optional_no_strip)] band: Option<Vec<(u8, u8)>>,
    #[prop(optional_no_strip)] previous: Option<Vec<Option<u8>>>,
) -> impl IntoView {
    let previous = previous.map(|levels| {
        let points = polygon(
            levels.iter().map(|level| level.map_or(0.0, f64::from)),
            labels.len(),
        );
        view! { <polygon class="previous" points=points data-testid="radar-previous" /> }
    });
    let axes = labels.len();
    let band = band.map(|band| {
        let outer = ring_path(band.iter().map(|&(_, high)| f64::from(high)), axes);
        let inner = ring_path(band.iter().map(|&(low, _)| f64::from(low)), axes);
        view! { <path class="peer-band" d=format!("{outer} {inner}") fill-rule="evenodd" data-testid="peer-band" /> }
    });
    let rings = (1..=5)
        .map(|ring| {
            let points = polygon(std::iter::repeat_n(f64::from(ring), axes), axes);
            let (x, y) = point(0, axes, f64::from(ring));
            view! {
                <polygon class="ring" points=points />
                <text class="ring-label" x=format!("{:.1}", x + 4.0) y=format!("{:.1}", y - 2.0)>{ring}</text>
            }
        })
        .collect_view();
    let spokes = (0..axes)
        .map(|axis| {
            let (x, y) = point(axis, axes, 5.0);
            view! { <line class="spoke" x1=CENTRE x2=format!("{x:.1}") y1=CENTRE y2=format!("{y:.1}") /> }
        })
        .collect_view();
    let company = polygon(
        levels.iter().map(|level| level.map_or(0.0, f64::from)),
        axes,
    );
    let dots = levels
        .iter()
        .enumerate()
        .filter_map(|(axis, level)| level.map(|level| (axis, level)))
        .map(|(axis, level)| {
            let (x, y) = point(axis, axes, f64::from(level));
            view! { <circle class="dot" cx=format!("{x:.1}") cy=format!("{y:.1}") r="4" /> }
        })
        .collect_view();
    let names = labels
        .into_iter()
        .zip(&levels)
        .enumerate()
        .map(|(axis, (label, level))| {
            let (x, y) = point(axis, axes, 6.1);
            let anchor = if (x - CENTRE).abs() < 1.0 {
                "middle"
            } else if x > CENTRE {
                "start"
            } else {
                "end"
            };
            let shown = match level {
                Some(level) => format!("{label} {level}"),
                None => format!("{label} –"),
            };
            view! {
                <text class="axis-label" x=format!("{x:.1}") y=format!("{:.1}", y + 4.0) text-anchor=anchor>
                    {shown}
                </text>
            }
        })
        .collect_view();
    view! {
        <svg class="radar" viewBox="-70 0 540 400" role="img" aria-label=title data-testid="radar">
            {rings}
            {band}
            {spokes}
            {previous}
            <polygon class="company" points=company />
            {dots}
            {names}
        </svg>
    }
}
