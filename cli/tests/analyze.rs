//! `shindan analyze`, the real binary on committed files: every
//! `tests/analysis/<name>.args` (one argument a line, paths from the
//! repository root) is run with each `--format`, and what it prints is
//! compared with `<name>.{text,csv,json}.expected` (stdout) and
//! `<name>.stderr.expected` (exit status and stderr of the text run).
//! Re-bless with `UPDATE_EXPECT=1 cargo test -p shindan-cli --test analyze`.
//! The fixtures and how they were made: `tests/analysis/README.md`.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed unwrap is a failed test"
)]

// The same compare-or-bless helper as the golden tests in `tests/it/`; it
// lives here because only this package's tests can run the binary.
#[allow(dead_code, reason = "the helper's other functions serve tests/it")]
#[path = "../../tests/it/expect.rs"]
mod expect;

use std::process::Command;

#[test]
fn analysis_outputs_match_their_expected_files() {
    let dir = expect::repo().join("tests/analysis");
    let fixtures = expect::files(&dir, ".args");
    assert!(fixtures.len() >= 3, "{fixtures:?}");
    let mut failures = Vec::new();
    for args_path in fixtures {
        let args: Vec<String> = std::fs::read_to_string(&args_path)
            .unwrap()
            .lines()
            .filter(|line| !line.trim().is_empty())
            .map(str::to_owned)
            .collect();
        let stem = args_path.with_extension("");
        for format in ["text", "csv", "json"] {
            let output = Command::new(env!("CARGO_BIN_EXE_shindan"))
                .arg("analyze")
                .args(&args)
                .args(["--format", format])
                .current_dir(expect::repo())
                .output()
                .unwrap();
            let stdout = String::from_utf8(output.stdout).unwrap();
            let expected = stem.with_extension(format!("{format}.expected"));
            failures.extend(expect::check(&expected, &stdout).err());
            if format == "text" {
                let stderr = format!(
                    "exit status: {:?}\n{}",
                    output.status.code(),
                    String::from_utf8_lossy(&output.stderr)
                );
                let expected = stem.with_extension("stderr.expected");
                failures.extend(expect::check(&expected, &stderr).err());
            }
        }
    }
    expect::all(failures);
}

#[test]
fn a_survey_csv_analyses_like_its_results() {
    // The scored CSV carries the same companies as the results: the level
    // distributions agree.
    let run = |input: &str| {
        let output = Command::new(env!("CARGO_BIN_EXE_shindan"))
            .args([
                "analyze",
                input,
                "--bank",
                "tests/banks/valid/every-kind.yaml",
                "--catalogue",
                "tests/banks/catalogue.yaml",
                "--format",
                "json",
            ])
            .current_dir(expect::repo())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0));
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let levels: Vec<serde_json::Value> = json["groups"][0]["dimensions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["levels"].clone())
            .collect();
        levels
    };
    assert_eq!(
        run("tests/analysis/every-kind.jsonl"),
        run("tests/analysis/every-kind.scored.csv")
    );
}

#[test]
fn usage_errors_exit_2() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_shindan"))
            .arg("analyze")
            .args(args)
            .current_dir(expect::repo())
            .output()
            .unwrap()
    };
    let bank = "tests/banks/valid/every-kind.yaml";
    let catalogue = "tests/banks/catalogue.yaml";
    let jsonl = "tests/analysis/every-kind.jsonl";
    for args in [
        &[jsonl][..],
        &["--bank", bank, "--catalogue", catalogue][..],
        &[
            jsonl,
            "--bank",
            bank,
            "--catalogue",
            catalogue,
            "--format",
            "xml",
        ][..],
        &[
            jsonl,
            "--bank",
            bank,
            "--bank",
            bank,
            "--catalogue",
            catalogue,
        ][..],
    ] {
        let output = run(args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}
