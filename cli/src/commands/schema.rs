//! `shindan schema`: the JSON Schema of bank and catalogue files, for editors.

use crate::{Failure, unexpected};

pub fn run(mut parser: lexopt::Parser) -> Result<(), Failure> {
    if let Some(arg) = parser.next()? {
        return Err(unexpected(arg));
    }
    let schema = shindan_engine::json_schema();
    crate::say!("{}", crate::pretty_json(&schema)?);
    Ok(())
}
