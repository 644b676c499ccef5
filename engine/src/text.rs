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
