//! `shindan sample`: a synthetic survey CSV for demos, tests and benchmarks.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use lexopt::prelude::*;
use shindan_engine::{Sampler, table};

use crate::report::Reporter;
use crate::{Failure, Format, files, unexpected};

const HELP: &str = "\
usage: shindan sample --bank FILE --rows N [--seed S] [--catalogue FILE]

Writes a survey CSV to stdout: a header (respondent, industry,
regular_employees, capital_yen, prefecture, then every question and gate
id) and N rows of valid, made-up answers. The same seed gives the same rows.";

pub fn run(mut parser: lexopt::Parser) -> Result<(), Failure> {
    let mut bank_path = None;
    let mut catalogue = None;
    let mut rows = None;
    let mut seed = 1u64;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("bank") => bank_path = Some(PathBuf::from(parser.value()?)),
            Long("catalogue") => catalogue = Some(PathBuf::from(parser.value()?)),
            Long("rows") => rows = Some(parser.value()?.parse::<u64>()?),
            Long("seed") => seed = parser.value()?.parse::<u64>()?,
            Long("help") | Short('h') => {
                println!("{HELP}");
                return Ok(());
            }
            other => return Err(unexpected(other)),
        }
    }
    let bank_path = bank_path.ok_or_else(|| Failure::Usage("--bank is required".to_owned()))?;
    let rows = rows.ok_or_else(|| Failure::Usage("--rows is required".to_owned()))?;
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
