//! Getting a tier's bank (compiled at build time by `shindan compile`). On
//! the portal it is fetched from the app's own origin — only the chosen
//! tier, which keeps the first load small — with the integrity hash the boot
//! script was built with. The single-file offline build embeds the banks
//! instead (`globalThis.shindanBanks`), since `file://` cannot fetch.

use std::sync::Arc;

use shindan_engine::{Bank, Compiled, Reference, Tier, compiled_name};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// `globalThis[name][key]`, if both exist.
fn global_entry(name: &str, key: &str) -> Option<JsValue> {
    let table = js_sys::Reflect::get(&js_sys::global(), &name.into()).ok()?;
    if table.is_undefined() || table.is_null() {
        return None;
    }
    js_sys::Reflect::get(&table, &key.into())
        .ok()
        .filter(|value| !value.is_undefined())
}

/// The boot script's integrity table (sha384 per file), for a dashboard
/// count worker to fetch banks with the same checks.
#[cfg(feature = "tools")]
pub fn integrity_table() -> JsValue {
    js_sys::Reflect::get(&js_sys::global(), &INTEGRITY.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Where the boot script leaves its integrity table.
const INTEGRITY: &str = "shindanIntegrity";

/// The bytes of `banks/<name>.bin`, embedded or downloaded.
async fn load(name: &str) -> Result<Vec<u8>, String> {
    match global_entry("shindanBanks", name) {
        Some(embedded) => Ok(js_sys::Uint8Array::new(&embedded).to_vec()),
        None => download(&format!("banks/{name}.bin")).await,
    }
}

/// Loads the peer reference data shipped beside the banks.
pub async fn fetch_reference() -> Result<Arc<Reference>, String> {
    Reference::from_bytes(&load("reference").await?)
        .map(Arc::new)
        .map_err(|e| e.to_string())
}

/// Loads the shipped bank of `tier`.
pub async fn fetch(tier: Tier) -> Result<Arc<Bank>, String> {
    fetch_named(tier, &compiled_name(tier, None)).await
}

/// Loads the bank a result was made with: the current one of its tier, or
/// the earlier edition of that version kept beside it.
pub async fn fetch_edition(tier: Tier, version: &str) -> Result<Arc<Bank>, String> {
    let current = fetch(tier).await?;
    if current.version == version {
        return Ok(current);
    }
    fetch_named(tier, &compiled_name(tier, Some(version))).await
}

async fn fetch_named(tier: Tier, name: &str) -> Result<Arc<Bank>, String> {
    let bytes = load(name).await?;
    let compiled = Compiled::from_bytes(&bytes).map_err(|error| error.to_string())?;
    compiled
        .banks
        .into_iter()
        .find(|bank| bank.tier == tier)
        .map(Arc::new)
        .ok_or_else(|| format!("banks/{name}.bin: no bank for tier {}", tier.as_str()))
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The global `fetch`: the page's, or a dashboard count worker's.
    #[wasm_bindgen(js_name = fetch)]
    fn fetch_with_init(path: &str, init: &web_sys::RequestInit) -> js_sys::Promise;
}

async fn download(path: &str) -> Result<Vec<u8>, String> {
    let init = web_sys::RequestInit::new();
    if let Some(integrity) = global_entry(INTEGRITY, path).and_then(|v| v.as_string()) {
        init.set_integrity(&integrity);
    }
    let response = JsFuture::from(fetch_with_init(path, &init))
        .await
        .map_err(|_| format!("{path}: the network request failed or the file was altered"))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| format!("{path}: not a response"))?;
    if !response.ok() {
        return Err(format!("{path}: HTTP {}", response.status()));
    }
    let body = JsFuture::from(
        response
            .array_buffer()
            .map_err(|_| format!("{path}: no body"))?,
    )
    .await
    .map_err(|_| format!("{path}: the body could not be read"))?;
    Ok(js_sys::Uint8Array::new(&body).to_vec())
}
