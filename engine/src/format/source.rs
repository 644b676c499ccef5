//! Source text and positions in it.
//!
//! Positions are stored as byte ranges ([`Span`]) and turned into 1-based
//! line and column numbers ([`LineCol`]) only when a diagnostic is shown,
//! so the loader never has to carry both.

use std::num::NonZeroU32;

/// A byte range in a [`SourceFile`]; `end` is exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte of the range.
    pub start: u32,
    /// One past the last byte of the range.
    pub end: u32,
}

impl Span {
    /// A span covering `start..end`.
    pub fn new(start: u32, end: u32) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }
}

/// A 1-based line and column. The column counts Unicode characters, not
/// bytes, so that a caret lines up under Japanese text in a terminal that
/// shows one cell per character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineCol {
    /// Line number, starting at 1.
    pub line: NonZeroU32,
    /// Column number in characters, starting at 1.
    pub col: NonZeroU32,
}

impl std::fmt::Display for LineCol {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// A named text (a bank file, an answers file) with its line index.
#[derive(Debug, Clone)]
pub struct SourceFile {
    name: String,
    text: String,
    line_starts: Vec<u32>,
}

impl SourceFile {
    /// Wraps `text` under the display `name` (usually the path the user gave).
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceFile {
        let text = text.into();
        let line_starts = std::iter::once(0)
            .chain(
                text.bytes()
                    .enumerate()
                    .filter(|&(_, byte)| byte == b'\n')
                    .map(|(at, _)| u32::try_from(at + 1).unwrap_or(u32::MAX)),
            )
            .collect();
        SourceFile {
            name: name.into(),
            text,
            line_starts,
        }
    }

    /// The display name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The whole text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Line and column of the byte `offset` (clamped to the text).
    pub fn line_col(&self, offset: u32) -> LineCol {
        let offset = offset.min(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
        let line_index = self
            .line_starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1);
        let line_start = self.line_starts.get(line_index).copied().unwrap_or(0);
        let prefix = self
            .text
            .get(line_start as usize..offset as usize)
            .unwrap_or("");
        let col = prefix.chars().count() + 1;
        LineCol {
            line: one_based(line_index + 1),
            col: one_based(col),
        }
    }

    /// Byte offset of a 1-based line and character column, as reported by
    /// the YAML parser; clamped to the text.
    pub fn offset_of(&self, line: u64, col: u64) -> u32 {
        let Some(&line_start) = usize::try_from(line.saturating_sub(1))
            .ok()
            .and_then(|index| self.line_starts.get(index))
        else {
            return u32::try_from(self.text.len()).unwrap_or(u32::MAX);
        };
        let rest = self.text.get(line_start as usize..).unwrap_or("");
        let skip = usize::try_from(col.saturating_sub(1)).unwrap_or(usize::MAX);
        let within: usize = rest
            .chars()
            .take_while(|&c| c != '\n')
            .take(skip)
            .map(char::len_utf8)
            .sum();
        line_start.saturating_add(u32::try_from(within).unwrap_or(u32::MAX))
    }

    /// Byte offset where the 1-based `line` starts (the end of the text
    /// past the last line).
    pub fn line_start(&self, line: NonZeroU32) -> u32 {
        self.line_starts
            .get(line.get() as usize - 1)
            .copied()
            .unwrap_or_else(|| u32::try_from(self.text.len()).unwrap_or(u32::MAX))
    }

    /// The text of the 1-based `line`, without its line break.
    pub fn line_text(&self, line: NonZeroU32) -> &str {
        let index = line.get() as usize - 1;
        let start = self.line_start(line) as usize;
        let end = self
            .line_starts
            .get(index + 1)
            .map(|&next| next as usize)
            .unwrap_or(self.text.len());
        self.text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }
}

fn one_based(value: usize) -> NonZeroU32 {
    NonZeroU32::new(u32::try_from(value).unwrap_or(u32::MAX)).unwrap_or(NonZeroU32::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let file = SourceFile::new("t.yaml", "a: 1\nname: 経営層\n  x: y\n");
        let offset = file.text().find("層").unwrap() as u32;
        assert_eq!(file.line_col(offset).to_string(), "2:9");
        assert_eq!(file.offset_of(2, 9), offset);
        assert_eq!(file.line_col(0).to_string(), "1:1");
        assert_eq!(file.line_text(NonZeroU32::new(3).unwrap()), "  x: y");
    }

    #[test]
    fn positions_past_the_end_are_clamped() {
        let file = SourceFile::new("t.yaml", "ab");
        assert_eq!(file.line_col(99).to_string(), "1:3");
        assert_eq!(file.offset_of(7, 1), 2);
    }
}
