//! What the author did, read from the text around a parser error.
//!
//! The parser knows where it gave up, not why: a tab is reported where the
//! token before it started, a missing key at the last key of its mapping, a
//! line indented one space too few as "did not find expected '-' indicator".
//! These helpers look at the lines themselves (plain text, no YAML crate) to
//! point at the cause and say it in the author's terms.

/// A line of the text: its 1-based number, byte offset and content
/// without the line break.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    number: usize,
    start: usize,
    text: &'a str,
}

impl<'a> Line<'a> {
    /// Spaces before the content.
    fn indent(&self) -> usize {
        self.text.len() - self.text.trim_start_matches(' ').len()
    }

    /// Whether the line holds anything but blanks, a comment or a
    /// document marker.
    fn is_content(&self) -> bool {
        let trimmed = self.text.trim();
        !(trimmed.is_empty() || trimmed.starts_with('#') || trimmed == "---" || trimmed == "...")
    }

    /// The columns (0-based, in spaces) where something starts: the first
    /// character, and after each leading `- ` the entry's content.
    fn columns(&self) -> Vec<Column> {
        let mut at = self.indent();
        let mut columns = Vec::new();
        let mut rest = &self.text[at..];
        loop {
            let dash = rest == "-" || rest.starts_with("- ");
            columns.push(Column { at, dash });
            if !dash {
                break;
            }
            let after = rest[1..].trim_start_matches(' ');
            at += rest.len() - after.len();
            rest = after;
            if rest.is_empty() || rest.starts_with('#') {
                break;
            }
        }
        columns
    }

    /// The key this line starts, if it is `key: …` (after any `- `).
    fn key(&self) -> Option<&'a str> {
        let content = self.text.trim_start_matches([' ', '-']);
        let end = content.find(':')?;
        let key = &content[..end];
        let plain = !key.is_empty()
            && !key.contains(['{', '[', '"', '\'', '#'])
            && content[end + 1..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace);
        plain.then_some(key.trim())
    }

    /// Whether the line leaves its value to the lines below it (`key:`,
    /// `-`, or a block scalar `|` / `>`).
    fn opens_block(&self) -> bool {
        let content = match self.text.find(" #") {
            Some(comment) => &self.text[..comment],
            None => self.text,
        }
        .trim_end();
        content.ends_with(':')
            || content.trim_start() == "-"
            || content.ends_with(" -")
            || ["|", ">", "|-", ">-", "|+", ">+"]
                .iter()
                .any(|indicator| content.ends_with(&format!(": {indicator}")))
    }
}

/// Where something starts on a line, and whether it is a list entry's `-`.
#[derive(Debug, Clone, Copy)]
struct Column {
    at: usize,
    dash: bool,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut start = 0;
    text.split('\n')
        .enumerate()
        .map(|(index, raw)| {
            let line = Line {
                number: index + 1,
                start,
                text: raw.strip_suffix('\r').unwrap_or(raw),
            };
            start += raw.len() + 1;
            line
        })
        .collect()
}

