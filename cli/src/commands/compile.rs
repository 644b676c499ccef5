//! `shindan compile`: checked banks in the compiled form the browser reads,
//! one self-contained file per tier.

use std::path::{Path, PathBuf};

use shindan_engine::{Compiled, Reference};

use crate::report::Reporter;
use crate::{Failure, Format, files};

/// What `shindan compile --help` explains beyond the options.
pub const LONG_ABOUT: &str = "\
Checks each bank (and the catalogue beside it) and writes DIR/<tier>.bin:
the catalogue and the bank in the compiled form the browser app loads. A
bank with errors is reported and nothing is written for it (exit 1).
With --reference, the peer reference data goes to DIR/reference.bin.";

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The banks to compile, one current bank per tier.
    #[arg(value_name = "BANK", required = true)]
    paths: Vec<PathBuf>,
    /// Where the .bin files go.
    #[arg(long, short = 'o', value_name = "DIR")]
    out_dir: PathBuf,
    /// The catalogue (default: catalogue.yaml beside each bank).
    #[arg(long, value_name = "FILE")]
    catalogue: Option<PathBuf>,
    /// Peer reference data to compile too.
    #[arg(long, value_name = "FILE")]
    reference: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<(), Failure> {
    let Args {
        paths,
        out_dir,
        catalogue,
        reference,
    } = args;
    let mut reporter = Reporter::new(Format::Text);
    let mut written: Vec<String> = Vec::new();
    let mut failed = false;
    for path in &paths {
        let Ok(bank) = files::load_bank_with_catalogue(path, catalogue.as_deref(), &mut reporter)
        else {
            failed = true;
            continue;
        };
        let name = bank.compiled_name();
        if written.contains(&name) {
            eprintln!(
                "{}: error: a bank for tier `{}` was already compiled; the app loads one current bank per tier (older editions carry `superseded_by`)",
                path.display(),
                bank.tier.as_str()
            );
            failed = true;
            continue;
        }
        let target = out_dir.join(format!("{name}.bin"));
        written.push(name);
        let bytes =
            checked_bytes(&Compiled::new(bank.catalogue.clone(), vec![bank])).map_err(|error| {
                Failure::Unreadable(format!("cannot compile {}: {error}", path.display()))
            })?;
        write_whole(&out_dir, &target, &bytes)?;
        crate::say!("{}", target.display());
    }
    if let Some(path) = reference {
        let file = match files::read(&path)? {
            Ok(file) => file,
            Err(undecodable) => {
                reporter.report(&undecodable.file, &[undecodable.diagnostic]);
                return Err(Failure::Input);
            }
        };
        let checked = Reference::read(&file);
        reporter.report(&file, &checked.diagnostics);
        match checked.value {
            Some(reference) => {
                let target = out_dir.join("reference.bin");
                let bytes = reference.to_bytes().map_err(|error| {
                    Failure::Unreadable(format!("cannot compile {}: {error}", path.display()))
                })?;
                write_whole(&out_dir, &target, &bytes)?;
                crate::say!("{}", target.display());
            }
            None => failed = true,
        }
    }
    if failed { Err(Failure::Input) } else { Ok(()) }
}

/// The compiled bytes, once they have read back as sound and encode to
/// the very same bytes again: what the browser will read is what was checked.
fn checked_bytes(compiled: &Compiled) -> Result<Vec<u8>, String> {
    let bytes = compiled.to_bytes().map_err(|error| error.to_string())?;
    let again = Compiled::from_bytes(&bytes)
        .and_then(|back| back.to_bytes())
        .map_err(|error| error.to_string())?;
    if bytes.is_empty() || again != bytes {
        return Err("the compiled form does not read back the same".to_owned());
    }
    Ok(bytes)
}

/// Writes `bytes` to `target` whole or not at all: into a temporary file
/// beside it, then renamed, so a failed write never leaves a cut-short or
/// empty file for the site build to ship.
fn write_whole(out_dir: &Path, target: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let partial = target.with_extension("bin.partial");
    std::fs::create_dir_all(out_dir)
        .and_then(|()| std::fs::write(&partial, bytes))
        .and_then(|()| std::fs::rename(&partial, target))
        .map_err(|error| {
            let _ = std::fs::remove_file(&partial);
            Failure::Unreadable(format!("cannot write {}: {error}", target.display()))
        })
}
