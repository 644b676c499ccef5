//! The radar's hand-written parts against independent oracles: character
//! widths against `unicode-width`, the drawn polygon against geometry
//! computed here and measured by the browser (`getTotalLength`, `getBBox`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed unwrap is a failed test"
)]

use leptos::prelude::*;
use unicode_width::UnicodeWidthChar;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use super::{RADIUS, Radar, ems};

/// Characters a label in Japanese or English may hold: ASCII, kana,
/// every kanji of the unified block, the CJK symbols and punctuation (up
/// to 〾: U+303F is a typesetter's half-fill space, not text), the
/// half-width and full-width forms (less the unassigned U+FFDD–U+FFDF and
/// U+FFE7, which `unicode-width` counts narrow), and the general
/// punctuation Japanese text uses.
fn label_characters() -> Vec<char> {
    let ranges = [
        ('\u{20}', '\u{7E}'),
        ('\u{3041}', '\u{3096}'),
        ('\u{30A1}', '\u{30FC}'),
        ('\u{4E00}', '\u{9FFF}'),
        ('\u{3000}', '\u{303E}'),
        ('\u{FF01}', '\u{FFDC}'),
        ('\u{FFE0}', '\u{FFE6}'),
        ('\u{FFE8}', '\u{FFEE}'),
    ];
    ranges
        .into_iter()
        .flat_map(|(low, high)| low..=high)
        .chain("‐–—―‘’“”‥…※".chars())
        .collect()
}

/// `unicode-width` counts East Asian wide characters 2 columns and narrow
/// ones 1; `width_cjk` counts ambiguous ones (…, ※) wide, as a Japanese
/// font draws them. A wide character takes one em, a narrow one less.
#[wasm_bindgen_test]
fn character_widths_agree_with_unicode_width() {
    let characters = label_characters();
    assert!(characters.len() > 21_000, "{}", characters.len());
    let mut wrong = Vec::new();
    for c in characters {
        let agrees = match (c.width(), c.width_cjk()) {
            (_, Some(2)) => ems(c) == 1.0,
            (Some(1), Some(1)) => ems(c) < 1.0,
            // Combining marks take no column.
            _ => true,
        };
        if !agrees {
            wrong.push(format!("{c:?} U+{:04X}: {} em", u32::from(c), ems(c)));
        }
    }
    assert!(wrong.is_empty(), "{} characters: {wrong:?}", wrong.len());
}

/// The estimate may overrate a narrow character but never underrate a
/// wide one, anywhere in the Basic Multilingual Plane: a label so counted
/// cannot leave the view box.
#[wasm_bindgen_test]
fn no_wide_character_is_counted_narrow() {
    let narrowed: Vec<char> = ('\u{0}'..='\u{FFFF}')
        .filter(|c| c.width_cjk() == Some(2) && ems(*c) < 1.0)
        .collect();
    assert!(narrowed.is_empty(), "{narrowed:?}");
}

/// The box `getBBox()` gives and the length `getTotalLength()` gives for
/// an SVG shape, measured by the browser from what was drawn.
fn measure(element: &web_sys::Element) -> ((f64, f64, f64, f64), f64) {
    let call = |name: &str| {
        js_sys::Reflect::get(element, &name.into())
            .unwrap()
            .unchecked_into::<js_sys::Function>()
            .call0(element)
            .unwrap()
    };
    let rect = call("getBBox");
    let field = |name: &str| {
        js_sys::Reflect::get(&rect, &name.into())
            .unwrap()
            .as_f64()
            .unwrap()
    };
    let bbox = (field("x"), field("y"), field("width"), field("height"));
    (bbox, call("getTotalLength").as_f64().unwrap())
}

/// The company's polygon and its dots lie where plain trigonometry puts
/// the scores: axis k of n at k/n of a turn clockwise from the top, the
/// score as a share of the outer radius, an unanswered area at the centre.
#[wasm_bindgen_test]
fn the_drawn_scores_match_an_independent_computation() {
    let scores = [Some(100.0), Some(50.0), Some(12.5), None, Some(87.5)];
    let axes = scores.len();
    let expected: Vec<(f64, f64)> = scores
        .iter()
        .enumerate()
        .map(|(k, score)| {
            let turn = k as f64 / axes as f64;
            let (sin, cos) = (turn * std::f64::consts::TAU).sin_cos();
            let r = RADIUS * score.unwrap_or(0.0) / 100.0;
            // Clockwise from the top, with y pointing down as in SVG.
            (r * sin, -r * cos)
        })
        .collect();
    let document = web_sys::window().unwrap().document().unwrap();
    let container = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    let labels: Vec<String> = (0..axes).map(|axis| format!("分野 {axis}")).collect();
    let shown = scores.to_vec();
    let handle = leptos::mount::mount_to(container.clone().unchecked_into(), move || {
        view! { <Radar labels=labels scores=shown thresholds=[20.0, 40.0, 60.0, 80.0] title="radar" /> }
    });

    let polygon = container
        .query_selector("polygon.company")
        .unwrap()
        .unwrap();
    let ((x, y, width, height), length) = measure(&polygon);
    let perimeter: f64 = (0..axes)
        .map(|k| {
            let (a, b) = (expected[k], expected[(k + 1) % axes]);
            (b.0 - a.0).hypot(b.1 - a.1)
        })
        .sum();
    // Coordinates are written to 0.1 units.
    assert!(
        (length - perimeter).abs() < 0.15 * axes as f64,
        "perimeter {length} drawn, {perimeter} computed"
    );
    let low = |pick: fn(&(f64, f64)) -> f64| expected.iter().map(pick).fold(f64::MAX, f64::min);
    let high = |pick: fn(&(f64, f64)) -> f64| expected.iter().map(pick).fold(f64::MIN, f64::max);
    let computed = (
        low(|p| p.0),
        low(|p| p.1),
        high(|p| p.0) - low(|p| p.0),
        high(|p| p.1) - low(|p| p.1),
    );
    let drawn = (x, y, width, height);
    for (a, b) in [
        (drawn.0, computed.0),
        (drawn.1, computed.1),
        (drawn.2, computed.2),
        (drawn.3, computed.3),
    ] {
        assert!(
            (a - b).abs() < 0.11,
            "box {drawn:?} drawn, {computed:?} computed"
        );
    }

    let dots = container.query_selector_all("circle.dot").unwrap();
    let answered: Vec<(f64, f64)> = scores
        .iter()
        .zip(&expected)
        .filter(|(score, _)| score.is_some())
        .map(|(_, &point)| point)
        .collect();
    assert_eq!(dots.length() as usize, answered.len());
    for (index, (ex, ey)) in answered.into_iter().enumerate() {
        let dot: web_sys::Element = dots.item(index as u32).unwrap().unchecked_into();
        let at = |name: &str| -> f64 { dot.get_attribute(name).unwrap().parse().unwrap() };
        assert!(
            (at("cx") - ex).abs() < 0.051 && (at("cy") - ey).abs() < 0.051,
            "dot {index} at ({}, {}), computed ({ex:.2}, {ey:.2})",
            at("cx"),
            at("cy")
        );
    }
    drop(handle);
    container.remove();
}