/// Index of the line holding byte `offset`.
fn line_index(lines: &[Line<'_>], offset: usize) -> usize {
    lines
        .partition_point(|line| line.start <= offset)
        .saturating_sub(1)
}

/// The byte offset of the tab a tab error is about: parsers report the
/// token before it (the end of the previous line, say), the author needs
/// the tab itself. The first tab in the indentation of the reported line or
/// the next few lines; `None` when there is none to be found.
pub(super) fn tab_position(text: &str, offset: usize) -> Option<usize> {
    let lines = lines(text);
    let first = line_index(&lines, offset);
    lines.iter().skip(first).take(4).find_map(|line| {
        let indentation = line.text.len() - line.text.trim_start_matches([' ', '\t']).len();
        line.text[..indentation]
            .find('\t')
            .map(|tab| line.start + tab)
    })
}

/// The mapping a missing key belongs to, found from one of its keys (the
/// parser reports the last): where it starts, and whether it is the file's
/// top level.
pub(super) fn mapping_start(text: &str, offset: usize) -> Option<(usize, bool)> {
    let lines = lines(text);
    let index = line_index(&lines, offset);
    let line = lines.get(index)?;
    let column = offset - line.start;
    let before = line.text.get(..column)?;
    // Inside `{…}` on this line: the brace that opens it.
    if !before.trim_start_matches([' ', '-']).is_empty() {
        let mut depth = 0usize;
        for (at, c) in before.char_indices().rev() {
            match c {
                '}' => depth += 1,
                '{' if depth == 0 => {
                    let root = before[..at].trim().is_empty()
                        && lines[..index].iter().all(|line| !line.is_content());
                    return Some((line.start + at, root));
                }
                '{' => depth -= 1,
                _ => {}
            }
        }
        return None;
    }
    // A block mapping: its keys start in this column; the first one is
    // where a line above starts further left (the parent key, or the `- `
    // of the list entry the mapping is).
    let mut first = line.start + column;
    for above in lines[..index].iter().rev().filter(|line| line.is_content()) {
        let columns = above.columns();
        let Some(start) = columns.first() else {
            continue;
        };
        if start.at > column {
            continue;
        }
        if start.at == column {
            first = above.start + column;
            continue;
        }
        if columns.iter().any(|c| c.at == column && !c.dash) {
            first = above.start + column;
        }
        return Some((first, false));
    }
    Some((first, column == 0))
}

/// What an indentation error of the parser means, said for the author:
/// the message, the hint and where to point (the start of the line's
/// content). `None` when the line does not look like an indentation
/// problem.
pub(super) fn indentation(text: &str, offset: usize) -> Option<(String, String, usize)> {
    let lines = lines(text);
    let index = line_index(&lines, offset);
    let line = *lines.get(index)?;
    if !line.is_content() || line.text.starts_with('\t') {
        return None;
    }
    let indent = line.indent();
    let at = line.start + indent;
    let above: Vec<Line<'_>> = lines[..index]
        .iter()
        .rev()
        .filter(|line| line.is_content())
        .copied()
        .collect();
    let previous = above.first()?;
    let previous_indent = previous.indent();
    let spaces = |n: usize| match n {
        0 => "at the left margin".to_owned(),
        1 => "1 space".to_owned(),
        n => format!("{n} spaces"),
    };

    // Deeper than a line whose value is complete: YAML reads it as more of
    // that value.
    if indent > previous_indent && !previous.opens_block() {
        return Some((
            format!(
                "this line is indented further than line {}, which already has its value",
                previous.number
            ),
            format!(
                "indent it like line {} ({}); only the line after a `key:` with nothing after the colon is indented further",
                previous.number,
                spaces(previous_indent)
            ),
            at,
        ));
    }
    // The columns still open at this line, nearest first: each line further
    // left than every line below it opens one.
    let mut open: Vec<(Column, usize)> = Vec::new();
    let mut limit = usize::MAX;
    for line in &above {
        let columns = line.columns();
        let Some(start) = columns.first() else {
            continue;
        };
        if start.at >= limit {
            continue;
        }
        for column in columns.iter().rev().filter(|c| c.at < limit) {
            open.push((*column, line.number));
        }
        limit = start.at;
    }
    let dash = line.columns().first().is_some_and(|c| c.dash);
    match open.iter().find(|(column, _)| column.at == indent) {
        None => {
            let lower = open
                .iter()
                .filter(|(column, _)| column.at < indent)
                .max_by_key(|(column, _)| column.at);
            let higher = open
                .iter()
                .filter(|(column, _)| column.at > indent)
                .min_by_key(|(column, _)| column.at);
            let choice = |(column, number): &(Column, usize)| {
                format!("like line {number} ({})", spaces(column.at))
            };
            let hint = match (lower, higher) {
                (Some(lower), Some(higher)) => format!(
                    "indent it {} or {}, whichever it belongs with",
                    choice(lower),
                    choice(higher)
                ),
                (Some(only), None) | (None, Some(only)) => format!("indent it {}", choice(only)),
                (None, None) => return None,
            };
            Some((
                format!(
                    "this line is indented {}, which lines up with no line above it",
                    spaces(indent)
                ),
                hint,
                at,
            ))
        }
        Some((column, number)) if column.dash && !dash => {
            let key = line.key().map_or("it".to_owned(), |key| format!("`{key}`"));
            let entry_key = lines
                .get(number - 1)
                .and_then(|entry| entry.columns().get(1).copied())
                .filter(|c| !c.dash);
            let hint = match entry_key {
                Some(inner) => format!(
                    "to add {key} to that entry, indent it like the keys of line {number} ({}); to start a new entry, begin the line with `- `",
                    spaces(inner.at)
                ),
                None => "to start a new entry, begin the line with `- `".to_owned(),
            };
            Some((
                format!(
                    "this line is indented like the list entries (`- `) of line {number}, but is not one"
                ),
                hint,
                at,
            ))
        }
        Some((column, number)) if !column.dash && dash && !previous.opens_block() => Some((
            format!("this line starts a list entry (`- `) among the keys of line {number}"),
            format!(
                "indent the list further than {} under the key it belongs to, or write the line as `key: value`",
                spaces(indent)
            ),
            at,
        )),
        Some(_) => None,
    }
}

/// A `: ` inside an unquoted value on one line (`source: 注意: これ`),
/// which YAML reads as a second key: the line's key and value, for the hint.
pub(super) fn colon_in_value(text: &str, offset: usize) -> Option<(&str, &str)> {
    let lines = lines(text);
    let line = lines.get(line_index(&lines, offset))?;
    let key = line.key()?;
    let content = line.text.trim_start_matches([' ', '-']);
    let value = content[content.find(':')? + 1..].trim();
    let colon = offset.checked_sub(line.start)?;
    let plain = !value.is_empty() && !value.starts_with(['"', '\'', '{', '[', '|', '>']);
    (plain
        && line.text.get(colon..)?.starts_with(':')
        && colon > line.text.len() - content.len() + key.len())
    .then_some((key, value))
}

/// Whether the key at `offset` is the tail of a text cut by a comma: a bare
/// word (no `: value`) inside a `{…}` that holds `ja:` or `en:`.
pub(super) fn comma_cut_text(text: &str, offset: usize) -> bool {
    let lines = lines(text);
    let Some(line) = lines.get(line_index(&lines, offset)) else {
        return false;
    };
    let column = offset - line.start;
    let (Some(before), Some(after)) = (line.text.get(..column), line.text.get(column..)) else {
        return false;
    };
    let Some(open) = before.rfind('{') else {
        return false;
    };
    let after_key = after.trim_start_matches(|c| c != ',' && c != '}' && c != ':');
    let bare = after_key.starts_with([',', '}']) || after_key.is_empty();
    let in_text = before[open..].contains("ja:") || before[open..].contains("en:");
    bare && in_text && before[open..].trim_end().ends_with(',')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, needle: &str) -> usize {
        text.find(needle).unwrap_or(usize::MAX)
    }

    #[test]
    fn a_tab_is_found_on_the_line_after_the_reported_token() {
        let text = "a:\n  b: c\n\td: e\n";
        assert_eq!(tab_position(text, at(text, "c")), Some(at(text, "\t")));
        assert_eq!(tab_position("a: b\n", 0), None);
    }

    #[test]
    fn a_mapping_starts_at_its_first_key() {
        let text = "# c\nkind: bank\nid: x\nquestions:\n  - id: a\n    text: t\n";
        assert_eq!(
            mapping_start(text, at(text, "questions")),
            Some((at(text, "kind"), true))
        );
        assert_eq!(
            mapping_start(text, at(text, "text")),
            Some((at(text, "id: a"), false))
        );
        let flow = "x:\n  - {id: a, label: b}\n";
        assert_eq!(
            mapping_start(flow, at(flow, "label")),
            Some((at(flow, "{"), false))
        );
    }

    #[test]
    fn indentation_names_the_columns_above() {
        let text = "q:\n  - id: a\n    t: x\n   - id: b\n";
        let (message, hint, _) = indentation(text, at(text, "- id: b")).unwrap_or_default();
        assert_eq!(
            message,
            "this line is indented 3 spaces, which lines up with no line above it"
        );
        assert_eq!(
            hint,
            "indent it like line 2 (2 spaces) or like line 3 (4 spaces), whichever it belongs with"
        );
    }

    #[test]
    fn a_colon_inside_a_plain_value_is_found() {
        let text = "a: 1\nsource: 注意: これ\n";
        assert_eq!(
            colon_in_value(text, text.rfind(':').unwrap_or(0)),
            Some(("source", "注意: これ"))
        );
        assert_eq!(colon_in_value(text, at(text, "source: 注") + 6), None);
    }

    #[test]
    fn a_bare_word_after_a_comma_in_a_text_is_a_cut_text() {
        let text = "t: {ja: 研修, OJT, en: Training, OJT}\n";
        assert!(comma_cut_text(text, text.rfind("OJT").unwrap_or(0)));
        let typo = "t: {ja: 研修, jp: x}\n";
        assert!(!comma_cut_text(typo, at(typo, "jp")));
    }
}
