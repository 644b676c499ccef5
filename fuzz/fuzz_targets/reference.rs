//! Fuzz target `reference`: see `shindan_fuzz::reference` for what it feeds and checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| shindan_fuzz::reference(data));
