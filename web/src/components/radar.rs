//! The radar chart: one axis per dimension, the company's scores (0–100) as
//! a polygon over rings at the catalogue's level thresholds, so 8.3 and 25.0
//! are drawn apart even when they are a level apart or the same level.
//! Labels wrap, long ones are shortened with the full name in a `<title>`,
//! and the view box is fitted around them, so nothing leaves the box at any
//! number of axes. Plain SVG, so it prints sharp and scales with the page.

use leptos::prelude::*;

/// Centre and outer radius of the plot.
const CENTRE: f64 = 0.0;
const RADIUS: f64 = 130.0;
/// Where labels sit, as a share of the outer radius.
const LABEL_AT: f64 = 1.14;
/// Label font size in view box units, set on each label: the fitting
/// counts on it, whatever stylesheet is (or is not) loaded.
const FONT: f64 = 14.0;
/// The widest label line, in ems, and the most lines a label takes.
const LINE_EMS: f64 = 6.0;
const MAX_LINES: usize = 2;
/// Space kept around everything drawn.
const MARGIN: f64 = 8.0;

/// Where `score` (0–100) of axis `axis` of `axes` lies.
fn point(axis: usize, axes: usize, score: f64) -> (f64, f64) {
    let angle =
        -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * axis as f64 / axes.max(1) as f64;
    let r = RADIUS * score.clamp(0.0, 100.0) / 100.0;
    (CENTRE + r * angle.cos(), CENTRE + r * angle.sin())
}

