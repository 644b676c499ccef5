//! The scored survey CSV (`shindan score --responses`): one row of scores
//! per company, written for spreadsheets and read back by the dashboard.
//! Writer and reader share the column list here; the CSV rules are
//! [`crate::exchange::table`]'s.

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
pub fn scored_row(bank: &Bank, row: &SurveyRow, scores: &Scores) -> Vec<String> {
    let score = |value: Option<f64>| value.map(|v| format!("{v:.1}")).unwrap_or_default();
    let level = |value: Option<u8>| value.map(|v| v.to_string()).unwrap_or_default();
    let profile = row.profile.as_ref();
    let mut cells = vec![
        row.respondent.clone().unwrap_or_default(),
        bank.id.clone(),
        bank.tier.as_str().to_owned(),
        profile.map_or("", |p| p.industry.as_str()).to_owned(),
        profile.map_or("", |p| p.prefecture.as_str()).to_owned(),
        profile
            .map(|p| p.regular_employees.to_string())
            .unwrap_or_default(),
        score(scores.overall),
        level(scores.overall_level),
        format!("{:.3}", scores.completeness),
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
    cells.push(findings.join(" "));
    let steps: Vec<&str> = scores
        .recommendations
        .iter()
        .filter_map(|index| bank.recommendations.get(index.get()))
        .map(|rule| rule.id.as_str())
        .collect();
    cells.push(steps.join(" "));
    cells
}

mod read;

pub use read::{ScoredChunk, ScoredProblem, ScoredReader, records_from_scored_csv};

#[cfg(test)]
mod tests;
