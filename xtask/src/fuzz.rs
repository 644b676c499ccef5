//! `cargo xtask fuzz [--minutes N] [TARGET…]`: runs the cargo-fuzz targets
//! of `fuzz/` (all of them by default), two at a time on a two-core
//! machine, each for N minutes (10 by default), then minimises what they
//! found into `fuzz/corpus/<target>`, the committed corpus that
//! `cargo test` replays on stable (`tests/it/fuzz_corpus.rs`), cut to
//! [`CORPUS_BYTES`] per target. `--minutes 0` only minimises.
//!
//! Installs what it needs idempotently: a nightly toolchain (libFuzzer needs
//! its sanitizer flags) and cargo-fuzz. Seeds come from the repository's own
//! fixtures: banks, answers, results, frozen exchange files, compiled banks
//! and a sampled survey. Logs go to `fuzz/logs/<target>.log`; crashes to
//! `fuzz/artifacts/<target>/` (turn each into a file in
//! `fuzz/regressions/<target>/`, which the replay test runs too).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::process::{cargo_binary, probe, run};
use crate::repo_root;

/// Every target in `fuzz/fuzz_targets/`.
pub const TARGETS: &[&str] = &[
    "bank",
    "compiled",
    "answers",
    "result_json",
    "handoff",
    "survey_csv",
    "reference",
];

/// Runs at once; the machines here have two cores.
const PARALLEL: usize = 2;

/// The committed corpus of one target is cut to this many bytes, smallest
/// inputs first: it is a regression set replayed by every `cargo test`, and
/// the repository stays small. The working corpus (`fuzz/corpus-raw/`,
/// not committed) keeps everything for the next run.
const CORPUS_BYTES: u64 = 48 * 1024;

pub fn task(args: &[String]) -> Result<(), String> {
    let mut minutes = 10u64;
    let mut targets = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--minutes" => {
                minutes = args
                    .next()
                    .and_then(|value| value.parse().ok())
                    .ok_or("--minutes needs a whole number")?;
            }
            target if TARGETS.contains(&target) => targets.push(target),
            other => {
                return Err(format!(
                    "unknown fuzz target or flag `{other}`; targets: {}",
                    TARGETS.join(", ")
                ));
            }
        }
    }
    if targets.is_empty() {
        targets = TARGETS.to_vec();
    }
    install()?;
    let fuzz = repo_root().join("fuzz");
    seed(&fuzz, &targets)?;
    std::fs::create_dir_all(fuzz.join("logs")).map_err(|e| format!("fuzz/logs: {e}"))?;
    // cargo-fuzz's default build: optimised, with debug assertions and
    // overflow checks on (a `1 << 64` is a crash, not a wrong answer).
    run(&mut fuzz_command(&["build"]))?;
    let mut summaries = Vec::new();
    // `--minutes 0` only minimises (libFuzzer would read 0 as "forever").
    let runs: &[&str] = if minutes == 0 { &[] } else { &targets };
    for pair in runs.chunks(PARALLEL) {
        let children: Vec<(&str, Child)> = pair
            .iter()
            .map(|&target| start(&fuzz, target, minutes).map(|child| (target, child)))
            .collect::<Result<_, _>>()?;
        for (target, mut child) in children {
            let status = child
                .wait()
                .map_err(|error| format!("fuzz target {target}: {error}"))?;
            let log = std::fs::read_to_string(log_path(&fuzz, target)).unwrap_or_default();
            let crashes = files(&fuzz.join("artifacts").join(target), "").len();
            let verdict = if status.success() && crashes == 0 {
                "ok   ".to_owned()
            } else {
                format!("CRASH ({crashes} in fuzz/artifacts/{target})")
            };
            summaries.push(format!("{target:12} {verdict} {}", summary(&log)));
        }
    }
    for &target in &targets {
        minimise(&fuzz, target)?;
    }
    println!("\nfuzz summary ({minutes} min per target):");
    for line in &summaries {
        println!("  {line}");
    }
    if summaries.iter().any(|line| line.contains("CRASH")) {
        Err("a fuzz target crashed: see fuzz/artifacts/ and fuzz/logs/".to_owned())
    } else {
        Ok(())
    }
}

