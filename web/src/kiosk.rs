//! Kiosk mode (`?mode=kiosk`) for a shared tablet at a booth: large touch
//! targets, no links away and no file dialogs, and an idle reset that wipes
//! every trace of the visitor. Settings come from the query string:
//! `idle` (seconds, default 90), `countdown` (default 15) and `portal` (the
//! public address the QR code points to).

use std::cell::RefCell;
use std::time::Duration;

use leptos::prelude::*;
use shindan_engine::Lang;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::components::Modal;
use crate::messages as m;
use crate::session::{Session, use_session};

/// The countdown's last seconds, announced once more.
const LAST_SECONDS: u32 = 5;

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

thread_local! {
    /// `history.length` when the current visitor began, and the page's clean
    /// address (kiosk query kept, fragment dropped): the history entries
    /// after that length are the visitor's.
    static START: RefCell<Option<(u32, String)>> = const { RefCell::new(None) };
}

/// This page's address without its fragment.
fn clean_address() -> String {
    let location = window().location();
    format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    )
}

/// Notes where the first visitor begins, and deletes every IndexedDB
/// database: the app uses none, and one a previous page held open (which a
/// reset could not delete, see `forget_visitor`) is closed now.
pub fn begin() {
    let url = clean_address();
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        let length = history.length().unwrap_or(1);
        START.with_borrow_mut(|start| *start = Some((length, url)));
    }
    leptos::task::spawn_local(async {
        delete_databases().await;
    });
}

/// Forgets the visitor: storage, the screen, the language, the dialogs and
/// the address and history entries they made. If an IndexedDB database
/// cannot be deleted because a connection holds it open, the page reloads
/// (which closes every connection it had) and `begin` deletes it then.
pub fn forget_visitor(session: Session) {
    clear_web_storage();
    session.reset();
    session.lang.set(Lang::Ja);
    leptos::task::spawn_local(async move {
        rewind_history().await;
        delete_foreign_caches().await;
        if !delete_databases().await {
            let _ = window().location().reload();
        }
    });
}

/// Clears local and session storage.
fn clear_web_storage() {
    let window = window();
    if let Ok(Some(storage)) = window.local_storage() {
        let _ = storage.clear();
    }
    if let Ok(Some(storage)) = window.session_storage() {
        let _ = storage.clear();
    }
}

/// A promise that resolves with the first of `events` on `target`, or
/// with `undefined` after `timeout_ms`.
fn first_event(target: &web_sys::EventTarget, events: &[&str], timeout_ms: i32) -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, _reject| {
        for event in events {
            let resolve = resolve.clone();
            let handler = Closure::once_into_js(move |event: JsValue| {
                let _ = resolve.call1(&JsValue::NULL, &event);
            });
            let options = web_sys::AddEventListenerOptions::new();
            options.set_once(true);
            let _ = target.add_event_listener_with_callback_and_add_event_listener_options(
                event,
                handler.unchecked_ref(),
                &options,
            );
        }
        let _ =
            window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, timeout_ms);
    })
}

/// Goes back to the entry where the visitor began and cuts off the entries
/// they made (a new entry drops every "forward" one), so that neither Back
/// nor Forward shows their pages.
async fn rewind_history() {
    let Some((start, url)) = START.with_borrow(Clone::clone) else {
        return;
    };
    let Ok(history) = window().history() else {
        return;
    };
    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    let made = history.length().unwrap_or(start).saturating_sub(start);
    if made == 0 {
        return;
    }
    let arrived = first_event(&window(), &["popstate"], 1000);
    let _ = history.go_with_delta(-i32::try_from(made).unwrap_or(i32::MAX));
    let _ = JsFuture::from(arrived).await;
    let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&url));
    let length = history.length().unwrap_or(start);
    START.with_borrow_mut(|start| *start = Some((length, url)));
}

/// Deletes Cache Storage entries that are not the app's own (`shindan-…`,
/// which hold only its files, never answers, and keep the kiosk working
/// offline).
async fn delete_foreign_caches() {
    let Ok(caches) = window().caches() else {
        return;
    };
    let Ok(keys) = JsFuture::from(caches.keys()).await else {
        return;
    };
    for key in js_sys::Array::from(&keys).iter() {
        if let Some(name) = key.as_string()
            && !name.starts_with("shindan-")
        {
            let _ = JsFuture::from(caches.delete(&name)).await;
        }
    }
}

/// Deletes every IndexedDB database of this origin; false if one stays
/// because an open connection blocks its deletion.
async fn delete_databases() -> bool {
    let Ok(Some(factory)) = window().indexed_db() else {
        return true;
    };
    // `indexedDB.databases()` lists what exists (not typed in web-sys).
    let listing = js_sys::Reflect::get(&factory, &"databases".into())
        .ok()
        .and_then(|function| function.dyn_into::<js_sys::Function>().ok())
        .and_then(|function| function.call0(&factory).ok())
        .and_then(|promise| promise.dyn_into::<js_sys::Promise>().ok());
    let Some(listing) = listing else {
        return true;
    };
    let Ok(list) = JsFuture::from(listing).await else {
        return true;
    };
    let mut all_deleted = true;
    for entry in js_sys::Array::from(&list).iter() {
        let name = js_sys::Reflect::get(&entry, &"name".into())
            .ok()
            .and_then(|name| name.as_string());
        let Some(name) = name else {
            continue;
        };
        let Ok(request) = factory.delete_database(&name) else {
            all_deleted = false;
            continue;
        };
        // Connections get a `versionchange` event; one that does not close
        // makes the request `blocked` until it does.
        let outcome = JsFuture::from(first_event(
            &request,
            &["success", "error", "blocked"],
            3000,
        ))
        .await;
        let kind = outcome
            .ok()
            .and_then(|event| js_sys::Reflect::get(&event, &"type".into()).ok())
            .and_then(|kind| kind.as_string());
        if kind.as_deref() != Some("success") {
            all_deleted = false;
        }
    }
    all_deleted
}

/// Watches for input; after the idle time asks "続けますか？" with a
/// countdown, then forgets the visitor. The countdown is announced at its
/// start and at five seconds, not every second.
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
