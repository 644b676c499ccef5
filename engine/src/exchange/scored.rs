//! The scored survey CSV (`shindan score --responses`): one row of scores
//! per company, written for spreadsheets and read back by the dashboard.
//! Writer and reader share the column list here; the CSV rules are
//! [`crate::exchange::table`]'s.

use std::borrow::Cow;

use crate::analysis::survey::SurveyRow;
use crate::model::bank::Bank;
use crate::model::score::Scores;

/// Columns before the per-dimension ones.
const LEADING: [&str; 9] = [
    "respondent",
    "bank",
    "tier",
    "industry",
    "prefecture",
    "regular_employees",
    "overall_score",
    "overall_level",
    "completeness",
];

/// The header of the scored CSV.
pub fn scored_header(bank: &Bank) -> Vec<String> {
    let mut columns: Vec<String> = LEADING.map(str::to_owned).to_vec();
    for dimension in &bank.catalogue.dimensions {
        columns.push(format!("{}_score", dimension.id));
        columns.push(format!("{}_level", dimension.id));
    }
    columns.push("gate_findings".to_owned());
    columns.push("recommendations".to_owned());
    columns
}

/// One scored row's cells, matching [`scored_header`]; written with
/// [`crate::exchange::table::write_row`], so a respondent id like `=cmd|…` is inert.
/// Cells borrow what they can (ids, names, levels), so a row of a large
/// survey allocates only for its formatted scores.
pub fn scored_row<'a>(bank: &'a Bank, row: &'a SurveyRow, scores: &Scores) -> Vec<Cow<'a, str>> {
    let score =
        |value: Option<f64>| value.map_or(Cow::Borrowed(""), |v| Cow::Owned(format!("{v:.1}")));
    let level = |value: Option<u8>| match value {
        Some(level) => LEVELS.get(usize::from(level)).map_or_else(
            || Cow::Owned(level.to_string()),
            |text| Cow::Borrowed(*text),
        ),
        None => Cow::Borrowed(""),
    };
    let profile = row.profile.as_ref();
    let mut cells = vec![
        Cow::Borrowed(row.respondent.as_deref().unwrap_or_default()),
        Cow::Borrowed(bank.id.as_str()),
        Cow::Borrowed(bank.tier.as_str()),
        Cow::Borrowed(profile.map_or("", |p| p.industry.as_str())),
        Cow::Borrowed(profile.map_or("", |p| p.prefecture.as_str())),
        profile.map_or(Cow::Borrowed(""), |p| {
            Cow::Owned(p.regular_employees.to_string())
        }),
        score(scores.overall),
        level(scores.overall_level),
        Cow::Owned(format!("{:.3}", scores.completeness)),
    ];
    for dimension in &scores.dimensions {
        cells.push(score(dimension.score));
        cells.push(level(dimension.level));
    }
    let findings: Vec<&str> = scores
        .gate_findings
        .iter()
        .filter_map(|index| bank.gates.get(index.get()))
        .map(|gate| gate.id.as_str())
        .collect();
    cells.push(Cow::Owned(findings.join(" ")));
    let steps: Vec<&str> = scores
        .recommendations
        .iter()
        .filter_map(|index| bank.recommendations.get(index.get()))
        .map(|rule| rule.id.as_str())
        .collect();
    cells.push(Cow::Owned(steps.join(" ")));
    cells
}

/// Levels as text, by level.
const LEVELS: [&str; 6] = ["0", "1", "2", "3", "4", "5"];

mod read;

pub use read::{ScoredChunk, ScoredProblem, ScoredReader, records_from_scored_csv};

#[cfg(test)]
mod tests;
