//! What users hold and exchange: result files and their CSV form, compiled
//! banks, hand-off links, and the CSV tables written and read. These
//! formats are frozen: what a user saved keeps its meaning.

#[cfg(feature = "compiled")]
pub(crate) mod compiled;
#[cfg(feature = "compiled")]
pub(crate) mod handoff;
pub(crate) mod result;
pub(crate) mod result_csv;
#[cfg(feature = "csv")]
pub(crate) mod scored;
pub mod table;
#[cfg(feature = "zip")]
pub(crate) mod zip;
