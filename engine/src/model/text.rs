//! Bilingual text: Japanese first, English second.

use serde::{Deserialize, Serialize};

/// A language the sheet is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// 日本語 (the default).
    #[default]
    Ja,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 tag, for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }
}

/// A text in both languages. When a bank gives no English, `en` holds the
/// Japanese so that every reader sees something.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "compiled", derive(Serialize, Deserialize))]
pub struct Text {
    /// 日本語.
    pub ja: String,
    /// English.
    pub en: String,
}

impl Text {
    /// A text from both versions.
    pub fn new(ja: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            ja: ja.into(),
            en: en.into(),
        }
    }

    /// The version for `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A `YYYY-MM-DD` date as people read it: 2026年12月1日 / 1 December 2026.
/// Anything else is returned as written (dates are checked on load).
pub fn date_text(iso: &str) -> Text {
    let parts: Vec<u32> = iso
        .split('-')
        .filter_map(|part| part.parse().ok())
        .collect();
    match parts[..] {
        [year, month @ 1..=12, day] if iso.len() == 10 => Text::new(
            format!("{year}年{month}月{day}日"),
            format!("{day} {} {year}", MONTHS_EN[month as usize - 1]),
        ),
        _ => Text::new(iso, iso),
    }
}

/// A block of a longer text (help, descriptions): bank authors may write
/// paragraphs, separated by a blank line, and lists, one item per line
/// starting with `- ` or `・`. Nothing else is interpreted: the parts are
/// plain text, shown as text nodes, never as HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Lines joined into one paragraph.
    Paragraph(String),
    /// The items of a list, in order.
    List(Vec<String>),
}

/// The paragraphs and lists of `text`.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut items: Vec<String> = Vec::new();
    let flush_paragraph = |paragraph: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            // Japanese lines join without a space; other text with one.
            let joined = paragraph
                .iter()
                .skip(1)
                .fold(paragraph[0].to_owned(), |mut all, line| {
                    let ascii_join = all.chars().last().is_some_and(|c| c.is_ascii())
                        && line.chars().next().is_some_and(|c| c.is_ascii());
                    if ascii_join {
                        all.push(' ');
                    }
                    all.push_str(line);
                    all
                });
            blocks.push(Block::Paragraph(joined));
            paragraph.clear();
        }
    };
    let flush_list = |items: &mut Vec<String>, blocks: &mut Vec<Block>| {
        if !items.is_empty() {
            blocks.push(Block::List(std::mem::take(items)));
        }
    };
    for line in text.lines().map(str::trim) {
        let item = line.strip_prefix("- ").or_else(|| line.strip_prefix('・'));
        match item {
            Some(item) => {
                flush_paragraph(&mut paragraph, &mut blocks);
                items.push(item.trim().to_owned());
            }
            None if line.is_empty() => {
                flush_paragraph(&mut paragraph, &mut blocks);
                flush_list(&mut items, &mut blocks);
            }
            None => {
                flush_list(&mut items, &mut blocks);
                paragraph.push(line);
            }
        }
    }
    flush_paragraph(&mut paragraph, &mut blocks);
    flush_list(&mut items, &mut blocks);
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::{Block, blocks};

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(
            date_text("2026-12-01"),
            Text::new("2026年12月1日", "1 December 2026")
        );
        assert_eq!(
            date_text("2026-13-01"),
            Text::new("2026-13-01", "2026-13-01")
        );
    }

    #[test]
    fn paragraphs_and_lists_and_nothing_else() {
        let text = "最初の段落。\n続きの行。\n\n次の段落 <b>太字</b>\n- 項目一\n・項目二\n\nlast line\nwraps here";
        assert_eq!(
            blocks(text),
            [
                Block::Paragraph("最初の段落。続きの行。".into()),
                Block::Paragraph("次の段落 <b>太字</b>".into()),
                Block::List(vec!["項目一".into(), "項目二".into()]),
                Block::Paragraph("last line wraps here".into()),
            ]
        );
        assert_eq!(blocks("一行だけ"), [Block::Paragraph("一行だけ".into())]);
        assert!(blocks("").is_empty());
    }
}
