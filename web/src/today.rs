//! Today's date in Japan, for the result sheet: the same day the CLI
//! writes, whatever the device's time zone. Japan keeps +09:00 all year, so
//! no time-zone database is needed in the wasm.

/// Milliseconds Japan is ahead of UTC.
const JST_OFFSET_MS: f64 = 9.0 * 60.0 * 60.0 * 1000.0;

/// `YYYY-MM-DD` in Japan Standard Time.
pub fn today() -> String {
    let now = js_sys::Date::now();
    let japan = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(now + JST_OFFSET_MS));
    format!(
        "{:04}-{:02}-{:02}",
        japan.get_utc_full_year(),
        japan.get_utc_month() + 1,
        japan.get_utc_date()
    )
}
