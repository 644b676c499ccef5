//! The Shindan engine: question banks in, scored result sheets out.
//!
//! The pipeline, each step a pure function of its input:
//!
//! 1. [`decode`] checks a file's bytes (size, UTF-8) into a [`SourceFile`].
//! 2. [`load_catalogue`] and [`load_bank`] parse YAML into `raw` structs and
//!    `validate` them into domain types ([`Catalogue`], [`Bank`]) that refer
//!    to each other by index. Both return [`Checked`]: the value, if it could
//!    be built, and every [`Diagnostic`] found.
//! 3. [`read_answer_sheet`] checks a company's answers against a bank.
//! 4. [`score()`] turns answers into levels, gate findings and next steps
//!    (the formula is in [`score`]); [`ResultDoc`] is the exchange form.
//! 5. [`classify`] picks the tier from industry, employees and capital.
//!
//! **Invariant:** the engine does no I/O, reads no clock and depends on no
//! web crate: the CLI and the browser hand it text and get data back.
//!
//! ```
//! use shindan_engine::{SourceFile, load_catalogue, load_bank, read_answer_sheet, score};
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let catalogue = SourceFile::new("catalogue.yaml", r#"
//! kind: catalogue
//! id: demo
//! version: "1"
//! title: {ja: デモ, en: Demo}
//! dimensions:
//!   - id: commitment
//!     name: {ja: 経営層のコミットメント, en: Executive commitment}
//!     description: {ja: 経営者が人と組織を語る, en: The top talks about people}
//!     levels:
//!       - {ja: 未着手, en: Not started}
//!       - {ja: 気付き, en: Aware}
//!       - {ja: 定期的, en: Regular}
//!       - {ja: 主導, en: Leading}
//!       - {ja: 発信, en: Shared outside}
//! "#);
//! let catalogue = load_catalogue(&catalogue).into_result().map_err(|d| format!("{d:?}"))?;
//! let bank = SourceFile::new("small.yaml", r#"
//! kind: bank
//! id: small
//! version: "1"
//! tier: small
//! catalogue: demo
//! title: {ja: 小規模事業者向け, en: For small businesses}
//! questions:
//!   - id: message
//!     dimension: commitment
//!     kind: yes_no
//!     source: 募集要領 (4)-②(a) 1
//!     text: {ja: 人について社員に語っていますか, en: Do you talk to staff about people?}
//! "#);
//! let bank = load_bank(&bank, &catalogue).into_result().map_err(|d| format!("{d:?}"))?;
//! let answers = SourceFile::new("answers.yaml", "answers: {message: yes}");
//! let sheet = read_answer_sheet(&answers, &bank).into_result().map_err(|d| format!("{d:?}"))?;
//! let scores = score(&bank, &sheet.answers);
//! assert_eq!(scores.dimensions[0].score, Some(100.0));
//! assert_eq!(scores.dimensions[0].level, Some(5));
//! # Ok(())
//! # }
//! ```

#![deny(missing_docs)]

mod answers;
mod bank;
pub mod coverage;
mod diag;
mod profile;
mod raw;
pub mod render;
mod result;
#[cfg(feature = "schema")]
mod schema;
pub mod score;
mod source;
mod text;
mod tier;
mod validate;
mod yaml;

use std::collections::BTreeMap;

pub use answers::{Answer, AnswerValue, Answers, NOT_APPLICABLE, check as check_answer, value_of};
pub use bank::{
    AnswerTest, Band, Bank, Catalogue, Choice, Condition, Dimension, DimensionIndex, Gate,
    Indicator, MAX_OPTIONS, Program, ProgramIndex, Question, QuestionIndex, QuestionKind,
    Recommendation,
};
pub use coverage::{Coverage, coverage};
pub use diag::{Checked, Code, Diagnostic, Severity};
pub use profile::{Prefecture, Profile};
pub use result::{BankRef, DimensionResult, GateResult, LevelScore, RESULT_SCHEMA, ResultDoc};
#[cfg(feature = "schema")]
pub use schema::json_schema;
pub use score::{DimensionScore, Scores, score, visibility};
pub use source::{LineCol, SourceFile, Span};
pub use text::{Lang, Text};
pub use tier::{Category, Classification, Industry, Tier, classify};
pub use validate::DEFAULT_LEVEL_THRESHOLDS;
pub use yaml::{MAX_DEPTH, MAX_FILE_BYTES, Undecodable, decode};

use raw::{RawBank, RawCatalogue, Spanned};
use serde::Deserialize;

/// The engine's version, recorded in every result.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// What a YAML file of the format holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// The shared catalogue (`kind: catalogue`).
    Catalogue,
    /// A question bank (`kind: bank`).
    Bank,
}

impl DocumentKind {
    fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Catalogue => "catalogue",
            DocumentKind::Bank => "bank",
        }
    }
}

/// Reads the `kind:` of a file, so a tool can tell banks from catalogues.
pub fn document_kind(file: &SourceFile) -> Result<DocumentKind, Diagnostic> {
    let kind = yaml::header(file)?;
    match kind.as_ref().map(|kind| kind.value.as_str()) {
        Some("catalogue") => Ok(DocumentKind::Catalogue),
        Some("bank") => Ok(DocumentKind::Bank),
        Some(other) => Err(Diagnostic::error(
            Code::WrongKind,
            format!("`{other}` is not a kind of file Shindan reads"),
        )
        .at(kind.map(|kind| kind.span).unwrap_or_default())
        .path("kind")
        .hint(
            "write `kind: bank` for a question bank or `kind: catalogue` for the shared catalogue",
        )),
        None => Err(
            Diagnostic::error(Code::MissingField, "the file does not say what it is")
                .at(Span::new(0, 0))
                .path("kind")
                .hint("start the file with `kind: bank` or `kind: catalogue`"),
        ),
    }
}

