//! The compiled form: a catalogue and its banks, checked at build time and
//! stored in a compact binary form for the browser, whose first load must not carry the YAML
//! parser.
//!
//! **Invariant:** only checked banks are compiled; reading the form back
//! trusts it (it is written by the build from `load_bank`, never by hand).

use serde::{Deserialize, Serialize};

use crate::bank::{Bank, Catalogue};

/// A catalogue with every bank checked against it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Compiled {
    /// The shared catalogue, stored once.
    pub catalogue: Catalogue,
    /// The banks, each given back its catalogue by [`Compiled::from_bytes`].
    pub banks: Vec<Bank>,
}

impl Compiled {
    /// Bundles checked banks; they must all use `catalogue`.
    pub fn new(catalogue: Catalogue, banks: Vec<Bank>) -> Compiled {
        Compiled { catalogue, banks }
    }

    /// The bytes written at build time (postcard: compact, and far less
    /// code to read in the browser than JSON).
    pub fn to_bytes(&self) -> Vec<u8> {
        // Plain in-memory data: serialising it cannot fail.
        postcard::to_allocvec(self).unwrap_or_default()
    }

    /// Reads the bytes back and gives every bank its catalogue.
    pub fn from_bytes(bytes: &[u8]) -> Result<Compiled, String> {
        let mut compiled: Compiled = postcard::from_bytes(bytes)
            .map_err(|error| format!("the compiled question banks are damaged ({error})"))?;
        for bank in &mut compiled.banks {
            bank.catalogue = compiled.catalogue.clone();
        }
        Ok(compiled)
    }
}

#[cfg(test)]
mod tests {
    use super::Compiled;
    use crate::{SourceFile, load_bank, load_catalogue};

    /// The shipped banks survive the round trip unchanged.
    #[test]
    fn round_trip_of_the_shipped_banks() {
        let catalogue = SourceFile::new(
            "catalogue.yaml",
            include_str!("../../question-banks/catalogue.yaml"),
        );
        let catalogue = load_catalogue(&catalogue)
            .into_result()
            .expect("catalogue loads");
        let banks: Vec<_> = [
            include_str!("../../question-banks/small.yaml"),
            include_str!("../../question-banks/sme.yaml"),
            include_str!("../../question-banks/midsize.yaml"),
        ]
        .into_iter()
        .map(|text| {
            load_bank(&SourceFile::new("bank.yaml", text), &catalogue)
                .into_result()
                .expect("bank loads")
        })
        .collect();
        let compiled = Compiled::new(catalogue, banks);
        let back = Compiled::from_bytes(&compiled.to_bytes()).expect("reads back");
        assert_eq!(back, compiled);
    }
}
