//! `cargo xtask bench web`: the app measured side by side with a SurveyJS
//! twin of the same sheet (what a bureau would otherwise build with a form
//! builder), in one run of the same browser.
//!
//! Both are served by the project's static server on their own ports;
//! `bench/web/measure.mjs` drives Debian's Chromium through playwright-core
//! and saves every response body, and the figures are computed here: gzip
//! bytes of the first load and of a whole diagnosis (by the rule of
//! `cargo xtask size`), time to the first enabled control and P3 (a click
//! on an answer, the button held as a person holds it, to the progress
//! indicator's update; also with an instant click, for reference), both at
//! 4× CPU slowdown. Requests to other origins (SurveyJS's theme asks Google Fonts)
//! are refused and counted.

mod figures;
mod survey_model;
mod twin;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::process::{Scratch, describe, stdout_of};
use crate::serve::Server;
use crate::{install, repo_root, site};
use figures::{Figures, Measurement};

/// Cold loads per page for the time to the first control.
const RUNS: usize = 7;
/// Answers clicked per page for P3.
const CLICKS: usize = 9;
/// How long P3's clicks hold the button. Playwright's default releases it
/// the instant it presses, so the page is still handling the press when the
/// release comes, and the press's work counts in the click's time. In two
/// crowd-sourced samples a click's hold grows with age from 87 ms (aged
/// 25–34) to 137 ms (65 and over) (ClickSense research notes,
/// github.com/andyed/clicksense, docs/clicksense-research.md); 80 ms is
/// under the youngest group given. The instant click is measured too and
/// printed for reference.
const PRESS_MS: u32 = 80;

pub fn task() -> Result<(), String> {
    let load_before = load_average();
    install::for_build()?;
    install::chromium()?;
    let dist = site::build()?;
    let twin_dir = twin_dir();
    let notes = twin::write(&twin_dir)?;
    println!(
        "twin: {} from {} ({} simplifications)",
        twin_dir.display(),
        twin::BANK,
        notes.len()
    );
    for note in &notes {
        println!("  {note}");
    }
    let measurement_started = load_average();
    let ours = Server::start(&dist, 0, false)?;
    let twin = Server::start(&twin_dir, 0, false)?;
    let scratch = Scratch::new("bench-web")?;
    let bodies = scratch.path().join("bodies");
    std::fs::create_dir_all(&bodies).map_err(|e| site::io_error("create", &bodies, &e))?;
    let measurement = measure(&scratch, &bodies, ours.url(), twin.url())?;
    let load_after = load_average();
    let ours_figures = Figures::of(&measurement.ours, &bodies)?;
    let twin_figures = Figures::of(&measurement.twin, &bodies)?;
    println!();
    for (name, page) in [("ours", &ours_figures), ("twin", &twin_figures)] {
        print!(
            "{}",
            figures::transfers(&format!("{name}, first load"), &page.first_load)
        );
        let later = page.diagnosis.get(page.first_load.len()..).unwrap_or(&[]);
        if !later.is_empty() {
            print!(
                "{}",
                figures::transfers(&format!("{name}, then until the end"), later)
            );
        }
    }
    println!();
    print!(
        "{}",
        figures::table(
            &ours_figures,
            &twin_figures,
            RUNS,
            figures::Clicks {
                count: CLICKS,
                press_ms: PRESS_MS,
            }
        )
    );
    let blocked = &measurement.twin.blocked;
    println!(
        "requests to other origins refused: twin {} in its first load, {} in the whole diagnosis, \
         {} in the timed sessions ({}); ours {}",
        blocked.first_load,
        blocked.diagnosis,
        blocked.timed,
        if blocked.urls.is_empty() {
            "none".to_owned()
        } else {
            blocked.urls.join(", ")
        },
        // The diagnosis's count includes its first load's.
        measurement.ours.blocked.diagnosis + measurement.ours.blocked.timed,
    );
    if let (Some(before), Some(during), Some(after)) =
        (load_before, measurement_started, load_after)
    {
        println!(
            "load average (1, 5, 15 min): {before} before the build, {during} when measuring began, \
             {after} after"
        );
    }
    Ok(())
}

/// `target/bench-web/twin/`, beside the site's staging folder.
fn twin_dir() -> PathBuf {
    repo_root().join("target").join("bench-web").join("twin")
}

/// Runs the measurement script against both servers and reads its report.
fn measure(
    scratch: &Scratch,
    bodies: &Path,
    ours: &str,
    twin: &str,
) -> Result<Measurement, String> {
    let mut command = Command::new("node");
    command
        .arg(Path::new("bench/web/measure.mjs"))
        .env("BENCH_OURS_URL", ours)
        .env("BENCH_TWIN_URL", twin)
        .env("BENCH_BODIES", bodies)
        .env("BENCH_RUNS", RUNS.to_string())
        .env("BENCH_CLICKS", CLICKS.to_string())
        .env("BENCH_PRESS_MS", PRESS_MS.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    scratch.isolate(&mut command);
    serde_json::from_slice(&stdout_of(&mut command)?)
        .map_err(|error| format!("cannot read the report of {}: {error}", describe(&command)))
}

/// The 1, 5 and 15 minute load averages, when the system tells them: the
/// machine is shared, and times mean little without them.
fn load_average() -> Option<String> {
    let text = std::fs::read_to_string("/proc/loadavg").ok()?;
    let fields: Vec<&str> = text.split_whitespace().take(3).collect();
    (fields.len() == 3).then(|| fields.join(", "))
}
