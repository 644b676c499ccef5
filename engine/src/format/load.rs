//! The front door for files: loading a catalogue, a bank or an answers file
//! from YAML (or JSON, a subset of it). Only with the `yaml` feature: the
//! browser's first load does without the YAML parser (see `compiled`).

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::AnswerSheet;
use crate::format::diag::{Checked, Code, Diagnostic};
use crate::format::raw::{RawBank, RawCatalogue, Spanned};
use crate::format::source::{SourceFile, Span};
use crate::format::{validate, yaml};
use crate::model::answers::{AnswerValue, Answers};
use crate::model::bank::{Bank, Catalogue};
use crate::model::profile::Profile;

/// What a YAML file of the format holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum DocumentKind {
    /// The shared catalogue (`kind: catalogue`).
    Catalogue,
    /// A question bank (`kind: bank`).
    Bank,
    /// Peer reference data (`kind: reference`).
    Reference,
    /// A company's answers, or a saved result: `answers:` and no `kind:`.
    /// It is checked against a bank ([`read_answer_sheet`]), which it does
    /// not name.
    Answers,
}

impl DocumentKind {
    fn as_str(self) -> &'static str {
        self.into()
    }
}

/// Reads the `kind:` of a file, so a tool can tell banks from catalogues
/// (and from answers files, which have `answers:` instead).
pub fn document_kind(file: &SourceFile) -> Result<DocumentKind, Diagnostic> {
    let header = yaml::header(file)?;
    let kind = header.kind;
    match kind.as_ref().map(|kind| kind.value.as_str()) {
        Some("catalogue") => Ok(DocumentKind::Catalogue),
        Some("bank") => Ok(DocumentKind::Bank),
        Some("reference") => Ok(DocumentKind::Reference),
        None if header.answers => Ok(DocumentKind::Answers),
        Some(other) => Err(Diagnostic::error(
            Code::WrongKind,
            format!("`{other}` is not a kind of file Shindan reads"),
        )
        .at(kind.map(|kind| kind.span).unwrap_or_default())
        .path("kind")
        .hint(
            "write `kind: bank` for a question bank, `kind: catalogue` for the shared catalogue or `kind: reference` for peer reference data",
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
    let found = match found {
        DocumentKind::Answers => "an answers file".to_owned(),
        other => format!("a {} file", other.as_str()),
    };
    Err(Diagnostic::error(
        Code::WrongKind,
        format!("this is {found}; a {} was expected", expected.as_str()),
    )
    .at(Span::new(0, 0))
    .path("kind")
    .hint(match expected {
        DocumentKind::Bank => {
            "pass a question bank (`kind: bank`) here; the catalogue is found beside it"
        }
        DocumentKind::Catalogue => "pass the shared catalogue (`kind: catalogue`) here",
        DocumentKind::Reference => "pass peer reference data (`kind: reference`) here",
        DocumentKind::Answers => "pass a company's answers (`answers:` by question id) here",
    }))
}

/// Loads the shared catalogue. Never panics; reports every problem found.
pub fn load_catalogue(file: &SourceFile) -> Checked<Catalogue> {
    match yaml::parse::<RawCatalogue>(file) {
        Ok(raw) => match kind_matches(file, &raw.kind, DocumentKind::Catalogue) {
            Err(diagnostic) => Checked::failed(vec![diagnostic]),
            Ok(()) => {
                let (mut diagnostics, catalogue) = validate::catalogue(raw);
                let catalogue =
                    catalogue.and_then(|catalogue| match catalogue.check_invariants() {
                        Ok(()) => Some(catalogue),
                        Err(unsound) => {
                            diagnostics.push(unsound_diagnostic(&unsound));
                            None
                        }
                    });
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
                let (mut diagnostics, bank) = validate::bank(raw, catalogue);
                // A second opinion on the validator: a bank it passes must
                // be sound, or it is refused rather than crash the scoring.
                let bank = bank.and_then(|bank| match bank.check_invariants() {
                    Ok(()) => Some(bank),
                    Err(unsound) => {
                        diagnostics.push(unsound_diagnostic(&unsound));
                        None
                    }
                });
                checked(diagnostics, bank)
            }
        },
        Err(diagnostic) => {
            Checked::failed(vec![explain_failure(file, diagnostic, DocumentKind::Bank)])
        }
    }
}

/// A broken invariant after validation is the engine's fault, not the
/// author's: said so, with the place, instead of a crash later.
fn unsound_diagnostic(unsound: &crate::model::bank::Unsound) -> Diagnostic {
    Diagnostic::error(Code::InvalidValue, unsound.to_string())
        .path(unsound.place.clone())
        .hint("the checks passed a bank they should have refused; please report this with the file")
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
    crate::format::diag::sort(&mut diagnostics);
    diagnostics
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
    let (answers, diagnostics) = Answers::from_located(
        bank,
        values
            .iter()
            .map(|(id, value)| (id.as_str(), &value.value, Some(value.span))),
    );
    Checked::new(diagnostics, || AnswerSheet {
        profile: raw.profile,
        label: raw.label,
        answers,
    })
}
