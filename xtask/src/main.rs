//! Project tasks, run as `cargo xtask <task>`. Each task installs what it
//! needs first (idempotently), so the same command works on a fresh machine
//! and in CI.
//!
//! - `test`: every check the project has — formatting, clippy (host and
//!   wasm), all tests, the engine's wasm32 build and purity, the shipped
//!   banks, the web crate's component tests in headless Chromium, the site
//!   build, its size budget and the browser end-to-end tests.
//! - `bench`: the speed figures the issues set targets for; `bench web`:
//!   the browser app's bytes, time to the first control and answer latency
//!   beside a SurveyJS twin of the same sheet.
//! - `fuzz [--minutes N] [TARGET…]`: the cargo-fuzz targets, two at a time,
//!   N minutes each (10), then the corpus minimised into `fuzz/corpus/`.
//! - `dist`: builds the static site into `dist/` (all it needs at run time).
//! - `e2e [NAME…]`: the browser journeys (those whose names contain a NAME)
//!   against the `dist/` already built, for working on one journey.
//! - `serve [--port N]`: builds `dist/` and serves it on 127.0.0.1 (8080).
//! - `size`: builds `dist/` and reports the gzip size of the first page
//!   load against the 140 KB target (fails while over it).
//!
//! Modules: `ci` (the `test` steps), `bench` (the speed figures; `bench/web`
//! the twin and the browser measurement), `fuzz`
//! (the fuzz runs), `install` (tools, idempotent), `site` (wasm builds and
//! `dist/`), `publish` (integrity, service worker, offline page, checksums),
//! `serve` (the static file server), `size` (the transfer budget),
//! `process` (running commands).

mod bench;
mod ci;
mod fuzz;
mod install;
mod lints;
mod process;
mod publish;
mod serve;
mod site;
mod size;
mod split;
mod stylesheet;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <test|bench [web]|fuzz [--minutes N] [TARGET…]|dist|e2e [NAME…]|serve [--port N]|size>";

fn main() -> ExitCode {
    // Relative paths below (banks, `web`, `e2e/`) are repo-relative,
    // whichever directory `cargo xtask` was started from.
    if let Err(error) = std::env::set_current_dir(repo_root()) {
        eprintln!("xtask: cannot enter {}: {error}", repo_root().display());
        return ExitCode::FAILURE;
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("test") => ci::test(),
        Some("bench") => bench::task(&args[1..]),
        Some("fuzz") => fuzz::task(&args[1..]),
        Some("dist") => install::for_build().and_then(|()| site::build().map(drop)),
        Some("e2e") => install::npm_packages()
            .and_then(|()| install::chromium())
            .and_then(|()| site::build_cli())
            .and_then(|cli| ci::end_to_end(&cli, &args[1..])),
        Some("serve") => serve::task(&args[1..]),
        Some("size") => install::for_build()
            .and_then(|()| site::build())
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

/// Where cargo puts what it builds: `CARGO_TARGET_DIR` if set, else
/// `<repo>/target`.
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|dir| {
            if dir.is_absolute() {
                dir
            } else {
                repo_root().join(dir)
            }
        })
        .unwrap_or_else(|| repo_root().join("target"))
}
