//! Component tests in headless Chromium (`wasm-pack test --headless
//! --chrome web -- --features tools`): each mounts a component over a
//! session holding a fixture bank, acts as the user would, and checks the
//! DOM and the session. They need the `tools` build to read fixture YAML.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test code: a failed unwrap is a failed test"
)]

use std::sync::Arc;

use leptos::prelude::*;
use shindan_engine::{
    Answer, Answers, Bank, Lang, QuestionIndex, SourceFile, load_bank, load_catalogue,
    read_answer_sheet, score,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use crate::components::{QuestionCard, Radar};
use crate::screens::{Questionnaire, ResultSheet};
use crate::session::Session;

wasm_bindgen_test_configure!(run_in_browser);

const CATALOGUE: &str = include_str!("../../tests/banks/catalogue.yaml");
const EVERY_KIND: &str = include_str!("../../tests/banks/valid/every-kind.yaml");
const MIDDLING: &str = include_str!("../../tests/banks/valid/every-kind.answers.middling.yaml");
const SAGA: &str = include_str!("../../tests/banks/valid/every-kind.answers.saga.yaml");

fn fixture_bank() -> Arc<Bank> {
    let catalogue = load_catalogue(&SourceFile::new("catalogue.yaml", CATALOGUE))
        .into_result()
        .unwrap();
    let bank = load_bank(&SourceFile::new("every-kind.yaml", EVERY_KIND), &catalogue)
        .into_result()
        .unwrap();
    Arc::new(bank)
}

/// A fresh container in the document and a session on the fixture bank.
fn setup() -> (web_sys::HtmlElement, Session, Arc<Bank>) {
    let document = document();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let session = Session::new(Lang::Ja);
    let bank = fixture_bank();
    session.begin(bank.clone(), Answers::new(&bank));
    (container, session, bank)
}

fn mount<V: IntoView + 'static>(
    container: &web_sys::HtmlElement,
    session: Session,
    view: impl FnOnce() -> V + 'static,
) {
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(session);
        view()
    });
    handle.forget();
}

fn click(container: &web_sys::HtmlElement, selector: &str) {
    let element: web_sys::HtmlElement = container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element {selector}"))
        .unchecked_into();
    element.click();
}

fn count(container: &web_sys::HtmlElement, selector: &str) -> u32 {
    container.query_selector_all(selector).unwrap().length()
}

#[wasm_bindgen_test]
async fn choosing_a_ladder_step_records_it_through_the_engine() {
    let (container, session, bank) = setup();
    mount(
        &container,
        session,
        || view! { <QuestionCard index=QuestionIndex::new(0) lang=Lang::Ja /> },
    );
    assert_eq!(count(&container, "fieldset legend"), 1);
    assert_eq!(count(&container, "input[type=radio]"), 5);
    click(&container, "input[value='3']");
    leptos::task::tick().await;
    let answer = session
        .answers
        .with_untracked(|answers| answers.question(QuestionIndex::new(0)));
    assert_eq!(answer, Some(Answer::Step(3)));
    assert_eq!(
        session.last_question.get_untracked().as_deref(),
        Some(bank.questions[0].id.as_str())
    );
}

#[wasm_bindgen_test]
async fn an_exclusive_option_clears_the_others_and_is_cleared_by_them() {
    let (container, session, bank) = setup();
    let multiple = bank
        .questions
        .iter()
        .position(|q| q.id == "multiple")
        .map(QuestionIndex::new)
        .unwrap();
    mount(
        &container,
        session,
        move || view! { <QuestionCard index=multiple lang=Lang::Ja /> },
    );
    click(&container, "input[value='a']");
    click(&container, "input[value='b']");
    leptos::task::tick().await;
    let answer = || {
        session
            .answers
            .with_untracked(|answers| answers.question(multiple))
    };
    assert_eq!(answer(), Some(Answer::Choices(0b0011)));
    click(&container, "input[value='none']");
    leptos::task::tick().await;
    assert_eq!(answer(), Some(Answer::Choices(0b1000)));
    assert_eq!(count(&container, "input:checked"), 1);
    click(&container, "input[value='c']");
    leptos::task::tick().await;
    assert_eq!(answer(), Some(Answer::Choices(0b0100)));
}

#[wasm_bindgen_test]
async fn a_follow_up_question_appears_when_its_condition_holds() {
    let (container, session, _bank) = setup();
    mount(&container, session, || view! { <Questionnaire /> });
    leptos::task::tick().await;
    assert_eq!(
        count(&container, "#q-staff_count"),
        0,
        "hidden until has_staff is yes"
    );
    click(&container, "#q-has_staff input[value='yes']");
    leptos::task::tick().await;
    assert_eq!(count(&container, "#q-staff_count"), 1);
    click(&container, "#q-has_staff input[value='no']");
    leptos::task::tick().await;
    assert_eq!(count(&container, "#q-staff_count"), 0);
}

#[wasm_bindgen_test]
async fn the_radar_has_a_ring_per_level_and_an_axis_per_dimension() {
    let (container, session, _bank) = setup();
    mount(&container, session, || {
        view! {
            <Radar
                labels=vec!["a 5".into(), "b –".into(), "c 2".into()]
                scores=vec![Some(100.0), None, Some(25.0)]
                thresholds=[20.0, 40.0, 60.0, 80.0]
                title="radar"
            />
        }
    });
    assert_eq!(count(&container, "polygon.ring"), 5);
    assert_eq!(count(&container, "line.spoke"), 3);
    assert_eq!(
        count(&container, "circle.dot"),
        2,
        "no dot for an unanswered dimension"
    );
    let labels = container.query_selector_all("text.axis-label").unwrap();
    assert_eq!(labels.item(1).unwrap().text_content().unwrap(), "b –");
}

