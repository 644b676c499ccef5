//! A message above the current screen (a refused file, a failed download),
//! announced to screen readers.

use leptos::prelude::*;

use crate::messages as m;
use crate::session::use_session;

/// The session's notice, if any, with a button to dismiss it.
#[component]
pub fn NoticeBox() -> impl IntoView {
    let session = use_session();
    move || {
        session.notice.get().map(|notice| {
            let lang = session.lang.get();
            view! {
                <div class="notice" role="alert" data-testid="notice">
                    <p class="notice-text">{notice.text.get(lang).to_owned()}</p>
                    <ul class="notice-details">
                        {notice
                            .details
                            .into_iter()
                            .map(|detail| view! { <li><code>{detail}</code></li> })
                            .collect_view()}
                    </ul>
                    <button type="button" on:click=move |_| session.notice.set(None)>
                        {m::CLOSE.get(lang)}
                    </button>
                </div>
            }
        })
    }
}
