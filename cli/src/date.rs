//! Today's date for results, in Japan: the sheet is filled in by companies
//! in Kyushu, so a result made at 08:00 JST carries that day, as the
//! browser's does. The engine takes the date as an argument because it
//! reads no clock.

use jiff::civil::Date;
use jiff::{Timestamp, tz::TimeZone};

/// Today in Asia/Tokyo as `YYYY-MM-DD`.
pub fn today() -> String {
    date_in_japan(Timestamp::now())
}

/// The Japanese calendar date at `instant`.
fn date_in_japan(instant: Timestamp) -> String {
    // The bundled time-zone database, so every machine agrees; a fixed
    // +09:00 only if it lacks Tokyo (Japan has kept +09:00 since 1951).
    let tokyo =
        TimeZone::get("Asia/Tokyo").unwrap_or_else(|_| TimeZone::fixed(jiff::tz::offset(9)));
    instant.to_zoned(tokyo).date().to_string()
}

/// Whether `text` is a real calendar date written `YYYY-MM-DD`.
pub fn is_date(text: &str) -> bool {
    text.len() == 10
        && text
            .parse::<Date>()
            .is_ok_and(|date| date.to_string() == text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap_or(Timestamp::UNIX_EPOCH)
    }

    #[test]
    fn japan_is_a_day_ahead_of_utc_before_nine() {
        // 23:30 UTC on 25 November is 08:30 on the 26th in Fukuoka.
        assert_eq!(date_in_japan(at("2026-11-25T23:30:00Z")), "2026-11-26");
        assert_eq!(date_in_japan(at("2026-11-25T14:59:59Z")), "2026-11-25");
        assert_eq!(date_in_japan(at("2026-11-25T15:00:00Z")), "2026-11-26");
        assert_eq!(date_in_japan(at("2026-12-31T15:00:00Z")), "2027-01-01");
    }

    #[test]
    fn only_real_dates_are_dates() {
        assert!(is_date("2026-11-26"));
        assert!(is_date("2028-02-29"));
        assert!(!is_date("2026-13-45"));
        assert!(!is_date("2027-02-29"));
        assert!(!is_date("26-11-2026"));
        assert!(!is_date("2026-1-26"));
    }
}
