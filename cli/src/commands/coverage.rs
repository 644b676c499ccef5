//! `shindan coverage`: per tier, how many questions, how long, and which of
//! the call's indicators each question covers.

use std::path::{Path, PathBuf};

use serde_json::json;
use shindan_engine::{Bank, Lang, coverage};

use crate::report::Reporter;
use crate::{Failure, Format, files};

/// What `shindan coverage --help` explains beyond the options.
pub const LONG_ABOUT: &str = "\
Defaults to the banks in question-banks/. Exit 1 when an indicator is not
covered in a tier where the catalogue says it applies, or a bank is over its
time target (small 8, sme 12, midsize 18 minutes).";

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The banks to measure (default: question-banks/{small,sme,midsize}.yaml).
    #[arg(value_name = "BANK")]
    paths: Vec<PathBuf>,
    /// The catalogue (default: catalogue.yaml beside each bank).
    #[arg(long, value_name = "FILE")]
    catalogue: Option<PathBuf>,
    /// How the figures are printed.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub fn run(args: Args) -> Result<(), Failure> {
    let Args {
        mut paths,
        catalogue,
        format,
    } = args;
    if paths.is_empty() {
        paths = ["small", "sme", "midsize"]
            .iter()
            .map(|tier| Path::new("question-banks").join(format!("{tier}.yaml")))
            .collect();
    }
    let mut reporter = Reporter::new(Format::Text);
    let mut banks = Vec::new();
    for path in &paths {
        banks.push(files::load_bank_with_catalogue(
            path,
            catalogue.as_deref(),
            &mut reporter,
        )?);
    }
    let mut passes = true;
    let mut records = Vec::new();
    for bank in &banks {
        let measured = coverage(bank);
        passes &= measured.passes(bank);
        let uncovered = measured.uncovered(bank);
        match format {
            Format::Json => {
                let matrix: serde_json::Map<String, serde_json::Value> = measured
                    .indicators
                    .iter()
                    .map(|row| {
                        let ids: Vec<&str> =
                            row.questions.iter().map(|&q| bank[q].id.as_str()).collect();
                        (bank.catalogue[row.indicator].id.clone(), json!(ids))
                    })
                    .collect();
                records.push(json!({
                    "tier": bank.tier.as_str(),
                    "bank": bank.id,
                    "version": bank.version,
                    "questions": measured.questions,
                    "gates": measured.gates,
                    "gates_asked_at_most": measured.gates_asked,
                    "minutes": measured.minutes,
                    "target_minutes": measured.target_minutes,
                    "uncovered": uncovered,
                    "matrix": matrix,
                }));
            }
            Format::Text => crate::say_text!("{}", text(bank, &measured, &uncovered)),
        }
    }
    if format == Format::Json {
        crate::say!("{}", crate::pretty_json(&records)?);
    }
    if passes { Ok(()) } else { Err(Failure::Input) }
}

fn text(bank: &Bank, measured: &shindan_engine::Coverage, uncovered: &[&str]) -> String {
    let target = match measured.target_minutes {
        Some(minutes) => format!("target ≤ {minutes:.0}"),
        None => "no target: the catalogue sets no time_targets".to_owned(),
    };
    let mut out = format!(
        "{} ({}): {} questions + {} gates (at most {} asked of one company), about {:.1} min ({target}){}\n",
        bank.id,
        bank.tier.as_str(),
        measured.questions,
        measured.gates,
        measured.gates_asked,
        measured.minutes,
        if measured.over_time() {
            "  OVER TARGET"
        } else {
            ""
        }
    );
    for row in &measured.indicators {
        let indicator = &bank.catalogue[row.indicator];
        let mark = match (row.required, row.questions.is_empty()) {
            (true, true) => "MISSING",
            (true, false) => "ok",
            (false, _) => "n/a",
        };
        let ids: Vec<&str> = row.questions.iter().map(|&q| bank[q].id.as_str()).collect();
        out.push_str(&format!(
            "  {:<8} {} — {}\n",
            mark,
            indicator.name.get(Lang::Ja),
            ids.join(", ")
        ));
    }
    if !uncovered.is_empty() {
        out.push_str(&format!("  uncovered: {}\n", uncovered.join(", ")));
    }
    out.push('\n');
    out
}
