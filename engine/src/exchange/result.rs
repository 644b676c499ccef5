//! The result of one diagnosis as exchanged in files (schema 1).
//!
//! **Invariant:** every later version keeps reading `"schema": 1`. New
//! fields are optional; a field is never renamed or given a new meaning.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::format::diag::{Code, Diagnostic};
use crate::format::echo::echo;
use crate::format::source::Span;
use crate::model::answers::{AnswerValue, Answers};
use crate::model::bank::Bank;
use crate::model::index::GateIndex;
use crate::model::plan::Plan;
use crate::model::profile::Profile;
use crate::model::score::{Scores, score};
use crate::model::tier::Tier;

/// The schema version this engine writes.
pub const RESULT_SCHEMA: u32 = 1;

/// The most a result file may weigh, alone or in an archive: real ones are
/// a few kilobytes, so anything heavier is refused before it is parsed.
pub const MAX_RESULT_BYTES: u64 = 1024 * 1024;

/// One company's diagnosis: answers, scores and what follows from them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultDoc {
    /// Version of this file format.
    pub schema: u32,
    /// Version of the engine that scored it.
    pub engine: String,
    /// The bank answered.
    pub bank: BankRef,
    /// Date of the diagnosis, `YYYY-MM-DD`.
    pub date: String,
    /// A name the company chose for this result, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The company profile, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<Profile>,
    /// Answers by question or gate id.
    pub answers: BTreeMap<String, AnswerValue>,
    /// Score and level per dimension, in catalogue order.
    pub dimensions: Vec<DimensionResult>,
    /// Overall score and level.
    pub overall: LevelScore,
    /// Answered ÷ visible questions.
    pub completeness: f64,
    /// Every gate with its answer and whether it is a finding.
    pub gates: Vec<GateResult>,
    /// Ids of the recommendations that apply, most urgent first.
    pub recommendations: Vec<String>,
    /// A consultant's notes by dimension id (added in consultation mode).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub notes: BTreeMap<String, String>,
    /// Targets and actions for the next review (added 2026-11; absent when
    /// none were set).
    #[serde(default, skip_serializing_if = "Plan::is_empty")]
    pub plan: Plan,
}

/// Which bank a result answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankRef {
    /// Bank id.
    pub id: String,
    /// Bank version.
    pub version: String,
    /// Its tier.
    pub tier: Tier,
}

/// A score and its level.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LevelScore {
    /// 0–100, or `null` when nothing was answered.
    pub score: Option<f64>,
    /// 1–5, or `null`.
    pub level: Option<u8>,
}

/// One dimension's outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionResult {
    /// Dimension id.
    pub id: String,
    /// 0–100, or `null`.
    pub score: Option<f64>,
    /// 1–5, or `null`.
    pub level: Option<u8>,
}

/// One gate's outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GateResult {
    /// Gate id.
    pub id: String,
    /// `yes`, `no`, or `null` when unanswered.
    pub answer: Option<String>,
    /// Whether the answer calls for action.
    pub finding: bool,
    /// The duty does not bind this company (by its profile or answers): not
    /// asked, never a finding. Absent in files written before 2026.2.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_applicable: bool,
}

impl ResultDoc {
    /// Assembles the exchange form of a scored diagnosis.
    pub fn new(
        bank: &Bank,
        answers: &Answers,
        scores: &Scores,
        profile: Option<Profile>,
        date: &str,
        label: Option<String>,
    ) -> ResultDoc {
        ResultDoc {
            schema: RESULT_SCHEMA,
            engine: crate::VERSION.to_owned(),
            bank: BankRef {
                id: bank.id.clone(),
                version: bank.version.clone(),
                tier: bank.tier,
            },
            date: date.to_owned(),
            label,
            profile,
            answers: answers.to_values(bank),
            dimensions: bank
                .catalogue
                .dimensions
                .iter()
                .zip(&scores.dimensions)
                .map(|(dimension, score)| DimensionResult {
                    id: dimension.id.clone(),
                    score: score.score,
                    level: score.level,
                })
                .collect(),
            overall: LevelScore {
                score: scores.overall,
                level: scores.overall_level,
            },
            completeness: scores.completeness,
            gates: bank
                .gates
                .iter()
                .enumerate()
                .map(|(index, gate)| GateResult {
                    id: gate.id.clone(),
                    answer: answers
                        .gate(GateIndex::new(index))
                        .map(|yes| if yes { "yes" } else { "no" }.to_owned()),
                    finding: scores.gate_findings.contains(&GateIndex::new(index)),
                    not_applicable: !scores.gates_applicable.get(index).copied().unwrap_or(true),
                })
                .collect(),
            recommendations: scores
                .recommendations
                .iter()
                .map(|&index| bank[index].id.clone())
                .collect(),
            notes: BTreeMap::new(),
            plan: Plan::default(),
        }
    }

