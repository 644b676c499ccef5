//! One module per subcommand.

pub mod analyze;
pub mod batch;
pub mod compile;
pub mod completions;
pub mod coverage;
pub mod reference;
pub mod sample;
pub mod schema;
pub mod score;
pub mod tier;
pub mod validate;
