//! The compiled form: a catalogue and its banks, checked at build time and
//! stored in a compact binary form for the browser, whose first load must not carry the YAML
//! parser.
//!
//! **Invariant:** only checked banks are compiled, and reading the form
//! back checks it again: the bytes come over the network, and a bank that
//! breaks an invariant ([`Bank::check_invariants`]) is refused with an
//! error rather than crash the scoring later.

use serde::{Deserialize, Serialize};

use crate::model::bank::{Bank, Catalogue, Unsound};

/// A catalogue with every bank checked against it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Compiled {
    /// The shared catalogue, stored once.
    pub catalogue: Catalogue,
    /// The banks, each given back its catalogue by [`Compiled::from_bytes`].
    pub banks: Vec<Bank>,
}

/// Why compiled bytes cannot be written or read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompiledError {
    /// Serialising failed (nothing is written).
    Encode(String),
    /// The bytes are not the compiled form (cut short, altered, another
    /// version of it).
    Damaged(String),
    /// The bytes decode, but a bank in them is not sound.
    Unsound(Unsound),
}

impl std::fmt::Display for CompiledError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CompiledError::Encode(detail) => write!(f, "cannot encode the data ({detail})"),
            CompiledError::Damaged(detail) => {
                write!(f, "the compiled data is damaged ({detail})")
            }
            CompiledError::Unsound(unsound) => {
                write!(f, "the compiled data is unusable: {unsound}")
            }
        }
    }
}

impl std::error::Error for CompiledError {}

/// Postcard bytes of `value`; every byte must be used when read back.
pub(crate) fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, CompiledError> {
    postcard::to_allocvec(value).map_err(|error| CompiledError::Encode(error.to_string()))
}

/// Reads postcard bytes that must hold exactly one `T`.
pub(crate) fn decode<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, CompiledError> {
    let (value, rest) = postcard::take_from_bytes(bytes)
        .map_err(|error| CompiledError::Damaged(error.to_string()))?;
    if rest.is_empty() {
        Ok(value)
    } else {
        Err(CompiledError::Damaged(format!(
            "{} bytes left over",
            rest.len()
        )))
    }
}

impl Compiled {
    /// Bundles checked banks; they must all use `catalogue`.
    pub fn new(catalogue: Catalogue, banks: Vec<Bank>) -> Compiled {
        Compiled { catalogue, banks }
    }

    /// The bytes written at build time (postcard: compact, and far less
    /// code to read in the browser than JSON).
    pub fn to_bytes(&self) -> Result<Vec<u8>, CompiledError> {
        encode(self)
    }

    /// Reads the bytes back, gives every bank its catalogue and checks that
    /// each is sound.
    pub fn from_bytes(bytes: &[u8]) -> Result<Compiled, CompiledError> {
        let mut compiled: Compiled = decode(bytes)?;
        for bank in &mut compiled.banks {
            bank.catalogue = compiled.catalogue.clone();
            bank.check_invariants().map_err(CompiledError::Unsound)?;
        }
        Ok(compiled)
    }
}

#[cfg(test)]
mod tags;

#[cfg(test)]
mod tests {
    use super::{Compiled, CompiledError};
    use crate::{SourceFile, load_bank, load_catalogue};

    /// The shipped banks survive the round trip unchanged.
    #[test]
    fn round_trip_of_the_shipped_banks() {
        let catalogue = SourceFile::new(
            "catalogue.yaml",
            include_str!("../../../question-banks/catalogue.yaml"),
        );
        let catalogue = load_catalogue(&catalogue)
            .into_result()
            .expect("catalogue loads");
        let banks: Vec<_> = [
            include_str!("../../../question-banks/small.yaml"),
            include_str!("../../../question-banks/sme.yaml"),
            include_str!("../../../question-banks/midsize.yaml"),
        ]
        .into_iter()
        .map(|text| {
            load_bank(&SourceFile::new("bank.yaml", text), &catalogue)
                .into_result()
                .expect("bank loads")
        })
        .collect();
        let compiled = Compiled::new(catalogue, banks);
        let bytes = compiled.to_bytes().expect("encodes");
        let back = Compiled::from_bytes(&bytes).expect("reads back");
        assert_eq!(back, compiled);
    }

    /// Bytes that decode to an unsound bank are refused, not trusted.
    #[test]
    fn an_unsound_bank_is_refused() {
        let catalogue = SourceFile::new(
            "catalogue.yaml",
            include_str!("../../../question-banks/catalogue.yaml"),
        );
        let catalogue = load_catalogue(&catalogue).into_result().expect("catalogue");
        let mut bank = load_bank(
            &SourceFile::new(
                "small.yaml",
                include_str!("../../../question-banks/small.yaml"),
            ),
            &catalogue,
        )
        .into_result()
        .expect("bank");
        bank.questions[0].dimension = crate::DimensionIndex::new(42);
        let bytes = Compiled::new(catalogue, vec![bank])
            .to_bytes()
            .expect("encodes");
        assert!(matches!(
            Compiled::from_bytes(&bytes),
            Err(CompiledError::Unsound(_))
        ));
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(matches!(
            Compiled::from_bytes(&longer),
            Err(CompiledError::Damaged(_))
        ));
        assert!(matches!(
            Compiled::from_bytes(&bytes[..bytes.len() / 2]),
            Err(CompiledError::Damaged(_))
        ));
    }
}
