//! The analysts' dashboard in the browser (`bench/dashboard.mjs`, Debian's
//! Chromium, the site as `dist` builds it), timed from the pick to the
//! summary that counts every company: 10,000 result files picked at once
//! (and, beside them, the browser alone reading the same files: the floor
//! under the app), their folder dropped, the same files in one ZIP
//! archive, and one scored survey CSV of 550,000 rows, read as a stream.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::process::{Scratch, stdout_of};
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

/// Rows of the scored survey: one per establishment in Kyushu.
const SURVEY_ROWS: usize = 550_000;
/// The target of issue 15 for the scored survey.
const SURVEY_TARGET_MS: f64 = 10_000.0;

/// Both figures; `cli` writes the result files, `fast_cli` (built for
/// speed) the scored survey.
pub fn run(cli: &Path, fast_cli: &Path) -> Result<(), String> {
    install::chromium()?;
    let scratch = Scratch::new("bench-dashboard")?;
    let server = Server::start(&site::dist_dir(), 0, false)?;
    let results = write_results(cli, scratch.path())?;
    let figures = measure(
        &scratch,
        server.url(),
        &results,
        Given::Picked,
        Reader::Dashboard,
        "small",
        FILES,
    )?;
    println!(
        "dashboard: {FILES} result files summarised in {:.0} ms after the pick \
         (median of {RUNS}, unthrottled, longest frame gap {:.0} ms; target: ≤ {TARGET_MS:.0} ms){}",
        figures.median,
        figures.longest_frame_gap,
        met(figures.median, TARGET_MS)
    );
    let floor = measure(
        &scratch,
        server.url(),
        &results,
        Given::Picked,
        Reader::BrowserAlone,
        "small",
        FILES,
    )?;
    println!(
        "dashboard: the browser alone hands over the bytes of the same {FILES} files in {:.0} ms \
         (a bare page, no app: File.text(), 500 at a time; median of {RUNS}){}",
        floor.median,
        if floor.median > TARGET_MS {
            format!(": the {TARGET_MS:.0} ms target is below what the browser alone takes here")
        } else {
            String::new()
        }
    );
    let dropped = measure(
        &scratch,
        server.url(),
        &results,
        Given::FolderDropped,
        Reader::Dashboard,
        "small",
        FILES,
    )?;
    println!(
        "dashboard: the same {FILES} files, their folder dropped instead (walked by the page), \
         summarised in {:.0} ms after the drop (median of {RUNS}, unthrottled, longest frame \
         gap {:.0} ms)",
        dropped.median, dropped.longest_frame_gap
    );
    let archive = scratch.path().join("results.zip");
    for (reader, how) in [
        (Reader::Dashboard, "counted in workers"),
        (
            Reader::DashboardWithoutWorkers,
            "read by the page alone (no count worker)",
        ),
    ] {
        let figures = measure(
            &scratch,
            server.url(),
            &results,
            Given::OneArchive(&archive),
            reader,
            "small",
            FILES,
        )?;
        let archive_bytes = std::fs::metadata(&archive)
            .map_err(|e| site::io_error("read", &archive, &e))?
            .len();
        println!(
            "dashboard: the same {FILES} result files in one ZIP archive ({:.1} MB), {how}, \
             summarised in {:.0} ms after the pick (median of {RUNS}, unthrottled, longest \
             frame gap {:.0} ms; target: ≤ {TARGET_MS:.0} ms){}",
            archive_bytes as f64 / 1_000_000.0,
            figures.median,
            figures.longest_frame_gap,
            met(figures.median, TARGET_MS)
        );
    }
    let (survey, bytes) = write_scored_survey(fast_cli, scratch.path())?;
    let figures = measure(
        &scratch,
        server.url(),
        &survey,
        Given::Picked,
        Reader::Dashboard,
        "midsize",
        SURVEY_ROWS,
    )?;
    println!(
        "dashboard: a scored survey CSV of {SURVEY_ROWS} rows ({} MB) summarised in {:.0} ms \
         after the pick (median of {RUNS}, streamed, longest frame gap {:.0} ms; \
         target: ≤ {SURVEY_TARGET_MS:.0} ms){}",
        bytes / 1_000_000,
        figures.median,
        figures.longest_frame_gap,
        met(figures.median, SURVEY_TARGET_MS)
    );
    Ok(())
}

fn met(median: f64, target: f64) -> &'static str {
    if median <= target { ": met" } else { "" }
}

/// An environment flag: set (`1`) or empty.
fn flag(set: bool) -> &'static str {
    if set { "1" } else { "" }
}

/// What `bench/dashboard.mjs` measured.
struct Figures {
    median: f64,
    longest_frame_gap: f64,
}

