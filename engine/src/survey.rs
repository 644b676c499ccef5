//! Survey data: one company per CSV row (profile columns, then answers by
//! question or gate id), read for batch scoring and written as synthetic
//! samples. Columns are resolved once from the header, so a row is read
//! without looking anything up by name.

use crate::answers::{AnswerValue, Answers};
use crate::bank::Bank;
use crate::profile::{Prefecture, Profile};
use crate::score::Scores;
use crate::suggest::suggest;
use crate::tier::Industry;

/// The profile columns, in the order `shindan sample` writes them.
pub const PROFILE_COLUMNS: [&str; 5] = [
    "respondent",
    "industry",
    "regular_employees",
    "capital_yen",
    "prefecture",
];

#[derive(Debug, Clone, Copy)]
enum Column {
    Respondent,
    Industry,
    Employees,
    Capital,
    Prefecture,
    Answer,
}

/// What each column of a survey file holds, for one bank.
#[derive(Debug, Clone)]
pub struct SurveyColumns {
    columns: Vec<(Column, String)>,
}

/// One row read: who, what they said about the company, their answers.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyRow {
    /// The respondent id, if the file has that column.
    pub respondent: Option<String>,
    /// The profile, when its required columns are filled.
    pub profile: Option<Profile>,
    /// The checked answers.
    pub answers: Answers,
}

impl SurveyColumns {
    /// Resolves a header row; every column must be a profile column or a
    /// question or gate id of `bank`.
    pub fn new(bank: &Bank, header: &[&str]) -> Result<SurveyColumns, String> {
        let known: Vec<&str> = bank.items.keys().map(String::as_str).collect();
        let mut columns = Vec::with_capacity(header.len());
        let mut unknown = Vec::new();
        for &name in header {
            let kind = match name {
                "respondent" => Column::Respondent,
                "industry" => Column::Industry,
                "regular_employees" => Column::Employees,
                "capital_yen" => Column::Capital,
                "prefecture" => Column::Prefecture,
                id if bank.item(id).is_some() => Column::Answer,
                other => {
                    unknown.push(format!(
                        "`{other}` ({})",
                        suggest(other, &known, "questions")
                    ));
                    continue;
                }
            };
            columns.push((kind, name.to_owned()));
        }
        if unknown.is_empty() {
            Ok(SurveyColumns { columns })
        } else {
            Err(format!(
                "the header names columns bank `{}` does not have: {}",
                bank.id,
                unknown.join("; ")
            ))
        }
    }

    /// How many fields a row must have.
    pub fn len(&self) -> usize {
        self.columns.len()
    }

    /// Whether the header is empty.
    pub fn is_empty(&self) -> bool {
        self.columns.is_empty()
    }

    /// Reads one row's fields; the error says what is wrong with it.
    pub fn read(&self, bank: &Bank, fields: &[&str]) -> Result<SurveyRow, String> {
        if fields.len() != self.columns.len() {
            return Err(format!(
                "{} fields, the header has {}",
                fields.len(),
                self.columns.len()
            ));
        }
        let mut respondent = None;
        let (mut industry, mut employees, mut capital, mut prefecture) = (None, None, None, None);
        let mut values = Vec::new();
        for ((kind, name), &field) in self.columns.iter().zip(fields) {
            let field = field.trim();
            if field.is_empty() {
                continue;
            }
            match kind {
                Column::Respondent => respondent = Some(field.to_owned()),
                Column::Industry => {
                    industry = Some(
                        Industry::from_id(field)
                            .ok_or_else(|| format!("industry `{field}` is not known"))?,
                    );
                }
                Column::Employees => {
                    employees = Some(field.parse::<u32>().map_err(|_| {
                        format!("regular_employees `{field}` is not a whole number")
                    })?);
                }
                Column::Capital => {
                    capital = Some(
                        field
                            .parse::<u64>()
                            .map_err(|_| format!("capital_yen `{field}` is not a whole number"))?,
                    );
                }
                Column::Prefecture => {
                    prefecture = Some(
                        Prefecture::ALL
                            .into_iter()
                            .find(|p| p.as_str() == field)
                            .ok_or_else(|| format!("prefecture `{field}` is not known"))?,
                    );
                }
                Column::Answer => values.push((name.as_str(), cell_value(field))),
            }
        }
        let (answers, diagnostics) =
            Answers::from_located(bank, values.iter().map(|(id, value)| (*id, value, None)));
        if let Some(problem) = diagnostics.iter().find(|d| d.is_error()) {
            return Err(problem.message.clone());
        }
        let profile = match (industry, employees, prefecture) {
            (Some(industry), Some(regular_employees), Some(prefecture)) => Some(Profile {
                industry,
                regular_employees,
                capital_yen: capital,
                prefecture,
            }),
            _ => None,
        };
        Ok(SurveyRow {
            respondent,
            profile,
            answers,
        })
    }
}

