//! One module per subcommand.

pub mod compile;
pub mod coverage;
pub mod schema;
pub mod score;
pub mod tier;
pub mod validate;
