//! Fuzz target `handoff`: see `shindan_fuzz::handoff` for what it feeds and checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| shindan_fuzz::handoff(data));