/// Nightly (for libFuzzer's instrumentation) and cargo-fuzz, each only
/// when missing.
fn install() -> Result<(), String> {
    let nightly = probe(Command::new("rustup").args(["toolchain", "list"]))
        .is_some_and(|list| list.lines().any(|line| line.starts_with("nightly")));
    if nightly {
        println!("install: nightly toolchain present");
    } else {
        run(Command::new("rustup").args([
            "toolchain",
            "install",
            "nightly",
            "--profile",
            "minimal",
        ]))?;
        println!("install: nightly toolchain installed");
    }
    if let Some(version) = probe(&mut fuzz_command(&["--version"])) {
        println!("install: {version} present");
        return Ok(());
    }
    run(Command::new(cargo_binary())
        .args(["install", "cargo-fuzz", "--root"])
        .arg(repo_root().join(".tools")))?;
    println!("install: cargo-fuzz installed");
    Ok(())
}

/// `cargo +nightly fuzz …` in `fuzz/`, with `.tools/bin` on the PATH.
fn fuzz_command(args: &[&str]) -> Command {
    let mut dirs = vec![repo_root().join(".tools").join("bin")];
    if let Some(inherited) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&inherited));
    }
    let mut command = Command::new("cargo");
    command
        .args(["+nightly", "fuzz"])
        .args(args)
        .current_dir(repo_root().join("fuzz"))
        // The xtask runs under stable cargo, whose variables would pin the
        // toolchain of the child.
        .env_remove("CARGO")
        .env_remove("RUSTC")
        .env_remove("RUSTUP_TOOLCHAIN");
    if let Ok(path) = std::env::join_paths(dirs) {
        command.env("PATH", path);
    }
    command
}

fn log_path(fuzz: &Path, target: &str) -> PathBuf {
    fuzz.join("logs").join(format!("{target}.log"))
}

/// The working corpus: what the fuzzer adds to, not committed.
fn working(fuzz: &Path, target: &str) -> PathBuf {
    fuzz.join("corpus-raw").join(target)
}

fn start(fuzz: &Path, target: &str, minutes: u64) -> Result<Child, String> {
    let log = std::fs::File::create(log_path(fuzz, target))
        .map_err(|error| format!("fuzz/logs/{target}.log: {error}"))?;
    let err = log
        .try_clone()
        .map_err(|error| format!("fuzz/logs/{target}.log: {error}"))?;
    let corpus = working(fuzz, target);
    let committed = fuzz.join("corpus").join(target);
    let seconds = format!("-max_total_time={}", minutes * 60);
    let mut command = fuzz_command(&["run", target]);
    command
        .arg(&corpus)
        .arg(&committed)
        // Fork mode keeps fuzzing after a crash, so an unattended run
        // reports every crash it finds, each saved to fuzz/artifacts/.
        .args([
            "--",
            &seconds,
            "-fork=1",
            "-ignore_crashes=1",
            "-ignore_timeouts=1",
            "-ignore_ooms=1",
            "-rss_limit_mb=2048",
            "-timeout=10",
        ])
        .stdout(Stdio::from(log))
        .stderr(Stdio::from(err));
    println!("fuzz: {target} for {minutes} min (log: fuzz/logs/{target}.log)");
    command
        .spawn()
        .map_err(|error| format!("cannot start fuzz target {target}: {error}"))
}

/// Runs, executions per second and coverage from libFuzzer's output.
fn summary(log: &str) -> String {
    let done = log
        .lines()
        .rev()
        .find(|line| line.starts_with("Done ") || line.starts_with("INFO: exiting"))
        .unwrap_or("(no final line)");
    let coverage = log
        .lines()
        .rev()
        .find(|line| line.starts_with('#') && line.contains("cov:"))
        .unwrap_or("");
    format!("{done} | {coverage}")
}

