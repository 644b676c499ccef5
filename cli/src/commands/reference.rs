//! `shindan reference build`: peer reference data from many results.

use std::path::PathBuf;

use lexopt::prelude::*;
use shindan_engine::{Bank, CatalogueKey, ReferenceBuilder, ResultDoc, echo};

use crate::report::Reporter;
use crate::{Failure, Format, date, files, unexpected};

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

const HELP: &str = "\
usage: shindan reference build RESULT… --bank BANK… -o reference.yaml
                               [--min-group N] [--edition E] [--source TEXT]
                               [--synthetic]

Reads result files (JSON from the app or `shindan score --format json`) and
JSON Lines files (`*.jsonl`, one result per line, as `shindan score
--responses … --format jsonl` writes), groups them by tier and industry
group, and writes per dimension n, mean, standard deviation and
percentiles. Groups with fewer than N results (default 10) are left out.
Each result is scored again from its answers against the bank it names
(give every bank the results use, with `--bank`; the catalogue is found
beside it): a result whose scores do not match its answers, or that names
a bank not given, is reported and skipped, as is a broken file or line.";

pub fn run(mut parser: lexopt::Parser) -> Result<(), Failure> {
    match parser.next()? {
        Some(Value(sub)) if sub == "build" => {}
        Some(Long("help") | Short('h')) => {
            println!("{HELP}");
            return Ok(());
        }
        _ => return Err(Failure::Usage("use `shindan reference build …`".to_owned())),
    }
    let mut inputs = Vec::new();
    let mut output = None;
    let mut min_group = 10usize;
    let mut edition = None;
    let mut source = "Shindan results".to_owned();
    let mut synthetic = false;
    let mut bank_paths = Vec::new();
    while let Some(arg) = parser.next()? {
        match arg {
            Value(path) => inputs.push(PathBuf::from(path)),
            Long("bank") => bank_paths.push(PathBuf::from(parser.value()?)),
            Short('o') | Long("output") => output = Some(PathBuf::from(parser.value()?)),
            Long("min-group") => min_group = parser.value()?.parse()?,
            Long("edition") => edition = Some(parser.value()?.string()?),
            Long("source") => source = parser.value()?.string()?,
            Long("synthetic") => synthetic = true,
            Long("help") | Short('h') => {
                println!("{HELP}");
                return Ok(());
            }
            other => return Err(unexpected(other)),
        }
    }
    let output = output.ok_or_else(|| Failure::Usage("give -o reference.yaml".to_owned()))?;
    if inputs.is_empty() {
        return Err(Failure::Usage("give at least one result file".to_owned()));
    }
    if bank_paths.is_empty() {
        return Err(Failure::Usage(
            "give --bank for each bank the results use (their scores are checked)".to_owned(),
        ));
    }
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
