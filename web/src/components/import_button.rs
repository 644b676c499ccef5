//! Opening a saved result file. The file is checked completely first; only
//! a good one replaces the current answers.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shindan_engine::Lang;

use crate::messages as m;
use crate::session::{Screen, use_session};
use crate::{files, import};

/// A file picker for result JSON.
#[component]
pub fn ImportButton(lang: Lang) -> impl IntoView {
    let session = use_session();
    let on_change = move |event: leptos::ev::Event| {
        let Some(input) = files::input_of(&event) else {
            return;
        };
        spawn_local(async move {
            let picked = files::picked_texts(&input, files::MAX_RESULT_BYTES)
                .await
                .into_iter()
                .next();
            // Let the same file be picked again after a fix.
            input.set_value("");
            let text = match picked {
                None => return,
                Some((_, Ok(text))) => text,
                Some((name, Err(reason))) => {
                    session.tell(m::IMPORT_FAILED.text(), vec![format!("{name}: {reason}")]);
                    return;
                }
            };
            match import::open(&text, session.bank.get_untracked()).await {
                Ok(opened) => {
                    session.profile.set(opened.profile);
                    session.begin(opened.bank, opened.answers);
                    session.plan.set(opened.plan);
                    session.notice.set(None);
                    session.screen.set(Screen::Result);
                }
                Err(refused) => {
                    let mut details = vec![refused.text.get(lang).to_owned()];
                    details.extend(refused.details);
                    session.tell(m::IMPORT_FAILED.text(), details);
                }
            }
        });
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
