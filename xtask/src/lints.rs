//! Clippy's lints, warnings denied, run inside the builds that `cargo xtask
//! test` does anyway.
//!
//! `cargo clippy` is `cargo check` with `clippy-driver` as the workspace
//! crates' compiler. Run that way beside the real builds, it compiled every
//! dependency a second time (host) and a third time (wasm, check mode):
//! about six minutes of a cold CI run. `clippy-driver` is a whole rustc, so
//! setting it as the wrapper of the test build and of the wasm builds
//! lints the same crates while they compile, and the dependencies (which
//! clippy never lints) compile once.

use std::path::PathBuf;
use std::process::Command;

use crate::process::probe;

/// Whether a build also lints the crates it was asked for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Lints {
    /// A plain build (`serve`, `dist`, the benches).
    Skip,
    /// Clippy's lints, any warning failing the build (CI).
    Deny,
}

/// How `cargo clippy` hands its arguments to the driver: joined, each
/// followed by this separator (clippy's own `cargo-clippy` does the same).
const ARGUMENT_SEPARATOR: &str = "__CLIPPY_HACKERY__";

/// Makes `command` (cargo, or wasm-pack running cargo) lint the packages it
/// builds, as `cargo clippy -- -D warnings` would. Dependencies are not
/// linted; neither are they by `cargo clippy`.
pub fn apply(command: &mut Command, lints: Lints) -> Result<(), String> {
    if lints == Lints::Skip {
        return Ok(());
    }
    let arguments: String = ["-D", "warnings"]
        .iter()
        .map(|argument| format!("{argument}{ARGUMENT_SEPARATOR}"))
        .collect();
    command
        .env("RUSTC_WORKSPACE_WRAPPER", driver()?)
        .env("CLIPPY_ARGS", arguments);
    Ok(())
}

/// `clippy-driver` of the toolchain that builds the project.
fn driver() -> Result<PathBuf, String> {
    let sysroot = probe(Command::new("rustc").args(["--print", "sysroot"]))
        .ok_or("cannot ask rustc for its sysroot")?;
    let driver = PathBuf::from(sysroot).join("bin").join("clippy-driver");
    if driver.is_file() {
        Ok(driver)
    } else {
        Err(format!(
            "{} is missing: run `rustup component add clippy`",
            driver.display()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::process::{Scratch, cargo_binary};

    /// A crate whose only flaw is a clippy warning (`needless_return`).
    fn flawed_crate(dir: &std::path::Path) {
        std::fs::create_dir_all(dir.join("src")).unwrap();
        std::fs::write(
            dir.join("Cargo.toml"),
            "[package]\nname = \"lint-probe\"\nedition = \"2024\"\n\n[workspace]\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("src/main.rs"),
            "fn main() {\n    println!(\"{}\", double(2));\n}\n\n\
             fn double(x: i32) -> i32 {\n    return x * 2;\n}\n",
        )
        .unwrap();
    }

    fn build(dir: &std::path::Path, lints: Lints) -> std::process::Output {
        let mut command = Command::new(cargo_binary());
        command
            .args(["build", "--quiet"])
            .current_dir(dir)
            // The outer `cargo xtask test` may itself run under the driver.
            .env_remove("RUSTC_WORKSPACE_WRAPPER")
            .env_remove("CLIPPY_ARGS")
            .env("CARGO_TARGET_DIR", dir.join("target"));
        apply(&mut command, lints).unwrap();
        command.output().unwrap()
    }

    /// CI passes only what clippy passes: the same build that succeeds
    /// plainly fails when lints are denied, naming the lint.
    #[test]
    fn a_lint_warning_fails_the_build_only_when_denied() {
        let scratch = Scratch::new("lint-probe").unwrap();
        let dir = scratch.path().join("lint-probe");
        flawed_crate(&dir);
        let plain = build(&dir, Lints::Skip);
        assert!(plain.status.success(), "{plain:?}");
        let linted = build(&dir, Lints::Deny);
        assert!(!linted.status.success(), "{linted:?}");
        let errors = String::from_utf8_lossy(&linted.stderr);
        assert!(errors.contains("needless_return"), "{errors}");
    }
}
