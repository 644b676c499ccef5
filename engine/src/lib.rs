//! The Shindan engine: question banks in, scored result sheets out.
//!
//! The pipeline, each step a pure function of its input:
//!
//! With the default `yaml` feature:
//!
//! 1. [`decode`] checks a file's bytes (size, UTF-8) into a [`SourceFile`].
//! 2. [`load_catalogue`] and [`load_bank`] parse YAML into `raw` structs and
//!    `validate` them into domain types ([`Catalogue`], [`Bank`]) that refer
//!    to each other by index. Both return [`Checked`]: the value, if it could
//!    be built, and every [`Diagnostic`] found.
//! 3. [`read_answer_sheet`] checks a company's answers against a bank.
//! 4. [`score()`] turns answers into levels, gate findings and next steps
//!    (the formula is in [`score`]); [`ResultDoc`] is the exchange form.
//! 5. [`classify`] picks the tier from industry, employees and capital.
//!
//! The `compiled` feature adds [`Compiled`]: catalogue and banks checked at
//! build time and stored as postcard bytes, so the browser's first load needs
//! no YAML parser (about 200 KB gzip of wasm).
//!
//! **Invariant:** the engine does no I/O, reads no clock and depends on no
//! web crate: the CLI and the browser hand it text and get data back.
//!
//! ```
//! use shindan_engine::{SourceFile, load_catalogue, load_bank, read_answer_sheet, score};
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let catalogue = SourceFile::new("catalogue.yaml", r#"
//! kind: catalogue
//! id: demo
//! version: "1"
//! title: {ja: デモ, en: Demo}
//! dimensions:
//!   - id: commitment
//!     name: {ja: 経営層のコミットメント, en: Executive commitment}
//!     description: {ja: 経営者が人と組織を語る, en: The top talks about people}
//!     levels:
//!       - {ja: 未着手, en: Not started}
//!       - {ja: 気付き, en: Aware}
//!       - {ja: 定期的, en: Regular}
//!       - {ja: 主導, en: Leading}
//!       - {ja: 発信, en: Shared outside}
//! "#);
//! let catalogue = load_catalogue(&catalogue).into_result().map_err(|d| format!("{d:?}"))?;
//! let bank = SourceFile::new("small.yaml", r#"
//! kind: bank
//! id: small
//! version: "1"
//! tier: small
//! catalogue: demo
//! title: {ja: 小規模事業者向け, en: For small businesses}
//! questions:
//!   - id: message
//!     dimension: commitment
//!     kind: yes_no
//!     source: 募集要領 (4)-②(a) 1
//!     text: {ja: 人について社員に語っていますか, en: Do you talk to staff about people?}
//! "#);
//! let bank = load_bank(&bank, &catalogue).into_result().map_err(|d| format!("{d:?}"))?;
//! let answers = SourceFile::new("answers.yaml", "answers: {message: yes}");
//! let sheet = read_answer_sheet(&answers, &bank).into_result().map_err(|d| format!("{d:?}"))?;
//! let scores = score(&bank, &sheet.answers, sheet.profile.as_ref());
//! assert_eq!(scores.dimensions[0].score, Some(100.0));
//! assert_eq!(scores.dimensions[0].level, Some(5));
//! # Ok(())
//! # }
//! ```

#![deny(missing_docs)]

pub mod analysis;
mod exchange;
mod format;
mod model;
#[cfg(test)]
mod properties;

pub use exchange::table;
#[cfg(feature = "render")]
pub use format::render;
pub use model::{coverage, plan, score, sheet};

pub use analysis::aggregate::{
    BINS, DimensionSummary, Filter, GroupBy, GroupSummary, Record, ScoreProblem, Summary,
    check_score, summarise,
};
pub use analysis::compare::{
    Comparison, DimensionChange, changed_dimensions, compare, other_company,
};
#[cfg(feature = "yaml-write")]
pub use analysis::reference::ReferenceWriteError;
pub use analysis::reference::{
    CatalogueKey, Distribution, IndustryGroup, MIN_SHOWN_GROUP, PeerGroup, QUANTILES, Reference,
    ReferenceBuilder, quantile,
};
pub use analysis::sample::Sampler;
pub use analysis::survey::{PROFILE_COLUMNS, SurveyColumns, SurveyError, SurveyRow};
pub use analysis::{Analysis, AnalysisBuilder, GroupAnalysis, Statistic, THRESHOLDS, Uncomputable};
#[cfg(feature = "compiled")]
pub use exchange::compiled::{Compiled, CompiledError};
#[cfg(feature = "compiled")]
pub use exchange::handoff::{
    HANDOFF_PREFIX, HANDOFF_PREFIX_V1, Handoff, HandoffError, MAX_HANDOFF_CHARS, answer_layout,
    encode as encode_handoff, is_handoff_fragment, parse as parse_handoff,
};
pub use exchange::result::{
    BankRef, DimensionResult, GateResult, LevelScore, MAX_RESULT_BYTES, RESULT_SCHEMA,
    RescoreProblem, Rescored, ResultDoc, SCORE_TOLERANCE,
};
pub use exchange::result_csv::result_csv;
#[cfg(feature = "csv")]
pub use exchange::scored::{
    ScoredChunk, ScoredProblem, ScoredReader, records_from_scored_csv, scored_header, scored_row,
};
#[cfg(feature = "zip")]
pub use exchange::zip::{
    Archive, ArchiveError, Entry, EntryError, MAX_ARCHIVE_BYTES, MAX_INFLATED_BYTES,
};
pub use format::diag::{Checked, Code, Diagnostic, Related, Severity};
pub use format::echo::{MAX_ECHO_CHARS, echo};
#[cfg(feature = "yaml")]
pub use format::load::{DocumentKind, document_kind, load_bank, load_catalogue, read_answer_sheet};
#[cfg(feature = "schema")]
pub use format::schema::json_schema;
pub use format::source::{LineCol, SourceFile, Span};
#[cfg(feature = "yaml")]
pub use format::validate::DEFAULT_LEVEL_THRESHOLDS;
#[cfg(feature = "yaml")]
pub use format::yaml::{MAX_DEPTH, MAX_FILE_BYTES, Undecodable, decode};
pub use model::answers::{
    Answer, AnswerError, AnswerValue, Answers, NOT_APPLICABLE, check as check_answer, value_of,
};
pub use model::bank::{
    AnswerTest, Band, Bank, Catalogue, Choice, Condition, Dimension, Gate, GateFigure, Indicator,
    LegalBasis, MAX_CONDITION_DEPTH, MAX_OPTIONS, MinimumWage, MinimumWages, ProfileTest, Program,
    ProgramStatus, Question, QuestionKind, Recommendation, TimeTargets, Unsound, compiled_name,
};
pub use model::coverage::{Coverage, coverage};
pub use model::index::{
    DimensionIndex, GateIndex, IndicatorIndex, OptionIndex, ProgramIndex, QuestionIndex,
    RecommendationIndex,
};
pub use model::plan::{Action, FollowUp, MAX_ACTIONS, Plan, follow_up};
pub use model::profile::{Prefecture, Profile};
pub use model::score::{
    DimensionScore, NEXT_STEPS_SHOWN, Scores, gate_applicability, score, visibility,
};
pub use model::sheet::SheetView;
pub use model::text::{Block, Lang, Text, blocks, date_text};
pub use model::tier::{Category, Classification, Industry, Tier, classify};

/// The engine's version, recorded in every result.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A company's answers with what it said about itself.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerSheet {
    /// The profile, if given.
    pub profile: Option<Profile>,
    /// A label for the result, if given.
    pub label: Option<String>,
    /// The checked answers.
    pub answers: Answers,
}
