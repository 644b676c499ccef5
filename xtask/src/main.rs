//! Project tasks, run as `cargo xtask <task>`. Each task installs what it
//! needs first (idempotently), so the same command works on a fresh machine
//! and in CI.
//!
//! - `test`: every check the project has — formatting, clippy (host and
//!   wasm), all tests, the engine's wasm32 build and purity, the shipped
//!   banks, the web crate's component tests in headless Chromium, the site
//!   build, its size budget and the browser end-to-end tests.
//! - `bench`: the speed figures the issues set targets for.
//! - `fuzz [--minutes N] [TARGET…]`: the cargo-fuzz targets, two at a time,
//!   N minutes each (10), then the corpus minimised into `fuzz/corpus/`.
//! - `dist`: builds the static site into `dist/` (all it needs at run time).
//! - `e2e [NAME…]`: the browser journeys (those whose names contain a NAME)
//!   against the `dist/` already built, for working on one journey.
//! - `serve [--port N]`: builds `dist/` and serves it on 127.0.0.1 (8080).
//! - `size`: builds `dist/` and reports the gzip size of the first page
//!   load against the 140 KB target (fails while over it).
//!
//! Modules: `fuzz` (the fuzz runs), `install` (tools, idempotent), `site` (wasm builds and `dist/`),
//! `publish` (integrity, service worker, offline page, checksums),
//! `serve` (the static file server), `size` (the transfer budget).

mod fuzz;
mod install;
mod publish;
mod serve;
mod site;
mod size;

use std::ffi::OsString;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

const USAGE: &str = "usage: cargo xtask <test|bench|fuzz [--minutes N] [TARGET…]|dist|e2e [NAME…]|serve [--port N]|size>";

/// Crates the engine must never depend on: it stays pure and host-neutral.
const WEB_CRATES: &[&str] = &["leptos", "web-sys", "wasm-bindgen", "js-sys", "gloo"];

/// The browser crate: built for wasm only, so host-wide commands skip it.
const WEB_PACKAGE: &str = "shindan-web";

