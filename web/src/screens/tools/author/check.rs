//! Checking what an author typed: the catalogue, then the bank against it,
//! each diagnostic rendered as the CLI prints it with the span to select in
//! the text area.

use std::sync::Arc;

use shindan_engine::{Bank, Diagnostic, SourceFile, decode, load_bank, load_catalogue, render};

/// The most diagnostics listed; the rest are counted (a file within the size
/// limits can carry thousands, and the list must stay readable).
const SHOWN_DIAGNOSTICS: usize = 100;

/// The two files an author edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    /// The question bank.
    Bank,
    /// The catalogue it is written against.
    Catalogue,
}

/// One edited file: its name (shown in diagnostics) and text.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The file name.
    pub name: String,
    /// Its text.
    pub text: String,
}

/// The texts a check reads: both files as they were when typing paused.
#[derive(Debug, Clone, PartialEq)]
pub struct Drafts {
    /// The bank.
    pub bank: Draft,
    /// The catalogue.
    pub catalogue: Draft,
}

/// One listed diagnostic: which file, the rendered text and the span to
/// select (UTF-16 offsets into that file's text area).
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The file it is about.
    pub document: Document,
    /// The diagnostic as compiler-style text.
    pub rendered: String,
    /// The span to select, if it has one.
    pub span: Option<(u32, u32)>,
}

/// What checking both files gave.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The diagnostics listed.
    pub lines: Vec<Line>,
    /// How many more were found.
    pub not_shown: usize,
    /// Errors found.
    pub errors: usize,
    /// Warnings found.
    pub warnings: usize,
    /// Set when the catalogue has errors: the bank cannot be checked.
    pub bank_unchecked: bool,
    /// The bank, when it loaded.
    pub bank: Option<Arc<Bank>>,
}

/// Equal when the same diagnostics were found for the same loaded bank, so
/// the list is not redrawn when a pause changed nothing.
impl PartialEq for Outcome {
    fn eq(&self, other: &Self) -> bool {
        let same_bank = match (&self.bank, &other.bank) {
            (Some(one), Some(other)) => Arc::ptr_eq(one, other),
            (None, None) => true,
            _ => false,
        };
        same_bank
            && self.lines == other.lines
            && (
                self.not_shown,
                self.errors,
                self.warnings,
                self.bank_unchecked,
            ) == (
                other.not_shown,
                other.errors,
                other.warnings,
                other.bank_unchecked,
            )
    }
}

/// Checks the catalogue, then the bank against it.
pub fn check(drafts: &Drafts) -> Outcome {
    let mut found: Vec<(Document, Diagnostic)> = Vec::new();
    let mut bank = None;
    let catalogue_file = read(&drafts.catalogue, Document::Catalogue, &mut found);
    let catalogue = catalogue_file.as_ref().ok().and_then(|file| {
        let checked = load_catalogue(file);
        found.extend(
            checked
                .diagnostics
                .into_iter()
                .map(|d| (Document::Catalogue, d)),
        );
        checked.value
    });
    let bank_unchecked = catalogue.is_none();
    let mut bank_file = None;
    if let Some(catalogue) = catalogue {
        let file = read(&drafts.bank, Document::Bank, &mut found);
        if let Ok(file) = &file {
            let checked = load_bank(file, &catalogue);
            found.extend(checked.diagnostics.into_iter().map(|d| (Document::Bank, d)));
            bank = checked.value.map(Arc::new);
        }
        bank_file = Some(file);
    }
    let errors = found.iter().filter(|(_, d)| d.is_error()).count();
    let warnings = found.len() - errors;
    let not_shown = found.len().saturating_sub(SHOWN_DIAGNOSTICS);
    let lines = found
        .into_iter()
        .take(SHOWN_DIAGNOSTICS)
        .filter_map(|(document, diagnostic)| {
            // A bank diagnostic always has its file: it was found reading it.
            let (Ok(file) | Err(file)) = match document {
                Document::Catalogue => Some(&catalogue_file),
                Document::Bank => bank_file.as_ref(),
            }?;
            Some(Line {
                document,
                rendered: render::render(file, &diagnostic),
                span: diagnostic.span.map(|span| {
                    (
                        utf16_offset(file.text(), span.start),
                        utf16_offset(file.text(), span.end),
                    )
                }),
            })
        })
        .collect();
    Outcome {
        lines,
        not_shown,
        errors,
        warnings,
        bank_unchecked,
        bank,
    }
}

/// The draft as a source file to load, or (its decoding diagnostic
/// recorded) as a lossy copy to point into.
fn read(
    draft: &Draft,
    document: Document,
    found: &mut Vec<(Document, Diagnostic)>,
) -> Result<SourceFile, SourceFile> {
    decode(&draft.name, draft.text.as_bytes()).map_err(|undecodable| {
        found.push((document, undecodable.diagnostic));
        undecodable.file
    })
}

/// Byte offset → UTF-16 offset, for selecting a span in the text area.
fn utf16_offset(text: &str, byte: u32) -> u32 {
    let end = (byte as usize).min(text.len());
    let end = (0..=end)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    text[..end].encode_utf16().count() as u32
}