/// A cell as an answer: a number, several option ids separated by spaces
/// or `;` (multiple choice), or one word (`yes`, `na`, an option id).
pub fn cell_value(field: &str) -> AnswerValue {
    if let Ok(number) = field.parse::<f64>() {
        return AnswerValue::Number(number);
    }
    if field.contains([' ', ';']) {
        return AnswerValue::List(
            field
                .split([' ', ';'])
                .filter(|id| !id.is_empty())
                .map(str::to_owned)
                .collect(),
        );
    }
    AnswerValue::Word(field.to_owned())
}

/// The header of the scored CSV.
pub fn scored_header(bank: &Bank) -> String {
    let mut columns: Vec<String> = [
        "respondent",
        "bank",
        "tier",
        "industry",
        "prefecture",
        "regular_employees",
        "overall_score",
        "overall_level",
        "completeness",
    ]
    .map(str::to_owned)
    .to_vec();
    for dimension in &bank.catalogue.dimensions {
        columns.push(format!("{}_score", dimension.id));
        columns.push(format!("{}_level", dimension.id));
    }
    columns.push("gate_findings".to_owned());
    columns.push("recommendations".to_owned());
    columns.join(",")
}

/// One scored row, matching [`scored_header`]. Ids and numbers only, so no
/// field needs quoting.
pub fn scored_row(bank: &Bank, row: &SurveyRow, scores: &Scores) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(256);
    let score = |value: Option<f64>| value.map(|v| format!("{v:.1}")).unwrap_or_default();
    let level = |value: Option<u8>| value.map(|v| v.to_string()).unwrap_or_default();
    let respondent: String = row
        .respondent
        .as_deref()
        .unwrap_or("")
        .chars()
        .filter(|c| !matches!(c, ',' | '"' | '\n' | '\r'))
        .collect();
    let _ = write!(
        out,
        "{respondent},{},{},{},{},{},{},{},{:.3}",
        bank.id,
        bank.tier.as_str(),
        row.profile.as_ref().map_or("", |p| p.industry.as_str()),
        row.profile.as_ref().map_or("", |p| p.prefecture.as_str()),
        row.profile
            .as_ref()
            .map(|p| p.regular_employees.to_string())
            .unwrap_or_default(),
        score(scores.overall),
        level(scores.overall_level),
        scores.completeness
    );
    for dimension in &scores.dimensions {
        let _ = write!(
            out,
            ",{},{}",
            score(dimension.score),
            level(dimension.level)
        );
    }
    let findings: Vec<&str> = scores
        .gate_findings
        .iter()
        .map(|&index| bank.gates[index].id.as_str())
        .collect();
    let next: Vec<&str> = scores
        .recommendations
        .iter()
        .map(|&index| bank.recommendations[index].id.as_str())
        .collect();
    let _ = write!(out, ",{},{}", findings.join(" "), next.join(" "));
    out
}

#[cfg(test)]
mod tests;
