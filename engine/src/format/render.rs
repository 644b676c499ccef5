//! Diagnostics as text, the way a compiler prints them.
//!
//! ```text
//! small.yaml:12:9: error[duplicate-id]: question id `q3` is used twice
//!    |
//! 12 |   - id: q3
//!    |         ^^
//!    = at: questions[4].id
//!    = hint: first defined at 4:9; give each question its own id
//! ```
//!
//! Notes (`= note:`) follow the hints: background such as the YAML parser's
//! own words, kept out of the message.
//!
//! Pure string building, shared by the CLI and the tests; the browser lays
//! out the same [`Diagnostic`] fields itself.

use std::fmt::Write;

use crate::format::diag::Diagnostic;
use crate::format::source::SourceFile;

/// The one-line header: `file:line:col: error[code]: message`.
pub fn headline(file: &SourceFile, diagnostic: &Diagnostic) -> String {
    let location = match diagnostic.line_col(file) {
        Some(at) => format!("{}:{at}", file.name()),
        None => file.name().to_owned(),
    };
    format!(
        "{location}: {}[{}]: {}",
        diagnostic.severity.as_str(),
        diagnostic.code.as_str(),
        diagnostic.message
    )
}

/// The headline, the source line with a caret, the YAML path and the hints.
pub fn render(file: &SourceFile, diagnostic: &Diagnostic) -> String {
    let mut out = headline(file, diagnostic);
    out.push('\n');
    let gutter_width;
    if let (Some(span), Some(at)) = (diagnostic.span, diagnostic.line_col(file)) {
        let line_number = at.line.to_string();
        gutter_width = line_number.len();
        let pad = " ".repeat(gutter_width);
        let (line, col) = window(file.line_text(at.line), at.col.get() as usize);
        let before = escape_controls(&line.chars().take(col - 1).collect::<String>());
        let line = escape_controls(&line);
        let covered: String = file
            .text()
            .get(span.start as usize..span.end as usize)
            .unwrap_or("")
            .lines()
            .next()
            .unwrap_or("")
            .chars()
            .take(MAX_SHOWN_CHARS / 2)
            .collect();
        let caret_width = covered.chars().map(display_width).sum::<usize>().max(1);
        let indent = " ".repeat(before.chars().map(display_width).sum());
        let _ = writeln!(out, "{pad} |");
        let _ = writeln!(out, "{line_number} | {line}");
        let _ = writeln!(out, "{pad} | {indent}{}", "^".repeat(caret_width));
    } else {
        gutter_width = 1;
    }
    let pad = " ".repeat(gutter_width);
    if let Some(path) = &diagnostic.path {
        let _ = writeln!(out, "{pad} = at: {path}");
    }
    for hint in &diagnostic.hints {
        let _ = writeln!(out, "{pad} = hint: {hint}");
    }
    for note in &diagnostic.notes {
        let _ = writeln!(out, "{pad} = note: {note}");
    }
    out
}

/// Longest source line shown whole; longer ones are cut around the column.
const MAX_SHOWN_CHARS: usize = 100;

/// The part of `line` to show and the 1-based column within it.
fn window(line: &str, col: usize) -> (String, usize) {
    let length = line.chars().count();
    if length <= MAX_SHOWN_CHARS {
        return (line.to_owned(), col);
    }
    let start = col
        .saturating_sub(MAX_SHOWN_CHARS / 2)
        .min(length - MAX_SHOWN_CHARS);
    let shown: String = line.chars().skip(start).take(MAX_SHOWN_CHARS).collect();
    let (prefix, shift) = if start > 0 { ("…", 1) } else { ("", 0) };
    let suffix = if start + MAX_SHOWN_CHARS < length {
        "…"
    } else {
        ""
    };
    (format!("{prefix}{shown}{suffix}"), col - start + shift)
}

/// Every diagnostic of a file, in order, separated by blank lines.
pub fn render_all(file: &SourceFile, diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(|diagnostic| render(file, diagnostic))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The source line as it may reach a terminal: control characters (an
/// escape sequence in a hostile file) written as `\u{1b}`; a tab is harmless
/// and stays.
fn escape_controls(text: &str) -> String {
    let hostile = |c: char| c.is_control() && c != '\t';
    if !text.chars().any(hostile) {
        return text.to_owned();
    }
    text.chars()
        .map(|c| {
            if hostile(c) {
                format!("\\u{{{:x}}}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Terminal cells a character takes: two for East Asian wide characters,
/// so that carets line up under Japanese text.
fn display_width(c: char) -> usize {
    let wide = matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
    if wide { 2 } else { 1 }
}