    /// Reads a result file (JSON, or YAML of the same shape).
    #[cfg(feature = "yaml")]
    pub fn read(file: &crate::SourceFile) -> crate::Checked<ResultDoc> {
        use crate::Checked;
        match crate::format::yaml::parse::<ResultDoc>(file) {
            Ok(result) => match result.supported() {
                Ok(()) => Checked::new(Vec::new(), || result),
                Err(diagnostic) => Checked::failed(vec![diagnostic]),
            },
            Err(diagnostic) => Checked::failed(vec![diagnostic]),
        }
    }

    /// Reads a result file in JSON, the form the browser exports, without
    /// the YAML parser.
    pub fn from_json(json: &str) -> Result<ResultDoc, Diagnostic> {
        let result: ResultDoc = serde_json::from_str(json).map_err(|error| {
            let message = match error.classify() {
                serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
                    "the file is not valid JSON"
                }
                _ => "the file is not a Shindan result",
            };
            Diagnostic::error(
                Code::InvalidValue,
                format!(
                    "{message} (line {}, column {}: {error})",
                    error.line(),
                    error.column()
                ),
            )
            .hint("choose a result file exported by Shindan (結果JSON)")
        })?;
        result.supported()?;
        Ok(result)
    }

    fn supported(&self) -> Result<(), Diagnostic> {
        if self.schema == 0 || self.schema > RESULT_SCHEMA {
            return Err(Diagnostic::error(
                Code::InvalidValue,
                format!(
                    "result schema {} is not supported (this version reads 1 to {RESULT_SCHEMA})",
                    self.schema
                ),
            )
            .at(Span::new(0, 0))
            .path("schema")
            .hint("open it with the version of Shindan that wrote it, or a newer one"));
        }
        Ok(())
    }

    /// Scores the result again from its answers against `bank` (the bank it
    /// names, chosen by the caller) and checks that the scores it carries
    /// are those of its answers: a result edited by hand, or scored by a
    /// different bank, is refused rather than counted. Tools that count
    /// many results (peer reference data, instrument analysis) use it.
    pub fn rescore(&self, bank: &Bank) -> Result<Rescored, RescoreProblem> {
        if bank.tier != self.bank.tier {
            return Err(RescoreProblem::Tier {
                result: self.bank.tier,
                bank: bank.id.clone(),
                bank_tier: bank.tier,
            });
        }
        let (answers, diagnostics) = Answers::from_values(bank, &self.answers);
        if let Some(problem) = diagnostics.iter().find(|d| d.is_error()) {
            return Err(RescoreProblem::Answers {
                bank: bank.id.clone(),
                message: problem.message.clone(),
            });
        }
        let scores = score(bank, &answers, self.profile.as_ref());
        let expected: Vec<(&str, Option<f64>)> = bank
            .catalogue
            .dimensions
            .iter()
            .zip(&scores.dimensions)
            .map(|(dimension, scored)| (dimension.id.as_str(), scored.score))
            .collect();
        let matches = self.dimensions.len() == expected.len()
            && self.dimensions.iter().all(|given| {
                expected.iter().any(|(id, score)| {
                    *id == given.id
                        && match (score, given.score) {
                            (Some(a), Some(b)) => (a - b).abs() <= SCORE_TOLERANCE,
                            (None, None) => true,
                            _ => false,
                        }
                })
            });
        if matches {
            Ok(Rescored { answers, scores })
        } else {
            Err(RescoreProblem::Scores)
        }
    }
}

/// How far a result's score may be from the score of its answers (results
/// keep full precision; 0.05 allows for one rounding to 0.1).
pub const SCORE_TOLERANCE: f64 = 0.05;

/// A result re-checked against its bank: its answers by index and their
/// scores.
#[derive(Debug, Clone, PartialEq)]
pub struct Rescored {
    /// The answers, checked against the bank.
    pub answers: Answers,
    /// Their scores (equal to the result's, within [`SCORE_TOLERANCE`]).
    pub scores: Scores,
}

/// Why a result cannot be counted: see [`ResultDoc::rescore`].
#[derive(Debug, Clone, PartialEq)]
pub enum RescoreProblem {
    /// The result names another tier than the bank's.
    Tier {
        /// The tier the result names.
        result: Tier,
        /// The bank's id.
        bank: String,
        /// The bank's tier.
        bank_tier: Tier,
    },
    /// An answer does not fit the bank.
    Answers {
        /// The bank's id.
        bank: String,
        /// The first problem.
        message: String,
    },
    /// The scores it carries are not those of its answers.
    Scores,
}

impl std::fmt::Display for RescoreProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RescoreProblem::Tier {
                result,
                bank,
                bank_tier,
            } => write!(
                f,
                "the result says tier `{}`, bank `{}` is `{}`",
                result.as_str(),
                echo(bank),
                bank_tier.as_str()
            ),
            RescoreProblem::Answers { bank, message } => {
                write!(f, "its answers do not fit bank `{}`: {message}", echo(bank))
            }
            RescoreProblem::Scores => f.write_str("its scores do not match its answers"),
        }
    }
}

impl std::error::Error for RescoreProblem {}
