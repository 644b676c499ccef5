//! The bank file format: source text and diagnostics, the YAML reader, the
//! raw structs, validation into the domain model, and the JSON Schema.
//! Everything here is about files people write; the model knows none of it.

pub(crate) mod diag;
pub(crate) mod echo;
#[cfg(feature = "yaml")]
pub(crate) mod load;
#[cfg(feature = "yaml")]
pub(crate) mod raw;
#[cfg(feature = "render")]
pub mod render;
#[cfg(feature = "schema")]
pub(crate) mod schema;
pub(crate) mod source;
pub(crate) mod suggest;
#[cfg(feature = "yaml")]
pub(crate) mod validate;
#[cfg(feature = "yaml")]
pub(crate) mod yaml;