/// Copies the repository's own files into each working corpus as seeds.
fn seed(fuzz: &Path, targets: &[&str]) -> Result<(), String> {
    let root = repo_root();
    let scratch = fuzz.join("corpus-raw").join("generated");
    std::fs::create_dir_all(&scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;
    // Compiled banks and reference data, and a sampled survey, made by the
    // CLI exactly as the site build and the bureau make them.
    run(Command::new(cargo_binary())
        .args(["run", "-q", "-p", "shindan-cli", "--", "compile"])
        .args([
            "question-banks/small.yaml",
            "question-banks/sme.yaml",
            "question-banks/midsize.yaml",
            "--reference",
            "question-banks/reference.yaml",
            "--out-dir",
        ])
        .arg(&scratch)
        .current_dir(root))?;
    let sample = Command::new(cargo_binary())
        .args(["run", "-q", "-p", "shindan-cli", "--", "sample"])
        .args([
            "--bank",
            "question-banks/small.yaml",
            "--rows",
            "8",
            "--seed",
            "1",
        ])
        .current_dir(root)
        .output()
        .map_err(|error| format!("cannot run shindan sample: {error}"))?;
    std::fs::write(scratch.join("sample.csv"), &sample.stdout)
        .map_err(|error| format!("sample.csv: {error}"))?;

    for &target in targets {
        let dir = working(fuzz, target);
        let committed = fuzz.join("corpus").join(target);
        for dir in [&dir, &committed] {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        let seeds: Vec<PathBuf> = match target {
            "bank" => [
                files(&root.join("question-banks"), ".yaml"),
                files(&root.join("tests/banks/valid"), ".yaml"),
                files(&root.join("tests/banks/invalid"), ".yaml"),
                vec![root.join("tests/banks/catalogue.yaml")],
            ]
            .concat(),
            "compiled" => vec![
                scratch.join("small.bin"),
                scratch.join("sme.bin"),
                scratch.join("midsize.bin"),
            ],
            "answers" => [
                files(&root.join("tests/golden"), ".yaml"),
                files(&root.join("tests/banks/valid"), ".yaml"),
                files(&root.join("tests/banks/invalid"), ".answers.yaml"),
            ]
            .concat(),
            "result_json" => [
                files(&root.join("tests/results"), ".json"),
                files(&root.join("tests/exchange"), ".json"),
                files(&root.join("tests/banks/valid"), ".json"),
            ]
            .concat(),
            "handoff" => files(&root.join("tests/exchange"), ".fragment"),
            "survey_csv" => [
                files(&root.join("cli/tests/data"), ".csv"),
                vec![scratch.join("sample.csv")],
            ]
            .concat(),
            "reference" => vec![
                root.join("question-banks/reference.yaml"),
                scratch.join("reference.bin"),
            ],
            _ => Vec::new(),
        };
        for seed in seeds {
            let Some(name) = seed.file_name() else {
                continue;
            };
            std::fs::copy(&seed, dir.join(name))
                .map_err(|error| format!("seed {}: {error}", seed.display()))?;
        }
    }
    Ok(())
}

/// The files in `dir` whose names end in `suffix`.
fn files(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .is_some_and(|name| name.to_string_lossy().ends_with(suffix))
        })
        .collect();
    found.sort();
    found
}

/// Keeps the smallest set of inputs with the coverage of the working
/// corpus, in `fuzz/corpus/<target>` (committed, replayed by `cargo test`).
fn minimise(fuzz: &Path, target: &str) -> Result<(), String> {
    let committed = fuzz.join("corpus").join(target);
    let merged = fuzz.join("corpus-raw").join(format!("{target}.min"));
    let _ = std::fs::remove_dir_all(&merged);
    std::fs::create_dir_all(&merged).map_err(|e| format!("{}: {e}", merged.display()))?;
    // `-merge=1` into an empty folder keeps one input per new feature.
    run(fuzz_command(&["run", target])
        .arg(&merged)
        .arg(working(fuzz, target))
        .arg(&committed)
        .args(["--", "-merge=1"]))?;
    let _ = std::fs::remove_dir_all(&committed);
    std::fs::rename(&merged, &committed)
        .map_err(|error| format!("{}: {error}", committed.display()))?;
    // Largest first out, until the target's share of the budget is met.
    let mut kept: Vec<(u64, PathBuf)> = files(&committed, "")
        .into_iter()
        .filter_map(|path| path.metadata().ok().map(|meta| (meta.len(), path)))
        .collect();
    kept.sort();
    let mut total: u64 = kept.iter().map(|(size, _)| size).sum();
    while total > CORPUS_BYTES {
        let Some((size, path)) = kept.pop() else {
            break;
        };
        std::fs::remove_file(&path).map_err(|error| format!("{}: {error}", path.display()))?;
        total -= size;
    }
    let (count, bytes) = files(&committed, "")
        .iter()
        .filter_map(|path| path.metadata().ok())
        .fold((0, 0), |(count, bytes), meta| {
            (count + 1, bytes + meta.len())
        });
    println!("fuzz: {target} corpus minimised to {count} files, {bytes} bytes");
    Ok(())
}
