//! Bilingual text: Japanese first, English second.

use serde::{Deserialize, Serialize};

/// A language the sheet is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// 日本語 (the default).
    #[default]
    Ja,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 tag, for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }
}

/// A text in both languages. When a bank gives no English, `en` holds the
/// Japanese so that every reader sees something.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "compiled", derive(Serialize, Deserialize))]
pub struct Text {
    /// 日本語.
    pub ja: String,
    /// English.
    pub en: String,
}

impl Text {
    /// A text from both versions.
    pub fn new(ja: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            ja: ja.into(),
            en: en.into(),
        }
    }

    /// The version for `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A `YYYY-MM-DD` date as people read it: 2026年12月1日 / 1 December 2026.
/// Anything else is returned as written (dates are checked on load).
pub fn date_text(iso: &str) -> Text {
    let parts: Vec<u32> = iso
        .split('-')
        .filter_map(|part| part.parse().ok())
        .collect();
    match parts[..] {
        [year, month @ 1..=12, day] if iso.len() == 10 => Text::new(
            format!("{year}年{month}月{day}日"),
            format!("{day} {} {year}", MONTHS_EN[month as usize - 1]),
        ),
        _ => Text::new(iso, iso),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(
            date_text("2026-12-01"),
            Text::new("2026年12月1日", "1 December 2026")
        );
        assert_eq!(
            date_text("2026-13-01"),
            Text::new("2026-13-01", "2026-13-01")
        );
    }
}