/// The box `getBBox()` gives for an SVG element, as (x, y, width, height).
fn bbox(element: &web_sys::Element) -> (f64, f64, f64, f64) {
    let get = js_sys::Reflect::get(element, &"getBBox".into()).unwrap();
    let rect = get
        .unchecked_into::<js_sys::Function>()
        .call0(element)
        .unwrap();
    let field = |name: &str| {
        js_sys::Reflect::get(&rect, &name.into())
            .unwrap()
            .as_f64()
            .unwrap()
    };
    (field("x"), field("y"), field("width"), field("height"))
}

#[wasm_bindgen_test]
async fn radar_labels_stay_inside_the_box_at_3_10_and_16_axes_with_long_names() {
    let long = "理念・人材戦略の浸透度と社員への伝わり方 (purpose and people strategy)";
    for axes in [3, 10, 16] {
        let (container, session, _bank) = setup();
        let labels: Vec<String> = (0..axes)
            .map(|axis| {
                if axis % 2 == 0 {
                    format!("{long} {axis}")
                } else {
                    format!("採用 {axis}")
                }
            })
            .collect();
        let scores: Vec<Option<f64>> = (0..axes).map(|axis| Some(axis as f64 * 6.0)).collect();
        mount(&container, session, move || {
            view! { <Radar labels=labels scores=scores thresholds=[20.0, 40.0, 60.0, 80.0] title="radar" /> }
        });
        let svg = container.query_selector("svg.radar").unwrap().unwrap();
        let view_box: Vec<f64> = svg
            .get_attribute("viewBox")
            .unwrap()
            .split(' ')
            .map(|n| n.parse().unwrap())
            .collect();
        let (left, top) = (view_box[0], view_box[1]);
        let (right, bottom) = (left + view_box[2], top + view_box[3]);
        let texts = svg.query_selector_all("text").unwrap();
        assert!(texts.length() as usize > axes);
        for index in 0..texts.length() {
            let text: web_sys::Element = texts.item(index).unwrap().unchecked_into();
            let (x, y, width, height) = bbox(&text);
            assert!(
                x >= left && y >= top && x + width <= right && y + height <= bottom,
                "{axes} axes: {:?} at ({x:.0}, {y:.0}, {width:.0}×{height:.0}) leaves the box {view_box:?}",
                text.text_content()
            );
        }
        // A shortened label keeps its full name for readers and tooltips.
        assert!(
            svg.query_selector("text.axis-label title")
                .unwrap()
                .is_some()
        );
        // Scores, not levels: 6 and 12 (both level 1) lie at different radii.
        let dots = svg.query_selector_all("circle.dot").unwrap();
        let radius = |index: u32| {
            let dot: web_sys::Element = dots.item(index).unwrap().unchecked_into();
            let cx: f64 = dot.get_attribute("cx").unwrap().parse().unwrap();
            let cy: f64 = dot.get_attribute("cy").unwrap().parse().unwrap();
            cx.hypot(cy)
        };
        assert!(
            radius(2) > radius(1) + 1.0,
            "{axes} axes: 12 drawn beyond 6"
        );
        container.remove();
    }
}

#[wasm_bindgen_test]
async fn the_result_sheet_shows_the_engines_levels() {
    let (container, session, bank) = setup();
    let sheet = read_answer_sheet(&SourceFile::new("answers.yaml", MIDDLING), &bank)
        .into_result()
        .unwrap();
    let expected = score(&bank, &sheet.answers, sheet.profile.as_ref());
    session.answers.set(sheet.answers);
    mount(&container, session, || view! { <ResultSheet /> });
    leptos::task::tick().await;
    for (dimension, outcome) in bank.catalogue.dimensions.iter().zip(&expected.dimensions) {
        let cell = container
            .query_selector(&format!("tr[data-dimension='{}'] td.level", dimension.id))
            .unwrap()
            .unwrap();
        let shown = cell.get_attribute("data-level").unwrap_or_default();
        assert_eq!(
            shown,
            outcome.level.map(|l| l.to_string()).unwrap_or_default()
        );
    }
    // Four workers: the work-rules duty does not bind, so it is listed apart.
    assert_eq!(count(&container, "[data-testid=gate-findings] li"), 0);
    // The catalogue's attribution is printed with the sheet.
    let attribution = container
        .query_selector("[data-testid=attribution]")
        .unwrap()
        .expect("attribution shown");
    assert!(attribution.text_content().unwrap().contains("出典表示の例"));
}

#[wasm_bindgen_test]
async fn a_gate_finding_cites_its_law_and_a_duty_that_does_not_bind_is_listed_apart() {
    let (container, session, bank) = setup();
    let sheet = read_answer_sheet(&SourceFile::new("answers.yaml", SAGA), &bank)
        .into_result()
        .unwrap();
    session.profile.set(sheet.profile.clone());
    session.answers.set(sheet.answers);
    mount(&container, session, || view! { <ResultSheet /> });
    leptos::task::tick().await;
    assert_eq!(count(&container, "[data-testid=gate-findings] li"), 1);
    let basis = container
        .query_selector("[data-testid=gate-basis]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default();
    assert!(basis.contains("労働基準法 第89条"), "{basis}");
    let as_of = container
        .query_selector("[data-testid=as-of]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default();
    assert!(as_of.contains("2026年12月1日"), "{as_of}");
    // The closed seminar of the Saga rule is routed to the desk.
    assert_eq!(count(&container, "[data-program=seminar-2025]"), 0);
    assert_eq!(
        count(
            &container,
            "[data-recommendation=saga-first] [data-program=portal]"
        ),
        1
    );
}
