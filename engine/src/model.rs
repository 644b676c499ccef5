//! The domain model and scoring: checked catalogues and banks, answers,
//! the company profile and tier, scores, coverage, the company's plan and
//! the result sheet's view (`sheet`).
//! No file format and no exchange format is defined here.

pub(crate) mod answers;
pub(crate) mod bank;
pub mod coverage;
pub(crate) mod index;
pub(crate) mod names;
pub mod plan;
pub(crate) mod profile;
pub mod score;
pub mod sheet;
pub(crate) mod text;
pub(crate) mod tier;
