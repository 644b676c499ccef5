//! Bytes → YAML → raw structs, with limits that stop hostile files fast.
//!
//! **Invariant:** this is the only module that names the YAML crate
//! (serde-saphyr, chosen in ARCHITECTURE.md), so it can be swapped here alone.
//! Syntax and type errors stop the parse at the first one (serde cannot
//! resume); `validate` then reports every semantic problem at once.

use serde::de::DeserializeOwned;

use crate::format::diag::{Code, Diagnostic};
use crate::format::raw::{ROOT_EXPECTED, RawHeader};
use crate::format::source::{SourceFile, Span};

mod explain;

/// Largest file accepted: the biggest real bank is far below this.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;
/// Deepest nesting of mappings and sequences accepted: banks need about ten.
pub const MAX_DEPTH: usize = 48;

/// A file whose bytes are not acceptable text, with a lossy copy of it so
/// the diagnostic can still show where the problem starts.
#[derive(Debug, Clone)]
pub struct Undecodable {
    /// The text as far as it could be read, for display only.
    pub file: SourceFile,
    /// What is wrong.
    pub diagnostic: Diagnostic,
}

/// Checks the bytes of a file and turns them into text: size first, then
/// encoding, so a hostile file costs at most one pass.
pub fn decode(name: &str, bytes: &[u8]) -> Result<SourceFile, Box<Undecodable>> {
    if bytes.len() > MAX_FILE_BYTES {
        let diagnostic = Diagnostic::error(
            Code::TooLarge,
            format!(
                "the file is {} KiB; at most {} KiB is accepted",
                bytes.len() / 1024,
                MAX_FILE_BYTES / 1024
            ),
        )
        .hint("a question bank is a few dozen KiB; check that this is the right file");
        return Err(Box::new(Undecodable {
            file: SourceFile::new(name, ""),
            diagnostic,
        }));
    }
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let error = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok(SourceFile::new(name, text)),
        Err(error) => error,
    };
    let (offset, diagnostic) = if utf16 {
        (
            0,
            Diagnostic::error(Code::NotUtf8, "the file is UTF-16; it must be UTF-8").hint(
                "save it again as \"UTF-8\" (in Windows Notepad: Save As → Encoding → UTF-8)",
            ),
        )
    } else {
        (
            error.valid_up_to(),
            Diagnostic::error(
                Code::NotUtf8,
                "the file is not UTF-8 text: this byte cannot start a character",
            )
            .hint("banks and answer files are plain UTF-8 text; check that this is the right file"),
        )
    };
    let offset = u32::try_from(offset).unwrap_or(u32::MAX);
    // Control bytes become `.` (same width) so offsets stay valid and the
    // preview prints safely.
    let preview: Vec<u8> = bytes
        .iter()
        .take(64 * 1024)
        .map(|&byte| {
            if byte < 0x20 && byte != b'\n' && byte != b'\t' {
                b'.'
            } else {
                byte
            }
        })
        .collect();
    Err(Box::new(Undecodable {
        file: SourceFile::new(name, String::from_utf8_lossy(&preview).into_owned()),
        diagnostic: diagnostic.at(Span::new(offset, offset.saturating_add(1))),
    }))
}

/// Reads the `kind:` of a document (and whether it holds `answers:`);
/// also the first full syntax check.
pub(crate) fn header(file: &SourceFile) -> Result<RawHeader, Diagnostic> {
    parse::<RawHeader>(file)
}

/// Parses `file` into `T`, mapping any parser error to a located diagnostic.
pub(crate) fn parse<T: DeserializeOwned>(file: &SourceFile) -> Result<T, Diagnostic> {
    reject_empty(file)?;
    serde_saphyr::from_str_with_options(file.text(), options())
        .map_err(|error| diagnose(file, &error))
}

fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: MAX_DEPTH,
            flow_nesting_limit: MAX_DEPTH,
            max_aliases: 1_000,
            max_anchors: 1_000,
            max_nodes: 200_000,
            max_events: 1_000_000,
        },
        with_snippet: false,
    }
}

fn reject_empty(file: &SourceFile) -> Result<(), Diagnostic> {
    let blank = file
        .text()
        .lines()
        .map(str::trim)
        .all(|line| line.is_empty() || line.starts_with('#') || line == "---" || line == "...");
    if blank {
        return Err(Diagnostic::error(Code::EmptyFile, "the file is empty")
            .at(Span::new(0, 0))
            .hint("a bank starts with `kind: bank`; see question-banks/README.md for an example"));
    }
    Ok(())
}

/// The advice for a text cut short by a comma in `{ja: …, en: …}`.
const COMMA_HINT: &str =
    "a comma inside `{…}` ends the text before it; put text with commas in quotes";

