//! The analysts' dashboard in the browser: 10,000 result files picked at
//! once, timed from the pick to the summary that counts them all
//! (`bench/dashboard.mjs`, Debian's Chromium, the site as `dist` builds it).

use std::path::Path;
use std::process::{Command, Stdio};

use crate::process::{Scratch, describe};
use crate::serve::Server;
use crate::{install, repo_root, site};

/// Result files an analyst of a prefecture's survey picks at once.
const FILES: usize = 10_000;
/// Distinct companies among them (each file is its own copy).
const COMPANIES: usize = 500;
/// Fresh pages timed; the median is reported.
const RUNS: usize = 3;
/// The target of issue 15.
const TARGET_MS: f64 = 1_000.0;

pub fn run(cli: &Path) -> Result<(), String> {
    install::chromium()?;
    let scratch = Scratch::new("bench-dashboard")?;
    let list = write_results(cli, scratch.path())?;
    let server = Server::start(&site::dist_dir(), 0, false)?;
    let mut command = Command::new("node");
    command
        .arg(repo_root().join("bench/dashboard.mjs"))
        .env("BENCH_URL", server.url())
        .env("BENCH_LIST", &list)
        .env("BENCH_GROUP", "small")
        .env("BENCH_RUNS", RUNS.to_string())
        .env("PATH", install::tool_path()?)
        .stderr(Stdio::inherit());
    scratch.isolate(&mut command);
    let output = command
        .output()
        .map_err(|error| format!("cannot start {}: {error}", describe(&command)))?;
    if !output.status.success() {
        return Err(format!(
            "{} exited with {}",
            describe(&command),
            output.status
        ));
    }
    let figures: serde_json::Value = serde_json::from_slice(&output.stdout)
        .map_err(|error| format!("bench/dashboard.mjs printed no figures: {error}"))?;
    let median = figures["median"]
        .as_f64()
        .ok_or("no median in the figures")?;
    println!(
        "dashboard: {FILES} result files summarised in {median:.0} ms after the pick \
         (median of {RUNS}, unthrottled; target: ≤ {TARGET_MS:.0} ms){}",
        if median <= TARGET_MS { ": met" } else { "" }
    );
    Ok(())
}

/// Scores `COMPANIES` sampled small companies with the CLI and writes
/// `FILES` result files round-robin; returns the file listing their paths.
fn write_results(cli: &Path, dir: &Path) -> Result<std::path::PathBuf, String> {
    let bank = repo_root().join("question-banks/small.yaml");
    let survey = dir.join("survey.csv");
    let sample = output(
        Command::new(cli)
            .arg("sample")
            .arg("--bank")
            .arg(&bank)
            .args(["--rows", &COMPANIES.to_string(), "--seed", "15"]),
    )?;
    std::fs::write(&survey, sample).map_err(|e| site::io_error("write", &survey, &e))?;
    let scored = output(
        Command::new(cli)
            .arg("score")
            .arg("--bank")
            .arg(&bank)
            .arg("--responses")
            .arg(&survey)
            .args(["--format", "jsonl", "--date", "2026-11-30"]),
    )?;
    let results: Vec<&str> = std::str::from_utf8(&scored)
        .map_err(|_| "shindan score printed no UTF-8")?
        .lines()
        .collect();
    if results.is_empty() {
        return Err("shindan score printed no result".to_owned());
    }
    let files = dir.join("results");
    std::fs::create_dir_all(&files).map_err(|e| site::io_error("create", &files, &e))?;
    let mut list = String::new();
    for index in 0..FILES {
        let path = files.join(format!("r{index:05}.json"));
        std::fs::write(&path, results[index % results.len()])
            .map_err(|e| site::io_error("write", &path, &e))?;
        list.push_str(&path.to_string_lossy());
        list.push('\n');
    }
    let list_path = dir.join("files.txt");
    std::fs::write(&list_path, list).map_err(|e| site::io_error("write", &list_path, &e))?;
    Ok(list_path)
}

fn output(command: &mut Command) -> Result<Vec<u8>, String> {
    let output = command
        .output()
        .map_err(|error| format!("cannot start {}: {error}", describe(command)))?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(format!(
            "{} failed: {}",
            describe(command),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}