fn main() -> ExitCode {
    // Relative paths below (banks, `web`, `e2e/`) are repo-relative,
    // whichever directory `cargo xtask` was started from.
    if let Err(error) = std::env::set_current_dir(repo_root()) {
        eprintln!("xtask: cannot enter {}: {error}", repo_root().display());
        return ExitCode::FAILURE;
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("test") => test(),
        Some("bench") => bench(),
        Some("fuzz") => fuzz::task(&args[1..]),
        Some("dist") => install::for_build().and_then(|()| site::dist().map(drop)),
        Some("e2e") => install::npm_packages()
            .and_then(|()| install::chromium())
            .and_then(|()| end_to_end(&args[1..])),
        Some("serve") => serve::task(&args[1..]),
        Some("size") => install::for_build()
            .and_then(|()| site::dist())
            .and_then(|dist| size::check(&dist, size::TARGET)),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root: xtask lives one level below it.
fn repo_root() -> &'static Path {
    let xtask = Path::new(env!("CARGO_MANIFEST_DIR"));
    xtask.parent().unwrap_or(xtask)
}

/// A named step and the command that performs it.
struct Step {
    name: &'static str,
    run: fn() -> Result<(), String>,
}

fn test() -> Result<(), String> {
    install::chromium_in_background();
    let steps = [
        Step {
            name: "install: rust target wasm32-unknown-unknown",
            run: install::wasm_target,
        },
        Step {
            name: "cargo fmt --check",
            run: || cargo(&["fmt", "--all", "--", "--check"]),
        },
        Step {
            name: "cargo clippy -D warnings (host crates)",
            run: || {
                cargo(&[
                    "clippy",
                    "--workspace",
                    "--exclude",
                    WEB_PACKAGE,
                    "--all-targets",
                    "--",
                    "-D",
                    "warnings",
                ])
            },
        },
        Step {
            name: "cargo test (engine, golden fixtures, fuzz corpus replay, CLI)",
            run: || cargo(&["test", "--workspace", "--exclude", WEB_PACKAGE]),
        },
        Step {
            name: "engine builds for wasm32-unknown-unknown",
            run: || {
                cargo(&[
                    "check",
                    "-p",
                    "shindan-engine",
                    "--target",
                    "wasm32-unknown-unknown",
                ])
            },
        },
        Step {
            name: "engine depends on no web crate",
            run: engine_is_pure,
        },
        Step {
            name: "first-load wasm has no YAML parser and no CSV reader",
            run: first_load_is_lean,
        },
        Step {
            name: "shipped banks validate clean",
            run: || {
                cargo(&[
                    "run",
                    "-q",
                    "-p",
                    "shindan-cli",
                    "--",
                    "validate",
                    "--deny-warnings",
                    "question-banks/catalogue.yaml",
                    "question-banks/small.yaml",
                    "question-banks/sme.yaml",
                    "question-banks/midsize.yaml",
                    "question-banks/reference.yaml",
                ])?;
                // Earlier editions kept for their results, checked against
                // their own catalogue.
                cargo(&[
                    "run",
                    "-q",
                    "-p",
                    "shindan-cli",
                    "--",
                    "validate",
                    "--deny-warnings",
                    "question-banks/editions/2026.1/catalogue.yaml",
                    "question-banks/editions/2026.1/small.yaml",
                    "question-banks/editions/2026.1/sme.yaml",
                    "question-banks/editions/2026.1/midsize.yaml",
                ])
            },
        },
        Step {
            name: "shipped banks cover the call's indicators within time",
            run: || cargo(&["run", "-q", "-p", "shindan-cli", "--", "coverage"]),
        },
        Step {
            name: "install: wasm-bindgen-cli",
            run: install::wasm_bindgen_cli,
        },
        Step {
            name: "install: wasm-pack",
            run: install::wasm_pack,
        },
        Step {
            name: "install: npm packages (Playwright Test, axe-core, binaryen)",
            run: install::npm_packages,
        },
        Step {
            name: "install: chromium and chromedriver (started in the background)",
            run: install::chromium_joined,
        },
        Step {
            name: "cargo clippy -D warnings (web crate, wasm32)",
            run: || web_clippy(&[]),
        },
        Step {
            name: "cargo clippy -D warnings (web crate, wasm32, tools build)",
            run: || web_clippy(&["--features", "tools"]),
        },
        Step {
            name: "web component tests (wasm-pack test, headless Chromium)",
            run: web_component_tests,
        },
        Step {
            name: "site build (dist/)",
            run: || site::dist().map(drop),
        },
        Step {
            name: "first-load size within its ceiling (target in BENCHMARKS.md)",
            run: || size::check(&site::dist_dir(), size::CEILING),
        },
        Step {
            name: "browser end-to-end tests (Playwright Test, e2e/)",
            run: || end_to_end(&[]),
        },
    ];
    let mut failed = Vec::new();
    let mut timings = Vec::new();
    let started = Instant::now();
    for step in &steps {
        eprintln!("\n==> {}", step.name);
        let step_started = Instant::now();
        let result = (step.run)();
        let seconds = step_started.elapsed().as_secs_f64();
        match result {
            Ok(()) => eprintln!("<== ok in {seconds:.1} s: {}", step.name),
            Err(message) => {
                eprintln!("FAILED in {seconds:.1} s: {}: {message}", step.name);
                failed.push(step.name);
            }
        }
        timings.push((step.name, seconds));
    }
    println!("\nstep timings:");
    for (name, seconds) in &timings {
        println!("{seconds:8.1} s  {name}");
    }
    let passed = steps.len() - failed.len();
    println!(
        "\nxtask: {passed} passed, {} failed in {:.1} s",
        failed.len(),
        started.elapsed().as_secs_f64()
    );
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("failed steps: {}", failed.join("; ")))
    }
}

fn bench() -> Result<(), String> {
    cargo(&["bench", "-q", "-p", "shindan-tests", "--bench", "engine"])?;
    survey_bench()
}

/// Establishments in Kyushu (issue 6): the survey batch must score this
/// many rows in under 10 s.
const SURVEY_ROWS: u64 = 550_000;

