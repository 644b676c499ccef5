//! The scored survey CSV (`shindan score --responses`): one row of scores
//! per company, written for spreadsheets and read back by the dashboard.
//! Writer and reader share the column list here; the CSV rules are
//! [`crate::exchange::table`]'s.

use std::fmt;

use crate::analysis::aggregate::{Record, ScoreProblem, check_score};
use crate::analysis::survey::SurveyRow;
use crate::exchange::table::check_header;
use crate::exchange::table::read::{Records, decode};
use crate::format::echo::echo;
use crate::model::bank::{Bank, Catalogue};
use crate::model::profile::Prefecture;
use crate::model::score::Scores;
use crate::model::tier::{Industry, Tier};

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

/// A row (or the whole file, at line 1) the dashboard cannot count.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredProblem {
    /// 1-based line.
    pub line: u64,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ScoredProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.line, self.message)
    }
}

/// Records from a scored survey CSV's bytes (any encoding the reader
/// knows): each row's tier, industry, prefecture and `<dimension>_score`
/// columns, re-checked against `catalogue` — a dimension it does not have
/// refuses the file, a score that is not a number from 0 to 100 refuses
/// the row.
pub fn records_from_scored_csv(
    bytes: &[u8],
    catalogue: &Catalogue,
) -> (Vec<Record>, Vec<ScoredProblem>) {
    let refuse = |message: String| (Vec::new(), vec![ScoredProblem { line: 1, message }]);
    let (text, _) = decode(bytes);
    let mut records = Records::new(text.as_bytes());
    let header = match records.next() {
        None => return refuse("the file is empty".to_owned()),
        Some(Err(bad)) => return refuse(bad.error.to_string()),
        Some(Ok(header)) => header.fields,
    };
    let names: Vec<&str> = header.iter().map(String::as_str).collect();
    if let Err(problem) = check_header(&names) {
        return refuse(problem.to_string());
    }
    records.expect_fields(names.len());
    let column = |name: &str| names.iter().position(|h| *h == name);
    let (Some(tier_at), industry_at, prefecture_at) =
        (column("tier"), column("industry"), column("prefecture"))
    else {
        return refuse(
            "no `tier` column; is this a scored survey (shindan score --responses)?".to_owned(),
        );
    };
    let mut score_columns: Vec<(usize, &str)> = Vec::new();
    for (at, name) in names.iter().enumerate() {
        let Some(id) = name.strip_suffix("_score").filter(|id| *id != "overall") else {
            continue;
        };
        if !catalogue.dimensions.iter().any(|d| d.id == id) {
            return refuse(format!(
                "column `{}`: the catalogue has no dimension `{}`",
                echo(name),
                echo(id)
            ));
        }
        score_columns.push((at, id));
    }
    let (mut out, mut problems) = (Vec::new(), Vec::new());
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(bad) => {
                problems.push(ScoredProblem {
                    line: bad.line,
                    message: bad.error.to_string(),
                });
                continue;
            }
        };
        let line = record.line;
        let fields = record.fields;
        if fields.len() != names.len() {
            problems.push(ScoredProblem {
                line,
                message: format!("{} fields, the header has {}", fields.len(), names.len()),
            });
            continue;
        }
        let Some(tier) = Tier::from_id(&fields[tier_at]) else {
            problems.push(ScoredProblem {
                line,
                message: format!("tier `{}` is not known", echo(&fields[tier_at])),
            });
            continue;
        };
        let industry = industry_at.and_then(|at| Industry::from_id(&fields[at]));
        let prefecture = prefecture_at.and_then(|at| Prefecture::from_id(&fields[at]));
        let mut scores = Vec::with_capacity(score_columns.len());
        let mut bad = None;
        for &(at, id) in &score_columns {
            let cell = fields[at].trim();
            if cell.is_empty() {
                continue;
            }
            let value = cell.parse::<f64>().map_err(|_| ScoreProblem::NotANumber);
            match value.and_then(|score| check_score(catalogue, id, score).map(|()| score)) {
                Ok(score) => scores.push((id.to_owned(), score)),
                Err(problem) => {
                    bad = Some(format!("`{}_score` {}: {problem}", id, echo(cell)));
                    break;
                }
            }
        }
        if let Some(message) = bad {
            problems.push(ScoredProblem { line, message });
            continue;
        }
        out.push(Record {
            tier,
            industry,
            prefecture,
            scores,
        });
    }
    (out, problems)
}

#[cfg(test)]
mod tests;
