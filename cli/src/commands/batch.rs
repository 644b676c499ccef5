//! `shindan score --responses FILE.csv`: a survey scored one company per
//! row, streaming — memory does not grow with the number of rows. A bad row
//! is reported with its line number and skipped.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::Path;

use shindan_engine::{
    Bank, ResultDoc, SurveyColumns, is_open_record, score, scored_header, scored_row, split_record,
};

use crate::Failure;

/// What a batch writes per row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchFormat {
    /// One CSV row of scores per company.
    Csv,
    /// One result JSON (schema 1) per line.
    Jsonl,
}

/// Scores every row of `path`; returns how many rows were bad.
pub fn run(
    bank: &Bank,
    path: &Path,
    format: BatchFormat,
    date: &str,
    strict: bool,
) -> Result<(), Failure> {
    let file = File::open(path)
        .map_err(|error| Failure::Unreadable(format!("cannot read {}: {error}", path.display())))?;
    let mut lines = BufReader::with_capacity(1 << 16, file);
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let write_error = |error: std::io::Error| Failure::Unreadable(format!("cannot write: {error}"));
    let name = path.display().to_string();

    let mut record = String::new();
    let mut line_number = 0u64;
    // Reads one record, which may span lines inside quotes; returns the
    // line it starts on.
    let mut next_record = |record: &mut String| -> Result<Option<u64>, Failure> {
        record.clear();
        let start = line_number + 1;
        loop {
            let read = lines.read_line(record).map_err(|error| {
                Failure::Unreadable(format!("{name}:{}: cannot read: {error}", line_number + 1))
            })?;
            if read == 0 {
                return Ok((!record.is_empty()).then_some(start));
            }
            line_number += 1;
            if !is_open_record(record) {
                return Ok(Some(start));
            }
        }
    };

    let Some(_) = next_record(&mut record)? else {
        eprintln!(
            "{}: error: the file is empty; the first line must be the header",
            path.display()
        );
        return Err(Failure::Input);
    };
    let header = split_record(record.trim_start_matches('\u{feff}')).map_err(|problem| {
        eprintln!("{}:1: error: {problem}", path.display());
        Failure::Input
    })?;
    let header: Vec<&str> = header.iter().map(|field| field.as_ref()).collect();
    let columns = SurveyColumns::new(bank, &header).map_err(|problem| {
        eprintln!("{}:1: error: {problem}", path.display());
        Failure::Input
    })?;
    if format == BatchFormat::Csv {
        writeln!(out, "{}", scored_header(bank)).map_err(write_error)?;
    }
    let (mut good, mut bad) = (0u64, 0u64);
    while let Some(line) = next_record(&mut record)? {
        if record.trim().is_empty() {
            continue;
        }
        let row = split_record(&record).and_then(|fields| {
            let fields: Vec<&str> = fields.iter().map(|field| field.as_ref()).collect();
            columns.read(bank, &fields)
        });
        let row = match row {
            Ok(row) => row,
            Err(problem) => {
                bad += 1;
                eprintln!("{}:{line}: error: {problem}; row skipped", path.display());
                continue;
            }
        };
        let scores = score(bank, &row.answers, row.profile.as_ref());
        match format {
            BatchFormat::Csv => writeln!(out, "{}", scored_row(bank, &row, &scores)),
            BatchFormat::Jsonl => {
                let result = ResultDoc::new(
                    bank,
                    &row.answers,
                    &scores,
                    row.profile.clone(),
                    date,
                    row.respondent.clone(),
                );
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string(&result).unwrap_or_default()
                )
            }
        }
        .map_err(write_error)?;
        good += 1;
    }
    out.flush().map_err(write_error)?;
    eprintln!("{}: {good} rows scored, {bad} skipped", path.display());
    if strict && bad > 0 {
        return Err(Failure::Input);
    }
    Ok(())
}
