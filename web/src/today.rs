//! Today's date on the user's clock, for the result sheet.

/// `YYYY-MM-DD` in the browser's local time zone.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}