/// Generates `SURVEY_ROWS` rows with `shindan sample` and times `shindan
/// score --responses` on them (CLI built with the speed profile).
fn survey_bench() -> Result<(), String> {
    cargo(&["build", "-q", "--profile", "bench", "-p", "shindan-cli"])?;
    let shindan = repo_root().join("target/release/shindan");
    let survey = repo_root().join("target/survey-bench.csv");
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

/// Clippy for the web crate, which only builds for the browser.
fn web_clippy(features: &[&str]) -> Result<(), String> {
    let mut args = vec![
        "clippy",
        "-p",
        WEB_PACKAGE,
        "--target",
        "wasm32-unknown-unknown",
        "--all-targets",
    ];
    args.extend_from_slice(features);
    args.extend_from_slice(&["--", "-D", "warnings"]);
    cargo(&args)
}

/// The web crate's wasm-bindgen tests, run by wasm-pack in headless
/// Chromium, with the `tools` feature (the tests read fixture YAML). The
/// test runner itself passes `--headless --no-sandbox` to Chromium and
/// Debian's chromedriver finds `/usr/bin/chromium`, so no `webdriver.json`
/// is needed. A run that finds no tests fails: it would pass silently if a
/// feature or `cfg` change hid them all.
fn web_component_tests() -> Result<(), String> {
    let path = install::tool_path()?;
    let scratch = Scratch::new("component-tests")?;
    let mut command = Command::new(install::tool("wasm-pack"));
    command
        .args([
            "test",
            "--headless",
            "--chrome",
            "--chromedriver",
            install::CHROMEDRIVER,
            "--mode",
            "no-install",
            "web",
            "--features",
            "tools",
        ])
        .env("PATH", &path)
        .stdout(Stdio::piped());
    scratch.isolate(&mut command);
    let mut child = command
        .spawn()
        .map_err(|error| format!("cannot start {}: {error}", describe(&command)))?;
    let mut found_none = false;
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            found_none |= line.contains("no tests to run");
            println!("{line}");
        }
    }
    let status = child
        .wait()
        .map_err(|error| format!("{} did not finish: {error}", describe(&command)))?;
    if !status.success() {
        Err(format!("{} exited with {status}", describe(&command)))
    } else if found_none {
        Err("wasm-pack test found no component tests".to_owned())
    } else {
        Ok(())
    }
}

/// Serves `dist/` on an ephemeral port and runs the Playwright journeys
/// against it; the server stops when the step ends.
fn end_to_end(names: &[String]) -> Result<(), String> {
    let config = Path::new("e2e/playwright.config.mjs");
    if !config.is_file() {
        return Err(format!("{} is missing", config.display()));
    }
    let path = install::tool_path()?;
    let server = serve::Server::start(&site::dist_dir(), 0, false)?;
    let scratch = Scratch::new("e2e")?;
    let mut command = Command::new("node");
    command
        .arg(Path::new("node_modules/@playwright/test/cli.js"))
        .arg("test")
        .arg("--config")
        .arg(config)
        .args(
            journey_filter(names)
                .map(|pattern| ["--grep".to_owned(), pattern])
                .into_iter()
                .flatten(),
        )
        .env("SHINDAN_URL", server.url())
        .env("SHINDAN_REPO", repo_root())
        .env("PATH", &path);
    scratch.isolate(&mut command);
    run(&mut command)
}

/// A Playwright `--grep` pattern matching journeys whose names contain any
/// of `names` literally.
fn journey_filter(names: &[String]) -> Option<String> {
    let escape = |name: &String| {
        name.chars()
            .flat_map(|c| {
                let special = "\\^$.|?*+()[]{}/".contains(c);
                special.then_some('\\').into_iter().chain([c])
            })
            .collect::<String>()
    };
    (!names.is_empty()).then(|| names.iter().map(escape).collect::<Vec<_>>().join("|"))
}

/// A fresh temporary directory for one browser run, removed afterwards:
/// Chromium writes config, cache and `org.chromium.*` files into the home
/// and temp folders, which tests must not share or leave behind.
struct Scratch(PathBuf);

