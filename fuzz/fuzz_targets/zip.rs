//! Fuzz target `zip`: see `shindan_fuzz::zip` for what it feeds and checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| shindan_fuzz::zip(data));