/// Maps a serde-saphyr error to our code, message and hint, then looks at
/// the text around it to point at the cause ([`explain`]).
fn diagnose(file: &SourceFile, error: &serde_saphyr::Error) -> Diagnostic {
    use serde_saphyr::Error as E;
    let error = error.without_snippet();
    let (code, message, hint) = match error {
        E::SerdeUnknownField { field, expected, .. } => (
            Code::UnknownField,
            format!("unknown key `{field}`"),
            if field.contains(' ') {
                COMMA_HINT.to_owned()
            } else {
                format!("expected one of: {}", expected.join(", "))
            },
        ),
        E::SerdeMissingField { field, .. } => (
            Code::MissingField,
            format!("missing key `{field}`"),
            format!("add `{field}:` to the mapping that starts here"),
        ),
        E::SerdeInvalidType { unexpected, expected, .. } if expected == ROOT_EXPECTED => (
            Code::WrongRoot,
            format!("the file's top level is a {unexpected}, not a mapping of keys"),
            "a bank or catalogue file starts with `kind: bank` or `kind: catalogue` at the left margin".to_owned(),
        ),
        E::SerdeInvalidType { unexpected, expected, .. } | E::SerdeInvalidValue { unexpected, expected, .. } => (
            Code::InvalidValue,
            format!("found {unexpected}, expected {expected}"),
            "check the value's type: text, number, list (`- item`) or mapping (`key: value`)".to_owned(),
        ),
        E::SerdeUnknownVariant { variant, expected, .. } => (
            Code::InvalidValue,
            format!("`{variant}` is not an allowed value"),
            format!("use one of: {}", expected.join(", ")),
        ),
        E::SerdeInvalidLength { len, expected, .. } => (
            Code::InvalidValue,
            format!("{len} items given, expected {expected}"),
            "check the number of items in this list".to_owned(),
        ),
        E::InvalidScalar { .. } => (
            Code::InvalidValue,
            strip_location(&error.to_string()),
            "numbers are written plainly, e.g. `1` or `0.5`; quote text that looks like a number".to_owned(),
        ),
        E::DuplicateMappingKey { key, .. } => (
            Code::DuplicateKey,
            match key {
                Some(key) => format!("key `{key}` appears twice in the same mapping"),
                None => "a key appears twice in the same mapping".to_owned(),
            },
            "keep one of them; YAML would otherwise silently drop the first".to_owned(),
        ),
        E::Budget { breach, .. } => budget_breach(breach),
        E::AliasError { .. } | E::AliasReplayLimitExceeded { .. } | E::AliasExpansionLimitExceeded { .. } | E::AliasReplayStackDepthExceeded { .. } => (
            Code::TooComplex,
            "aliases (`*name`) expand beyond what a bank needs".to_owned(),
            "repeat the text instead of nesting aliases".to_owned(),
        ),
        other => {
            let message = strip_location(&other.to_string());
            if message.contains("nesting") || message.contains("depth") || message.contains("recursion") {
                (
                    Code::TooDeep,
                    format!("the file nests deeper than {MAX_DEPTH} levels"),
                    "a bank needs about ten levels; check for runaway brackets".to_owned(),
                )
            } else if message.contains("tab") {
                (
                    Code::YamlSyntax,
                    "a tab is used for indentation".to_owned(),
                    "indent with spaces only (two per level)".to_owned(),
                )
            } else {
                (
                    Code::YamlSyntax,
                    message,
                    "check indentation (spaces only), colons after keys, and closing brackets and quotes".to_owned(),
                )
            }
        }
    };
    let mut diagnostic = Diagnostic::error(code, message).hint(hint);
    let Some(location) = error.location() else {
        if code == Code::WrongRoot {
            diagnostic = diagnostic.at(Span::new(0, 0));
        }
        return diagnostic;
    };
    let span = location.span();
    let start = match span.byte_offset() {
        Some(offset) => usize::try_from(offset).unwrap_or(usize::MAX),
        None => file.offset_of(location.line(), location.column()) as usize,
    };
    let len = usize::try_from(span.byte_len().unwrap_or(0)).unwrap_or(0);
    diagnostic = diagnostic.at(span_of(start, len));
    let text = file.text();
    if start > text.len() {
        return diagnostic;
    }
    match error {
        E::SerdeMissingField { field, .. } => match explain::mapping_start(text, start) {
            Some((at, true)) => {
                let example = top_level_example(field);
                Diagnostic::error(Code::MissingField, format!("the file has no `{field}:`"))
                    .at(span_of(at, 0))
                    .path(*field)
                    .hint(format!("add `{field}:` at the left margin{example}"))
            }
            Some((at, false)) => Diagnostic {
                span: Some(span_of(at, 0)),
                ..diagnostic
            },
            None => diagnostic,
        },
        E::SerdeUnknownField {
            field, expected, ..
        } if expected.iter().eq(["ja", "en"].iter()) && explain::comma_cut_text(text, start) => {
            Diagnostic::error(
                Code::UnknownField,
                format!("unknown key `{field}`: an unquoted comma ends the text before it"),
            )
            .at(span_of(start, len))
            .hint(COMMA_HINT)
        }
        E::DuplicateMappingKey { key: Some(key), .. } if explain::comma_cut_text(text, start) => {
            Diagnostic::error(
                Code::DuplicateKey,
                format!("key `{key}` appears twice: unquoted commas cut both texts before `{key}`"),
            )
            .at(span_of(start, len))
            .hint(COMMA_HINT)
        }
        _ if code == Code::YamlSyntax => {
            let raw = strip_location(&error.to_string());
            if raw.contains("tab") {
                match explain::tab_position(text, start) {
                    Some(tab) => Diagnostic {
                        span: Some(span_of(tab, 1)),
                        ..diagnostic
                    },
                    None => diagnostic,
                }
            } else if let Some((key, value)) = raw
                .contains("mapping values are not allowed")
                .then(|| explain::colon_in_value(text, start))
                .flatten()
            {
                let quote = if value.contains('"') { '\'' } else { '"' };
                Diagnostic::error(
                    Code::YamlSyntax,
                    "a colon followed by a space inside unquoted text starts a second key",
                )
                .at(span_of(start, 1))
                .hint(format!(
                    "put the text in quotes: `{key}: {quote}{value}{quote}`"
                ))
                .note(format!("the YAML parser said: {raw}"))
            } else if let Some((message, hint, at)) = INDENTATION_ERRORS
                .iter()
                .any(|words| raw.contains(words))
                .then(|| explain::indentation(text, start))
                .flatten()
            {
                Diagnostic::error(Code::YamlSyntax, message)
                    .at(span_of(at, 0))
                    .hint(hint)
                    .note(format!("the YAML parser said: {raw}"))
            } else {
                diagnostic
            }
        }
        _ => diagnostic,
    }
}

