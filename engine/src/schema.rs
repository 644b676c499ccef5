//! The JSON Schema of bank and catalogue files, derived from the raw types
//! so that it cannot drift from what the loader accepts.

use crate::raw::{RawBank, RawCatalogue};

/// Either file of the format; only used to describe them.
#[derive(schemars::JsonSchema)]
#[serde(untagged)]
#[expect(dead_code, reason = "exists only to generate the schema")]
enum Document {
    Catalogue(RawCatalogue),
    Bank(RawBank),
}

/// A JSON Schema (draft 2020-12) that accepts catalogue and bank files.
pub fn json_schema() -> schemars::Schema {
    let mut schema = schemars::schema_for!(Document);
    schema.insert("title".into(), "Shindan question bank or catalogue".into());
    schema
}
