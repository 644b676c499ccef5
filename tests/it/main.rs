//! Golden tests over fixture banks and the shipped banks: each input file
//! sits beside its expected output, re-blessed with `UPDATE_EXPECT=1`.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed unwrap is a failed test"
)]

mod calibration;
mod exchange;
mod expect;
mod fixtures;
mod fuzz_corpus;
mod hostile;
mod routing;
mod schema;
mod shipped;
mod tidy;
