//! `shindan validate FILE…`: check banks and catalogues, reporting every
//! problem of every file.

use std::path::PathBuf;

use lexopt::prelude::*;
use shindan_engine::DocumentKind;

use crate::files;
use crate::report::Reporter;
use crate::{Failure, Format, unexpected};

const HELP: &str = "\
usage: shindan validate FILE… [--catalogue FILE] [--format text|json] [--deny-warnings]

Checks each bank and catalogue. A bank is checked against --catalogue, or the
catalogue.yaml beside it. Problems go to stderr like a compiler's (or to
stdout as a JSON array with --format json). Exit 1 when any file has errors
(or warnings, with --deny-warnings).";

pub fn run(mut parser: lexopt::Parser) -> Result<(), Failure> {
    let mut paths = Vec::new();
    let mut catalogue = None;
    let mut format = Format::Text;
    let mut deny_warnings = false;
    while let Some(arg) = parser.next()? {
        match arg {
            Value(path) => paths.push(PathBuf::from(path)),
            Long("catalogue") => catalogue = Some(PathBuf::from(parser.value()?)),
            Long("format") => format = Format::parse(&parser.value()?.string()?)?,
            Long("deny-warnings") => deny_warnings = true,
            Long("help") | Short('h') => {
                crate::say!("{HELP}");
                return Ok(());
            }
            other => return Err(unexpected(other)),
        }
    }
    if paths.is_empty() {
        return Err(Failure::Usage(
            "give at least one file to validate".to_owned(),
        ));
    }

    let mut reporter = Reporter::new(format);
    let mut summaries = Vec::new();
    for path in &paths {
        let file = match files::read(path)? {
            Ok(file) => file,
            Err(undecodable) => {
                reporter.report(&undecodable.file, &[undecodable.diagnostic]);
                continue;
            }
        };
        let kind = match shindan_engine::document_kind(&file) {
            Ok(kind) => kind,
            Err(diagnostic) => {
                reporter.report(&file, &[diagnostic]);
                continue;
            }
        };
        match kind {
            DocumentKind::Catalogue => {
                let checked = shindan_engine::load_catalogue(&file);
                reporter.report(&file, &checked.diagnostics);
                if let Some(catalogue) = checked.value {
                    summaries.push(format!(
                        "{}: ok — catalogue `{}` {}: {} dimensions, {} programs, {} indicators",
                        path.display(),
                        catalogue.id,
                        catalogue.version,
                        catalogue.dimensions.len(),
                        catalogue.programs.len(),
                        catalogue.indicators.len()
                    ));
                }
            }
            DocumentKind::Reference => {
                let checked = shindan_engine::Reference::read(&file);
                reporter.report(&file, &checked.diagnostics);
                if let Some(reference) = checked.value {
                    summaries.push(format!(
                        "{}: ok — reference {} ({}{}): {} groups, {} suppressed under {}",
                        path.display(),
                        reference.edition,
                        reference.date,
                        if reference.synthetic {
                            ", synthetic"
                        } else {
                            ""
                        },
                        reference.groups.len(),
                        reference.suppressed,
                        reference.min_group
                    ));
                }
            }
            DocumentKind::Bank => {
                let catalogue_path = files::catalogue_path(path, catalogue.as_deref());
                // A broken catalogue is reported when it is validated itself;
                // here it only stops the bank's cross-checks.
                let mut quiet = Reporter::new(format);
                let Some(catalogue) = files::load_catalogue(&catalogue_path, &mut quiet)? else {
                    eprintln!(
                        "{}: error: its catalogue {} has errors; run `shindan validate {}`",
                        path.display(),
                        catalogue_path.display(),
                        catalogue_path.display()
                    );
                    reporter.errors += 1;
                    continue;
                };
                let checked = shindan_engine::load_bank(&file, &catalogue);
                reporter.report(&file, &checked.diagnostics);
                if let Some(bank) = checked.value {
                    summaries.push(format!(
                        "{}: ok — bank `{}` {} ({}): {} questions, {} gates, {} recommendations",
                        path.display(),
                        bank.id,
                        bank.version,
                        bank.tier.as_str(),
                        bank.questions.len(),
                        bank.gates.len(),
                        bank.recommendations.len()
                    ));
                }
            }
        }
    }

    let (errors, warnings) = (reporter.errors, reporter.warnings);
    match format {
        Format::Json => crate::say!("{}", crate::pretty_json(&reporter.into_json())?),
        Format::Text => {
            for summary in &summaries {
                crate::say!("{summary}");
            }
            if errors + warnings > 0 {
                eprintln!("{errors} error(s), {warnings} warning(s)");
            }
        }
    }
    if errors > 0 || (deny_warnings && warnings > 0) {
        Err(Failure::Input)
    } else {
        Ok(())
    }
}