fn expect_kind(file: &SourceFile, expected: DocumentKind) -> Result<(), Diagnostic> {
    let found = document_kind(file)?;
    if found == expected {
        return Ok(());
    }
    Err(Diagnostic::error(
        Code::WrongKind,
        format!(
            "this is a {} file; a {} was expected",
            found.as_str(),
            expected.as_str()
        ),
    )
    .at(Span::new(0, 0))
    .path("kind")
    .hint(match expected {
        DocumentKind::Bank => {
            "pass a question bank (`kind: bank`) here; the catalogue is found beside it"
        }
        DocumentKind::Catalogue => "pass the shared catalogue (`kind: catalogue`) here",
    }))
}

/// Loads the shared catalogue. Never panics; reports every problem found.
pub fn load_catalogue(file: &SourceFile) -> Checked<Catalogue> {
    match yaml::parse::<RawCatalogue>(file) {
        Ok(raw) => match kind_matches(file, &raw.kind, DocumentKind::Catalogue) {
            Err(diagnostic) => Checked::failed(vec![diagnostic]),
            Ok(()) => {
                let (diagnostics, catalogue) = validate::catalogue(file, raw);
                checked(diagnostics, catalogue)
            }
        },
        Err(diagnostic) => Checked::failed(vec![explain_failure(
            file,
            diagnostic,
            DocumentKind::Catalogue,
        )]),
    }
}

/// Loads a question bank against its catalogue. Never panics; reports every
/// problem found.
pub fn load_bank(file: &SourceFile, catalogue: &Catalogue) -> Checked<Bank> {
    match yaml::parse::<RawBank>(file) {
        Ok(raw) => match kind_matches(file, &raw.kind, DocumentKind::Bank) {
            Err(diagnostic) => Checked::failed(vec![diagnostic]),
            Ok(()) => {
                let (diagnostics, bank) = validate::bank(file, raw, catalogue);
                checked(diagnostics, bank)
            }
        },
        Err(diagnostic) => {
            Checked::failed(vec![explain_failure(file, diagnostic, DocumentKind::Bank)])
        }
    }
}

/// Checks a parsed `kind:` value.
fn kind_matches(
    file: &SourceFile,
    kind: &Spanned<String>,
    expected: DocumentKind,
) -> Result<(), Diagnostic> {
    if kind.value == expected.as_str() {
        Ok(())
    } else {
        expect_kind(file, expected)
    }
}

/// A parse failure of a file of the wrong kind is reported as that (a
/// catalogue given as a bank fails on its first unknown key otherwise).
/// Parsing once and looking at the kind only on failure keeps loading fast.
fn explain_failure(
    file: &SourceFile,
    diagnostic: Diagnostic,
    expected: DocumentKind,
) -> Diagnostic {
    match expect_kind(file, expected) {
        Err(kind_problem) if diagnostic.code != Code::EmptyFile => kind_problem,
        _ => diagnostic,
    }
}

fn checked<T>(diagnostics: Vec<Diagnostic>, value: Option<T>) -> Checked<T> {
    match value {
        Some(value) => Checked::new(diagnostics, || value),
        None => Checked::failed(sorted(diagnostics)),
    }
}

fn sorted(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics.sort_by_key(|diagnostic| diagnostic.span.map(|span| span.start));
    diagnostics
}

/// A company's answers with what it said about itself.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerSheet {
    /// The profile, if given.
    pub profile: Option<Profile>,
    /// A label for the result, if given.
    pub label: Option<String>,
    /// The checked answers.
    pub answers: Answers,
}

/// The shape of an answers file; a result file has it too, so a saved
/// result can be scored again.
#[derive(Deserialize)]
struct RawAnswerSheet {
    #[serde(default)]
    profile: Option<Profile>,
    #[serde(default)]
    label: Option<String>,
    answers: Option<BTreeMap<String, Spanned<AnswerValue>>>,
}

/// Reads an answers file (YAML or JSON: `answers:` by question id, with an
/// optional `profile:` and `label:`) and checks every answer against `bank`.
pub fn read_answer_sheet(file: &SourceFile, bank: &Bank) -> Checked<AnswerSheet> {
    let raw: RawAnswerSheet = match yaml::parse(file) {
        Ok(raw) => raw,
        Err(diagnostic) => return Checked::failed(vec![diagnostic]),
    };
    let Some(values) = raw.answers else {
        return Checked::failed(vec![
            Diagnostic::error(Code::MissingField, "the file has no `answers:`")
                .at(Span::new(0, 0))
                .path("answers")
                .hint("list answers by question id under `answers:`, e.g. `answers: {ceo_message: 3}`"),
        ]);
    };
    let (answers, diagnostics) = Answers::from_values(bank, &values);
    Checked::new(diagnostics, || AnswerSheet {
        profile: raw.profile,
        label: raw.label,
        answers,
    })
}
