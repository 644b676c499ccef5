//! Reading CSV: encodings as Excel saves them, records with their line
//! numbers, a bad record reported and skipped rather than swallowing the
//! rest of the file. The parser is the `csv` crate's core (`csv-core`), fed
//! one line at a time so the reader knows where every record starts and can
//! start again after a stray quote.

use std::collections::VecDeque;
use std::fmt;
use std::io::{BufRead, Read};

/// Bytes one record may hold; a longer one is reported, not kept.
pub const MAX_RECORD_BYTES: usize = 1 << 20;

/// How a file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (what this project writes).
    Utf8Bom,
    /// UTF-16 little-endian, by its byte-order mark ("Unicode text" in Excel).
    Utf16Le,
    /// UTF-16 big-endian, by its byte-order mark.
    Utf16Be,
    /// Shift_JIS as Windows extends it: what Japanese Excel saves as "CSV".
    Cp932,
}

impl TextEncoding {
    /// The name users know it by.
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 (BOM)",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Cp932 => "CP932 (Shift_JIS)",
        }
    }

    pub(crate) fn encoding(self) -> &'static encoding_rs::Encoding {
        match self {
            TextEncoding::Utf8 | TextEncoding::Utf8Bom => encoding_rs::UTF_8,
            TextEncoding::Utf16Le => encoding_rs::UTF_16LE,
            TextEncoding::Utf16Be => encoding_rs::UTF_16BE,
            // encoding_rs's Shift_JIS is the WHATWG one, which is CP932.
            TextEncoding::Cp932 => encoding_rs::SHIFT_JIS,
        }
    }
}

/// Finds a file's encoding from its bytes, fed in chunks so a large file
/// need not be held: the byte-order mark if any, else UTF-8 when every byte
/// is valid UTF-8, else CP932.
#[derive(Debug, Default)]
pub struct EncodingSniffer {
    head: Vec<u8>,
    carry: Vec<u8>,
    invalid: bool,
}

impl EncodingSniffer {
    /// A sniffer that has seen nothing.
    pub fn new() -> EncodingSniffer {
        EncodingSniffer::default()
    }

    /// Sees the next chunk of the file.
    pub fn feed(&mut self, chunk: &[u8]) {
        if self.head.len() < 3 {
            let take = chunk.len().min(3 - self.head.len());
            self.head.extend_from_slice(&chunk[..take]);
        }
        if self.invalid {
            return;
        }
        let mut bytes = std::mem::take(&mut self.carry);
        bytes.extend_from_slice(chunk);
        match std::str::from_utf8(&bytes) {
            Ok(_) => {}
            // Cut inside a character: keep its start for the next chunk.
            Err(error) if error.error_len().is_none() => {
                self.carry = bytes[error.valid_up_to()..].to_vec();
            }
            Err(_) => self.invalid = true,
        }
    }

    /// The encoding, once the whole file has been seen.
    pub fn finish(self) -> TextEncoding {
        self.judge(true)
    }

    /// The encoding judged from the start of a file only (a stream that is
    /// decoded as it arrives): a character cut at the end of what was seen
    /// counts as valid.
    pub fn guess(&self) -> TextEncoding {
        self.judge(false)
    }

    fn judge(&self, whole: bool) -> TextEncoding {
        match self.head.as_slice() {
            [0xEF, 0xBB, 0xBF, ..] => TextEncoding::Utf8Bom,
            [0xFF, 0xFE, ..] => TextEncoding::Utf16Le,
            [0xFE, 0xFF, ..] => TextEncoding::Utf16Be,
            _ if self.invalid || (whole && !self.carry.is_empty()) => TextEncoding::Cp932,
            _ => TextEncoding::Utf8,
        }
    }
}

/// The encoding of a whole file's bytes.
pub fn detect_encoding(bytes: &[u8]) -> TextEncoding {
    let mut sniffer = EncodingSniffer::new();
    sniffer.feed(bytes);
    sniffer.finish()
}

