//! The reader against hand-made files, and the writer → reader round trip
//! as a property.

use proptest::prelude::*;

use super::*;
use crate::exchange::table::{CsvText, HeaderError, check_header, looks_like_formula};

fn read_all(text: &[u8], expected: Option<usize>) -> Vec<Result<Record, (u64, String)>> {
    let mut records = Records::new(text);
    if let Some(expected) = expected {
        records.expect_fields(expected);
    }
    records
        .map(|record| record.map_err(|bad| (bad.line, bad.error.to_string())))
        .collect()
}

fn fields(record: &Result<Record, (u64, String)>) -> Vec<&str> {
    match record {
        Ok(record) => record.fields(),
        Err(bad) => panic!("bad record {bad:?}"),
    }
}

#[test]
fn quoted_fields_crlf_and_bom() {
    let text = "\u{feff}a,b\r\n\"x,\r\ny\",\"say \"\"hi\"\"\"\r\n\r\nO\"Brien,2\n";
    let records = read_all(text.as_bytes(), None);
    assert_eq!(records.len(), 3, "{records:?}");
    assert_eq!(fields(&records[0]), ["a", "b"]);
    assert_eq!(fields(&records[1]), ["x,\r\ny", "say \"hi\""]);
    assert_eq!(records[1].as_ref().map(|r| r.line).ok(), Some(2));
    // A quote inside an unquoted field is text (review C12).
    assert_eq!(fields(&records[2]), ["O\"Brien", "2"]);
    assert_eq!(records[2].as_ref().map(|r| r.line).ok(), Some(5));
}

#[test]
fn a_stray_quote_costs_one_record_not_the_rest_of_the_file() {
    // Review C10/C11: a `"` opening a field at line 2 and never closed.
    let mut text = String::from("id,n\n\"r1,1\n");
    for i in 2..=2000 {
        text.push_str(&format!("r{i},{i}\n"));
    }
    let records = read_all(text.as_bytes(), Some(2));
    assert_eq!(records[1], Err((2, RecordError::Unclosed.to_string())));
    assert_eq!(records.iter().filter(|r| r.is_ok()).count(), 2000);
    assert_eq!(fields(&records[2]), ["r2", "2"]);
    assert_eq!(records[2].as_ref().map(|r| r.line).ok(), Some(3));
    // Closed later by another quote: the wrong field count gives it away.
    let text = "id,n\n\"r1,1\nr2,2\nr3,\"x\"\nr4,4\n";
    let records = read_all(text.as_bytes(), Some(2));
    assert!(matches!(&records[1], Err((2, message)) if message.contains("several lines")));
    assert_eq!(fields(&records[2]), ["r2", "2"]);
    assert_eq!(fields(&records[3]), ["r3", "x"]);
    assert_eq!(fields(&records[4]), ["r4", "4"]);
    // Closed by a quote inside a later unquoted field, fields counting right.
    let text = "id,n\n\"r1,1\nr2,2\nO\"Brien,3\nr4,4\n";
    let records = read_all(text.as_bytes(), Some(2));
    assert!(matches!(&records[1], Err((2, message)) if message.contains("several lines")));
    assert_eq!(fields(&records[2]), ["r2", "2"]);
    assert_eq!(fields(&records[3]), ["O\"Brien", "3"]);
    assert_eq!(fields(&records[4]), ["r4", "4"]);
}

#[test]
fn records_are_bounded() {
    let mut text = b"id,n\n".to_vec();
    text.extend(std::iter::repeat_n(b'x', MAX_RECORD_BYTES + 10));
    text.extend_from_slice(b",1\nr2,2\n");
    let records = read_all(&text, Some(2));
    assert_eq!(records[1], Err((2, RecordError::TooLong.to_string())));
    assert_eq!(fields(&records[2]), ["r2", "2"]);
}

#[test]
fn encodings_are_told_apart() {
    let (cp932, _, _) = encoding_rs::SHIFT_JIS.encode("respondent\n山田太郎\n");
    assert_eq!(detect_encoding(&cp932), TextEncoding::Cp932);
    assert_eq!(detect_encoding("山田".as_bytes()), TextEncoding::Utf8);
    assert_eq!(detect_encoding(b"\xEF\xBB\xBFa"), TextEncoding::Utf8Bom);
    assert_eq!(detect_encoding(b"\xFF\xFEa\0"), TextEncoding::Utf16Le);
    assert_eq!(detect_encoding(b"\xFE\xFF\0a"), TextEncoding::Utf16Be);
    // A character cut between two chunks is still UTF-8.
    let mut sniffer = EncodingSniffer::new();
    let bytes = "a山".as_bytes();
    sniffer.feed(&bytes[..2]);
    sniffer.feed(&bytes[2..]);
    assert_eq!(sniffer.finish(), TextEncoding::Utf8);
    let mut text = String::new();
    utf8_reader(&cp932[..], TextEncoding::Cp932)
        .read_to_string(&mut text)
        .unwrap();
    assert_eq!(text, "respondent\n山田太郎\n");
    assert_eq!(
        decode(&cp932),
        ("respondent\n山田太郎\n".to_owned(), TextEncoding::Cp932)
    );
}

#[test]
fn duplicate_header_columns_are_refused() {
    assert_eq!(check_header(&["a", "b"]), Ok(()));
    assert_eq!(
        check_header(&["a", "b", "a"]),
        Err(HeaderError::Duplicate("a".to_owned()))
    );
}

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        ".*",
        "[=+\\-@\t\r,\"\n a-z山田]{0,12}",
        Just(String::new()),
        Just("=HYPERLINK(\"http://x\")".to_owned()),
    ]
}

/// A row of one cell that is only spaces is written as a blank-looking
/// line, which readers skip.
fn writes_a_blank_line(row: &[String]) -> bool {
    row.len() == 1
        && row[0].bytes().all(|b| b.is_ascii_whitespace())
        && !looks_like_formula(&row[0])
        && !row[0].contains(['\r', '\n', ','])
}

proptest! {
    /// What is written reads back as written, but for the documented `'`
    /// before formula-looking cells.
    #[test]
    fn written_rows_read_back(rows in prop::collection::vec(prop::collection::vec(cell(), 1..6), 1..6)) {
        let mut csv = CsvText::new();
        for row in &rows {
            csv.row(row);
        }
        let text = csv.into_string();
        let read: Vec<Vec<String>> = Records::new(text.as_bytes())
            .map(|record| record.map(Record::into_fields).map_err(|bad| bad.to_string()))
            .collect::<Result<_, _>>()
            .map_err(TestCaseError::fail)?;
        let expected: Vec<Vec<String>> = rows
            .iter()
            .filter(|row| !writes_a_blank_line(row))
            .map(|row| {
                row.iter()
                    .map(|cell| if looks_like_formula(cell) { format!("'{cell}") } else { cell.clone() })
                    .collect()
            })
            .collect();
        prop_assert_eq!(read, expected);
    }
}
