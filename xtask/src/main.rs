//! Project tasks, run as `cargo xtask <task>`. Each task installs what it
//! needs first (idempotently), so the same command works on a fresh machine
//! and in CI.
//!
//! - `test`: every check the project has — formatting, clippy, all tests,
//!   the engine's wasm32 build and purity, the shipped banks.
//! - `bench`: the speed figures the issues set targets for.

use std::process::{Command, ExitCode};

const USAGE: &str = "usage: cargo xtask <test|bench>";

/// Crates the engine must never depend on: it stays pure and host-neutral.
const WEB_CRATES: &[&str] = &["leptos", "web-sys", "wasm-bindgen", "js-sys", "gloo"];

fn main() -> ExitCode {
    let task = std::env::args().nth(1);
    let result = match task.as_deref() {
        Some("test") => test(),
        Some("bench") => bench(),
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

/// A named step and the command that performs it.
struct Step {
    name: &'static str,
    run: fn() -> Result<(), String>,
}

fn test() -> Result<(), String> {
    let steps = [
        Step {
            name: "install: rust target wasm32-unknown-unknown",
            run: install_wasm_target,
        },
        Step {
            name: "cargo fmt --check",
            run: || cargo(&["fmt", "--all", "--", "--check"]),
        },
        Step {
            name: "cargo clippy -D warnings",
            run: || {
                cargo(&[
                    "clippy",
                    "--workspace",
                    "--all-targets",
                    "--",
                    "-D",
                    "warnings",
                ])
            },
        },
        Step {
            name: "cargo test (engine, golden fixtures, CLI)",
            run: || cargo(&["test", "--workspace"]),
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
                ])
            },
        },
        Step {
            name: "shipped banks cover the call's indicators within time",
            run: || cargo(&["run", "-q", "-p", "shindan-cli", "--", "coverage"]),
        },
    ];
    let mut failed = Vec::new();
    for step in &steps {
        eprintln!("\n==> {}", step.name);
        if let Err(message) = (step.run)() {
            eprintln!("FAILED: {}: {message}", step.name);
            failed.push(step.name);
        }
    }
    let passed = steps.len() - failed.len();
    println!("\nxtask: {passed} passed, {} failed", failed.len());
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("failed steps: {}", failed.join("; ")))
    }
}

fn bench() -> Result<(), String> {
    cargo(&["bench", "-q", "-p", "shindan-tests", "--bench", "engine"])
}

fn install_wasm_target() -> Result<(), String> {
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
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

fn cargo_binary() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

fn cargo(args: &[&str]) -> Result<(), String> {
    run(Command::new(cargo_binary()).args(args))
}

fn run(command: &mut Command) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|error| format!("cannot start {command:?}: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{command:?} exited with {status}"))
    }
}
