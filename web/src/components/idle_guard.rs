//! The kiosk's idle guard: after the idle time without input it asks
//! 「続けますか？」 with a countdown in the page's own dialog, then forgets
//! the visitor. The countdown is announced at its start and at five
//! seconds, not every second.

use std::time::Duration;

use leptos::prelude::*;

use crate::components::Modal;
use crate::kiosk::{Kiosk, forget_visitor};
use crate::messages as m;
use crate::session::use_session;

/// The countdown's last seconds, announced once more.
const LAST_SECONDS: u32 = 5;

/// Watches for input and resets the kiosk after `kiosk`'s idle time and
/// countdown.
#[component]
pub fn IdleGuard(kiosk: Kiosk) -> impl IntoView {
    let session = use_session();
    let last_input = StoredValue::new(js_sys::Date::now());
    let remaining = RwSignal::new(None::<u32>);
    let announcement = RwSignal::new(String::new());
    // 0: nothing said yet, 1: the start said, 2: the last seconds said.
    let said = StoredValue::new(0u8);
    let touch = move || {
        last_input.set_value(js_sys::Date::now());
        if remaining.get_untracked().is_some() {
            remaining.set(None);
        }
        if said.get_value() != 0 {
            said.set_value(0);
            announcement.set(String::new());
        }
    };
    for event in ["pointerdown", "keydown", "input", "wheel", "touchstart"] {
        let handle = window_event_listener_untyped(event, move |_| touch());
        on_cleanup(move || handle.remove());
    }
    let idle_ms = f64::from(kiosk.idle_seconds) * 1000.0;
    let countdown_ms = f64::from(kiosk.countdown_seconds) * 1000.0;
    let announce = move |left: u32| {
        let lang = session.lang.get_untracked();
        announcement.set(format!(
            "{} {}",
            m::STILL_THERE.get(lang),
            m::IDLE_RESET_IN.fill(lang, &[&left])
        ));
    };
    let timer = set_interval_with_handle(
        move || {
            let idle = js_sys::Date::now() - last_input.get_value();
            if idle < idle_ms {
                if remaining.get_untracked().is_some() {
                    touch();
                }
            } else if idle < idle_ms + countdown_ms {
                let left = ((idle_ms + countdown_ms - idle) / 1000.0).ceil() as u32;
                if remaining.get_untracked() != Some(left) {
                    remaining.set(Some(left));
                }
                let stage = said.get_value();
                if stage == 0 || (stage == 1 && left <= LAST_SECONDS) {
                    announce(left);
                    said.set_value(if left <= LAST_SECONDS { 2 } else { 1 });
                }
            } else {
                touch();
                forget_visitor(session);
            }
        },
        Duration::from_millis(250),
    );
    if let Ok(timer) = timer {
        on_cleanup(move || timer.clear());
    }
    let lang = session.lang;
    let showing = Memo::new(move |_| remaining.get().is_some());
    view! {
        <div class="idle-guard">
            <p class="visually-hidden" aria-live="assertive" aria-atomic="true" data-testid="idle-announce">
                {move || announcement.get()}
            </p>
            <Show when=move || showing.get()>
                <Modal
                    role="alertdialog"
                    labelledby="idle-title"
                    describedby="idle-text"
                    testid="idle-overlay"
                    focus="[data-testid=idle-continue]"
                    on_escape=Callback::new(move |()| touch())
                >
                    <h2 id="idle-title">{move || m::STILL_THERE.get(lang.get())}</h2>
                    <p id="idle-text">
                        {move || {
                            let left = remaining.get().unwrap_or_default().to_string();
                            m::IDLE_RESET_IN.fill(lang.get(), &[&left])
                        }}
                    </p>
                    <button type="button" class="primary" data-testid="idle-continue" on:click=move |_| touch()>
                        {move || m::CONTINUE.get(lang.get())}
                    </button>
                </Modal>
            </Show>
        </div>
    }
}
