//! Fuzz target `answers`: see `shindan_fuzz::answers` for what it feeds and checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| shindan_fuzz::answers(data));
