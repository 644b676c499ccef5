//! Survey data: one company per CSV row (profile columns, then answers by
//! question or gate id), read for batch scoring and written as synthetic
//! samples. Columns are resolved once from the header, so a row is read
//! without looking anything up by name.

use crate::answers::{AnswerValue, Answers};
use crate::bank::Bank;
use crate::echo::echo;
use crate::profile::{Prefecture, Profile};
use crate::suggest::suggest;
use crate::table::check_header;
use crate::tier::Industry;

/// The profile columns, in the order `shindan sample` writes them.
pub const PROFILE_COLUMNS: [&str; 5] = [
    "respondent",
    "industry",
    "regular_employees",
    "capital_yen",
    "prefecture",
];

/// Unknown header columns named in the message; the rest are counted.
const MAX_LISTED: usize = 10;

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
    /// question or gate id of `bank`, and none may appear twice.
    pub fn new(bank: &Bank, header: &[&str]) -> Result<SurveyColumns, String> {
        check_header(header).map_err(|problem| problem.to_string())?;
        let known: Vec<&str> = bank.items.keys().map(String::as_str).collect();
        let mut columns = Vec::with_capacity(header.len());
        let mut unknown = Vec::new();
        let mut more = 0usize;
        for &name in header {
            let kind = match name {
                "respondent" => Column::Respondent,
                "industry" => Column::Industry,
                "regular_employees" => Column::Employees,
                "capital_yen" => Column::Capital,
                "prefecture" => Column::Prefecture,
                id if bank.item(id).is_some() => Column::Answer,
                other => {
                    // Suggestions only for the columns shown.
                    if unknown.len() < MAX_LISTED {
                        unknown.push(format!(
                            "`{}` ({})",
                            echo(other),
                            suggest(other, &known, "questions")
                        ));
                    } else {
                        more += 1;
                    }
                    continue;
                }
            };
            columns.push((kind, name.to_owned()));
        }
        if more > 0 {
            unknown.push(format!("and {more} more"));
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
                            .ok_or_else(|| format!("industry `{}` is not known", echo(field)))?,
                    );
                }
                Column::Employees => {
                    employees = Some(field.parse::<u32>().map_err(|_| {
                        format!("regular_employees `{}` is not a whole number", echo(field))
                    })?);
                }
                Column::Capital => {
                    capital = Some(field.parse::<u64>().map_err(|_| {
                        format!("capital_yen `{}` is not a whole number", echo(field))
                    })?);
                }
                Column::Prefecture => {
                    prefecture = Some(
                        Prefecture::ALL
                            .into_iter()
                            .find(|p| p.as_str() == field)
                            .ok_or_else(|| format!("prefecture `{}` is not known", echo(field)))?,
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

#[cfg(test)]
mod tests;
