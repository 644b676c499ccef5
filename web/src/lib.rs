//! Shindan in the browser: the self-diagnosis sheet as a client-side Leptos
//! app. Components only wire signals to the engine: every level, score,
//! tier and recommendation shown comes from `shindan-engine`.
//!
//! The first-load build reads banks in the engine's compiled (postcard)
//! form; the `tools` build adds the YAML reader and the screens for
//! `?mode=author`, `?mode=consult` and `?mode=dashboard`.

mod app;
mod banks;
mod components;
mod deferred;
mod files;
mod handoff;
mod import;
mod kiosk;
mod messages;
mod query;
mod saved;
mod saving;
mod screens;
mod session;
#[cfg(all(test, feature = "tools"))]
mod tests;
mod today;

use wasm_bindgen::prelude::wasm_bindgen;

/// Entry point called by the JS glue once the module is instantiated. In
/// a dashboard count worker (no window) there is nothing to show: the
/// worker calls the count itself.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    if web_sys::window().is_some() {
        leptos::mount::mount_to_body(app::App);
    }
}
