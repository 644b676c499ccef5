//! Raw → domain: checks every rule of the format and collects every problem.
//!
//! Each check pushes a [`Diagnostic`] and carries on, so an author sees all
//! problems at once. A part that cannot be built is `Err(Reported)`: the
//! proof that its error was pushed ([`reported`]), so nothing is left out of
//! a bank without a word. Later checks that depend on a failed part pass the
//! proof on rather than report echoes of the same error.
//!
//! One `Validator` walks a file, and its checks live by what they check:
//! `catalogue.rs` and `bank.rs` (the two entry points), `primitives.rs`
//! (ids, texts, weights, scores, sources), `law.rs` (legal bases and
//! dates), `question.rs` (a question and the fields of its kind),
//! `condition.rs`, `gate.rs`, `recommendation.rs`, `catalogue_ref.rs` (a
//! bank's references into its catalogue, held back under a catalogue
//! mismatch) and `show_if.rs` (the graph of `show_if` references, which
//! finds loops).

mod bank;
mod catalogue;
mod catalogue_ref;
mod condition;
mod gate;
mod law;
mod primitives;
mod question;
mod recommendation;
mod reported;
mod show_if;

use std::collections::BTreeMap;

use crate::format::diag::Diagnostic;
use catalogue_ref::Mismatch;
use reported::{Reported, Reports};
use show_if::ShowIfGraph;

pub(crate) use bank::bank;
pub(crate) use catalogue::catalogue;

/// Default score thresholds of levels 2–5: a ladder answered at step N scores
/// (N−1)/4 × 100 and so lands exactly on level N.
pub const DEFAULT_LEVEL_THRESHOLDS: [f64; 4] = [20.0, 40.0, 60.0, 80.0];

/// What a ladder's steps are called in messages.
const LADDER_STEPS: &str = "ladder steps";

/// The state of one file's check: where its diagnostics go, and what the
/// checks found that later ones need.
struct Validator {
    reports: Reports,
    /// The bank names another catalogue than the one it is checked against.
    mismatch: Option<Mismatch>,
    /// Question and gate ids given twice: where the (first) `duplicate-id`
    /// error is kept, and its proof.
    duplicated: BTreeMap<String, (usize, Reported)>,
}

impl Validator {
    fn new() -> Validator {
        Validator {
            reports: Reports::default(),
            mismatch: None,
            duplicated: BTreeMap::new(),
        }
    }

    /// Records an error; the proof lets the caller leave its part out.
    fn push(&mut self, diagnostic: Diagnostic) -> Reported {
        self.reports.error(diagnostic)
    }

    fn finish<T>(self, value: Result<T, Reported>) -> (Vec<Diagnostic>, Option<T>) {
        self.reports.finish(value)
    }
}
