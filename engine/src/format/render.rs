//! Diagnostics as text, the way a compiler prints them.
//!
//! ```text
//! small.yaml:16:9: error[duplicate-id]: question id `q3` is used twice
//!    |
//! 11 |   - id: q3
//!    |         -- first defined here
//! ...
//! 16 |   - id: q3
//!    |         ^^
//!    = at: questions[4].id
//!    = hint: give each question its own id
//! ```
//!
//! The headline stays `file:line:col: severity[code]: message`, the form
//! editors and CI logs link; the source excerpt under it is drawn by
//! annotate-snippets (the renderer rustc uses), which measures columns with
//! `unicode-width` so carets line up under Japanese, and shows control
//! characters from a hostile file as visible symbols (`␛`), never raw.
//!
//! Notes (`= note:`) follow the hints: background such as the YAML parser's
//! own words, kept out of the message. Pure string building, shared by the
//! CLI, the author mode and the tests.

use std::num::NonZeroU32;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::format::diag::{Diagnostic, Severity};
use crate::format::source::{SourceFile, Span};

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

/// The headline, the source lines with the main span and any related ones
/// marked, the YAML path, the hints and the notes.
pub fn render(file: &SourceFile, diagnostic: &Diagnostic) -> String {
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let marks = marks(file, diagnostic);
    let excerpts = excerpts(file, marks);
    let mut body = Group::with_level(level);
    for (index, excerpt) in excerpts.iter().enumerate() {
        let mut snippet = Snippet::source(excerpt.text.as_str())
            .line_start(excerpt.first_line)
            .fold(true);
        if index > 0 {
            // An excerpt far from the first says where it is.
            snippet = snippet.path(file.name());
        }
        for mark in &excerpt.marks {
            let kind = if mark.primary {
                AnnotationKind::Primary
            } else {
                AnnotationKind::Context
            };
            snippet = snippet.annotation(kind.span(mark.range.clone()).label(mark.label));
        }
        body = body.element(snippet);
    }
    if let Some(path) = &diagnostic.path {
        body = body.element(Level::NOTE.with_name("at").message(path.as_str()));
    }
    for hint in &diagnostic.hints {
        body = body.element(Level::HELP.with_name("hint").message(hint.as_str()));
    }
    for note in &diagnostic.notes {
        body = body.element(Level::NOTE.message(note.as_str()));
    }
    let mut out = headline(file, diagnostic);
    out.push('\n');
    if !body.is_empty() {
        out.push_str(&Renderer::plain().render(&[body]));
        out.push('\n');
    }
    out
}

/// Every diagnostic of a file, in order, separated by blank lines.
pub fn render_all(file: &SourceFile, diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(|diagnostic| render(file, diagnostic))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Marks this many lines apart or fewer share one excerpt (the lines
/// between them folded to `...`); farther ones get an excerpt of their own,
/// headed by its location.
const MAX_GAP_LINES: u32 = 40;

/// A span to underline: on one line (a span running on is cut at the line's
/// end, so a whole mapping never floods the terminal).
struct Mark<'a> {
    line: NonZeroU32,
    /// Byte range within the line's text.
    range: std::ops::Range<usize>,
    label: Option<&'a str>,
    primary: bool,
}

/// Consecutive source lines shown together, with the marks on them.
struct Excerpt<'a> {
    first_line: usize,
    text: String,
    marks: Vec<Mark<'a>>,
}

/// The main span and the related ones, in line order.
fn marks<'a>(file: &SourceFile, diagnostic: &'a Diagnostic) -> Vec<Mark<'a>> {
    let primary = diagnostic.span.map(|span| (span, None, true));
    let related = diagnostic
        .related
        .iter()
        .map(|related| (related.span, Some(related.label.as_str()), false));
    let mut marks: Vec<Mark<'a>> = primary
        .into_iter()
        .chain(related)
        .map(|(span, label, primary)| mark(file, span, label, primary))
        .collect();
    marks.sort_by_key(|mark| mark.line);
    marks
}

fn mark<'a>(file: &SourceFile, span: Span, label: Option<&'a str>, primary: bool) -> Mark<'a> {
    let line = file.line_col(span.start).line;
    let line_start = file.line_start(line);
    let text = file.line_text(line);
    let start = floor_boundary(text, (span.start.saturating_sub(line_start)) as usize);
    let end = floor_boundary(text, (span.end.saturating_sub(line_start)) as usize).max(start);
    Mark {
        line,
        range: start..end,
        label,
        primary,
    }
}

