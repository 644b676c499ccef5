//! The first screen: what the sheet is, how long it takes, that answers stay
//! here; start, resume, or open a saved result.

use leptos::prelude::*;

use crate::components::{ImportButton, StartOverButton};
use crate::deferred;
use crate::kiosk::use_kiosk;
use crate::messages as m;
use crate::session::{Screen, use_session};

/// The landing screen.
#[component]
pub fn Landing() -> impl IntoView {
    let session = use_session();
    let in_progress = move || session.bank.with(Option::is_some);
    move || {
        let lang = session.lang.get();
        view! {
            <section class="landing" aria-labelledby="landing-heading">
                <h2 id="landing-heading">{m::APP_TITLE.get(lang)}</h2>
                <p class="lead">{m::LANDING_LEAD.get(lang)}</p>
                <ul class="facts">
                    <li>{m::LANDING_TIME.get(lang)}</li>
                    <li><strong>{m::LANDING_PRIVACY.get(lang)}</strong></li>
                </ul>
                // Reaching for a button fetches the next screens.
                <div
                    class="actions"
                    on:pointerover=move |_| deferred::warm_sheet()
                    on:focusin=move |_| deferred::warm_sheet()
                    on:touchstart=move |_| deferred::warm_sheet()
                >
                    <Show
                        when=in_progress
                        fallback=move || {
                            view! {
                                <button
                                    type="button"
                                    class="primary"
                                    data-testid="start"
                                    on:click=move |_| session.screen.set(Screen::Profile)
                                >
                                    {m::START.get(lang)}
                                </button>
                            }
                        }
                    >
                        <button
                            type="button"
                            class="primary"
                            data-testid="resume"
                            on:click=move |_| session.screen.set(Screen::Questions)
                        >
                            {m::RESUME.get(lang)}
                        </button>
                        <StartOverButton lang=lang />
                    </Show>
                    {use_kiosk().is_none().then(|| view! { <ImportButton lang=lang /> })}
                </div>
            </section>
        }
    }
}
