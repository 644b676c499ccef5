//! Fuzz target `result_json`: see `shindan_fuzz::result_json` for what it feeds and checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| shindan_fuzz::result_json(data));
