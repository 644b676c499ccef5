//! `shindan reference build`: peer reference data from many results.

use std::path::PathBuf;

use shindan_engine::{Bank, CatalogueKey, ReferenceBuilder, ResultDoc, echo};

use crate::report::Reporter;
use crate::{Failure, Format, date, files};

/// The dimension scores of `result`, scored again from its answers against
/// the bank it names; an error says why the result cannot be counted.
fn rescored(result: &ResultDoc, banks: &[Bank]) -> Result<Vec<(String, Option<f64>)>, String> {
    let bank = banks
        .iter()
        .find(|bank| bank.id == result.bank.id)
        .ok_or_else(|| format!("bank `{}` was not given with --bank", echo(&result.bank.id)))?;
    let rescored = result
        .rescore(bank)
        .map_err(|problem| problem.to_string())?;
    Ok(bank
        .catalogue
        .dimensions
        .iter()
        .zip(&rescored.scores.dimensions)
        .map(|(dimension, scored)| (dimension.id.clone(), scored.score))
        .collect())
}

/// What `shindan reference build --help` explains beyond the options.
const BUILD_LONG_ABOUT: &str = "\
Reads result files (JSON from the app or `shindan score --format json`) and
JSON Lines files (`*.jsonl`, one result per line, as `shindan score
--responses … --format jsonl` writes) and ZIP archives of result files
(`*.zip`: its `*.json` files), groups them by tier and industry
group, and writes per dimension n, mean, standard deviation and
percentiles. Groups with fewer than N results (default 10) are left out.
Each result is scored again from its answers against the bank it names
(give every bank the results use, with `--bank`; the catalogue is found
beside it): a result whose scores do not match its answers, or that names
a bank not given, is reported and skipped, as is a broken file or line.";

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Peer reference data (reference.yaml) from many results.
    #[command(long_about = BUILD_LONG_ABOUT)]
    Build(BuildArgs),
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// Result files: JSON, JSON Lines (`*.jsonl`), or a ZIP of results (`*.zip`).
    #[arg(value_name = "RESULT", required = true)]
    inputs: Vec<PathBuf>,
    /// Each bank the results use (their scores are checked); repeat it.
    #[arg(long = "bank", value_name = "BANK", required = true)]
    bank_paths: Vec<PathBuf>,
    /// Where the reference data is written.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: PathBuf,
    /// Groups with fewer results are left out.
    #[arg(long, value_name = "N", default_value_t = 10)]
    min_group: usize,
    /// The edition named in the file (default: this year).
    #[arg(long, value_name = "E")]
    edition: Option<String>,
    /// Where the results come from, as the file states it.
    #[arg(long, value_name = "TEXT", default_value = "Shindan results")]
    source: String,
    /// Mark the data as synthetic (the app then says サンプルデータ).
    #[arg(long)]
    synthetic: bool,
}

pub fn run(action: Action) -> Result<(), Failure> {
    let Action::Build(BuildArgs {
        inputs,
        bank_paths,
        output,
        min_group,
        edition,
        source,
        synthetic,
    }) = action;
    let mut reporter = Reporter::new(Format::Text);
    let banks = bank_paths
        .iter()
        .map(|path| files::load_bank_with_catalogue(path, None, &mut reporter))
        .collect::<Result<Vec<Bank>, Failure>>()?;
    let mut builder = ReferenceBuilder::default();
    let (mut read, mut skipped) = (0u64, 0u64);
    for path in &inputs {
        files::each_result(path, |text, place| {
            let result = match text.map(ResultDoc::from_json) {
                Ok(Ok(result)) => result,
                Ok(Err(diagnostic)) => {
                    skipped += 1;
                    eprintln!("{place}: error: {}; skipped", echo(&diagnostic.message));
                    return;
                }
                Err(why) => {
                    skipped += 1;
                    eprintln!("{place}: error: {why}; skipped");
                    return;
                }
            };
            match (&result.profile, rescored(&result, &banks)) {
                (Some(profile), Ok(scores)) => {
                    builder.add(
                        result.bank.tier,
                        profile.industry,
                        scores.iter().map(|(id, score)| (id.as_str(), *score)),
                    );
                    read += 1;
                }
                (None, _) => {
                    skipped += 1;
                    eprintln!("{place}: warning: no profile, so no industry group; skipped");
                }
                (_, Err(problem)) => {
                    skipped += 1;
                    eprintln!("{place}: error: {problem}; skipped");
                }
            }
        })?;
    }
    let today = date::today();
    let edition = edition.unwrap_or_else(|| today[..4].to_owned());
    // Every bank given is on the catalogue its results are compared by.
    let Some(catalogue) = banks.first().map(|bank| CatalogueKey::of(&bank.catalogue)) else {
        return Err(Failure::Usage(
            "give the banks the results answer with --bank".to_owned(),
        ));
    };
    if let Some(other) = banks
        .iter()
        .find(|bank| CatalogueKey::of(&bank.catalogue) != catalogue)
    {
        return Err(Failure::Usage(format!(
            "bank `{}` is on catalogue {} {}, the others on {} {}: reference data is built for one catalogue",
            other.id, other.catalogue.id, other.catalogue.version, catalogue.id, catalogue.version
        )));
    }
    let reference = builder.build(catalogue, &edition, &today, &source, synthetic, min_group);
    let yaml = reference.to_yaml().map_err(|error| {
        Failure::Unreadable(format!("cannot write {}: {error}", output.display()))
    })?;
    std::fs::write(&output, yaml).map_err(|error| {
        Failure::Unreadable(format!("cannot write {}: {error}", output.display()))
    })?;
    eprintln!(
        "{}: {} groups from {read} results ({} groups under {min_group} suppressed, {skipped} inputs skipped)",
        output.display(),
        reference.groups.len(),
        reference.suppressed
    );
    Ok(())
}
