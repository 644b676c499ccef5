//! Fuzz target `compiled`: see `shindan_fuzz::compiled` for what it feeds and checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| shindan_fuzz::compiled(data));
