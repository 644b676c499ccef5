//! Fuzz target `bank`: see `shindan_fuzz::bank` for what it feeds and checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| shindan_fuzz::bank(data));
