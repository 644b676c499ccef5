use super::*;
use crate::bank::QuestionKind;
use crate::{SourceFile, load_bank, load_catalogue, read_answer_sheet, score};

fn bank() -> Bank {
    let catalogue = load_catalogue(&SourceFile::new(
        "catalogue.yaml",
        include_str!("../../../question-banks/catalogue.yaml"),
    ))
    .into_result()
    .expect("catalogue");
    load_bank(
        &SourceFile::new(
            "small.yaml",
            include_str!("../../../question-banks/small.yaml"),
        ),
        &catalogue,
    )
    .into_result()
    .expect("bank")
}

#[test]
fn base64url_round_trips_every_length() {
    for length in 0..40u8 {
        let bytes: Vec<u8> = (0..length).map(|i| i.wrapping_mul(37)).collect();
        let text = base64url_encode(&bytes);
        assert!(text.bytes().all(|b| ALPHABET.contains(&b)));
        assert_eq!(base64url_decode(&text), Some(bytes));
    }
}

#[test]
fn a_golden_company_round_trips_to_the_same_scores() {
    let bank = bank();
    let sheet = read_answer_sheet(
        &SourceFile::new(
            "small-middling.yaml",
            include_str!("../../../tests/golden/small-middling.yaml"),
        ),
        &bank,
    )
    .into_result()
    .expect("answers");
    let fragment = encode(&bank, &sheet.answers, sheet.profile.as_ref());
    assert!(fragment.len() < 400, "{} characters", fragment.len());
    let handoff = parse(&format!("#{fragment}")).expect("parses");
    assert_eq!(
        (handoff.tier, handoff.bank.as_str()),
        (Tier::Small, "small")
    );
    let (answers, profile) = handoff.open(&bank).expect("opens");
    assert_eq!(answers, sheet.answers);
    assert_eq!(profile, sheet.profile);
    assert_eq!(
        score(&bank, &answers, profile.as_ref()),
        score(&bank, &sheet.answers, sheet.profile.as_ref())
    );
}

#[test]
fn altered_or_cut_fragments_are_refused() {
    let bank = bank();
    let mut answers = Answers::new(&bank);
    let ladder = bank
        .questions
        .iter()
        .position(|question| matches!(question.kind, QuestionKind::Ladder { .. }))
        .expect("the bank has a ladder");
    answers
        .set_question(&bank, ladder, Some(Answer::Step(4)))
        .expect("fits");
    let fragment = encode(&bank, &answers, None);
    let cut = &fragment[..fragment.len() - 3];
    assert_eq!(parse(cut), Err(HandoffError::Damaged));
    let mut altered = fragment.clone().into_bytes();
    let last = altered.len() - 6;
    altered[last] = if altered[last] == b'A' { b'B' } else { b'A' };
    let altered = String::from_utf8(altered).expect("ascii");
    assert_eq!(parse(&altered), Err(HandoffError::Damaged));
    assert_eq!(parse("#section-2"), Err(HandoffError::NotAHandoff));
    assert_eq!(parse("r1.***"), Err(HandoffError::Damaged));
    assert_eq!(parse(&"r1.".repeat(2000)), Err(HandoffError::NotAHandoff));
}

#[test]
fn another_bank_version_is_named() {
    let mut bank = bank();
    let fragment = encode(&bank, &Answers::new(&bank), None);
    bank.version = "2099.1".to_owned();
    let handoff = parse(&fragment).expect("parses");
    assert!(matches!(
        handoff.open(&bank),
        Err(HandoffError::OtherBank { .. })
    ));
}