/// `input` read as `encoding`, as UTF-8 without a byte-order mark.
pub fn utf8_reader<R: Read>(input: R, encoding: TextEncoding) -> impl Read {
    encoding_rs_io::DecodeReaderBytesBuilder::new()
        .encoding(Some(encoding.encoding()))
        .strip_bom(true)
        .build(input)
}

/// A whole file's bytes as text, and the encoding they were read as.
pub fn decode(bytes: &[u8]) -> (String, TextEncoding) {
    let encoding = detect_encoding(bytes);
    let (text, _, _) = encoding.encoding().decode(bytes);
    (text.trim_start_matches('\u{feff}').to_owned(), encoding)
}

/// One record and the line it starts on. Its fields, unquoted, are held
/// as one string and where each ends: a survey of 550,000 rows of 70
/// fields is not 38 million small strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// 1-based line of the record's first character.
    pub line: u64,
    text: String,
    ends: Vec<usize>,
}

impl Record {
    /// The fields as `&str`s.
    pub fn fields(&self) -> Vec<&str> {
        let mut from = 0;
        self.ends
            .iter()
            .map(|&end| {
                let field = self.text.get(from..end).unwrap_or_default();
                from = end;
                field
            })
            .collect()
    }

    /// The fields as owned strings.
    pub fn into_fields(self) -> Vec<String> {
        self.fields().into_iter().map(str::to_owned).collect()
    }
}

/// Why a record could not be read.
#[derive(Debug)]
pub enum RecordError {
    /// A quote opens a field and nothing closes it before the file ends.
    Unclosed,
    /// A quote opens a field that runs over several lines and then ends
    /// badly (text right after the closing quote, or the wrong number of
    /// fields): most likely a stray quote.
    StrayQuote {
        /// The line where the quoted field would end.
        last_line: u64,
    },
    /// The record is longer than [`MAX_RECORD_BYTES`].
    TooLong,
    /// The bytes are not text in the file's encoding.
    NotText,
    /// The file could not be read on.
    Io(std::io::Error),
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::Unclosed => {
                f.write_str("a quoted field is not closed (a `\"` without its pair)")
            }
            RecordError::StrayQuote { last_line } => write!(
                f,
                "a quoted field runs over several lines, to line {last_line}, and does not end cleanly (a `\"` without its pair?)"
            ),
            RecordError::TooLong => write!(
                f,
                "the record is longer than {} MiB",
                MAX_RECORD_BYTES >> 20
            ),
            RecordError::NotText => f.write_str("the record is not valid text"),
            RecordError::Io(error) => write!(f, "cannot read on: {error}"),
        }
    }
}

impl std::error::Error for RecordError {}

/// A record that could not be read, at its first line.
#[derive(Debug)]
pub struct BadRecord {
    /// 1-based line where the record starts.
    pub line: u64,
    /// What is wrong.
    pub error: RecordError,
}

impl fmt::Display for BadRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.line, self.error)
    }
}

impl std::error::Error for BadRecord {}

/// A physical line (with its `\n`), or the start of one that was too long.
#[derive(Debug)]
struct Line {
    number: u64,
    bytes: Vec<u8>,
    too_long: bool,
}

/// Where feeding a line left the record.
enum Fed {
    /// The record ended; these bytes of the line were not part of it.
    Complete(Vec<u8>),
    /// The record goes on in the next line (inside quotes).
    Open,
}

/// The records of UTF-8 text (see [`utf8_reader`]), in order, each with its
/// line. Memory is bounded by two [`MAX_RECORD_BYTES`] whatever the input.
///
/// A record that opens a quote is continued on the next lines; when it then
/// fails (never closed, too long, or the wrong number of fields), only its
/// first line is reported and reading starts again on the line after it.
pub struct Records<R> {
    input: R,
    line: u64,
    replay: VecDeque<Line>,
    parser: csv_core::Reader,
    expected: Option<usize>,
    output: Vec<u8>,
    ends: Vec<usize>,
    stopped: bool,
}

impl<R: BufRead> Records<R> {
    /// Records of `input`.
    pub fn new(input: R) -> Records<R> {
        Records {
            input,
            line: 0,
            replay: VecDeque::new(),
            parser: fresh_parser(),
            expected: None,
            output: vec![0; 1024],
            ends: vec![0; 64],
            stopped: false,
        }
    }

