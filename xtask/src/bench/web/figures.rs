//! What the browser measurement reports, turned into the figures and the
//! table `cargo xtask bench web` prints: response bodies gzipped by the
//! rule of `cargo xtask size` (gzip -9 of each body), medians of the timed
//! runs, and each figure of ours against the twin's and its target.

use std::path::Path;

use serde::Deserialize;

use crate::size::{group, gzip_len};

/// The measurement script's output (`bench/web/measure.mjs`).
#[derive(Debug, Deserialize)]
pub struct Measurement {
    pub ours: AppRun,
    pub twin: AppRun,
}

/// One page's measurements.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppRun {
    /// Milliseconds from navigation to the first enabled control, one per
    /// cold load at 4× CPU slowdown.
    pub first_control_ms: Vec<f64>,
    /// Milliseconds from a click on an answer (the button held as a person
    /// holds it) to the progress indicator's update, at 4× CPU slowdown.
    pub p3_ms: Vec<f64>,
    /// The same with the button released the instant it is pressed.
    pub p3_instant_ms: Vec<f64>,
    /// Responses until the first control showed and the network was idle.
    pub first_load: Vec<Transfer>,
    /// Responses from the first load to the end (result sheet, or the
    /// twin's completed page).
    pub diagnosis: Vec<Transfer>,
    /// Requests to other origins that were refused.
    pub blocked: Blocked,
}

/// A response and the file its body was saved to (none when the browser
/// kept no body, as for a redirect).
#[derive(Debug, Deserialize)]
pub struct Transfer {
    pub url: String,
    pub status: u16,
    pub file: Option<String>,
}

/// Requests to other origins refused in each part of the measurement.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Blocked {
    pub first_load: u32,
    pub diagnosis: u32,
    pub timed: u32,
    /// Their URLs, once each.
    pub urls: Vec<String>,
}

/// A response's size.
#[derive(Debug, Clone, PartialEq)]
pub struct Sized {
    pub url: String,
    pub raw: u64,
    pub gzip: u64,
}

/// One page's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub first_load: Vec<Sized>,
    pub diagnosis: Vec<Sized>,
    pub first_control_ms: f64,
    pub p3_ms: f64,
    pub p3_instant_ms: f64,
}

impl Figures {
    /// Sizes the saved bodies (in `bodies`) and takes the medians.
    pub fn of(run: &AppRun, bodies: &Path) -> Result<Self, String> {
        Ok(Self {
            first_load: sized(&run.first_load, bodies)?,
            diagnosis: sized(&run.diagnosis, bodies)?,
            first_control_ms: median(&run.first_control_ms)
                .ok_or("no time to the first control was measured")?,
            p3_ms: median(&run.p3_ms).ok_or("no click was timed")?,
            p3_instant_ms: median(&run.p3_instant_ms).ok_or("no instant click was timed")?,
        })
    }

    pub fn first_load_gzip(&self) -> u64 {
        self.first_load.iter().map(|file| file.gzip).sum()
    }

    pub fn diagnosis_gzip(&self) -> u64 {
        self.diagnosis.iter().map(|file| file.gzip).sum()
    }
}

fn sized(transfers: &[Transfer], bodies: &Path) -> Result<Vec<Sized>, String> {
    transfers
        .iter()
        .map(|transfer| {
            let bytes = match &transfer.file {
                Some(file) => std::fs::read(bodies.join(file)).map_err(|error| {
                    format!("cannot read the body of {}: {error}", transfer.url)
                })?,
                None => Vec::new(),
            };
            Ok(Sized {
                url: format!("{} ({})", path_of(&transfer.url), transfer.status),
                raw: bytes.len() as u64,
                gzip: gzip_len(&bytes)?,
            })
        })
        .collect()
}

/// The path of a URL on one of the two local servers: their ports change
/// from run to run.
fn path_of(url: &str) -> &str {
    url.match_indices('/')
        .nth(2)
        .map_or(url, |(slash, _)| &url[slash..])
}

/// The median; the mean of the middle two for an even count.
pub fn median(samples: &[f64]) -> Option<f64> {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let middle = sorted.len() / 2;
    match sorted.len() {
        0 => None,
        n if n % 2 == 1 => sorted.get(middle).copied(),
        _ => Some((sorted.get(middle - 1)? + sorted.get(middle)?) / 2.0),
    }
}

/// What a figure of ours must reach.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Target {
    /// At most 1/n of the twin's figure.
    FractionOfTwin(u32),
    /// At most this many milliseconds.
    Milliseconds(f64),
}

impl Target {
    fn met(self, ours: f64, twin: f64) -> bool {
        match self {
            Target::FractionOfTwin(n) => ours * f64::from(n) <= twin,
            Target::Milliseconds(limit) => ours <= limit,
        }
    }

    fn describe(self) -> String {
        match self {
            Target::FractionOfTwin(n) => format!("≤ 1/{n} of twin"),
            Target::Milliseconds(limit) => format!("≤ {limit} ms"),
        }
    }
}

/// The targets: a third of the form builder's bytes, half its time to the
/// first control, and an answer shown within one frame.
pub const BYTES_TARGET: Target = Target::FractionOfTwin(3);
pub const FIRST_CONTROL_TARGET: Target = Target::FractionOfTwin(2);
pub const P3_TARGET: Target = Target::Milliseconds(16.0);

/// How the bench clicks: answers per page, and how long the button is held.
#[derive(Debug, Clone, Copy)]
pub struct Clicks {
    pub count: usize,
    pub press_ms: u32,
}

