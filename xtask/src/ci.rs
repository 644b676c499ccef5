//! `cargo xtask test`: every check, one step after another, with a timing
//! per step and a summary; a failed step does not stop the later ones.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::lints::{self, Lints};
use crate::process::{
    Background, Scratch, cargo, cargo_binary, cargo_yielding, describe, logged, run, show_log_end,
};
use crate::{install, repo_root, serve, site, size, target_dir};

/// Crates the engine must never depend on: it stays pure and host-neutral.
const WEB_CRATES: &[&str] = &["leptos", "web-sys", "wasm-bindgen", "js-sys", "gloo"];

/// The browser crate and the two that link its bundles: built for wasm
/// only, so host-wide commands skip them.
const WEB_PACKAGES: &[&str] = &["shindan-web", "shindan-web-first-load", "shindan-web-tools"];

/// A named step and the command that performs it.
struct Step {
    name: &'static str,
    run: fn() -> Result<(), String>,
}

pub fn test() -> Result<(), String> {
    // Chromium (network- and disk-bound), the cargo tools and the web
    // crate's compilation start in the background, beside the host tests:
    // none of them needs another.
    install::chromium_in_background();
    install::cargo_tools_in_background();
    let log = web_compile_log();
    // A fresh log for this run.
    let _ = std::fs::remove_file(&log);
    WEB_COMPILE.start(move || compile_web(Some(&log)));
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
            name: "cargo test with clippy -D warnings (engine, golden fixtures, fuzz corpus replay, CLI, benches once)",
            run: host_tests,
        },
        Step {
            name: "engine depends on no web crate",
            run: engine_is_pure,
        },
        Step {
            name: "shipped banks validate clean",
            run: || {
                shindan(&[
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
                shindan(&[
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
            run: || shindan(&["coverage"]),
        },
        Step {
            name: "web crate compiled for wasm with clippy -D warnings (both site builds, component tests; started in the background)",
            run: web_compiled,
        },
        Step {
            name: "install: wasm-bindgen-cli, wasm-pack and wasm-split-cli (started in the background)",
            run: install::cargo_tools_joined,
        },
        Step {
            name: "install: npm packages (Playwright Test, axe-core, binaryen)",
            run: install::npm_packages,
        },
        Step {
            name: "install: chromium, chromedriver and a Japanese font (started in the background)",
            run: install::chromium_joined,
        },
        Step {
            name: "web component tests with clippy -D warnings (wasm-pack test, headless Chromium)",
            run: web_component_tests,
        },
        Step {
            name: "site build with clippy -D warnings (dist/)",
            run: || site::dist(&site::cli_path(), Lints::Deny).map(drop),
        },
        Step {
            name: "first-load size within its ceiling (target in BENCHMARKS.md)",
            run: || size::check(&site::dist_dir(), size::CEILING),
        },
        Step {
            name: "browser end-to-end tests (Playwright Test, e2e/)",
            run: || end_to_end(&site::cli_path(), &[]),
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

/// Runs the `shindan` binary that the `cargo test` step built (cargo builds
/// a package's binaries for its integration tests): `cargo run -p
/// shindan-cli` would resolve features for the CLI alone and build the
/// engine once more.
fn shindan(args: &[&str]) -> Result<(), String> {
    run(Command::new(site::cli_path()).args(args))
}

/// The host crates' tests, every target (benches run once, as tests), with
/// clippy linting them as they compile ([`lints`]); then the doc tests,
/// which `--all-targets` leaves out, on the same build.
fn host_tests() -> Result<(), String> {
    for targets in ["--all-targets", "--doc"] {
        // Beside the web crate's compilation, which the later steps wait
        // for: it goes first, and these fill what its LTO links leave idle.
        let mut command = cargo_yielding();
        command.args(["test", "--workspace", targets]);
        for package in WEB_PACKAGES {
            command.args(["--exclude", package]);
        }
        lints::apply(&mut command, Lints::Deny)?;
        run(&mut command)?;
    }
    Ok(())
}

/// Compiles what `wasm-pack build` (both bundles) and `wasm-pack test`
/// will ask cargo for, with the same arguments and lints, so that they find
/// it done. One after the other: they share the release profile's build
/// folder, whose lock lets one cargo at a time in, and its dependencies.
/// With a `log`, cargo's output goes there.
fn compile_web(log: Option<&Path>) -> Result<(), String> {
    site::compile_bundles(Lints::Deny, log)?;
    let mut command = site::web_cargo("web", &["build", "--tests"]);
    command.args(COMPONENT_TEST_ARGS);
    lints::apply(&mut command, Lints::Deny)?;
    if let Some(log) = log {
        logged(&mut command, log)?;
    }
    run(&mut command)
}

/// The web crate's compilation, started with the test run on another
/// thread: it needs no tool, and beside the host tests and the cargo tools'
/// build it keeps both cores busy through its single-threaded LTO link.
static WEB_COMPILE: Background = Background::new();

/// Where the background compilation writes cargo's output.
fn web_compile_log() -> PathBuf {
    target_dir().join("compile-web.log")
}

/// Waits for the background compilation; on failure, shows the end of its
/// log (clippy's findings are there).
fn web_compiled() -> Result<(), String> {
    WEB_COMPILE
        .join(|| compile_web(None))
        .inspect_err(|_| show_log_end(&web_compile_log()))
}

/// The component tests' cargo arguments: the release profile of both
/// bundles, whose dependencies they share (a dev build of their own took
/// four minutes of a cold run).
const COMPONENT_TEST_ARGS: &[&str] = &["--features", "tools", "--release"];

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
        ])
        .args(COMPONENT_TEST_ARGS)
        .env("PATH", &path)
        .stdout(Stdio::piped());
    lints::apply(&mut command, Lints::Deny)?;
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
/// against it, with the `shindan` binary at `cli` for the journeys that
/// compare with the CLI; the server stops when the step ends.
pub fn end_to_end(cli: &Path, names: &[String]) -> Result<(), String> {
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
        .env("SHINDAN_CLI", cli)
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

/// Fails when any crate in the engine's normal dependency tree is a web crate.
fn engine_is_pure() -> Result<(), String> {
    let crates = forbidden_dependencies("shindan-engine", "all", WEB_CRATES)?;
    println!("engine dependencies: {crates} crates, none of {WEB_CRATES:?}");
    Ok(())
}

/// Counts the crates in `package`'s normal dependency tree for `target`,
/// failing with their names when any of them is `forbidden`.
fn forbidden_dependencies(
    package: &str,
    target: &str,
    forbidden: &[&str],
) -> Result<usize, String> {
    let output = Command::new(cargo_binary())
        .args(["tree", "-p", package, "-e", "normal", "--prefix", "none"])
        .args(["--target", target])
        .output()
        .map_err(|error| format!("cannot run cargo tree: {error}"))?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).into_owned());
    }
    let tree = String::from_utf8_lossy(&output.stdout);
    let offending: Vec<&str> = tree
        .lines()
        .filter(|line| forbidden.contains(&line.split_whitespace().next().unwrap_or("")))
        .collect();
    if offending.is_empty() {
        Ok(tree.lines().count())
    } else {
        Err(format!("{package} depends on {offending:?}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_forbidden_dependency_is_named() {
        let error = forbidden_dependencies("shindan-engine", "all", &["serde"]).unwrap_err();
        assert!(error.contains("serde v1."), "{error}");
        assert!(forbidden_dependencies("shindan-engine", "all", WEB_CRATES).is_ok());
    }

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