    /// Tells the reader how many fields a record has (the header's count),
    /// so that a quote running over lines into the wrong count is caught as
    /// one bad record.
    pub fn expect_fields(&mut self, fields: usize) {
        self.expected = Some(fields);
    }

    fn next_line(&mut self) -> Result<Option<Line>, std::io::Error> {
        if let Some(line) = self.replay.pop_front() {
            return Ok(Some(line));
        }
        let mut bytes = Vec::new();
        let mut too_long = false;
        let mut any = false;
        loop {
            let buffer = match self.input.fill_buf() {
                Ok(buffer) => buffer,
                Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(error),
            };
            if buffer.is_empty() {
                break;
            }
            any = true;
            let (length, found) = match buffer.iter().position(|&byte| byte == b'\n') {
                Some(at) => (at + 1, true),
                None => (buffer.len(), false),
            };
            if !too_long {
                if bytes.len() + length > MAX_RECORD_BYTES {
                    too_long = true;
                    bytes = Vec::new();
                } else {
                    bytes.extend_from_slice(&buffer[..length]);
                }
            }
            self.input.consume(length);
            if found {
                break;
            }
        }
        if !any {
            return Ok(None);
        }
        self.line += 1;
        if self.line == 1 && bytes.starts_with(b"\xEF\xBB\xBF") {
            bytes.drain(..3);
        }
        Ok(Some(Line {
            number: self.line,
            bytes,
            too_long,
        }))
    }

    /// Feeds one line to the parser; `out` and `ends` grow as needed.
    fn feed(&mut self, line: &[u8], used: &mut (usize, usize)) -> Fed {
        let terminated;
        let mut input = if line.ends_with(b"\n") {
            line
        } else {
            // The last line of a file without a final line break.
            terminated = [line, b"\n"].concat();
            &terminated[..]
        };
        loop {
            let (result, read, written, ended) = self.parser.read_record(
                input,
                &mut self.output[used.0..],
                &mut self.ends[used.1..],
            );
            input = &input[read..];
            used.0 += written;
            used.1 += ended;
            match result {
                csv_core::ReadRecordResult::OutputFull => {
                    let length = self.output.len() * 2;
                    self.output.resize(length, 0);
                }
                csv_core::ReadRecordResult::OutputEndsFull => {
                    let length = self.ends.len() * 2;
                    self.ends.resize(length, 0);
                }
                csv_core::ReadRecordResult::Record => return Fed::Complete(input.to_vec()),
                csv_core::ReadRecordResult::InputEmpty | csv_core::ReadRecordResult::End => {
                    if input.is_empty() {
                        return Fed::Open;
                    }
                }
            }
        }
    }

    /// Gives back the lines after a failed record's first, to be read again.
    fn fail(&mut self, line: u64, error: RecordError, taken: Vec<Line>) -> BadRecord {
        for line in taken.into_iter().rev() {
            self.replay.push_front(line);
        }
        BadRecord { line, error }
    }

