//! Reading a [`Condition`] from compiled bytes with a nesting limit.
//!
//! Serde recurses once per level of `all`/`any`/`not`; in bytes nobody
//! validated, ten thousand `Not` tags (ten kilobytes) exhaust the 1 MiB
//! stack of the browser's wasm and abort the app. The limit is the one
//! [`Bank::check_invariants`](super::Bank::check_invariants) applies.

use std::cell::Cell;

use serde::{Deserialize, Deserializer};

use super::{
    AnswerTest, Condition, DimensionIndex, MAX_CONDITION_DEPTH, ProfileTest, QuestionIndex,
};

thread_local! {
    /// How many conditions are being read, one inside the other.
    static DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// One level of nesting, given back when dropped (also on an error).
struct Level;

impl Level {
    fn enter() -> Option<Level> {
        DEPTH.with(|depth| {
            let inside = depth.get();
            if inside >= MAX_CONDITION_DEPTH {
                None
            } else {
                depth.set(inside + 1);
                Some(Level)
            }
        })
    }
}

impl Drop for Level {
    fn drop(&mut self) {
        DEPTH.with(|depth| depth.set(depth.get().saturating_sub(1)));
    }
}

/// [`Condition`] as serde derives it: the same variants in the same order
/// (so the same tags), with nested conditions read through the limit.
#[derive(Deserialize)]
#[serde(rename = "Condition")]
enum Repr {
    Answer {
        question: QuestionIndex,
        test: AnswerTest,
    },
    Level {
        dimension: DimensionIndex,
        at_least: u8,
        at_most: u8,
    },
    Profile(ProfileTest),
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

impl<'de> Deserialize<'de> for Condition {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Condition, D::Error> {
        let Some(_level) = Level::enter() else {
            return Err(serde::de::Error::custom(format!(
                "conditions nest deeper than {MAX_CONDITION_DEPTH}"
            )));
        };
        Ok(match Repr::deserialize(deserializer)? {
            Repr::Answer { question, test } => Condition::Answer { question, test },
            Repr::Level {
                dimension,
                at_least,
                at_most,
            } => Condition::Level {
                dimension,
                at_least,
                at_most,
            },
            Repr::Profile(test) => Condition::Profile(test),
            Repr::All(all) => Condition::All(all),
            Repr::Any(any) => Condition::Any(any),
            Repr::Not(inner) => Condition::Not(inner),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Condition;
    use crate::exchange::compiled::{decode, encode};
    use crate::model::bank::{AnswerTest, ProfileTest};
    use crate::model::index::{DimensionIndex, QuestionIndex};

    /// Found by reasoning about the `compiled` fuzz target: 10,000 `Not`
    /// tags overflowed a 1 MiB stack (the wasm default) and aborted.
    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        let mut bytes = vec![5u8; 10_000];
        bytes.extend_from_slice(&[2, 2, 1]);
        let refused = std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(move || decode::<Condition>(&bytes).is_err())
            .expect("thread")
            .join()
            .expect("no stack overflow");
        assert!(refused);
    }

    #[test]
    fn every_variant_reads_back() {
        let leaf = Condition::Profile(ProfileTest::Industry(3));
        let conditions = [
            Condition::Answer {
                question: QuestionIndex::new(2),
                test: AnswerTest::Between { min: 1.0, max: 3.0 },
            },
            Condition::Level {
                dimension: DimensionIndex::new(1),
                at_least: 2,
                at_most: 4,
            },
            leaf.clone(),
            Condition::All(vec![leaf.clone(), leaf.clone()]),
            Condition::Any(vec![leaf.clone()]),
            Condition::Not(Box::new(Condition::Not(Box::new(leaf)))),
        ];
        for condition in conditions {
            let bytes = encode(&condition).expect("encodes");
            assert_eq!(decode::<Condition>(&bytes), Ok(condition));
        }
    }
}