/// What reads the picked files.
#[derive(Clone, Copy, PartialEq)]
enum Reader {
    /// The dashboard, its count workers started.
    Dashboard,
    /// The dashboard where its count workers cannot start (their script
    /// answers 404): an archive's figure is measured both ways.
    DashboardWithoutWorkers,
    /// No app: a bare page reading every file's text.
    BrowserAlone,
}

/// How the files listed reach the dashboard.
#[derive(Clone, Copy)]
enum Given<'a> {
    /// Picked at once in the file dialog.
    Picked,
    /// Zipped into one archive, written at this path, and that picked.
    OneArchive(&'a Path),
    /// Their folder dropped on the dashboard.
    FolderDropped,
}

/// Times giving the files listed in `list` to `reader` until group
/// `group` counts `n`.
fn measure(
    scratch: &Scratch,
    url: &str,
    list: &Path,
    given: Given,
    reader: Reader,
    group: &str,
    n: usize,
) -> Result<Figures, String> {
    let mut command = Command::new("node");
    command
        .arg(repo_root().join("bench/dashboard.mjs"))
        .env("BENCH_URL", url)
        .env("BENCH_LIST", list)
        .env("BENCH_GROUP", group)
        .env("BENCH_N", n.to_string())
        .env("BENCH_RUNS", RUNS.to_string())
        .env("PATH", install::tool_path()?)
        .env(
            "BENCH_ZIP",
            match given {
                Given::OneArchive(path) => path,
                Given::Picked | Given::FolderDropped => Path::new(""),
            },
        )
        .env("BENCH_DROP", flag(matches!(given, Given::FolderDropped)))
        .env(
            "BENCH_NO_WORKERS",
            flag(reader == Reader::DashboardWithoutWorkers),
        )
        .env("BENCH_FLOOR", flag(reader == Reader::BrowserAlone))
        .stderr(Stdio::inherit());
    scratch.isolate(&mut command);
    let figures: serde_json::Value = serde_json::from_slice(&stdout_of(&mut command)?)
        .map_err(|error| format!("bench/dashboard.mjs printed no figures: {error}"))?;
    let number = |name: &str| {
        figures[name]
            .as_f64()
            .ok_or(format!("no {name} in the figures"))
    };
    Ok(Figures {
        median: number("median")?,
        longest_frame_gap: number("longestFrameGap")?,
    })
}

/// What `shindan score --responses` prints for `rows` companies sampled
/// (seed `seed`) from `bank`, with `score_args` added.
fn sampled_and_scored(
    cli: &Path,
    bank: &str,
    rows: usize,
    seed: u32,
    score_args: &[&str],
    dir: &Path,
) -> Result<Vec<u8>, String> {
    let bank = repo_root().join("question-banks").join(bank);
    let survey = dir.join("survey.csv");
    let sample = stdout_of(
        Command::new(cli)
            .arg("sample")
            .arg("--bank")
            .arg(&bank)
            .args(["--rows", &rows.to_string(), "--seed", &seed.to_string()]),
    )?;
    std::fs::write(&survey, sample).map_err(|e| site::io_error("write", &survey, &e))?;
    let scored = stdout_of(
        Command::new(cli)
            .arg("score")
            .arg("--bank")
            .arg(&bank)
            .arg("--responses")
            .arg(&survey)
            .args(score_args),
    );
    let _ = std::fs::remove_file(&survey);
    scored
}

/// Samples `SURVEY_ROWS` midsize companies and scores them into one CSV,
/// as `shindan score --responses` writes it; returns the file listing its
/// path, and its size in bytes.
fn write_scored_survey(fast_cli: &Path, dir: &Path) -> Result<(PathBuf, usize), String> {
    let scored = sampled_and_scored(fast_cli, "midsize.yaml", SURVEY_ROWS, 1, &[], dir)?;
    let path = dir.join("scored-550k.csv");
    std::fs::write(&path, &scored).map_err(|e| site::io_error("write", &path, &e))?;
    let list = listing(dir, "scored.txt", &format!("{}\n", path.display()))?;
    Ok((list, scored.len()))
}

/// Scores `COMPANIES` sampled small companies with the CLI and writes
/// `FILES` result files round-robin; returns the file listing their paths.
fn write_results(cli: &Path, dir: &Path) -> Result<PathBuf, String> {
    let scored = sampled_and_scored(
        cli,
        "small.yaml",
        COMPANIES,
        15,
        &["--format", "jsonl", "--date", "2026-11-30"],
        dir,
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
    listing(dir, "files.txt", &list)
}

/// Writes `list` to `dir/name`; returns its path.
fn listing(dir: &Path, name: &str, list: &str) -> Result<PathBuf, String> {
    let path = dir.join(name);
    std::fs::write(&path, list).map_err(|e| site::io_error("write", &path, &e))?;
    Ok(path)
}
