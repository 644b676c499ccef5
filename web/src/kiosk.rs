//! Kiosk mode (`?mode=kiosk`) for a shared tablet at a booth: large touch
//! targets, no links away and no file dialogs, and an idle reset that wipes
//! every trace of the visitor. Settings come from the query string:
//! `idle` (seconds, default 90), `countdown` (default 15) and `portal` (the
//! public address the QR code points to).

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::messages as m;
use crate::session::use_session;

/// Kiosk settings, present only in kiosk mode.
#[derive(Debug, Clone, PartialEq)]
pub struct Kiosk {
    /// Seconds without input before the "continue?" question.
    pub idle_seconds: u32,
    /// Seconds the question waits before the reset.
    pub countdown_seconds: u32,
    /// The public address the QR code points to, if not this page's own.
    pub portal: Option<String>,
}

/// Reads `?mode=kiosk&idle=…&countdown=…&portal=…`.
pub fn from_query(search: &str) -> Option<Kiosk> {
    let pairs: Vec<(String, String)> = search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(key, value)| (key.to_owned(), decode_component(value)))
        .collect();
    let get = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    if get("mode") != Some("kiosk") {
        return None;
    }
    let seconds = |key: &str, default: u32| {
        get(key)
            .and_then(|value| value.parse::<u32>().ok())
            .filter(|&value| (1..=3600).contains(&value))
            .unwrap_or(default)
    };
    Some(Kiosk {
        idle_seconds: seconds("idle", 90),
        countdown_seconds: seconds("countdown", 15),
        portal: get("portal")
            .filter(|url| url.starts_with("https://") || url.starts_with("http://"))
            .map(str::to_owned),
    })
}

fn decode_component(value: &str) -> String {
    js_sys::decode_uri_component(value)
        .ok()
        .and_then(|decoded| decoded.as_string())
        .unwrap_or_default()
}

/// The kiosk settings of this page, if it is a kiosk.
pub fn use_kiosk() -> Option<Kiosk> {
    use_context::<Option<Kiosk>>().flatten()
}

/// Removes everything this app may have stored in this browser: local and
/// session storage and every IndexedDB database. (Cache Storage holds only
/// the app's own files, never answers, so the offline copy stays.)
pub fn wipe_browser_storage() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(Some(storage)) = window.local_storage() {
        let _ = storage.clear();
    }
    if let Ok(Some(storage)) = window.session_storage() {
        let _ = storage.clear();
    }
    let Ok(Some(factory)) = window.indexed_db() else {
        return;
    };
    // `indexedDB.databases()` lists what exists; delete each one.
    let databases = js_sys::Reflect::get(&factory, &"databases".into())
        .ok()
        .and_then(|function| function.dyn_into::<js_sys::Function>().ok())
        .and_then(|function| function.call0(&factory).ok())
        .and_then(|promise| promise.dyn_into::<js_sys::Promise>().ok());
    if let Some(promise) = databases {
        leptos::task::spawn_local(async move {
            let Ok(list) = wasm_bindgen_futures::JsFuture::from(promise).await else {
                return;
            };
            for entry in js_sys::Array::from(&list).iter() {
                let name = js_sys::Reflect::get(&entry, &"name".into())
                    .ok()
                    .and_then(|name| name.as_string());
                if let Some(name) = name {
                    let _ = factory.delete_database(&name);
                }
            }
        });
    }
}

/// Watches for input; after the idle time asks "続けますか？" with a
/// countdown, then wipes the visitor's traces and starts again.
#[component]
pub fn IdleGuard(kiosk: Kiosk) -> impl IntoView {
    let session = use_session();
    let last_input = StoredValue::new(js_sys::Date::now());
    let remaining = RwSignal::new(None::<u32>);
    let touch = move || {
        last_input.set_value(js_sys::Date::now());
        remaining.set(None);
    };
    for event in ["pointerdown", "keydown", "input", "wheel", "touchstart"] {
        let handle = window_event_listener_untyped(event, move |_| touch());
        on_cleanup(move || handle.remove());
    }
    let idle_ms = f64::from(kiosk.idle_seconds) * 1000.0;
    let countdown_ms = f64::from(kiosk.countdown_seconds) * 1000.0;
    let timer = set_interval_with_handle(
        move || {
            let idle = js_sys::Date::now() - last_input.get_value();
            if idle < idle_ms {
                if remaining.get_untracked().is_some() {
                    remaining.set(None);
                }
            } else if idle < idle_ms + countdown_ms {
                let left = ((idle_ms + countdown_ms - idle) / 1000.0).ceil() as u32;
                remaining.set(Some(left));
            } else {
                wipe_browser_storage();
                session.reset();
                last_input.set_value(js_sys::Date::now());
                remaining.set(None);
            }
        },
        Duration::from_millis(250),
    );
    if let Ok(timer) = timer {
        on_cleanup(move || timer.clear());
    }
    move || {
        let lang = session.lang.get();
        remaining.get().map(|left| {
            view! {
                <div class="idle-overlay" data-testid="idle-overlay">
                    <div class="idle-dialog" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-text">
                        <h2 id="idle-title">{m::STILL_THERE.get(lang)}</h2>
                        <p id="idle-text">{m::IDLE_RESET_IN.get(lang).replace("{}", &left.to_string())}</p>
                        <button type="button" class="primary" data-testid="idle-continue" on:click=move |_| touch()>
                            {m::CONTINUE.get(lang)}
                        </button>
                    </div>
                </div>
            }
        })
    }
}
