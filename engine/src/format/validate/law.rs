//! Statements of law: a basis (law and article) and the day it took
//! effect, and the dates themselves.

use super::{Reported, Validator};
use crate::format::diag::{Code, Diagnostic};
use crate::format::raw::Spanned;
use crate::model::bank::LegalBasis;

impl Validator {
    /// A `YYYY-MM-DD` date that exists in the calendar.
    pub(super) fn date(&mut self, date: &Spanned<String>, path: &str) -> Result<String, Reported> {
        if is_calendar_date(&date.value) {
            return Ok(date.value.clone());
        }
        Err(self.push(
            Diagnostic::error(
                Code::InvalidValue,
                format!("`{}` is not a date", date.value),
            )
            .at(date.span)
            .path(path)
            .hint("write dates as YYYY-MM-DD, e.g. 2026-10-01"),
        ))
    }

    /// A question's legal basis and the day it took effect: both or neither.
    pub(super) fn law(
        &mut self,
        basis: Option<&Spanned<String>>,
        effective: Option<&Spanned<String>>,
        id: &Spanned<String>,
        path: &str,
    ) -> Result<Option<LegalBasis>, Reported> {
        if basis.is_none() && effective.is_none() {
            return Ok(None);
        }
        self.required_law(true, basis, effective, id, path)
            .map(Some)
    }

    /// A gate's legal basis and the day it took effect, both required (the
    /// date only where `dated`: a superseded edition predates the rule).
    pub(super) fn required_law(
        &mut self,
        dated: bool,
        basis: Option<&Spanned<String>>,
        effective: Option<&Spanned<String>>,
        id: &Spanned<String>,
        path: &str,
    ) -> Result<LegalBasis, Reported> {
        let basis_text = basis
            .map(|basis| basis.value.trim())
            .filter(|basis| !basis.is_empty())
            .ok_or_else(|| {
                let span = effective.map_or(id.span, |e| e.span);
                self.push(
                    Diagnostic::error(
                        Code::MissingField,
                        format!("`{}` states law but names no `basis:`", id.value),
                    )
                    .at(span)
                    .path(format!("{path}.basis"))
                    .hint("add `basis:` with the law and article, e.g. `basis: 労働基準法 第89条`"),
                )
            });
        let date = match effective {
            Some(effective) => self.date(effective, &format!("{path}.effective")).map(Some),
            None if !dated => Ok(None),
            None => {
                let span = basis.map_or(id.span, |b| b.span);
                Err(self.push(
                    Diagnostic::error(
                        Code::MissingField,
                        format!("`{}` states law but gives no `effective:` date", id.value),
                    )
                    .at(span)
                    .path(format!("{path}.effective"))
                    .hint("add `effective:` with the day the duty took effect, e.g. `effective: 2024-04-01`"),
                ))
            }
        };
        Ok(LegalBasis {
            basis: basis_text?.to_owned(),
            effective: date?,
        })
    }
}

/// Whether a Japanese text reads as a statement of law (an obligation, a
/// statute or its entry into force): such help must cite its basis.
pub(super) fn states_law(ja: &str) -> bool {
    ["法律", "義務", "施行", "法第", "法 第", "法令"]
        .iter()
        .any(|word| ja.contains(word))
}

/// Whether `text` is `YYYY-MM-DD` and names a day that exists.
fn is_calendar_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return false;
    };
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}
