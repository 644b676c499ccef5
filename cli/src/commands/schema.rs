//! `shindan schema`: the JSON Schema of bank and catalogue files, for editors.

use crate::Failure;

pub fn run() -> Result<(), Failure> {
    let schema = shindan_engine::json_schema();
    crate::say!("{}", crate::pretty_json(&schema)?);
    Ok(())
}
