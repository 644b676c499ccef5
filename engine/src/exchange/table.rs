//! CSV as Japanese offices exchange it, written and read by one set of
//! rules (RFC 4180: `,` between fields, `"` quotes a field, `""` inside
//! quotes is a quote, CRLF between records).
//!
//! Writing ([`CsvText`], [`write_row`]) is in every build: the result sheet
//! exports CSV from the first-load app. Every file starts with a UTF-8
//! byte-order mark, so Excel opens it as UTF-8 rather than CP932, and every
//! cell that a spreadsheet would run as a formula — text starting with `=`,
//! `+`, `-`, `@`, a tab or a CR — gets a leading `'`. That apostrophe is the
//! only change a written cell undergoes; reading does not remove it, since
//! a reader cannot tell it from one the author typed.
//!
//! Reading (feature `csv`, in `table/read.rs`) takes bytes as Excel saves
//! them — UTF-8 with or without BOM, UTF-16 by its BOM, otherwise CP932 —
//! and yields records with their line numbers. A stray quote costs one bad
//! record, not the rest of the file, and no record holds more than
//! [`MAX_RECORD_BYTES`](read::MAX_RECORD_BYTES).

use std::borrow::Cow;

#[cfg(feature = "csv")]
pub mod read;

/// The byte-order mark that tells Excel a CSV file is UTF-8.
pub const BOM: &str = "\u{feff}";

/// A CSV file being written: BOM first, then records with CRLF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvText {
    text: String,
}

impl Default for CsvText {
    fn default() -> CsvText {
        CsvText {
            text: BOM.to_owned(),
        }
    }
}

impl CsvText {
    /// An empty file (just the BOM).
    pub fn new() -> CsvText {
        CsvText::default()
    }

    /// Appends one record.
    pub fn row<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) {
        write_row(&mut self.text, cells);
    }

    /// The file's text.
    pub fn into_string(self) -> String {
        self.text
    }
}

/// Appends one record (cells made inert and quoted, CRLF) to `out`; for
/// writers that stream rows, after a first [`BOM`].
pub fn write_row<S: AsRef<str>>(out: &mut String, cells: impl IntoIterator<Item = S>) {
    for (index, cell) in cells.into_iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        out.push_str(&cell_text(cell.as_ref()));
    }
    out.push_str("\r\n");
}

/// Whether a spreadsheet would read `cell` as a formula.
pub fn looks_like_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// One cell: `'` first when it looks like a formula, quoted when it holds a
/// separator, a quote or a line break.
pub fn cell_text(cell: &str) -> Cow<'_, str> {
    let inert: Cow<'_, str> = if looks_like_formula(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    };
    if inert.contains([',', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", inert.replace('"', "\"\"")))
    } else {
        inert
    }
}

/// Why a header cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderError {
    /// A column name appears twice (which one would count?).
    Duplicate(String),
}

impl std::fmt::Display for HeaderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HeaderError::Duplicate(name) => write!(
                f,
                "the header names column `{}` twice; remove one",
                crate::format::echo::echo(name)
            ),
        }
    }
}

impl std::error::Error for HeaderError {}

/// Refuses a header that names a column twice.
pub fn check_header(header: &[&str]) -> Result<(), HeaderError> {
    let mut seen = std::collections::BTreeSet::new();
    for name in header {
        if !seen.insert(*name) {
            return Err(HeaderError::Duplicate((*name).to_owned()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_inert() {
        assert_eq!(cell_text("plain"), "plain");
        assert_eq!(cell_text("a,b"), "\"a,b\"");
        assert_eq!(cell_text("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell_text("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell_text("-1"), "'-1");
        assert_eq!(cell_text("\t=1+1"), "'\t=1+1");
        assert_eq!(cell_text("\r=1"), "\"'\r=1\"");
        let mut csv = CsvText::new();
        csv.row(["a", "@SUM(1)"]);
        assert_eq!(csv.into_string(), "\u{feff}a,'@SUM(1)\r\n");
    }
}
