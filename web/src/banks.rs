//! Fetching a tier's bank (compiled at build time by `shindan compile`) from
//! the app's own origin. Only the chosen tier is downloaded, which keeps the
//! first load small.

use std::sync::Arc;

use shindan_engine::{Bank, Compiled, Tier};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Loads the shipped bank of `tier` from `banks/<tier>.bin`.
pub async fn fetch(tier: Tier) -> Result<Arc<Bank>, String> {
    let url = format!("banks/{}.bin", tier.as_str());
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(|_| format!("{url}: the network request failed"))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| format!("{url}: not a response"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let body = JsFuture::from(
        response
            .array_buffer()
            .map_err(|_| format!("{url}: no body"))?,
    )
    .await
    .map_err(|_| format!("{url}: the body could not be read"))?;
    let compiled = Compiled::from_bytes(&js_sys::Uint8Array::new(&body).to_vec())?;
    compiled
        .banks
        .into_iter()
        .find(|bank| bank.tier == tier)
        .map(Arc::new)
        .ok_or_else(|| format!("{url}: no bank for tier {}", tier.as_str()))
}
