//! The hand-off fragment: round trips, refusals, and the encoded tags that
//! must never change.

use super::*;
use crate::model::bank::QuestionKind;
use crate::{SourceFile, load_bank, load_catalogue, read_answer_sheet, score};

fn bank() -> Bank {
    let catalogue = load_catalogue(&SourceFile::new(
        "catalogue.yaml",
        include_str!("../../../../question-banks/catalogue.yaml"),
    ))
    .into_result()
    .expect("catalogue");
    load_bank(
        &SourceFile::new(
            "small.yaml",
            include_str!("../../../../question-banks/small.yaml"),
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

/// The `base64` crate's URL-safe engine is the oracle for the hand-written
/// codec (written by hand to keep the library out of the browser's first
/// load). `STRICT` is RFC 4648 §5 without padding as the library reads it
/// by default; `LENIENT` differs from it in one thing only: it ignores the
/// unused low bits of the last symbol, as the hand-written decoder does
/// (`AB` reads as `AA`, one zero byte). That leniency is harmless here: the
/// encoder always writes those bits as zero, and the checksum covers the
/// decoded bytes, so a fragment still means exactly one thing.
mod oracle {
    use base64::Engine;
    use base64::alphabet::URL_SAFE;
    use base64::engine::DecodePaddingMode;
    use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, URL_SAFE_NO_PAD};
    use proptest::prelude::*;

    use super::super::{ALPHABET, base64url_decode, base64url_encode};

    const STRICT: GeneralPurpose = URL_SAFE_NO_PAD;
    const LENIENT: GeneralPurpose = GeneralPurpose::new(
        &URL_SAFE,
        GeneralPurposeConfig::new()
            .with_encode_padding(false)
            .with_decode_padding_mode(DecodePaddingMode::RequireNone)
            .with_decode_allow_trailing_bits(true),
    );

    /// Text that is mostly base64url with, now and then, what a copied or
    /// mangled link holds: padding, the standard alphabet's `+` and `/`,
    /// white space, a `.`, a non-ASCII letter.
    fn fragment_text() -> impl Strategy<Value = String> {
        let symbol = prop::sample::select(ALPHABET.map(char::from).to_vec());
        let stray = prop::sample::select(vec!['=', '+', '/', ' ', '\n', '.', '%', 'é', '診']);
        prop::collection::vec(prop_oneof![30 => symbol, 1 => stray], 0..80)
            .prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        #[test]
        fn encoding_equals_the_library(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
            let text = base64url_encode(&bytes);
            prop_assert_eq!(&text, &STRICT.encode(&bytes));
            prop_assert_eq!(base64url_decode(&text), Some(bytes));
        }

        #[test]
        fn decoding_refuses_what_the_library_refuses(text in fragment_text()) {
            let ours = base64url_decode(&text);
            prop_assert_eq!(&ours, &LENIENT.decode(&text).ok(), "{:?}", text);
            // The strict reading accepts exactly the texts the encoder writes.
            let canonical = ours.filter(|bytes| base64url_encode(bytes) == text);
            prop_assert_eq!(canonical, STRICT.decode(&text).ok(), "{:?}", text);
        }
    }

    /// The one difference, and padding, which neither accepts.
    #[test]
    fn where_the_strict_reading_differs() {
        assert_eq!(base64url_decode("AB"), Some(vec![0]));
        assert!(STRICT.decode("AB").is_err());
        for padded in ["QQ==", "QUI=", "QQ"] {
            let refused = padded.ends_with('=');
            assert_eq!(base64url_decode(padded).is_none(), refused, "{padded}");
            assert_eq!(STRICT.decode(padded).is_err(), refused, "{padded}");
        }
    }
}

#[test]
fn a_golden_company_round_trips_to_the_same_scores() {
    let bank = bank();
    let sheet = read_answer_sheet(
        &SourceFile::new(
            "small-middling.yaml",
            include_str!("../../../../tests/golden/small-middling.yaml"),
        ),
        &bank,
    )
    .into_result()
    .expect("answers");
    let fragment = encode(&bank, &sheet.answers, sheet.profile.as_ref()).expect("encodes");
    assert!(fragment.starts_with("r2."), "{fragment}");
    assert!(fragment.len() < 400, "{} characters", fragment.len());
    let handoff = parse(&format!("#{fragment}")).expect("parses");
    assert_eq!(
        (handoff.tier, handoff.bank.as_str()),
        (Tier::Small, "small")
    );
    assert_eq!(handoff.layout, Some(answer_layout(&bank)));
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
        .map(QuestionIndex::new)
        .expect("the bank has a ladder");
    answers
        .set_question(&bank, ladder, Some(Answer::Step(4)))
        .expect("fits");
    let fragment = encode(&bank, &answers, None).expect("encodes");
    let cut = &fragment[..fragment.len() - 3];
    assert_eq!(parse(cut), Err(HandoffError::Damaged));
    let mut altered = fragment.clone().into_bytes();
    let last = altered.len() - 6;
    altered[last] = if altered[last] == b'A' { b'B' } else { b'A' };
    let altered = String::from_utf8(altered).expect("ascii");
    assert_eq!(parse(&altered), Err(HandoffError::Damaged));
    assert_eq!(parse("#section-2"), Err(HandoffError::NotAHandoff));
    assert_eq!(parse("r1.***"), Err(HandoffError::Damaged));
    assert_eq!(parse("r2.***"), Err(HandoffError::Damaged));
    assert_eq!(parse(&"r1.".repeat(2000)), Err(HandoffError::NotAHandoff));
}

/// Extra bytes after the payload, sealed with a valid checksum, are
/// refused: a fragment means exactly one thing.
#[test]
fn trailing_bytes_are_refused() {
    let bank = bank();
    let payload = PayloadV2 {
        tier: bank.tier,
        bank: bank.id.clone(),
        version: bank.version.clone(),
        layout: answer_layout(&bank),
        profile: None,
        questions: Vec::new(),
        gates: Vec::new(),
    };
    let mut bytes = crate::exchange::compiled::encode(&payload).expect("encodes");
    assert!(parse(&seal(HANDOFF_PREFIX, bytes.clone())).is_ok());
    bytes.push(7);
    assert_eq!(
        parse(&seal(HANDOFF_PREFIX, bytes)),
        Err(HandoffError::Damaged)
    );
}

#[test]
fn another_bank_version_is_named() {
    let mut bank = bank();
    let fragment = encode(&bank, &Answers::new(&bank), None).expect("encodes");
    bank.version = "2099.1".to_owned();
    let handoff = parse(&fragment).expect("parses");
    assert!(matches!(
        handoff.open(&bank),
        Err(HandoffError::OtherBank { .. })
    ));
}

/// The finding of the review: a bank edited without a version bump (here
/// two questions swap places) once had old answers silently remapped.
#[test]
fn a_bank_edited_without_a_new_version_is_refused() {
    let bank = bank();
    let mut answers = Answers::new(&bank);
    answers
        .set_question(&bank, QuestionIndex::new(0), Some(Answer::Step(5)))
        .ok();
    let fragment = encode(&bank, &answers, None).expect("encodes");
    let mut edited = bank.clone();
    edited.questions.swap(0, 1);
    let handoff = parse(&fragment).expect("parses");
    let refused = handoff.open(&edited);
    assert!(
        matches!(refused, Err(HandoffError::BankChanged { .. })),
        "{refused:?}"
    );
    let message = refused.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("questions have changed"), "{message}");

    let mut relabelled = bank.clone();
    relabelled.questions[0].text = crate::Text::new("別の文", "Other words");
    assert!(handoff.open(&relabelled).is_ok(), "texts do not count");

    let mut renamed = bank.clone();
    if let Some(gate) = renamed.gates.first_mut() {
        gate.id.push('x');
        assert!(handoff.open(&renamed).is_err(), "gate ids count");
    }
}

#[test]
fn the_layout_hash_separates_fields() {
    let mut a = Fnv64::new();
    a.field(b"ab");
    a.field(b"c");
    let mut b = Fnv64::new();
    b.field(b"a");
    b.field(b"bc");
    assert_ne!(a.0, b.0);
    // FNV-1a 64 of "a" is the published test vector.
    let mut vector = Fnv64::new();
    vector.bytes(b"a");
    assert_eq!(vector.0, 0xaf63_dc4c_8601_ec8c);
}

/// Postcard writes an enum variant's position as its tag. These are the
/// tags fragments in the wild were written with: reordering a variant
/// (here or in `Tier`, `Industry`, `Prefecture`) fails this test.
#[test]
fn packed_tags_are_pinned() {
    let tag = |packed: Packed| crate::exchange::compiled::encode(&packed).expect("encodes")[0];
    let every = [
        Packed::Step(3),
        Packed::YesNo(true),
        Packed::Choice(1),
        Packed::Choices(5),
        Packed::Number(2.5),
        Packed::NotApplicable,
    ];
    for packed in every {
        let pinned = match packed {
            Packed::Step(_) => 0,
            Packed::YesNo(_) => 1,
            Packed::Choice(_) => 2,
            Packed::Choices(_) => 3,
            Packed::Number(_) => 4,
            Packed::NotApplicable => 5,
        };
        assert_eq!(tag(packed), pinned, "{packed:?}");
    }
    assert_eq!(
        crate::exchange::compiled::encode(&Packed::Step(3)).expect("encodes"),
        [0, 3]
    );
}

#[test]
fn only_a_hand_off_prefix_counts_as_a_hand_off_fragment() {
    for fragment in ["#r2.AAAA", "r2.", "#r1.xyz"] {
        assert!(is_handoff_fragment(fragment), "{fragment}");
    }
    for fragment in ["", "#", "#main", "#r3.AAAA", "#R2.AAAA", "main#r2."] {
        assert!(!is_handoff_fragment(fragment), "{fragment}");
        assert!(
            matches!(parse(fragment), Err(HandoffError::NotAHandoff)),
            "{fragment}"
        );
    }
}
