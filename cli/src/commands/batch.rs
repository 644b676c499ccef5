//! `shindan score --responses FILE.csv`: a survey scored one company per
//! row, streaming — memory does not grow with the number of rows. The file
//! may be UTF-8 (with or without BOM), UTF-16 or CP932 as Japanese Excel
//! saves it; a bad row is reported with its line number and skipped.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::Path;

use shindan_engine::table::read::{EncodingSniffer, Records, TextEncoding, utf8_reader};
use shindan_engine::table::{BOM, write_row};
use shindan_engine::{Bank, ResultDoc, SurveyColumns, echo, score, scored_header, scored_row};

use crate::Failure;

/// What a batch writes per row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchFormat {
    /// One CSV row of scores per company.
    Csv,
    /// One result JSON (schema 1) per line.
    Jsonl,
}

/// The file's encoding, found by reading it once (a CP932 file is told
/// from UTF-8 only by a byte that is not valid UTF-8, wherever it is).
fn sniff(path: &Path) -> Result<TextEncoding, Failure> {
    let unreadable = |error: std::io::Error| {
        Failure::Unreadable(format!("cannot read {}: {error}", path.display()))
    };
    let mut file = File::open(path).map_err(unreadable)?;
    let mut sniffer = EncodingSniffer::new();
    let mut chunk = vec![0; 1 << 16];
    loop {
        match file.read(&mut chunk) {
            Ok(0) => return Ok(sniffer.finish()),
            Ok(read) => sniffer.feed(&chunk[..read]),
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => return Err(unreadable(error)),
        }
    }
}

/// Scores every row of `path`; with `strict`, a bad row fails the run.
pub fn run(
    bank: &Bank,
    path: &Path,
    format: BatchFormat,
    date: &str,
    strict: bool,
) -> Result<(), Failure> {
    let encoding = sniff(path)?;
    let file = File::open(path)
        .map_err(|error| Failure::Unreadable(format!("cannot read {}: {error}", path.display())))?;
    let mut records = Records::new(BufReader::with_capacity(
        1 << 16,
        utf8_reader(file, encoding),
    ));
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let name = path.display();

    let header = match records.next() {
        None => {
            eprintln!("{name}: error: the file is empty; the first line must be the header");
            return Err(Failure::Input);
        }
        Some(Err(bad)) => {
            eprintln!("{name}:{}: error: {}", bad.line, bad.error);
            return Err(Failure::Input);
        }
        Some(Ok(header)) => header,
    };
    let columns = SurveyColumns::new(bank, &header.fields()).map_err(|problem| {
        eprintln!("{name}:{}: error: {problem}", header.line);
        Failure::Input
    })?;
    records.expect_fields(columns.len());
    let mut text = String::with_capacity(1024);
    if format == BatchFormat::Csv {
        text.push_str(BOM);
        write_row(&mut text, scored_header(bank));
        out.write_all(text.as_bytes())?;
    }
    let (mut good, mut bad) = (0u64, 0u64);
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(problem) => {
                if let shindan_engine::table::read::RecordError::Io(error) = problem.error {
                    return Err(Failure::Unreadable(format!(
                        "{name}:{}: cannot read: {error}",
                        problem.line
                    )));
                }
                bad += 1;
                eprintln!(
                    "{name}:{}: error: {}; row skipped",
                    problem.line, problem.error
                );
                continue;
            }
        };
        let row = match columns.read(bank, &record.fields()) {
            Ok(row) => row,
            Err(problem) => {
                bad += 1;
                eprintln!("{name}:{}: error: {problem}; row skipped", record.line);
                continue;
            }
        };
        let scores = score(bank, &row.answers, row.profile.as_ref());
        text.clear();
        match format {
            BatchFormat::Csv => write_row(&mut text, scored_row(bank, &row, &scores)),
            BatchFormat::Jsonl => {
                let result = ResultDoc::new(
                    bank,
                    &row.answers,
                    &scores,
                    row.profile.clone(),
                    date,
                    row.respondent.clone(),
                );
                let json = serde_json::to_string(&result).map_err(|error| {
                    Failure::Unreadable(format!("cannot write a result: {error}"))
                })?;
                text.push_str(&json);
                text.push('\n');
            }
        }
        out.write_all(text.as_bytes())?;
        good += 1;
    }
    out.flush()?;
    eprintln!(
        "{name}: {good} rows scored, {bad} skipped (read as {})",
        echo(encoding.name())
    );
    if strict && bad > 0 {
        return Err(Failure::Input);
    }
    Ok(())
}
