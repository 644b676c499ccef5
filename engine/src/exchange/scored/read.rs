//! Reading a scored survey CSV back, as a stream: the dashboard feeds a
//! file of 550,000 rows (one per establishment in Kyushu, ~210 MB) chunk by
//! chunk, showing progress, and never holds its bytes whole. Each row's
//! tier, industry, prefecture and `<dimension>_score` columns become a
//! [`Record`], re-checked against the catalogue: a dimension it does not
//! have refuses the file, a score that is not a number from 0 to 100
//! refuses the row.
//!
//! Chunks are decoded as they come (the encoding is judged from the first
//! [`SNIFF_BYTES`], as a whole file's would be) and parsed up to the last
//! line break outside quotes, so a record cut between two chunks is parsed
//! once whole; lines keep their numbers across chunks.

use std::fmt;

use crate::analysis::aggregate::{Record, ScoreProblem, check_score};
use crate::exchange::table::check_header;
use crate::exchange::table::read::{EncodingSniffer, MAX_RECORD_BYTES, Records};
use crate::format::echo::echo;
use crate::model::bank::Catalogue;
use crate::model::profile::Prefecture;
use crate::model::tier::{Industry, Tier};

/// Bytes seen before the encoding is judged: enough for Japanese text to
/// show whether it is UTF-8 or CP932.
pub const SNIFF_BYTES: usize = 64 * 1024;

/// Text held without a line break outside quotes before it is parsed
/// anyway (an unclosed quote): the record reader then reports it and goes
/// on, as it does for a whole file.
const MAX_PENDING_BYTES: usize = 4 * MAX_RECORD_BYTES;

/// A row (or the whole file, at line 1) the dashboard cannot count.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredProblem {
    /// 1-based line.
    pub line: u64,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ScoredProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.line, self.message)
    }
}

/// What one chunk (or the end of the file) gave.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ScoredChunk {
    /// The rows read, in order.
    pub records: Vec<Record>,
    /// The rows refused, or the file (at line 1).
    pub problems: Vec<ScoredProblem>,
}

impl ScoredChunk {
    /// Adds what a later chunk gave.
    pub fn extend(&mut self, other: ScoredChunk) {
        self.records.extend(other.records);
        self.problems.extend(other.problems);
    }
}

/// A scored survey CSV read chunk by chunk: [`ScoredReader::feed`] each
/// chunk of bytes as it arrives, then [`ScoredReader::finish`].
pub struct ScoredReader<'c> {
    catalogue: &'c Catalogue,
    /// Bytes held until the encoding is judged.
    sniffed: Vec<u8>,
    decoder: Option<encoding_rs::Decoder>,
    /// Decoded text not parsed yet.
    pending: String,
    /// How far `pending` has been scanned for a cut, and whether that point
    /// is inside quotes.
    scanned: usize,
    quoted: bool,
    /// Just past the last line break outside quotes in `pending[..scanned]`.
    cut: usize,
    /// Lines already parsed.
    lines_before: u64,
    columns: Option<Columns>,
    /// The file was refused (its header); the rest is not read.
    refused: bool,
}

impl<'c> ScoredReader<'c> {
    /// A reader checking against `catalogue`.
    pub fn new(catalogue: &'c Catalogue) -> ScoredReader<'c> {
        ScoredReader {
            catalogue,
            sniffed: Vec::new(),
            decoder: None,
            pending: String::new(),
            scanned: 0,
            quoted: false,
            cut: 0,
            lines_before: 0,
            columns: None,
            refused: false,
        }
    }

    /// Reads the next chunk of the file; returns the rows it completed.
    pub fn feed(&mut self, bytes: &[u8]) -> ScoredChunk {
        if self.refused {
            return ScoredChunk::default();
        }
        match &mut self.decoder {
            Some(decoder) => decode(decoder, bytes, false, &mut self.pending),
            None => {
                self.sniffed.extend_from_slice(bytes);
                if self.sniffed.len() < SNIFF_BYTES {
                    return ScoredChunk::default();
                }
                self.start_decoding(false);
            }
        }
        self.parse_complete()
    }

    /// The rows left at the end of the file.
    pub fn finish(mut self) -> ScoredChunk {
        if self.refused {
            return ScoredChunk::default();
        }
        match &mut self.decoder {
            Some(decoder) => decode(decoder, &[], true, &mut self.pending),
            None => self.start_decoding(true),
        }
        let rest = std::mem::take(&mut self.pending);
        let mut chunk = self.parse(&rest);
        if self.columns.is_none() && !self.refused {
            chunk.problems.push(refusal("the file is empty".to_owned()));
        }
        chunk
    }

    /// Judges the encoding from the bytes held and decodes them.
    fn start_decoding(&mut self, last: bool) {
        let mut sniffer = EncodingSniffer::new();
        sniffer.feed(&self.sniffed);
        let encoding = if last {
            sniffer.finish()
        } else {
            sniffer.guess()
        };
        let mut decoder = encoding.encoding().new_decoder_with_bom_removal();
        let sniffed = std::mem::take(&mut self.sniffed);
        decode(&mut decoder, &sniffed, last, &mut self.pending);
        self.decoder = Some(decoder);
    }

    /// Parses `pending` up to its last line break outside quotes.
    fn parse_complete(&mut self) -> ScoredChunk {
        let bytes = self.pending.as_bytes();
        for (at, &byte) in bytes.iter().enumerate().skip(self.scanned) {
            match byte {
                b'"' => self.quoted = !self.quoted,
                b'\n' if !self.quoted => self.cut = at + 1,
                _ => {}
            }
        }
        self.scanned = bytes.len();
        if self.cut == 0 && self.pending.len() > MAX_PENDING_BYTES {
            // A quote left open: cut at the last line break anyway.
            self.cut = self.pending.rfind('\n').map_or(0, |at| at + 1);
        }
        if self.cut == 0 {
            return ScoredChunk::default();
        }
        let rest = self.pending.split_off(self.cut);
        let complete = std::mem::replace(&mut self.pending, rest);
        // What is left starts a record (outside quotes): scanned again
        // from there, it is short, and a forced cut needs no case of its own.
        (self.cut, self.scanned, self.quoted) = (0, 0, false);
        self.parse(&complete)
    }

    /// Parses whole records of `text`, which starts a line.
    fn parse(&mut self, text: &str) -> ScoredChunk {
        let mut chunk = ScoredChunk::default();
        if self.refused || text.is_empty() {
            return chunk;
        }
        let offset = self.lines_before;
        self.lines_before += text.bytes().filter(|&byte| byte == b'\n').count() as u64;
        let mut records = Records::new(text.as_bytes());
        let columns = match &self.columns {
            Some(columns) => columns,
            None => {
                let header = match records.next() {
                    None => return chunk,
                    Some(Err(bad)) => return self.refuse(bad.error.to_string()),
                    Some(Ok(header)) => header.into_fields(),
                };
                match Columns::new(&header, self.catalogue) {
                    Ok(columns) => self.columns.insert(columns),
                    Err(message) => return self.refuse(message),
                }
            }
        };
        records.expect_fields(columns.width);
        for record in records {
            let (line, fields) = match record {
                Ok(record) => (record.line + offset, record.into_fields()),
                Err(bad) => {
                    chunk.problems.push(ScoredProblem {
                        line: bad.line + offset,
                        message: bad.error.to_string(),
                    });
                    continue;
                }
            };
            match columns.record(&fields, self.catalogue) {
                Ok(record) => chunk.records.push(record),
                Err(message) => chunk.problems.push(ScoredProblem { line, message }),
            }
        }
        chunk
    }

    fn refuse(&mut self, message: String) -> ScoredChunk {
        self.refused = true;
        self.pending.clear();
        ScoredChunk {
            records: Vec::new(),
            problems: vec![refusal(message)],
        }
    }
}

fn refusal(message: String) -> ScoredProblem {
    ScoredProblem { line: 1, message }
}

/// Decodes `bytes` onto the end of `text`.
fn decode(decoder: &mut encoding_rs::Decoder, bytes: &[u8], last: bool, text: &mut String) {
    let room = decoder
        .max_utf8_buffer_length(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3).saturating_add(16));
    text.reserve(room);
    let _ = decoder.decode_to_string(bytes, text, last);
}

