//! `shindan validate FILE…`: check banks, catalogues and reference data,
//! reporting every problem of every file once.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use shindan_engine::{Catalogue, DocumentKind, SourceFile};

use crate::files;
use crate::report::Reporter;
use crate::{Failure, Format};

/// What `shindan validate --help` explains beyond the options.
pub const LONG_ABOUT: &str = "\
Checks each bank, catalogue and reference file. A bank is checked against
--catalogue, or the catalogue.yaml beside it; a catalogue's problems are shown
once, however many banks use it. An answers file is skipped with a note: it
does not name its bank (check it with `shindan score`). Problems go to stderr
like a compiler's (or to stdout as a JSON array with --format json). Exit 1
when any file has errors (or warnings, with --deny-warnings).";

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Banks, catalogues and reference files to check.
    #[arg(value_name = "FILE", required = true)]
    paths: Vec<PathBuf>,
    /// The catalogue to check banks against (default: catalogue.yaml beside each bank).
    #[arg(long, value_name = "FILE")]
    catalogue: Option<PathBuf>,
    /// How problems are printed.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    deny_warnings: bool,
}

pub fn run(args: Args) -> Result<(), Failure> {
    let Args {
        paths,
        catalogue,
        format,
        deny_warnings,
    } = args;
    let mut reporter = Reporter::new(format);
    let mut catalogues = Catalogues::default();
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
                if let Some(catalogue) = catalogues.listed(path, &file, &mut reporter) {
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
            DocumentKind::Answers => eprintln!(
                "{0}: skipped: an answers file (`answers:` and no `kind:`) does not name its bank; check it with `shindan score --bank BANK --answers {0}`",
                path.display()
            ),
            DocumentKind::Bank => {
                let catalogue_path = files::catalogue_path(path, catalogue.as_deref());
                // The catalogue's own problems are reported once, the first
                // time it is needed or listed; here they only stop the
                // bank's cross-checks.
                let Some(catalogue) = catalogues.for_bank(&catalogue_path, &mut reporter)? else {
                    eprintln!(
                        "{}: not checked: its catalogue {} has errors (shown above)",
                        path.display(),
                        catalogue_path.display()
                    );
                    continue;
                };
                let checked = shindan_engine::load_bank(&file, catalogue);
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

/// Every catalogue loaded in one run, by file, with its problems reported
/// only the first time: a catalogue listed for validation and found beside
/// three banks is one file with one set of errors, not four.
#[derive(Default)]
struct Catalogues {
    loaded: BTreeMap<PathBuf, Option<Catalogue>>,
}

impl Catalogues {
    /// The same file under whatever name it was given.
    fn key(path: &Path) -> PathBuf {
        std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
    }

    /// A catalogue listed for validation, already read.
    fn listed(
        &mut self,
        path: &Path,
        file: &SourceFile,
        reporter: &mut Reporter,
    ) -> Option<&Catalogue> {
        self.loaded
            .entry(Self::key(path))
            .or_insert_with(|| {
                let checked = shindan_engine::load_catalogue(file);
                reporter.report(file, &checked.diagnostics);
                checked.value
            })
            .as_ref()
    }

    /// The catalogue a bank is checked against.
    fn for_bank(
        &mut self,
        path: &Path,
        reporter: &mut Reporter,
    ) -> Result<Option<&Catalogue>, Failure> {
        let key = Self::key(path);
        if !self.loaded.contains_key(&key) {
            let catalogue = files::load_catalogue(path, reporter)?;
            self.loaded.insert(key.clone(), catalogue);
        }
        Ok(self.loaded.get(&key).and_then(Option::as_ref))
    }
}