    fn read(&mut self) -> Option<Result<Record, BadRecord>> {
        if self.stopped {
            return None;
        }
        loop {
            let first = match self.next_line() {
                Ok(Some(line)) => line,
                Ok(None) => return None,
                Err(error) => {
                    self.stopped = true;
                    let line = self.line + 1;
                    return Some(Err(BadRecord {
                        line,
                        error: RecordError::Io(error),
                    }));
                }
            };
            if first.too_long {
                return Some(Err(BadRecord {
                    line: first.number,
                    error: RecordError::TooLong,
                }));
            }
            if first.bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let start = first.number;
            restart(&mut self.parser);
            let mut used = (0, 0);
            let mut total = first.bytes.len();
            let mut taken: Vec<Line> = Vec::new();
            let mut fed = self.feed(&first.bytes, &mut used);
            let leftover = loop {
                match fed {
                    Fed::Complete(leftover) => break leftover,
                    Fed::Open => match self.next_line() {
                        Ok(Some(line))
                            if !line.too_long && total + line.bytes.len() <= MAX_RECORD_BYTES =>
                        {
                            total += line.bytes.len();
                            fed = self.feed(&line.bytes, &mut used);
                            taken.push(line);
                        }
                        Ok(Some(line)) => {
                            taken.push(line);
                            return Some(Err(self.fail(start, RecordError::TooLong, taken)));
                        }
                        Ok(None) => {
                            return Some(Err(self.fail(start, RecordError::Unclosed, taken)));
                        }
                        Err(error) => {
                            self.stopped = true;
                            return Some(Err(BadRecord {
                                line: start,
                                error: RecordError::Io(error),
                            }));
                        }
                    },
                }
            };
            if !leftover.iter().all(u8::is_ascii_whitespace) {
                // A lone CR ended the record mid-line: the rest is the next one.
                let number = taken.last().map_or(start, |line| line.number);
                self.replay.push_front(Line {
                    number,
                    bytes: leftover,
                    too_long: false,
                });
            }
            let (written, ended) = used;
            // Fields split at ASCII separators only, so the record is text
            // exactly when each of its fields is.
            let text = match std::str::from_utf8(&self.output[..written]) {
                Ok(text) => text.to_owned(),
                Err(_) => {
                    return Some(Err(BadRecord {
                        line: start,
                        error: RecordError::NotText,
                    }));
                }
            };
            let ends: Vec<usize> = self.ends[..ended]
                .iter()
                .map(|&end| end.min(written))
                .collect();
            if let Some(last) = taken.last()
                && (self.expected.is_some_and(|expected| ends.len() != expected)
                    || !closes_cleanly(&first.bytes, &taken))
            {
                let error = RecordError::StrayQuote {
                    last_line: last.number,
                };
                return Some(Err(self.fail(start, error, taken)));
            }
            return Some(Ok(Record {
                line: start,
                text,
                ends,
            }));
        }
    }
}

/// Whether every quoted field of a record that spans `first` and `rest`
/// is followed by a separator or the end of the line, as RFC 4180 wants.
/// csv-core forgives `"a"b`; across lines that is the mark of a stray quote
/// that a later quote happened to close.
fn closes_cleanly(first: &[u8], rest: &[Line]) -> bool {
    let bytes = std::iter::once(first)
        .chain(rest.iter().map(|line| line.bytes.as_slice()))
        .flatten()
        .copied();
    let (mut quoted, mut field_start, mut closed) = (false, true, false);
    let mut bytes = bytes.peekable();
    while let Some(byte) = bytes.next() {
        if quoted {
            if byte == b'"' {
                if bytes.peek() == Some(&b'"') {
                    bytes.next();
                } else {
                    (quoted, closed) = (false, true);
                }
            }
        } else if closed {
            if !matches!(byte, b',' | b'\r' | b'\n') {
                return false;
            }
            (closed, field_start) = (false, true);
        } else if field_start && byte == b'"' {
            (quoted, field_start) = (true, false);
        } else {
            field_start = matches!(byte, b',' | b'\r' | b'\n');
        }
    }
    true
}

/// A parser at the start of a record. csv-core drops a byte-order mark at
/// the start of its input; the reader does that itself for the file's first
/// line, so the parser is primed with a blank line to keep a record that
/// starts with U+FEFF whole.
fn fresh_parser() -> csv_core::Reader {
    let mut parser = csv_core::Reader::new();
    let _ = parser.read_record(b"\n", &mut [0; 8], &mut [0; 8]);
    parser
}

/// [`fresh_parser`] again, keeping the parser's transition table: building
/// one per record (`Reader::new`) took three quarters of the time of
/// reading a 550,000-row scored CSV.
fn restart(parser: &mut csv_core::Reader) {
    parser.reset();
    let _ = parser.read_record(b"\n", &mut [0; 8], &mut [0; 8]);
}

impl<R: BufRead> Iterator for Records<R> {
    type Item = Result<Record, BadRecord>;

    fn next(&mut self) -> Option<Self::Item> {
        self.read()
    }
}

#[cfg(test)]
mod tests;
