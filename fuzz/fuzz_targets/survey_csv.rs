//! Fuzz target `survey_csv`: see `shindan_fuzz::survey_csv` for what it feeds and checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| shindan_fuzz::survey_csv(data));