/// `at`, clamped to `text` and moved back to a character boundary.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Groups marks whose lines are close into one excerpt each; line breaks
/// are normalised to `\n` so a file saved with CRLF shows no stray `␍`.
fn excerpts<'a>(file: &SourceFile, marks: Vec<Mark<'a>>) -> Vec<Excerpt<'a>> {
    let mut excerpts: Vec<(NonZeroU32, NonZeroU32, Vec<Mark<'a>>)> = Vec::new();
    for mark in marks {
        match excerpts.last_mut() {
            Some((_, last, marks)) if mark.line.get() <= last.get() + MAX_GAP_LINES => {
                *last = mark.line;
                marks.push(mark);
            }
            _ => excerpts.push((mark.line, mark.line, vec![mark])),
        }
    }
    excerpts
        .into_iter()
        .map(|(first, last, marks)| {
            let mut text = String::new();
            let mut line_offsets = Vec::new();
            for line in first.get()..=last.get() {
                line_offsets.push(text.len());
                if let Some(line) = NonZeroU32::new(line) {
                    text.push_str(file.line_text(line));
                }
                text.push('\n');
            }
            let marks = marks
                .into_iter()
                .map(|mark| {
                    let base = line_offsets
                        .get((mark.line.get() - first.get()) as usize)
                        .copied()
                        .unwrap_or(0);
                    Mark {
                        range: base + mark.range.start..base + mark.range.end,
                        ..mark
                    }
                })
                .collect();
            Excerpt {
                first_line: first.get() as usize,
                text,
                marks,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::diag::Code;

    fn at(text: &str, needle: &str) -> Span {
        let start = text.find(needle).unwrap();
        Span::new(start as u32, (start + needle.len()) as u32)
    }

    fn error_at(text: &str, needle: &str) -> Diagnostic {
        Diagnostic::error(Code::InvalidValue, "bad").at(at(text, needle))
    }

    /// Carets stand under the characters they mean: a Japanese character
    /// takes two terminal cells, a half-width kana one.
    #[test]
    fn carets_line_up_under_wide_and_half_width_text() {
        let text = "title: {ja: 人材ｶﾀﾛｸﾞ, en: x}\n";
        let file = SourceFile::new("b.yaml", text);
        let shown = render(&file, &error_at(text, "ｶﾀﾛｸﾞ"));
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(lines[0], "b.yaml:1:15: error[invalid-value]: bad");
        assert_eq!(lines[2], "1 | title: {ja: 人材ｶﾀﾛｸﾞ, en: x}");
        assert_eq!(lines[3], "  |                 ^^^^^");
    }

    /// A file saved with CRLF shows its lines without a stray `␍`.
    #[test]
    fn crlf_line_ends_are_not_shown() {
        let text = "a: 1\r\nb: 2\r\n";
        let file = SourceFile::new("b.yaml", text);
        let shown = render(&file, &error_at(text, "2"));
        assert!(shown.contains("2 | b: 2\n"), "{shown}");
        assert!(!shown.contains('␍') && !shown.contains('\r'), "{shown}");
    }

    /// An escape sequence in a hostile file reaches the terminal as a
    /// visible symbol, never raw.
    #[test]
    fn control_characters_are_shown_as_symbols() {
        let text = "a: \u{1b}]0;PWNED\u{7}\n";
        let file = SourceFile::new("b.yaml", text);
        let shown = render(&file, &error_at(text, "PWNED"));
        assert!(
            !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
            "{shown}"
        );
        assert!(shown.contains("␛]0;PWNED"), "{shown}");
    }

    /// A related place far from the main one gets its own excerpt, headed
    /// by its location; one near it shares the excerpt.
    #[test]
    fn related_places_are_secondary_labels() {
        let mut text = String::from("- id: q1\n");
        text.push_str(&"# filler\n".repeat(60));
        text.push_str("- id: q1\n");
        let file = SourceFile::new("b.yaml", text.as_str());
        let first = at(&text, "q1");
        let second_start = text.rfind("q1").unwrap() as u32;
        let diagnostic = Diagnostic::error(Code::DuplicateId, "id `q1` is used twice")
            .at(Span::new(second_start, second_start + 2))
            .related(first, "first defined here");
        let shown = render(&file, &diagnostic);
        assert!(
            shown.starts_with("b.yaml:62:7: error[duplicate-id]"),
            "{shown}"
        );
        assert!(shown.contains("1 | - id: q1\n"), "{shown}");
        assert!(
            shown.contains("  |       -- first defined here\n"),
            "{shown}"
        );
        assert!(shown.contains("::: b.yaml:62:7"), "{shown}");
    }

    /// A diagnostic without a place is its headline and its advice.
    #[test]
    fn a_diagnostic_without_a_span_has_no_excerpt() {
        let file = SourceFile::new("b.yaml", "");
        let diagnostic =
            Diagnostic::error(Code::EmptyFile, "the file is empty").hint("write a bank");
        let shown = render(&file, &diagnostic);
        assert_eq!(
            shown.lines().next(),
            Some("b.yaml: error[empty-file]: the file is empty")
        );
        assert!(shown.contains("= hint: write a bank"), "{shown}");
        assert!(!shown.contains(" | "), "{shown}");
    }
}