impl Scratch {
    fn new(purpose: &str) -> Result<Self, String> {
        let dir =
            std::env::temp_dir().join(format!("shindan-xtask-{purpose}-{}", std::process::id()));
        // A leftover from an earlier run with the same pid is stale.
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)
            .map_err(|error| format!("cannot create {}: {error}", dir.display()))?;
        Ok(Self(dir))
    }

    /// Points the command's config, cache and temp folders into this one.
    fn isolate(&self, command: &mut Command) {
        command
            .env("XDG_CONFIG_HOME", self.0.join("config"))
            .env("XDG_CACHE_HOME", self.0.join("cache"))
            .env("TMPDIR", &self.0);
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Fails when any crate in the engine's normal dependency tree is a web crate.
fn engine_is_pure() -> Result<(), String> {
    let output = Command::new(cargo_binary())
        .args([
            "tree",
            "-p",
            "shindan-engine",
            "-e",
            "normal",
            "--prefix",
            "none",
            "--target",
            "all",
        ])
        .output()
        .map_err(|error| format!("cannot run cargo tree: {error}"))?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).into_owned());
    }
    let tree = String::from_utf8_lossy(&output.stdout);
    let offending: Vec<&str> = tree
        .lines()
        .filter(|line| {
            let name = line.split_whitespace().next().unwrap_or("");
            WEB_CRATES.contains(&name)
        })
        .collect();
    if offending.is_empty() {
        println!(
            "engine dependencies: {} crates, none of {WEB_CRATES:?}",
            tree.lines().count()
        );
        Ok(())
    } else {
        Err(format!("the engine depends on web crates: {offending:?}"))
    }
}

/// Crates only the tools build may carry: the YAML parser, the CSV reader
/// and the encodings it reads (hundreds of KB of wasm on first load).
const TOOLS_ONLY_CRATES: &[&str] = &["serde-saphyr", "csv-core", "encoding_rs", "encoding_rs_io"];

/// Fails when the first-load web build (without `tools`) depends on a
/// tools-only crate.
fn first_load_is_lean() -> Result<(), String> {
    let output = Command::new(cargo_binary())
        .args([
            "tree",
            "-p",
            WEB_PACKAGE,
            "-e",
            "normal",
            "--prefix",
            "none",
            "--target",
            "wasm32-unknown-unknown",
        ])
        .output()
        .map_err(|error| format!("cannot run cargo tree: {error}"))?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).into_owned());
    }
    let tree = String::from_utf8_lossy(&output.stdout);
    let offending: Vec<&str> = tree
        .lines()
        .filter(|line| {
            let name = line.split_whitespace().next().unwrap_or("");
            TOOLS_ONLY_CRATES.contains(&name)
        })
        .collect();
    if offending.is_empty() {
        println!("first-load dependencies: none of {TOOLS_ONLY_CRATES:?}");
        Ok(())
    } else {
        Err(format!(
            "the first-load build depends on tools-only crates: {offending:?}"
        ))
    }
}

fn cargo_binary() -> OsString {
    std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}

fn cargo(args: &[&str]) -> Result<(), String> {
    run(Command::new(cargo_binary()).args(args))
}

fn run(command: &mut Command) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|error| format!("cannot start {}: {error}", describe(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{} exited with {status}", describe(command)))
    }
}

/// The command line without the environment (the tool PATH is long).
fn describe(command: &Command) -> String {
    std::iter::once(command.get_program())
        .chain(command.get_args())
        .map(|part| part.to_string_lossy())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs a command and returns its stdout, or `None` when it cannot start or
/// fails: used to probe what is installed.
fn probe(command: &mut Command) -> Option<String> {
    let output = command.output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn journey_filters_match_names_literally() {
        assert_eq!(journey_filter(&[]), None);
        let names = ["K1/K2: a (kiosk)".to_owned(), "B4".to_owned()];
        assert_eq!(
            journey_filter(&names).as_deref(),
            Some(r"K1\/K2: a \(kiosk\)|B4")
        );
    }
}
