//! The compiled form: a catalogue and its banks, checked at build time and
//! stored as JSON for the browser, whose first load must not carry the YAML
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
    /// The banks, each given back its catalogue by [`Compiled::from_json`].
    pub banks: Vec<Bank>,
}

impl Compiled {
    /// Bundles checked banks; they must all use `catalogue`.
    pub fn new(catalogue: Catalogue, banks: Vec<Bank>) -> Compiled {
        Compiled { catalogue, banks }
    }

    /// The JSON written at build time.
    pub fn to_json(&self) -> String {
        // Plain data with string keys: serialising it cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads the JSON back and gives every bank its catalogue.
    pub fn from_json(json: &str) -> Result<Compiled, String> {
        let mut compiled: Compiled = serde_json::from_str(json)
            .map_err(|error| format!("the compiled question banks are damaged ({error})"))?;
        for bank in &mut compiled.banks {
            bank.catalogue = compiled.catalogue.clone();
        }
        Ok(compiled)
    }
}

/// JSON has no infinity: an open lower bound is written as `null`.
pub(crate) mod lower_bound {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bound: &f64, serializer: S) -> Result<S::Ok, S::Error> {
        match bound.is_finite() {
            true => serializer.serialize_some(bound),
            false => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
        Ok(Option::<f64>::deserialize(deserializer)?.unwrap_or(f64::NEG_INFINITY))
    }
}

/// JSON has no infinity: an open upper bound is written as `null`.
pub(crate) mod upper_bound {
    use serde::{Deserialize, Deserializer};

    pub use super::lower_bound::serialize;

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
        Ok(Option::<f64>::deserialize(deserializer)?.unwrap_or(f64::INFINITY))
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
        let back = Compiled::from_json(&compiled.to_json()).expect("reads back");
        assert_eq!(back, compiled);
    }
}