/// Where the counted columns are, from the header.
struct Columns {
    width: usize,
    tier: usize,
    industry: Option<usize>,
    prefecture: Option<usize>,
    /// Each `<dimension>_score` column and its dimension id.
    scores: Vec<(usize, String)>,
}

impl Columns {
    fn new(header: &[String], catalogue: &Catalogue) -> Result<Columns, String> {
        let names: Vec<&str> = header.iter().map(String::as_str).collect();
        check_header(&names).map_err(|problem| problem.to_string())?;
        let column = |name: &str| names.iter().position(|h| *h == name);
        let Some(tier) = column("tier") else {
            return Err(
                "no `tier` column; is this a scored survey (shindan score --responses)?".to_owned(),
            );
        };
        let mut scores = Vec::new();
        for (at, name) in names.iter().enumerate() {
            let Some(id) = name.strip_suffix("_score").filter(|id| *id != "overall") else {
                continue;
            };
            if !catalogue.dimensions.iter().any(|d| d.id == id) {
                return Err(format!(
                    "column `{}`: the catalogue has no dimension `{}`",
                    echo(name),
                    echo(id)
                ));
            }
            scores.push((at, id.to_owned()));
        }
        Ok(Columns {
            width: names.len(),
            tier,
            industry: column("industry"),
            prefecture: column("prefecture"),
            scores,
        })
    }

    /// One row as a record, or why it is refused.
    fn record(&self, fields: &[String], catalogue: &Catalogue) -> Result<Record, String> {
        if fields.len() != self.width {
            return Err(format!(
                "{} fields, the header has {}",
                fields.len(),
                self.width
            ));
        }
        let cell = |at: usize| fields.get(at).map_or("", String::as_str);
        let Some(tier) = Tier::from_id(cell(self.tier)) else {
            return Err(format!("tier `{}` is not known", echo(cell(self.tier))));
        };
        let industry = self.industry.and_then(|at| Industry::from_id(cell(at)));
        let prefecture = self.prefecture.and_then(|at| Prefecture::from_id(cell(at)));
        let mut scores = Vec::with_capacity(self.scores.len());
        for (at, id) in &self.scores {
            let text = cell(*at).trim();
            if text.is_empty() {
                continue;
            }
            let value = text.parse::<f64>().map_err(|_| ScoreProblem::NotANumber);
            match value.and_then(|score| check_score(catalogue, id, score).map(|()| score)) {
                Ok(score) => scores.push((id.clone(), score)),
                Err(problem) => return Err(format!("`{id}_score` {}: {problem}", echo(text))),
            }
        }
        Ok(Record {
            tier,
            industry,
            prefecture,
            scores,
        })
    }
}

/// Records from a whole scored survey CSV's bytes (any encoding the reader
/// knows), and the rows (or the file) refused: the stream read at once.
pub fn records_from_scored_csv(
    bytes: &[u8],
    catalogue: &Catalogue,
) -> (Vec<Record>, Vec<ScoredProblem>) {
    let mut reader = ScoredReader::new(catalogue);
    let mut chunk = reader.feed(bytes);
    chunk.extend(reader.finish());
    (chunk.records, chunk.problems)
}