/// The parser's words for a line that does not fit the indentation around it.
const INDENTATION_ERRORS: [&str; 5] = [
    "did not find expected '-' indicator",
    "did not find expected key",
    "mapping values are not allowed in this context",
    "block sequence entries are not allowed in this context",
    "invalid indentation",
];

/// `, e.g. …` for a top-level key an author may not know how to write.
fn top_level_example(field: &str) -> &'static str {
    match field {
        "id" => ", e.g. `id: small`, the file's stable id",
        "version" => ", e.g. `version: \"2026.1\"` (in quotes, so it stays text)",
        "tier" => ", e.g. `tier: small` (small, sme or midsize)",
        "catalogue" => ", e.g. `catalogue: kyushu-hr`, the `id:` of the catalogue the bank uses",
        "title" => {
            ", e.g. `title: {ja: 小規模事業者向け 自己診断シート, en: Self-diagnosis sheet for small businesses}`"
        }
        "questions" => ", with the questions listed under it",
        "dimensions" => ", with the dimensions listed under it",
        _ => "",
    }
}

fn span_of(start: usize, len: usize) -> Span {
    let start = u32::try_from(start).unwrap_or(u32::MAX);
    Span::new(
        start,
        start.saturating_add(u32::try_from(len).unwrap_or(u32::MAX)),
    )
}

fn budget_breach(breach: &serde_saphyr::budget::BudgetBreach) -> (Code, String, String) {
    use serde_saphyr::budget::BudgetBreach as B;
    match breach {
        B::Depth { .. } => (
            Code::TooDeep,
            format!("the file nests deeper than {MAX_DEPTH} levels"),
            "a bank needs about ten levels; check for runaway indentation or brackets".to_owned(),
        ),
        B::Aliases { .. } | B::Anchors { .. } => (
            Code::TooComplex,
            "the file uses more aliases or anchors than a bank needs".to_owned(),
            "repeat the text instead of using `&anchor` / `*alias`".to_owned(),
        ),
        other => (
            Code::TooComplex,
            format!("the file is too complex to load ({other:?})"),
            "a bank is a few hundred questions at most; check for expanding aliases".to_owned(),
        ),
    }
}

/// serde-saphyr appends " at line L, column C"; we show the position ourselves.
fn strip_location(message: &str) -> String {
    let message = message.trim();
    let message = match message.find(" at line ") {
        Some(at) => &message[..at],
        None => message,
    };
    let message = match message.strip_prefix("error: ") {
        Some(rest) => rest,
        None => message,
    };
    match message.find(": ") {
        Some(at) if message.starts_with("line ") => message[at + 2..].to_owned(),
        _ => message.to_owned(),
    }
}
