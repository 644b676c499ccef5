//! Printing diagnostics: rendered like a compiler on stderr, or as JSON
//! records for tools.

use serde::Serialize;
use shindan_engine::{Diagnostic, SourceFile, render};

use crate::Format;

/// A diagnostic as tools read it.
#[derive(Serialize)]
struct Record<'a> {
    file: &'a str,
    line: Option<u32>,
    column: Option<u32>,
    end_line: Option<u32>,
    end_column: Option<u32>,
    severity: &'static str,
    code: &'static str,
    message: &'a str,
    path: Option<&'a str>,
    hints: &'a [String],
    notes: &'a [String],
    /// Other places the message refers to ("first defined here").
    related: Vec<RelatedRecord<'a>>,
}

/// A secondary location, with the same position fields as the record.
#[derive(Serialize)]
struct RelatedRecord<'a> {
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    label: &'a str,
}

/// Collects what was found; prints text at once, JSON at the end.
pub struct Reporter {
    format: Format,
    records: Vec<serde_json::Value>,
    /// Errors seen so far.
    pub errors: usize,
    /// Warnings seen so far.
    pub warnings: usize,
}

impl Reporter {
    /// A reporter for `format`.
    pub fn new(format: Format) -> Reporter {
        Reporter {
            format,
            records: Vec::new(),
            errors: 0,
            warnings: 0,
        }
    }

    /// Reports the diagnostics of one file.
    pub fn report(&mut self, file: &SourceFile, diagnostics: &[Diagnostic]) {
        for diagnostic in diagnostics {
            if diagnostic.is_error() {
                self.errors += 1;
            } else {
                self.warnings += 1;
            }
            match self.format {
                Format::Text => eprintln!("{}", render::render(file, diagnostic)),
                Format::Json => {
                    let start = diagnostic.line_col(file);
                    let end = diagnostic.span.map(|span| file.line_col(span.end));
                    let record = Record {
                        file: file.name(),
                        line: start.map(|at| at.line.get()),
                        column: start.map(|at| at.col.get()),
                        end_line: end.map(|at| at.line.get()),
                        end_column: end.map(|at| at.col.get()),
                        severity: diagnostic.severity.as_str(),
                        code: diagnostic.code.as_str(),
                        message: &diagnostic.message,
                        path: diagnostic.path.as_deref(),
                        hints: &diagnostic.hints,
                        notes: &diagnostic.notes,
                        related: diagnostic
                            .related
                            .iter()
                            .map(|related| {
                                let start = file.line_col(related.span.start);
                                let end = file.line_col(related.span.end);
                                RelatedRecord {
                                    line: start.line.get(),
                                    column: start.col.get(),
                                    end_line: end.line.get(),
                                    end_column: end.col.get(),
                                    label: &related.label,
                                }
                            })
                            .collect(),
                    };
                    self.records
                        .push(serde_json::to_value(record).unwrap_or_default());
                }
            }
        }
    }

    /// The JSON array of every record, for `--format json`.
    pub fn into_json(self) -> serde_json::Value {
        serde_json::Value::Array(self.records)
    }
}