/// The comparison table; a row without a target is shown for reference.
pub fn table(ours: &Figures, twin: &Figures, runs: usize, clicks: Clicks) -> String {
    let Clicks { count, press_ms } = clicks;
    let rows = [
        (
            "first load, gzip B".to_owned(),
            ours.first_load_gzip() as f64,
            twin.first_load_gzip() as f64,
            Some(BYTES_TARGET),
            Unit::Bytes,
        ),
        (
            "whole diagnosis, gzip B".to_owned(),
            ours.diagnosis_gzip() as f64,
            twin.diagnosis_gzip() as f64,
            Some(BYTES_TARGET),
            Unit::Bytes,
        ),
        (
            format!("first control, 4× CPU, median of {runs}, ms"),
            ours.first_control_ms,
            twin.first_control_ms,
            Some(FIRST_CONTROL_TARGET),
            Unit::Milliseconds,
        ),
        (
            format!("P3 answer → progress, 4× CPU, held {press_ms} ms, median of {count}, ms"),
            ours.p3_ms,
            twin.p3_ms,
            Some(P3_TARGET),
            Unit::Milliseconds,
        ),
        (
            format!("  the same, released at once, median of {count}, ms"),
            ours.p3_instant_ms,
            twin.p3_instant_ms,
            None,
            Unit::Milliseconds,
        ),
    ];
    let width = rows
        .iter()
        .map(|(name, ..)| name.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = format!(
        "{:<width$}  {:>10}  {:>10}  {:>9}  {:<15}  {}\n",
        "", "ours", "twin", "ours/twin", "target", "verdict"
    );
    for (name, ours, twin, target, unit) in rows {
        let ratio = if twin > 0.0 { ours / twin } else { f64::NAN };
        let verdict = match target {
            Some(target) if target.met(ours, twin) => "met",
            Some(_) => "missed",
            None => "(for reference)",
        };
        out.push_str(&format!(
            "{name:<width$}  {:>10}  {:>10}  {ratio:>9.2}  {:<15}  {verdict}\n",
            unit.show(ours),
            unit.show(twin),
            target.map_or_else(|| "—".to_owned(), Target::describe),
        ));
    }
    out
}

/// How a row's figures read.
#[derive(Debug, Clone, Copy)]
enum Unit {
    /// Grouped by thousands.
    Bytes,
    /// With one decimal.
    Milliseconds,
}

impl Unit {
    fn show(self, value: f64) -> String {
        match self {
            Unit::Bytes => group(value as u64),
            Unit::Milliseconds => format!("{value:.1}"),
        }
    }
}

/// Responses with their sizes, under a heading.
pub fn transfers(name: &str, files: &[Sized]) -> String {
    let width = files
        .iter()
        .map(|file| file.url.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = format!("{name}:\n");
    for file in files {
        out.push_str(&format!(
            "  {:<width$}  {:>10} B  {:>10} B gzip\n",
            file.url,
            group(file.raw),
            group(file.gzip)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_of_odd_and_even_counts() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[3.0]), Some(3.0));
        assert_eq!(median(&[9.0, 1.0, 5.0]), Some(5.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 10.0]), Some(3.5));
    }

    #[test]
    fn paths_drop_the_local_origin() {
        assert_eq!(path_of("http://127.0.0.1:4000/"), "/");
        assert_eq!(path_of("http://127.0.0.1:4000/pkg/a.wasm"), "/pkg/a.wasm");
        assert_eq!(path_of("data:,"), "data:,");
    }

    #[test]
    fn targets_compare_with_the_twin_or_a_limit() {
        assert!(BYTES_TARGET.met(100.0, 300.0));
        assert!(!BYTES_TARGET.met(101.0, 300.0));
        assert!(FIRST_CONTROL_TARGET.met(50.0, 100.0));
        assert!(!FIRST_CONTROL_TARGET.met(51.0, 100.0));
        assert!(P3_TARGET.met(16.0, 1.0));
        assert!(!P3_TARGET.met(16.1, 1.0));
    }

    #[test]
    fn table_shows_ratio_target_and_verdict() {
        let clicks = Clicks {
            count: 9,
            press_ms: 80,
        };
        let page = |gzip: u64, control: f64, p3: f64| Figures {
            first_load: vec![Sized {
                url: "a".to_owned(),
                raw: gzip * 3,
                gzip,
            }],
            diagnosis: vec![Sized {
                url: "b".to_owned(),
                raw: gzip * 6,
                gzip: gzip * 2,
            }],
            first_control_ms: control,
            p3_ms: p3,
            p3_instant_ms: p3 * 2.0,
        };
        let fast = table(
            &page(100_000, 400.0, 12.0),
            &page(400_000, 1000.0, 30.0),
            7,
            clicks,
        );
        let lines: Vec<&str> = fast.lines().collect();
        assert_eq!(lines.len(), 6, "{fast}");
        assert!(
            lines[1].contains("100,000") && lines[1].contains("400,000"),
            "{fast}"
        );
        assert!(
            lines[1].contains("0.25") && lines[1].ends_with("met"),
            "{fast}"
        );
        assert!(
            lines[2].contains("200,000") && lines[2].contains("800,000"),
            "{fast}"
        );
        assert!(
            lines[3].contains("400.0") && lines[3].contains("0.40"),
            "{fast}"
        );
        assert!(lines[3].ends_with("met"), "{fast}");
        assert!(
            lines[4].contains("held 80 ms")
                && lines[4].contains("12.0")
                && lines[4].ends_with("met"),
            "{fast}"
        );
        assert!(
            lines[5].contains("24.0") && lines[5].ends_with("(for reference)"),
            "{fast}"
        );
        let slow = table(
            &page(200_000, 600.0, 20.0),
            &page(400_000, 1000.0, 30.0),
            7,
            clicks,
        );
        let with_targets: Vec<&str> = slow.lines().skip(1).take(4).collect();
        assert!(
            with_targets.iter().all(|line| line.ends_with("missed")),
            "{slow}"
        );
    }
}
