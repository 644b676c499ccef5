//! The result sheet: the engine's `SheetView` of the current answers laid
//! out — header, overall level, radar and areas, peers, strengths and the
//! weakest areas, gate findings, next steps with their programs — then the
//! company's plan, the QR code that takes the result home and the exports.
//! Every figure and every choice of what to show is the engine's, the same
//! as `shindan score` prints; the parts here only lay it out.
//!
//! The parts are view functions drawn in one reactive closure, which runs
//! again only when the language, the bank, the scores or the peer data
//! change: a `#[component]`, memo or render effect per part would cost the
//! first load about two kilobytes more for the same page.

mod areas;
mod exports;
mod gates;
mod header;
mod next_steps;
mod peers;
mod plan;
mod ranked;
mod take_home;

use leptos::prelude::*;
use shindan_engine::{Lang, SheetView};

use crate::kiosk::use_kiosk;
use crate::messages as m;
use crate::query::Query;
use crate::session::use_session;
use crate::today::today;
use crate::{banks, handoff};

use areas::{areas, overall};
use exports::sheet_actions;
use gates::gate_findings;
use header::header;
use next_steps::next_step_list;
use peers::peer_section;
use plan::plan_summary;
use ranked::ranked_list;
use take_home::{take_home, take_home_link};

/// 「レベル 3」, or 未回答 without a level.
fn level_text(level: Option<u8>, lang: Lang) -> String {
    match level {
        Some(level) => format!("{} {level}", m::LEVEL.get(lang)),
        None => m::NO_ANSWER.get(lang).to_owned(),
    }
}

/// A score to one decimal, or a dash without one.
fn score_text(score: Option<f64>) -> String {
    score.map_or_else(|| "–".to_owned(), |score| format!("{score:.1}"))
}

/// The result screen.
#[component]
pub fn ResultSheet() -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    let date = today();
    // `?demo` shows peers from synthetic reference data (demonstrations).
    let demo = Query::of_page().has("demo");
    let kiosk = use_kiosk();
    let in_kiosk = kiosk.is_some();
    let portal = handoff::qr_address(kiosk.and_then(|kiosk| kiosk.portal));
    if session.reference.get_untracked().is_none() {
        leptos::task::spawn_local(async move {
            // Without reference data the sheet simply shows no comparison.
            if let Ok(reference) = banks::fetch_reference().await {
                session.reference.set(Some(reference));
            }
        });
    }
    let link = take_home_link(session, portal);
    move || {
        let lang = lang.get();
        let (Some(bank), Some(scores)) = (session.bank.get(), session.scores.get()) else {
            return ().into_any();
        };
        let reference = session.reference.get();
        // Lets a test (and a reader of the DOM) tell "no peers shown" from
        // "peer data not loaded yet".
        let reference_state = if reference.is_some() {
            "loaded"
        } else {
            "none"
        };
        let profile = session.profile.get();
        let sheet = SheetView::new(&bank, &scores, profile.as_ref(), reference.as_deref(), demo);
        view! {
            <article class="result-sheet" data-testid="result-sheet" data-reference=reference_state>
                {header(&sheet, &date, session.focus.heading, lang)}
                {overall(&sheet, lang)}
                {areas(session, &sheet, lang)}
                {peer_section(&sheet.peers, lang)}
                {ranked_list("strengths", "strengths", m::STRENGTHS, &sheet.strengths, lang)}
                {ranked_list("weakest", "weakest", m::WEAKEST, &sheet.weakest, lang)}
                {sheet.gates.as_ref().map(|gates| gate_findings(gates, lang))}
                {sheet.next_steps.as_ref().map(|steps| next_step_list(session, steps, in_kiosk, lang))}
                {plan_summary(session)}
                {take_home(link.clone(), lang)}
                {sheet_actions(session, &date, in_kiosk, lang)}
            </article>
        }
        .into_any()
    }
}
