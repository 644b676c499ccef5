//! The result sheet: the engine's `SheetView` of the current answers laid
//! out — header, overall level, radar and areas, peers, strengths and the
//! weakest areas, gate findings, next steps with their programs — then the
//! company's plan, the QR code that takes the result home and the exports.
//! Every figure and every choice of what to show is the engine's, the same
//! as `shindan score` prints; the parts here only lay it out.

mod areas;
mod exports;
mod gates;
mod header;
mod next_steps;
mod peers;
mod plan;
mod ranked;
mod take_home;

use std::sync::Arc;

use leptos::prelude::*;
use shindan_engine::{Lang, SheetView};

use crate::kiosk::use_kiosk;
use crate::messages as m;
use crate::query::Query;
use crate::session::use_session;
use crate::today::today;
use crate::{banks, handoff};

use areas::{Areas, Overall};
use exports::SheetActions;
use gates::GateFindings;
use header::SheetHeader;
use next_steps::NextStepList;
use peers::PeerSection;
use plan::PlanSummary;
use ranked::RankedList;
use take_home::TakeHome;

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
    let sheet = Memo::new(move |_| {
        let bank = session.bank.get()?;
        let scores = session.scores.get()?;
        let reference = session.reference.get();
        let view = session.profile.with(|profile| {
            SheetView::new(&bank, &scores, profile.as_ref(), reference.as_deref(), demo)
        });
        Some(Arc::new(view))
    });
    // Lets a test (and a reader of the DOM) tell "no peers shown" from
    // "peer data not loaded yet".
    let reference_state = move || {
        if session.reference.with(Option::is_some) {
            "loaded"
        } else {
            "none"
        }
    };
    let header_date = date.clone();
    let findings = move || {
        sheet.get().map(|sheet| {
            let lang = lang.get();
            view! {
                <SheetHeader sheet=sheet.clone() date=header_date.clone() lang=lang />
                <Overall sheet=sheet.clone() lang=lang />
                <Areas sheet=sheet.clone() lang=lang />
                <PeerSection peers=sheet.peers.clone() lang=lang />
                <RankedList class="strengths" testid="strengths" heading=m::STRENGTHS areas=sheet.strengths.clone() lang=lang />
                <RankedList class="weakest" testid="weakest" heading=m::WEAKEST areas=sheet.weakest.clone() lang=lang />
                {sheet.gates.clone().map(|gates| view! { <GateFindings gates=gates lang=lang /> })}
                {sheet.next_steps.clone().map(|steps| view! { <NextStepList steps=steps in_kiosk=in_kiosk lang=lang /> })}
            }
        })
    };
    let has_sheet = move || sheet.with(Option::is_some);
    view! {
        <Show when=has_sheet>
            <article class="result-sheet" data-testid="result-sheet" data-reference=reference_state>
                {findings.clone()}
                <PlanSummary />
                <TakeHome portal=portal.clone() />
                <SheetActions date=date.clone() in_kiosk=in_kiosk />
            </article>
        </Show>
    }
}
