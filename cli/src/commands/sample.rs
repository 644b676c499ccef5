//! `shindan sample`: a synthetic survey CSV for demos, tests and benchmarks.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use shindan_engine::{Sampler, table};

use crate::report::Reporter;
use crate::{Failure, Format, files};

/// What `shindan sample --help` explains beyond the options.
pub const LONG_ABOUT: &str = "\
Writes a survey CSV to stdout: a header (respondent, industry,
regular_employees, capital_yen, prefecture, then every question and gate
id) and N rows of valid, made-up answers. The same seed gives the same rows.";

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The question bank whose questions the rows answer.
    #[arg(long, value_name = "FILE")]
    bank: PathBuf,
    /// How many companies.
    #[arg(long, value_name = "N")]
    rows: u64,
    /// The seed of the made-up answers.
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
    /// The catalogue (default: catalogue.yaml beside the bank).
    #[arg(long, value_name = "FILE")]
    catalogue: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<(), Failure> {
    let Args {
        bank: bank_path,
        rows,
        seed,
        catalogue,
    } = args;
    let mut reporter = Reporter::new(Format::Text);
    let bank = files::load_bank_with_catalogue(&bank_path, catalogue.as_deref(), &mut reporter)?;
    let mut sampler = Sampler::new(&bank, seed);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut text = String::from(table::BOM);
    table::write_row(&mut text, sampler.header());
    let written = out
        .write_all(text.as_bytes())
        .and_then(|()| {
            (1..=rows).try_for_each(|index| {
                text.clear();
                table::write_row(&mut text, sampler.row(index));
                out.write_all(text.as_bytes())
            })
        })
        .and_then(|()| out.flush());
    match written {
        Ok(()) => Ok(()),
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(Failure::Unreadable(format!("cannot write: {error}"))),
    }
}
