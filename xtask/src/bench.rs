//! `cargo xtask bench`: the engine benchmarks, the survey batch figure and
//! the dashboard reading 10,000 result files (`bench/dashboard.rs`);
//! `cargo xtask bench dashboard`: that last figure alone;
//! `cargo xtask bench web`: the browser app beside a SurveyJS twin
//! (`bench/web.rs`).

mod dashboard;
mod web;

use std::process::{Command, Stdio};
use std::time::Instant;

use crate::process::cargo;
use crate::{install, site, target_dir};

pub fn task(args: &[String]) -> Result<(), String> {
    match args {
        [] => {
            cargo(&["bench", "-q", "-p", "shindan-tests", "--bench", "engine"])?;
            survey_bench()?;
            install::for_build()?;
            site::build()?;
            dashboard::run(&site::cli_path(), &fast_cli()?)
        }
        [what] if what == "web" => web::task(),
        [what] if what == "dashboard" => {
            install::for_build()?;
            site::build()?;
            dashboard::run(&site::cli_path(), &fast_cli()?)
        }
        _ => Err("usage: cargo xtask bench [web | dashboard]".to_owned()),
    }
}

/// The CLI built with the speed profile (`bench`, whose output goes to
/// `target/release`).
fn fast_cli() -> Result<std::path::PathBuf, String> {
    cargo(&["build", "-q", "--profile", "bench", "-p", "shindan-cli"])?;
    Ok(target_dir().join("release").join("shindan"))
}

/// Establishments in Kyushu (issue 6): the survey batch must score this
/// many rows in under 10 s.
const SURVEY_ROWS: u64 = 550_000;

/// Generates `SURVEY_ROWS` rows with `shindan sample` and times `shindan
/// score --responses` on them (CLI built with the speed profile).
fn survey_bench() -> Result<(), String> {
    let shindan = fast_cli()?;
    let survey = target_dir().join("survey-bench.csv");
    let rows = SURVEY_ROWS.to_string();
    let sample = Command::new(&shindan)
        .args([
            "sample",
            "--bank",
            "question-banks/midsize.yaml",
            "--rows",
            &rows,
            "--seed",
            "1",
        ])
        .output()
        .map_err(|error| format!("cannot run shindan sample: {error}"))?;
    std::fs::write(&survey, &sample.stdout)
        .map_err(|error| format!("cannot write the survey: {error}"))?;
    let started = Instant::now();
    let scored = Command::new(&shindan)
        .args([
            "score",
            "--bank",
            "question-banks/midsize.yaml",
            "--responses",
        ])
        .arg(&survey)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .map_err(|error| format!("cannot run shindan score: {error}"))?;
    let seconds = started.elapsed().as_secs_f64();
    if !scored.status.success() {
        return Err(String::from_utf8_lossy(&scored.stderr).into_owned());
    }
    println!(
        "survey batch: {SURVEY_ROWS} midsize rows ({} MB) scored in {seconds:.2} s = {:.0} rows/s (target: under 10 s)",
        sample.stdout.len() / 1_000_000,
        SURVEY_ROWS as f64 / seconds
    );
    Ok(())
}
