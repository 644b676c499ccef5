//! Opening a saved result file. The file is checked completely first; only
//! a good one replaces the current answers.

use leptos::prelude::*;
use shindan_engine::Lang;

use crate::messages as m;
use crate::session::use_session;
use crate::{deferred, files};

/// A file picker for result JSON.
#[component]
pub fn ImportButton(lang: Lang) -> impl IntoView {
    let session = use_session();
    let on_change = move |event: leptos::ev::Event| {
        let Some(input) = files::input_of(&event) else {
            return;
        };
        deferred::run(session, deferred::import_picked(session, input, lang));
    };
    view! {
        <label class="button secondary file-button">
            {m::IMPORT_RESULT.get(lang)}
            <input
                type="file"
                class="visually-hidden"
                accept=".json,application/json"
                data-testid="import-result"
                on:change=on_change
            />
        </label>
    }
}
