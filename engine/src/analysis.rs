//! Analysis of many results: survey rows read for batch scoring, synthetic
//! samples, peer reference data, the dashboard's aggregates, before/after
//! comparison of one company, and the instrument analysis of the banks
//! ([`items`], whose formulas its docs give), re-exported here.

pub(crate) mod aggregate;
pub(crate) mod compare;
pub mod items;
pub(crate) mod reference;
pub(crate) mod sample;
pub(crate) mod survey;

pub use items::{
    Analysis, AnalysisBuilder, AnswerCount, Covariance, DimensionAnalysis, Flag, FlagKind,
    GroupAnalysis, ItemAlpha, QuestionAnalysis, Statistic, THRESHOLDS, Thresholds, Uncomputable,
    alpha, item_rest,
};