fn points(scores: impl Iterator<Item = f64>, axes: usize) -> String {
    scores
        .enumerate()
        .map(|(axis, score)| {
            let (x, y) = point(axis, axes, score);
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A closed SVG path through the points of `scores`.
fn ring_path(scores: impl Iterator<Item = f64>, axes: usize) -> String {
    let mut path = String::new();
    for (axis, score) in scores.enumerate() {
        let (x, y) = point(axis, axes, score);
        path.push_str(&format!(
            "{}{x:.1} {y:.1}",
            if axis == 0 { "M" } else { "L" }
        ));
    }
    path.push('Z');
    path
}

/// A character's width in ems: a full em for East Asian wide characters
/// (kanji, kana, full-width forms) and ambiguous ones (…, ※: a Japanese
/// font draws them full width), about half for ASCII and the half-width
/// forms (ｶﾅ, ｢｣). Generous, so that fitting errs on the safe side: other
/// narrow letters (ć, Thai) count a full em too, as a width table would
/// cost the first load more than the room they waste.
fn ems(c: char) -> f64 {
    let half_width_form =
        ('\u{FF61}'..='\u{FFDC}').contains(&c) || ('\u{FFE8}'..='\u{FFEE}').contains(&c);
    if c.is_ascii() || half_width_form {
        0.62
    } else {
        1.0
    }
}

/// `label` in at most `MAX_LINES` lines of about `LINE_EMS` ems, broken at
/// spaces where it can be (「コミットメント 3」 keeps the word whole), within a
/// word where it must; cut with "…" when longer (the caller then shows
/// the full text in a `<title>`).
fn wrap(label: &str) -> (Vec<String>, bool) {
    let width = |text: &str| text.chars().map(ems).sum::<f64>();
    let mut lines: Vec<String> = vec![String::new()];
    let mut cut = false;
    'words: for word in label.split(' ').filter(|word| !word.is_empty()) {
        let Some(line) = lines.last_mut() else { break };
        let joined = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if width(&joined) <= LINE_EMS {
            *line = joined;
            continue;
        }
        // The word starts a new line, if there is one left.
        if !line.is_empty() {
            if lines.len() == MAX_LINES {
                cut = true;
                break;
            }
            lines.push(String::new());
        }
        // A word one em too long stays whole (the view box is fitted to
        // the lines as drawn); a longer one is broken.
        if width(word) <= LINE_EMS + 1.0 {
            if let Some(line) = lines.last_mut() {
                *line = word.to_owned();
            }
            continue;
        }
        for c in word.chars() {
            let Some(line) = lines.last_mut() else { break };
            if width(line) + ems(c) > LINE_EMS {
                if lines.len() == MAX_LINES {
                    cut = true;
                    break 'words;
                }
                lines.push(String::new());
            }
            if let Some(line) = lines.last_mut() {
                line.push(c);
            }
        }
    }
    if cut && let Some(line) = lines.last_mut() {
        while width(line) + 1.0 > LINE_EMS {
            line.pop();
        }
        line.push('…');
    }
    (lines, cut)
}

/// The label lines of one axis, placed beside the end of its spoke, and the
/// box they cover (x0, y0, x1, y1).
struct Label {
    lines: Vec<String>,
    full: Option<String>,
    x: f64,
    y: f64,
    anchor: &'static str,
    bounds: (f64, f64, f64, f64),
}

fn label(axis: usize, axes: usize, text: &str) -> Label {
    let (lines, cut) = wrap(text);
    let (x, y) = point(axis, axes, 100.0 * LABEL_AT);
    let width = lines
        .iter()
        .map(|line| line.chars().map(ems).sum::<f64>())
        .fold(0.0, f64::max)
        * FONT;
    let height = lines.len() as f64 * FONT * 1.2;
    let (anchor, x0) = if (x - CENTRE).abs() < 1.0 {
        ("middle", x - width / 2.0)
    } else if x > CENTRE {
        ("start", x)
    } else {
        ("end", x - width)
    };
    // Above the centre the block grows upwards, below it downwards.
    let top = if (y - CENTRE).abs() < 1.0 {
        y - height / 2.0
    } else if y < CENTRE {
        y - height
    } else {
        y
    };
    Label {
        lines,
        full: cut.then(|| text.to_owned()),
        x,
        y: top + FONT,
        anchor,
        bounds: (x0, top, x0 + width, top + height),
    }
}

/// A radar axis label: the area's short name and its level.
pub fn axis_label(name: &str, level: Option<u8>) -> String {
    match level {
        Some(level) => format!("{name} {level}"),
        None => format!("{name} –"),
    }
}

/// A radar of `scores` (None: not answered, drawn at the centre) over axes
/// named `labels`, with rings at `thresholds` (the catalogue's level
/// boundaries), the peers' middle half (`band`: the 25th and 75th
/// percentile scores per axis) shaded when given, and an earlier result as
/// a dashed outline when comparing.
#[component]
pub fn Radar(
    labels: Vec<String>,
    scores: Vec<Option<f64>>,
    thresholds: [f64; 4],
    #[prop(into)] title: String,
    #[prop(optional_no_strip)] band: Option<Vec<(f64, f64)>>,
    #[prop(optional_no_strip)] previous: Option<Vec<Option<f64>>>,
) -> impl IntoView {
    let axes = labels.len();
    let previous = previous.map(|scores| {
        let points = points(scores.iter().map(|score| score.unwrap_or(0.0)), axes);
        view! { <polygon class="previous" points=points data-testid="radar-previous" /> }
    });
    let band = band.map(|band| {
        let outer = ring_path(band.iter().map(|&(_, high)| high), axes);
        let inner = ring_path(band.iter().map(|&(low, _)| low), axes);
        view! { <path class="peer-band" d=format!("{outer} {inner}") fill-rule="evenodd" data-testid="peer-band" /> }
    });
    // Level k lies between boundary k − 1 and boundary k.
    let boundaries: Vec<f64> = thresholds.iter().copied().chain([100.0]).collect();
    let rings = boundaries
        .iter()
        .enumerate()
        .map(|(index, &boundary)| {
            let lower = if index == 0 { 0.0 } else { boundaries[index - 1] };
            let (x, y) = point(0, axes, (lower + boundary) / 2.0);
            view! {
                <polygon class="ring" points=points(std::iter::repeat_n(boundary, axes), axes) />
                <text class="ring-label" x=format!("{:.1}", x + 4.0) y=format!("{:.1}", y + 3.0)>{index + 1}</text>
            }
        })
        .collect_view();
    let spokes = (0..axes)
        .map(|axis| {
            let (x, y) = point(axis, axes, 100.0);
            view! { <line class="spoke" x1=CENTRE x2=format!("{x:.1}") y1=CENTRE y2=format!("{y:.1}") /> }
        })
        .collect_view();
    let company = points(scores.iter().map(|score| score.unwrap_or(0.0)), axes);
    let dots = scores
        .iter()
        .enumerate()
        .filter_map(|(axis, score)| score.map(|score| (axis, score)))
        .map(|(axis, score)| {
            let (x, y) = point(axis, axes, score);
            view! { <circle class="dot" cx=format!("{x:.1}") cy=format!("{y:.1}") r="4" data-score=format!("{score:.1}") /> }
        })
        .collect_view();
    let placed: Vec<Label> = labels
        .iter()
        .enumerate()
        .map(|(axis, text)| label(axis, axes, text))
        .collect();
    let reach = RADIUS + MARGIN;
    let (x0, y0, x1, y1) =
        placed
            .iter()
            .fold((-reach, -reach, reach, reach), |(x0, y0, x1, y1), label| {
                let (a, b, c, d) = label.bounds;
                (
                    x0.min(a - MARGIN),
                    y0.min(b - MARGIN),
                    x1.max(c + MARGIN),
                    y1.max(d + MARGIN),
                )
            });
    let view_box = format!("{x0:.0} {y0:.0} {:.0} {:.0}", x1 - x0, y1 - y0);
    let names = placed
        .into_iter()
        .map(|label| {
            let x = format!("{:.1}", label.x);
            let lines = label
                .lines
                .into_iter()
                .enumerate()
                .map(|(index, line)| {
                    let dy = if index == 0 { "0".to_owned() } else { format!("{}", FONT * 1.2) };
                    view! { <tspan x=x.clone() dy=dy>{line}</tspan> }
                })
                .collect_view();
            view! {
                <text class="axis-label" x=x.clone() y=format!("{:.1}", label.y) text-anchor=label.anchor font-size=FONT>
                    {label.full.map(|full| view! { <title>{full}</title> })}
                    {lines}
                </text>
            }
        })
        .collect_view();
    view! {
        <svg class="radar" viewBox=view_box role="img" aria-label=title data-testid="radar">
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

#[cfg(test)]
mod tests;
