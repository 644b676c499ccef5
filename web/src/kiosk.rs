//! Kiosk mode (`?mode=kiosk`) for a shared tablet at a booth: large touch
//! targets, no links away and no file dialogs, and an idle reset
//! (`components::IdleGuard`) that wipes every trace of the visitor.
//! Settings come from the query string: `idle` (seconds, default 90),
//! `countdown` (default 15) and `portal` (the public address the QR code
//! points to).

use std::cell::RefCell;

use leptos::prelude::*;
use shindan_engine::Lang;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::query::Query;
use crate::session::Session;

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
pub fn from_query(query: &Query) -> Option<Kiosk> {
    if query.get("mode").as_deref() != Some("kiosk") {
        return None;
    }
    let seconds = |key: &str, default: u32| {
        query
            .get(key)
            .and_then(|value| value.parse::<u32>().ok())
            .filter(|&value| (1..=3600).contains(&value))
            .unwrap_or(default)
    };
    Some(Kiosk {
        idle_seconds: seconds("idle", 90),
        countdown_seconds: seconds("countdown", 15),
        portal: query
            .get("portal")
            .filter(|url| url.starts_with("https://") || url.starts_with("http://")),
    })
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
