//! Typed indices into the lists of a catalogue, a bank and a question, so
//! that a question's index cannot stand for a gate's or a dimension's.
//! Ids are resolved to these once, at load; scoring never looks anything up
//! by string.
//!
//! Each is a `usize` underneath (`repr(transparent)`, `serde(transparent)`):
//! compiled banks and hand-off links encode exactly as they did when the
//! indices were bare numbers.

use std::ops::Index;

use crate::model::bank::{
    Bank, Catalogue, Dimension, Gate, Indicator, Program, Question, Recommendation,
};
use crate::model::score::{DimensionScore, Scores};

macro_rules! indices {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[cfg_attr(
            feature = "compiled",
            derive(serde::Serialize, serde::Deserialize),
            serde(transparent)
        )]
        #[repr(transparent)]
        pub struct $name(usize);

        impl $name {
            /// The index of the entry at `position` (0-based) in its list.
            pub const fn new(position: usize) -> Self {
                Self(position)
            }

            /// Its position (0-based) in its list.
            pub const fn get(self) -> usize {
                self.0
            }
        }
    )*};
}

indices! {
    /// Index of a dimension in [`Catalogue::dimensions`].
    DimensionIndex;
    /// Index of a program in [`Catalogue::programs`].
    ProgramIndex;
    /// Index of an indicator in [`Catalogue::indicators`].
    IndicatorIndex;
    /// Index of a question in [`Bank::questions`].
    QuestionIndex;
    /// Index of a gate in [`Bank::gates`].
    GateIndex;
    /// Index of a recommendation in [`Bank::recommendations`].
    RecommendationIndex;
    /// Index of an option in its question's options
    /// ([`QuestionKind::options`](crate::QuestionKind::options)).
    OptionIndex;
}

impl OptionIndex {
    /// Its bit in a set of options ([`Answer::Choices`](crate::Answer::Choices),
    /// [`AnswerTest::OneOf`](crate::AnswerTest::OneOf)); options are at most
    /// [`MAX_OPTIONS`](crate::MAX_OPTIONS), so it fits.
    pub const fn bit(self) -> u64 {
        1 << self.0
    }
}

/// `owner[index]` for a list the owner holds. Like indexing the list, it
/// panics out of range: an index from a validated bank is in range
/// (`Bank::check_invariants`).
macro_rules! owner_index {
    ($($owner:ty [$index:ty] => $field:ident: $output:ty;)*) => {$(
        impl Index<$index> for $owner {
            type Output = $output;

            fn index(&self, index: $index) -> &$output {
                &self.$field[index.0]
            }
        }
    )*};
}

owner_index! {
    Catalogue[DimensionIndex] => dimensions: Dimension;
    Catalogue[ProgramIndex] => programs: Program;
    Catalogue[IndicatorIndex] => indicators: Indicator;
    Bank[QuestionIndex] => questions: Question;
    Bank[GateIndex] => gates: Gate;
    Bank[RecommendationIndex] => recommendations: Recommendation;
    Scores[DimensionIndex] => dimensions: DimensionScore;
}
