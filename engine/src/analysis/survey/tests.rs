//! Survey rows: sampled rows read back, bad rows explained.

use super::*;
use crate::{Sampler, SourceFile, load_bank, load_catalogue, score};

fn bank(tier: &str, text: &str) -> Bank {
    let catalogue = load_catalogue(&SourceFile::new(
        "catalogue.yaml",
        include_str!("../../../../question-banks/catalogue.yaml"),
    ))
    .into_result()
    .expect("catalogue");
    load_bank(&SourceFile::new(tier, text), &catalogue)
        .into_result()
        .expect("bank")
}

#[test]
fn sampled_rows_read_back_for_every_tier_and_repeat_for_a_seed() {
    for (tier, text) in [
        (
            "small",
            include_str!("../../../../question-banks/small.yaml"),
        ),
        ("sme", include_str!("../../../../question-banks/sme.yaml")),
        (
            "midsize",
            include_str!("../../../../question-banks/midsize.yaml"),
        ),
    ] {
        let bank = bank(tier, text);
        let mut sampler = Sampler::new(&bank, 7);
        let header = sampler.header();
        let names: Vec<&str> = header.iter().map(String::as_str).collect();
        let columns = SurveyColumns::new(&bank, &names).expect("header resolves");
        let rows: Vec<Vec<String>> = (1..=200).map(|i| sampler.row(i)).collect();
        let mut levels = std::collections::BTreeSet::new();
        for row in &rows {
            let fields: Vec<&str> = row.iter().map(String::as_str).collect();
            let read = columns
                .read(&bank, &fields)
                .unwrap_or_else(|e| panic!("{tier}: {e}\n{row:?}"));
            assert!(read.profile.is_some());
            levels.extend(score(&bank, &read.answers, read.profile.as_ref()).overall_level);
        }
        assert!(levels.len() >= 3, "{tier}: levels spread, got {levels:?}");
        let again: Vec<Vec<String>> = {
            let mut sampler = Sampler::new(&bank, 7);
            (1..=200).map(|i| sampler.row(i)).collect()
        };
        assert_eq!(rows, again, "same seed, same rows");
    }
}

#[test]
fn a_bad_row_says_what_is_wrong() {
    let bank = bank(
        "small",
        include_str!("../../../../question-banks/small.yaml"),
    );
    let columns =
        SurveyColumns::new(&bank, &["respondent", "industry", "s_talk_people"]).expect("ok");
    assert_eq!(
        columns.read(&bank, &["r1", "retail"]).unwrap_err(),
        SurveyError::FieldCount {
            found: 2,
            expected: 3
        }
    );
    assert_eq!(
        columns
            .read(&bank, &["r1", "retail"])
            .unwrap_err()
            .to_string(),
        "2 fields, the header has 3"
    );
    assert!(
        columns
            .read(&bank, &["r1", "mining", "3"])
            .unwrap_err()
            .to_string()
            .contains("`mining`")
    );
    let error = columns
        .read(&bank, &["r1", "retail", "9"])
        .unwrap_err()
        .to_string();
    assert!(error.contains("s_talk_people"), "{error}");
    let error = SurveyColumns::new(&bank, &["s_talk_peopel"])
        .unwrap_err()
        .to_string();
    assert!(error.contains("did you mean `s_talk_people`?"), "{error}");
    // Review C16: a duplicate column would silently let the last one win.
    let error = SurveyColumns::new(&bank, &["respondent", "s_talk_people", "s_talk_people"])
        .unwrap_err()
        .to_string();
    assert!(error.contains("`s_talk_people` twice"), "{error}");
    // Review C15: control characters are echoed escaped.
    let error = columns
        .read(&bank, &["r1", "\u{1b}]0;PWNED\u{7}\u{1b}[2J", "3"])
        .unwrap_err()
        .to_string();
    assert!(!error.contains('\u{1b}'), "{error}");
    assert!(error.contains("\\u{1b}]0;PWNED"), "{error}");
    // Review C7: a megabyte-long unknown column is refused at once, briefly.
    let long = "x".repeat(1 << 20);
    let error = SurveyColumns::new(&bank, &[long.as_str()])
        .unwrap_err()
        .to_string();
    assert!(error.len() < 1_000, "{}", error.len());
}

#[test]
fn cells_become_answers() {
    assert_eq!(cell_value("3"), AnswerValue::Number(3.0));
    assert_eq!(cell_value("yes"), AnswerValue::Word("yes".into()));
    assert_eq!(
        cell_value("a b;c"),
        AnswerValue::List(vec!["a".into(), "b".into(), "c".into()])
    );
}
