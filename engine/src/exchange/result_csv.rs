//! A result as a spreadsheet table (CSV), for people who file or compare
//! results in Excel; written by [`crate::exchange::table`], so a cell that a
//! spreadsheet would run as a formula is made inert.

use crate::exchange::result::ResultDoc;
use crate::exchange::table::CsvText;
use crate::model::bank::Bank;
use crate::model::text::Lang;

/// Column headings: section, id, name, score, level, text.
const HEADINGS: [(&str, &str); 6] = [
    ("区分", "section"),
    ("ID", "id"),
    ("名称", "name"),
    ("得点", "score"),
    ("レベル", "level"),
    ("内容", "text"),
];

/// The result as a CSV file in `lang`, byte-order mark first (for Excel).
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
            match (&gate.answer, gate.finding, gate.not_applicable) {
                (_, _, true) => pick(("該当しません", "not applicable")),
                (_, true, _) => pick(("要確認", "to check")),
                (Some(answer), false, _) => answer.clone(),
                (None, false, _) => String::new(),
            },
        ]);
    }
    for id in &result.recommendations {
        let Some(recommendation) = bank.recommendations.iter().find(|r| &r.id == id) else {
            continue;
        };
        let programs: Vec<&str> = bank
            .catalogue
            .routed(&recommendation.programs)
            .into_iter()
            .filter_map(|index| bank.catalogue.programs.get(index.get()))
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
    let mut out = CsvText::new();
    for row in rows {
        out.row(row);
    }
    out.into_string()
}
