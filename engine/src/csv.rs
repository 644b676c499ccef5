//! A result as a spreadsheet table (CSV), for people who file or compare
//! results in Excel. Cells that a spreadsheet would run as a formula are
//! quoted inert, so an imported answer cannot become a formula.

use crate::bank::Bank;
use crate::result::ResultDoc;
use crate::text::Lang;

/// Column headings: section, id, name, score, level, text.
const HEADINGS: [(&str, &str); 6] = [
    ("区分", "section"),
    ("ID", "id"),
    ("名称", "name"),
    ("得点", "score"),
    ("レベル", "level"),
    ("内容", "text"),
];

/// The result as CSV rows in `lang` (no byte-order mark: the caller adds one
/// for Excel when writing a file).
pub fn result_csv(result: &ResultDoc, bank: &Bank, lang: Lang) -> String {
    let pick = |pair: (&str, &str)| match lang {
        Lang::Ja => pair.0.to_owned(),
        Lang::En => pair.1.to_owned(),
    };
    let number = |value: Option<f64>| value.map(|v| format!("{v:.1}")).unwrap_or_default();
    let level = |value: Option<u8>| value.map(|v| v.to_string()).unwrap_or_default();
    let mut rows: Vec<[String; 6]> = vec![HEADINGS.map(pick)];
    rows.push([
        pick(("質問票", "bank")),
        result.bank.id.clone(),
        bank.title.get(lang).to_owned(),
        String::new(),
        String::new(),
        format!("{} / {}", result.bank.version, result.date),
    ]);
    rows.push([
        pick(("総合", "overall")),
        String::new(),
        String::new(),
        number(result.overall.score),
        level(result.overall.level),
        format!("{:.0}%", result.completeness * 100.0),
    ]);
    for outcome in &result.dimensions {
        let dimension = bank
            .catalogue
            .dimensions
            .iter()
            .find(|d| d.id == outcome.id);
        let descriptor = match (dimension, outcome.level) {
            (Some(dimension), Some(level)) => dimension
                .levels
                .get(usize::from(level.saturating_sub(1)))
                .map(|text| text.get(lang).to_owned())
                .unwrap_or_default(),
            _ => String::new(),
        };
        rows.push([
            pick(("分野", "dimension")),
            outcome.id.clone(),
            dimension
                .map(|d| d.name.get(lang).to_owned())
                .unwrap_or_default(),
            number(outcome.score),
            level(outcome.level),
            descriptor,
        ]);
    }
    for gate in &result.gates {
        let text = bank.gates.iter().find(|g| g.id == gate.id);
        rows.push([
            pick(("確認事項", "gate")),
            gate.id.clone(),
            text.map(|g| g.text.get(lang).to_owned())
                .unwrap_or_default(),
            String::new(),
            String::new(),
            match (&gate.answer, gate.finding) {
                (_, true) => pick(("要確認", "to check")),
                (Some(answer), false) => answer.clone(),
                (None, false) => String::new(),
            },
        ]);
    }
    for id in &result.recommendations {
        let Some(recommendation) = bank.recommendations.iter().find(|r| &r.id == id) else {
            continue;
        };
        let programs: Vec<&str> = recommendation
            .programs
            .iter()
            .filter_map(|&index| bank.catalogue.programs.get(index))
            .map(|program| program.name.get(lang))
            .collect();
        rows.push([
            pick(("次の一歩", "next step")),
            id.clone(),
            recommendation.text.get(lang).to_owned(),
            String::new(),
            recommendation.priority.to_string(),
            programs.join(" / "),
        ]);
    }
    for (id, value) in &result.answers {
        let question = bank.question(id).map(|q| q.text.get(lang).to_owned());
        let answer = match value {
            crate::AnswerValue::Number(number) => number.to_string(),
            crate::AnswerValue::Word(word) => word.clone(),
            crate::AnswerValue::List(words) => words.join(" "),
        };
        rows.push([
            pick(("回答", "answer")),
            id.clone(),
            question.unwrap_or_default(),
            String::new(),
            String::new(),
            answer,
        ]);
    }
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row.iter().map(|cell| cell_text(cell)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Splits one CSV record (RFC 4180: a field may be quoted, `""` inside
/// quotes is a quote). Borrows unquoted fields, so the common row costs no
/// copying.
pub fn split_record(record: &str) -> Result<Vec<std::borrow::Cow<'_, str>>, String> {
    use std::borrow::Cow;
    let record = record.strip_suffix('\n').unwrap_or(record);
    let record = record.strip_suffix('\r').unwrap_or(record);
    if !record.contains('"') {
        return Ok(record.split(',').map(Cow::Borrowed).collect());
    }
    let mut fields = Vec::new();
    let mut rest = record;
    loop {
        if let Some(quoted) = rest.strip_prefix('"') {
            let mut field = String::new();
            let mut chars = quoted.char_indices();
            let end = loop {
                match chars.next() {
                    Some((i, '"')) if quoted[i + 1..].starts_with('"') => {
                        field.push('"');
                        chars.next();
                    }
                    Some((i, '"')) => break i + 1,
                    Some((_, c)) => field.push(c),
                    None => return Err("a quoted field is not closed".to_owned()),
                }
            };
            fields.push(Cow::Owned(field));
            rest = &quoted[end..];
            match rest.strip_prefix(',') {
                Some(next) => rest = next,
                None if rest.is_empty() => return Ok(fields),
                None => return Err("text follows a closing quote".to_owned()),
            }
        } else {
            match rest.split_once(',') {
                Some((field, next)) => {
                    fields.push(Cow::Borrowed(field));
                    rest = next;
                }
                None => {
                    fields.push(Cow::Borrowed(rest));
                    return Ok(fields);
                }
            }
        }
    }
}

/// Whether `text` ends inside a quoted field, so the record continues on
/// the next line.
pub fn is_open_record(text: &str) -> bool {
    text.bytes().filter(|&byte| byte == b'"').count() % 2 == 1
}

/// One cell: quoted when it holds a separator, a quote or a line break, and
/// prefixed with `'` when a spreadsheet would read it as a formula.
fn cell_text(cell: &str) -> String {
    let inert = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    };
    if inert.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", inert.replace('"', "\"\""))
    } else {
        inert
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "test code")]
mod tests {
    use super::{cell_text, is_open_record, split_record};

    #[test]
    fn records_split_with_quotes() {
        let fields = |text: &str| -> Vec<String> {
            split_record(text)
                .unwrap()
                .into_iter()
                .map(|f| f.into_owned())
                .collect()
        };
        assert_eq!(fields("a,b,,c\r\n"), ["a", "b", "", "c"]);
        assert_eq!(
            fields("\"a,b\",\"say \"\"hi\"\"\",x"),
            ["a,b", "say \"hi\"", "x"]
        );
        assert_eq!(fields("\"\""), [""]);
        assert_eq!(fields("x,\"\""), ["x", ""]);
        assert!(split_record("\"open").is_err());
        assert!(split_record("\"a\"b").is_err());
        assert!(is_open_record("a,\"b\nc"));
        assert!(!is_open_record("a,\"b\"\"c\""));
    }

    #[test]
    fn cells_are_quoted_and_formulas_inert() {
        assert_eq!(cell_text("plain"), "plain");
        assert_eq!(cell_text("a,b"), "\"a,b\"");
        assert_eq!(cell_text("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell_text("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell_text("-1"), "'-1");
    }
}
