//! Survey data: one company per CSV row (profile columns, then answers by
//! question or gate id), read for batch scoring and written as synthetic
//! samples. Columns are resolved once from the header, so a row is read
//! without looking anything up by name.

use crate::exchange::table::{HeaderError, check_header};
use crate::format::diag::Diagnostic;
use crate::format::echo::echo;
use crate::format::suggest::suggest;
#[cfg(test)]
use crate::model::answers::AnswerValue;
use crate::model::answers::{Answers, OptionIds, ValueRef};
use crate::model::bank::{Bank, Item};
use crate::model::profile::{Prefecture, Profile};
use crate::model::tier::Industry;

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
    Answer(Item),
}

/// What each column of a survey file holds, for one bank.
#[derive(Debug, Clone)]
pub struct SurveyColumns {
    columns: Vec<(Column, String)>,
}

/// Why a header or a row of a survey file cannot be used. Values from the
/// file are kept as messages may show them (escaped, cut short).
#[derive(Debug, Clone, PartialEq)]
pub enum SurveyError {
    /// The header names a column twice.
    Header(HeaderError),
    /// The header names columns the bank does not have.
    UnknownColumns {
        /// The bank's id.
        bank: String,
        /// Each unknown column with a suggestion, the first few only.
        columns: Vec<String>,
        /// How many more were not listed.
        more: usize,
    },
    /// A row has another number of fields than the header.
    FieldCount {
        /// Fields in the row.
        found: usize,
        /// Fields in the header.
        expected: usize,
    },
    /// An industry id that is not known.
    UnknownIndustry(String),
    /// A prefecture id that is not known.
    UnknownPrefecture(String),
    /// A count that is not a whole number.
    NotWholeNumber {
        /// The column.
        column: &'static str,
        /// The value.
        value: String,
    },
    /// An answer that does not fit the bank.
    Answer(Diagnostic),
}

impl std::fmt::Display for SurveyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SurveyError::Header(error) => error.fmt(f),
            SurveyError::UnknownColumns {
                bank,
                columns,
                more,
            } => {
                write!(
                    f,
                    "the header names columns bank `{bank}` does not have: {}",
                    columns.join("; ")
                )?;
                if *more > 0 {
                    write!(f, "; and {more} more")?;
                }
                Ok(())
            }
            SurveyError::FieldCount { found, expected } => {
                write!(f, "{found} fields, the header has {expected}")
            }
            SurveyError::UnknownIndustry(value) => write!(f, "industry `{value}` is not known"),
            SurveyError::UnknownPrefecture(value) => {
                write!(f, "prefecture `{value}` is not known")
            }
            SurveyError::NotWholeNumber { column, value } => {
                write!(f, "{column} `{value}` is not a whole number")
            }
            SurveyError::Answer(diagnostic) => f.write_str(&diagnostic.message),
        }
    }
}

impl std::error::Error for SurveyError {}

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
    pub fn new(bank: &Bank, header: &[&str]) -> Result<SurveyColumns, SurveyError> {
        check_header(header).map_err(SurveyError::Header)?;
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
                id => match bank.item(id) {
                    Some(item) => Column::Answer(item),
                    None => {
                        // Suggestions only for the columns shown.
                        if unknown.len() < MAX_LISTED {
                            unknown.push(format!(
                                "`{}` ({})",
                                echo(id),
                                suggest(id, &known, "questions")
                            ));
                        } else {
                            more += 1;
                        }
                        continue;
                    }
                },
            };
            columns.push((kind, name.to_owned()));
        }
        if unknown.is_empty() {
            Ok(SurveyColumns { columns })
        } else {
            Err(SurveyError::UnknownColumns {
                bank: bank.id.clone(),
                columns: unknown,
                more,
            })
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
    pub fn read(&self, bank: &Bank, fields: &[&str]) -> Result<SurveyRow, SurveyError> {
        if fields.len() != self.columns.len() {
            return Err(SurveyError::FieldCount {
                found: fields.len(),
                expected: self.columns.len(),
            });
        }
        let mut respondent = None;
        let (mut industry, mut employees, mut capital, mut prefecture) = (None, None, None, None);
        let mut answers = Answers::new(bank);
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
                            .ok_or_else(|| SurveyError::UnknownIndustry(echo(field)))?,
                    );
                }
                Column::Employees => {
                    employees =
                        Some(
                            field
                                .parse::<u32>()
                                .map_err(|_| SurveyError::NotWholeNumber {
                                    column: "regular_employees",
                                    value: echo(field),
                                })?,
                        );
                }
                Column::Capital => {
                    capital =
                        Some(
                            field
                                .parse::<u64>()
                                .map_err(|_| SurveyError::NotWholeNumber {
                                    column: "capital_yen",
                                    value: echo(field),
                                })?,
                        );
                }
                Column::Prefecture => {
                    prefecture = Some(
                        Prefecture::from_id(field)
                            .ok_or_else(|| SurveyError::UnknownPrefecture(echo(field)))?,
                    );
                }
                Column::Answer(item) => answers.set_item(bank, *item, cell_ref(field)).map_err(
                    |(code, message, hint)| {
                        SurveyError::Answer(
                            Diagnostic::error(code, message)
                                .path(format!("answers.{}", echo(name)))
                                .hint(hint),
                        )
                    },
                )?,
            }
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

/// [`cell_ref`]'s reading, owned: for tests that build answer files from
/// cells.
#[cfg(test)]
pub(crate) fn cell_value(field: &str) -> AnswerValue {
    match cell_ref(field) {
        ValueRef::Number(number) => AnswerValue::Number(number),
        ValueRef::Word(word) => AnswerValue::Word(word.to_owned()),
        ValueRef::List(ids) => AnswerValue::List(ids.iter().map(str::to_owned).collect()),
    }
}

/// A cell as an answer, borrowed from it: a number, several option ids
/// separated by spaces or `;` (multiple choice), or one word (`yes`, `na`,
/// an option id).
fn cell_ref(field: &str) -> ValueRef<'_> {
    if let Ok(number) = field.parse::<f64>() {
        return ValueRef::Number(number);
    }
    if field.contains([' ', ';']) {
        return ValueRef::List(OptionIds::Separated(field));
    }
    ValueRef::Word(field)
}

#[cfg(test)]
mod tests;
