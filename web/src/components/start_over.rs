//! "Start over": clears every answer from this browser after a confirmation.

use leptos::prelude::*;
use shindan_engine::Lang;

use crate::messages as m;
use crate::saved;
use crate::session::use_session;

/// Asks, then wipes the saved diagnosis and returns to the landing screen.
#[component]
pub fn StartOverButton(lang: Lang) -> impl IntoView {
    let session = use_session();
    let start_over = move |_| {
        let confirmed = window()
            .confirm_with_message(m::CONFIRM_START_OVER.get(lang))
            .unwrap_or(false);
        if confirmed {
            saved::clear();
            session.reset();
        }
    };
    view! {
        <button type="button" class="secondary" data-testid="start-over" on:click=start_over>
            {m::START_OVER.get(lang)}
        </button>
    }
}
