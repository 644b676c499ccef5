//! The scored CSV read back by the dashboard, and what it refuses.

use super::*;
use crate::model::bank::Catalogue;
use crate::{SourceFile, load_catalogue};

fn catalogue() -> Catalogue {
    load_catalogue(&SourceFile::new(
        "catalogue.yaml",
        include_str!("../../../../question-banks/catalogue.yaml"),
    ))
    .into_result()
    .expect("catalogue")
}

#[test]
fn scored_csv_rows_become_records() {
    let catalogue = catalogue();
    let id = &catalogue.dimensions[0].id;
    let text = format!(
        "\u{feff}respondent,bank,tier,industry,prefecture,overall_score,{id}_score,{id}_level\nA,small,small,retail,saga,40.0,25.0,2\nB,small,small\nC,small,giant,retail,saga,1,1,1\n"
    );
    let (records, problems) = records_from_scored_csv(text.as_bytes(), &catalogue);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].scores, [(id.clone(), 25.0)]);
    assert_eq!(problems.len(), 2);
    assert!(
        problems[0].to_string().starts_with("3: 3 fields"),
        "{problems:?}"
    );
}

#[test]
fn unknown_dimensions_and_impossible_scores_are_refused() {
    // Review D2: a header `=1+1_score`, scores NaN, inf, 1e308.
    let catalogue = catalogue();
    let id = &catalogue.dimensions[0].id;
    let text = "tier,=1+1_score\nsmall,1\n";
    let (records, problems) = records_from_scored_csv(text.as_bytes(), &catalogue);
    assert!(records.is_empty());
    assert!(
        problems[0].message.contains("no dimension `=1+1`"),
        "{problems:?}"
    );
    let text = format!("tier,{id}_score\nsmall,NaN\nsmall,inf\nsmall,1e308\nsmall,-5\nsmall,100\n");
    let (records, problems) = records_from_scored_csv(text.as_bytes(), &catalogue);
    assert_eq!(records.len(), 1);
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert!(problems.iter().all(|p| p.message.contains("from 0 to 100")));
    let text = format!("tier,tier,{id}_score\nsmall,small,1\n");
    let (_, problems) = records_from_scored_csv(text.as_bytes(), &catalogue);
    assert!(problems[0].message.contains("twice"), "{problems:?}");
}

#[test]
fn a_cp932_scored_csv_reads() {
    let catalogue = catalogue();
    let id = &catalogue.dimensions[0].id;
    let text = format!("respondent,tier,{id}_score\n山田商店,small,50\n");
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
    let (records, problems) = records_from_scored_csv(&bytes, &catalogue);
    assert_eq!((records.len(), problems.len()), (1, 0));
}

/// A scored CSV past the encoding sniff, with what chunking could break: a
/// quoted field over two lines, Japanese text, a bad score, a quote never
/// closed at the end.
fn long_scored_csv(id: &str) -> String {
    let mut text = format!("respondent,tier,industry,prefecture,{id}_score\n");
    for row in 0..2_000 {
        match row % 4 {
            0 => text.push_str(&format!("\"山田\n商店 {row}\",small,retail,saga,50\n")),
            1 => text.push_str(&format!("B{row},small,retail,saga,abc\n")),
            _ => text.push_str(&format!("会社{row},small,retail,fukuoka,{}.5\n", row % 100)),
        }
    }
    text.push_str("\"never closed,small\n");
    text
}

/// Fed in chunks of any size, a file reads as it does whole: the same
/// records, the same problems on the same lines, whether UTF-8 or CP932
/// (whose characters a chunk can cut in two).
#[test]
fn chunks_of_any_size_read_as_the_whole_file() {
    let catalogue = catalogue();
    let id = &catalogue.dimensions[0].id;
    let text = long_scored_csv(id);
    let utf8 = format!("\u{feff}{text}").into_bytes();
    let (cp932, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
    for bytes in [utf8, cp932.into_owned()] {
        assert!(bytes.len() > read::SNIFF_BYTES);
        let whole = records_from_scored_csv(&bytes, &catalogue);
        assert_eq!(whole.0.len(), 1_500, "{:?}", whole.1.first());
        assert_eq!(whole.1.len(), 501, "{:?}", whole.1.last());
        assert_eq!(whole.0[0].scores, [(id.clone(), 50.0)]);
        assert_eq!(
            whole.1[0].line, 4,
            "the bad score of row B1, after a two-line record"
        );
        for size in [
            1, 2, 3, 7, 64, 1_000, 4_096, 65_535, 65_536, 65_537, 100_000,
        ] {
            let mut reader = ScoredReader::new(&catalogue);
            let mut read = ScoredChunk::default();
            for chunk in bytes.chunks(size) {
                read.extend(reader.feed(chunk));
            }
            read.extend(reader.finish());
            assert_eq!(
                (read.records, read.problems),
                whole,
                "chunks of {size} bytes"
            );
        }
    }
}

/// A header alone is a file with no rows; no bytes at all is refused.
#[test]
fn an_empty_file_is_refused_and_a_header_alone_is_not() {
    let catalogue = catalogue();
    let (records, problems) = records_from_scored_csv(b"", &catalogue);
    assert!(records.is_empty());
    assert_eq!(problems[0].message, "the file is empty");
    let (records, problems) = records_from_scored_csv(b"tier\n", &catalogue);
    assert!(records.is_empty() && problems.is_empty(), "{problems:?}");
}
