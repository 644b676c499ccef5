//! The smallest parts of a file: ids, bilingual texts, weights, scores
//! and sources, each checked where it is written.

use std::collections::BTreeMap;

use super::{LADDER_STEPS, Reported, Validator};
use crate::format::diag::{Code, Diagnostic};
use crate::format::raw::{RawText, Spanned};
use crate::format::source::Span;
use crate::model::text::Text;

impl Validator {
    /// Checks an id's spelling and uniqueness among `seen`.
    pub(super) fn id(
        &mut self,
        id: &Spanned<String>,
        path: &str,
        seen: &mut BTreeMap<String, Span>,
        what: &str,
    ) -> Result<String, Reported> {
        let name = &id.value;
        let well_formed = name
            .chars()
            .next()
            .is_some_and(|first| first.is_ascii_lowercase() || first.is_ascii_digit())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
        if !well_formed {
            return Err(self.push(
                Diagnostic::error(Code::InvalidId, format!("{what} id `{name}` is not a valid id"))
                    .at(id.span)
                    .path(path)
                    .hint("ids use lowercase letters a–z, digits, `_` and `-`, and start with a letter or digit"),
            ));
        }
        if name == "na" {
            return Err(self.push(
                Diagnostic::error(Code::InvalidId, format!("{what} id `na` is reserved"))
                    .at(id.span)
                    .path(path)
                    .hint("`na` is the answer \"not applicable\"; choose another id"),
            ));
        }
        if let Some(&first) = seen.get(name) {
            return Err(self.push(
                Diagnostic::error(
                    Code::DuplicateId,
                    format!("{what} id `{name}` is used twice"),
                )
                .at(id.span)
                .path(path)
                .related(first, "first defined here")
                .hint(format!("give each {what} its own id")),
            ));
        }
        seen.insert(name.clone(), id.span);
        Ok(name.clone())
    }

    pub(super) fn text(&mut self, text: &Spanned<RawText>, path: &str) -> Text {
        let RawText { ja, en } = &text.value;
        let ja = ja.as_deref().map(str::trim).filter(|ja| !ja.is_empty());
        let en = en.as_deref().map(str::trim).filter(|en| !en.is_empty());
        if let Some(ja) = ja
            && !is_japanese(ja)
        {
            self.reports.warning(
                Diagnostic::warning(Code::JaNotJapanese, "the `ja` text has no Japanese in it")
                .at(text.span)
                .path(path)
                .hint("write the Japanese under `ja:` and the English under `en:`; Japanese readers see `ja:` first"),
            );
        }
        match (ja, en) {
            (Some(ja), Some(en)) => Text::new(ja, en),
            (Some(ja), None) => {
                self.reports.warning(
                    Diagnostic::warning(Code::MissingEn, "text has no English version")
                        .at(text.span)
                        .path(path)
                        .hint("add `en:`; until then English readers see the Japanese"),
                );
                Text::new(ja, ja)
            }
            (None, _) => {
                self.push(
                    Diagnostic::error(Code::MissingJa, "text has no Japanese version")
                        .at(text.span)
                        .path(path)
                        .hint("add `ja:`; Japanese is shown first and is required"),
                );
                Text::default()
            }
        }
    }

    pub(super) fn five_texts(
        &mut self,
        list: &Spanned<Vec<Spanned<RawText>>>,
        path: &str,
        what: &str,
    ) -> Result<[Text; 5], Reported> {
        let texts: Vec<Text> = list
            .value
            .iter()
            .enumerate()
            .map(|(index, text)| self.text(text, &format!("{path}[{index}]")))
            .collect();
        let count = texts.len();
        <[Text; 5]>::try_from(texts).map_err(|_| {
            let diagnostic = if count == 4 && what == LADDER_STEPS {
                Diagnostic::error(
                    Code::LadderSteps,
                    "4 ladder steps given, 5 needed: a four-point scale is a `single` question with scored options",
                )
                .hint("write `kind: single` and turn the steps into `options:` with `id`, `label` and `score` (e.g. 0, 0.33, 0.67, 1)")
                .hint("or, to keep the ladder, add the missing step: one line per level, from level 1 (lowest) to level 5 (highest)")
            } else {
                Diagnostic::error(Code::LadderSteps, format!("{count} {what} given, 5 needed"))
                    .hint("write one line per level, from level 1 (lowest) to level 5 (highest)")
            };
            let diagnostic = diagnostic.at(list.span).path(path);
            self.push(diagnostic)
        })
    }

