//! "Start over": clears every answer from this browser after a confirmation
//! asked in the page (a kiosk's idle reset keeps running while it waits).

use std::sync::Arc;

use leptos::prelude::*;
use shindan_engine::Lang;

use crate::deferred;
use crate::kiosk::use_kiosk;
use crate::messages as m;
use crate::saved;
use crate::session::{Ask, use_session};

/// Asks, then wipes the saved diagnosis and returns to the landing screen;
/// in a kiosk, forgets the visitor as the idle reset does.
#[component]
pub fn StartOverButton(lang: Lang) -> impl IntoView {
    let session = use_session();
    let in_kiosk = use_kiosk().is_some();
    let start_over = move |_| {
        session.ask(Ask {
            title: m::START_OVER_TITLE,
            text: m::CONFIRM_START_OVER,
            yes: m::START_OVER_YES,
            no: m::CANCEL,
            on_yes: Arc::new(move || {
                if in_kiosk {
                    deferred::run(session, deferred::forget_visitor(session));
                } else {
                    saved::clear();
                    session.reset();
                }
            }),
            on_no: Arc::new(|| {}),
            testid: "confirm-start-over",
        });
    };
    view! {
        <button type="button" class="secondary" data-testid="start-over" on:click=start_over>
            {m::START_OVER.get(lang)}
        </button>
    }
}
