//! Frozen exchange files (`tests/exchange/`): what users hold — a result
//! file, a QR link, a browser session — must keep opening with the same
//! meaning, through the code paths the app uses.

use std::collections::BTreeMap;

use shindan_engine::{
    AnswerValue, Answers, Bank, Compiled, HandoffError, Industry, Prefecture, Profile, ResultDoc,
    Tier, parse_handoff, score,
};

use crate::expect::root;
use crate::fixtures::{every_kind_bank, fixture_catalogue};

fn read(name: &str) -> String {
    std::fs::read_to_string(root().join("exchange").join(name)).unwrap()
}

/// The bank as the browser has it: compiled, then read back.
fn browser_bank() -> Bank {
    let catalogue = fixture_catalogue();
    let bank = every_kind_bank(&catalogue);
    let bytes = Compiled::new(catalogue, vec![bank]).to_bytes().unwrap();
    Compiled::from_bytes(&bytes).unwrap().banks.remove(0)
}

/// The answers every frozen file holds, by id.
fn frozen_answers() -> BTreeMap<String, AnswerValue> {
    let word = |w: &str| AnswerValue::Word(w.to_owned());
    BTreeMap::from([
        ("has_staff".to_owned(), word("yes")),
        ("ladder".to_owned(), AnswerValue::Number(2.0)),
        (
            "multiple".to_owned(),
            AnswerValue::List(vec!["a".to_owned()]),
        ),
        ("number".to_owned(), AnswerValue::Number(4.0)),
        ("rules".to_owned(), word("no")),
        ("single".to_owned(), word("mid")),
        ("staff_count".to_owned(), AnswerValue::Number(1.0)),
    ])
}

fn frozen_profile() -> Profile {
    Profile {
        industry: Industry::Services,
        regular_employees: 4,
        capital_yen: Some(10_000_000),
        prefecture: Prefecture::Kumamoto,
    }
}

#[test]
fn result_files_of_schema_1_open_in_the_browser_reader() {
    let bank = browser_bank();
    for name in ["../results/schema-1.json", "result-2026-11.json"] {
        let result = ResultDoc::from_json(&read(name)).unwrap();
        assert_eq!(result.schema, 1, "{name}");
        assert_eq!(result.bank.id, "every-kind", "{name}");
        let (answers, problems) = Answers::from_values(&bank, &result.answers);
        assert!(problems.is_empty(), "{name}: {problems:?}");
        // Scoring them again gives the levels the file states.
        let scores = score(&bank, &answers, result.profile.as_ref());
        let levels: Vec<_> = scores.dimensions.iter().map(|d| d.level).collect();
        let stated: Vec<_> = result.dimensions.iter().map(|d| d.level).collect();
        assert_eq!(levels, stated, "{name}");
    }
    let result = ResultDoc::from_json(&read("result-2026-11.json")).unwrap();
    assert_eq!(result.profile, Some(frozen_profile()));
    assert_eq!(result.answers, frozen_answers());
    assert_eq!(result.label.as_deref(), Some("第1回"));
    assert!(result.gates[0].not_applicable);
}

#[test]
fn hand_off_fragments_of_both_layouts_open_to_the_same_answers() {
    let bank = browser_bank();
    for (name, layout) in [
        ("every-kind.r1.fragment", None),
        ("every-kind.r2.fragment", Some(0x7252_aa65_da03_e639)),
    ] {
        let fragment = read(name);
        let handoff = parse_handoff(&format!("#{}", fragment.trim())).unwrap();
        assert_eq!(handoff.tier, Tier::Small, "{name}");
        assert_eq!(
            (handoff.bank.as_str(), handoff.version.as_str()),
            ("every-kind", "1")
        );
        assert_eq!(handoff.layout, layout, "{name}");
        let (answers, profile) = handoff.open(&bank).unwrap();
        assert_eq!(answers.to_values(&bank), frozen_answers(), "{name}");
        assert_eq!(profile, Some(frozen_profile()), "{name}");
    }
}

/// An `r2` link made before a bank was edited without a new version is
/// refused with a message; an `r1` link cannot tell and opens as before
/// (SECURITY.md says so).
#[test]
fn an_edited_bank_refuses_an_r2_link() {
    let mut bank = browser_bank();
    bank.questions.swap(0, 2);
    let r2 = parse_handoff(read("every-kind.r2.fragment").trim()).unwrap();
    assert!(matches!(
        r2.open(&bank),
        Err(HandoffError::BankChanged { .. })
    ));
}

/// The shape of `localStorage["shindan.session.v1"]` (`web/src/saved.rs`):
/// the engine's part of it — tier, profile, answers in file form — must
/// keep decoding, and the answers must keep fitting the bank.
#[derive(serde::Deserialize)]
struct SessionV1 {
    tier: Tier,
    bank: String,
    profile: Option<Profile>,
    answers: BTreeMap<String, AnswerValue>,
    screen: String,
    page: usize,
    last_question: Option<String>,
}

#[test]
fn a_saved_browser_session_still_resumes() {
    let saved: SessionV1 = serde_json::from_str(&read("session.v1.json")).unwrap();
    assert_eq!(
        (saved.tier, saved.bank.as_str()),
        (Tier::Small, "every-kind")
    );
    assert_eq!(saved.profile, Some(frozen_profile()));
    assert_eq!((saved.screen.as_str(), saved.page), ("questions", 1));
    assert_eq!(saved.last_question.as_deref(), Some("number"));
    let bank = browser_bank();
    let (answers, problems) = Answers::from_values(&bank, &saved.answers);
    assert!(problems.is_empty(), "{problems:?}");
    let mut expected = frozen_answers();
    expected.insert("number".to_owned(), AnswerValue::Number(4.5));
    assert_eq!(answers.to_values(&bank), expected);
}