    /// A weight in 0–100; zero only where `unscored_allowed` (a question that
    /// is asked and recorded for the survey but scores nothing).
    pub(super) fn weight(
        &mut self,
        weight: Option<&Spanned<f64>>,
        path: &str,
        unscored_allowed: bool,
    ) -> f64 {
        let Some(weight) = weight else { return 1.0 };
        let lowest_ok = if unscored_allowed {
            weight.value >= 0.0
        } else {
            weight.value > 0.0
        };
        if weight.value.is_finite() && lowest_ok && weight.value <= 100.0 {
            return weight.value;
        }
        let (message, hint) = if unscored_allowed {
            (
                format!("weight {} is not a number from 0 to 100", weight.value),
                "use a weight from 0 to 100 (1 is normal; 0 asks and records the question without scoring it)",
            )
        } else {
            (
                format!("weight {} is not a positive number up to 100", weight.value),
                "use a weight greater than 0 (1 is normal)",
            )
        };
        self.push(
            Diagnostic::error(Code::InvalidWeight, message)
                .at(weight.span)
                .path(path)
                .hint(hint),
        );
        1.0
    }

    pub(super) fn score(&mut self, score: &Spanned<f64>, path: &str) -> f64 {
        if (0.0..=1.0).contains(&score.value) {
            return score.value;
        }
        self.push(
            Diagnostic::error(
                Code::ScoreOutOfRange,
                format!("score {} is outside 0–1", score.value),
            )
            .at(score.span)
            .path(path)
            .hint("scores run from 0 (weakest answer) to 1 (strongest); e.g. 0, 0.5, 1"),
        );
        0.0
    }

    pub(super) fn source(
        &mut self,
        source: Option<&Spanned<String>>,
        id: &Spanned<String>,
        path: &str,
        what: &str,
    ) -> String {
        match source {
            Some(source) if !source.value.trim().is_empty() => source.value.trim().to_owned(),
            _ => {
                self.push(
                    Diagnostic::error(Code::MissingField, format!("{what} `{}` names no source", id.value))
                        .at(id.span)
                        .path(format!("{path}.source"))
                        .hint("add `source:` with the guideline, survey item or section of the call it comes from"),
                );
                String::new()
            }
        }
    }
}

/// Whether a text meant as Japanese can be: it has kana or kanji, or no
/// Latin word of three lowercase letters or more. So `DX`, `AI`, `KPI`, `%`,
/// `2026` and web addresses pass (they read the same in both languages);
/// `Question` or `hours` do not.
fn is_japanese(text: &str) -> bool {
    let japanese = |c: char| {
        matches!(c,
            '\u{3005}'..='\u{3007}'          // 々 〆 〇
            | '\u{3040}'..='\u{30FF}'        // hiragana, katakana
            | '\u{31F0}'..='\u{31FF}'        // katakana extensions
            | '\u{3400}'..='\u{4DBF}'        // kanji, extension A
            | '\u{4E00}'..='\u{9FFF}'        // kanji
            | '\u{F900}'..='\u{FAFF}'        // compatibility kanji
            | '\u{FF66}'..='\u{FF9F}'        // half-width katakana
            | '\u{20000}'..='\u{3FFFF}') // kanji, extensions B onwards
    };
    if text.chars().any(japanese) {
        return true;
    }
    let address = text.contains("://") || text.starts_with("www.");
    let longest_word = text
        .split(|c: char| !c.is_ascii_lowercase())
        .map(str::len)
        .max()
        .unwrap_or(0);
    address || longest_word < 3
}

#[cfg(test)]
mod tests {
    use super::is_japanese;

    #[test]
    fn ja_texts_are_japanese_unless_they_hold_only_latin_words() {
        for text in [
            "質問",
            "ハローワーク",
            "DX",
            "AI・IoT",
            "KPI",
            "%",
            "2026",
            "https://hr.kyushu.meti.go.jp/",
            "Yes",
            "人々",
        ] {
            assert!(is_japanese(text), "{text}");
        }
        for text in ["Question", "How many people?", "hours", "Do you have rules"] {
            assert!(!is_japanese(text), "{text}");
        }
    }
}
