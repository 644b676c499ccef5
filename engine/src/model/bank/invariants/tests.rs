//! Each invariant broken on purpose in an otherwise sound bank.

use crate::model::bank::{AnswerTest, Bank, Condition, Item, QuestionKind};
use crate::model::index::{
    DimensionIndex, IndicatorIndex, OptionIndex, ProgramIndex, QuestionIndex,
};
use crate::{SourceFile, load_bank, load_catalogue};

fn shipped(name: &str, text: &str) -> Bank {
    let catalogue = load_catalogue(&SourceFile::new(
        "catalogue.yaml",
        include_str!("../../../../../question-banks/catalogue.yaml"),
    ))
    .into_result()
    .expect("catalogue");
    load_bank(&SourceFile::new(name, text), &catalogue)
        .into_result()
        .expect("bank")
}

fn small() -> Bank {
    shipped(
        "small.yaml",
        include_str!("../../../../../question-banks/small.yaml"),
    )
}

#[test]
fn the_shipped_banks_are_sound() {
    for (name, text) in [
        (
            "small.yaml",
            include_str!("../../../../../question-banks/small.yaml"),
        ),
        (
            "sme.yaml",
            include_str!("../../../../../question-banks/sme.yaml"),
        ),
        (
            "midsize.yaml",
            include_str!("../../../../../question-banks/midsize.yaml"),
        ),
    ] {
        assert_eq!(shipped(name, text).check_invariants(), Ok(()), "{name}");
    }
}

#[test]
fn a_question_lost_from_the_list_is_caught() {
    // What the validator once did with a `multiple` question whose cap was 0.
    let mut bank = small();
    bank.questions.remove(1);
    let error = bank.check_invariants().expect_err("unsound");
    assert!(error.to_string().contains("inconsistent"), "{error}");
}

#[test]
fn an_id_leading_to_another_question_is_caught() {
    let mut bank = small();
    let first = bank.questions[0].id.clone();
    bank.items
        .insert(first, Item::Question(QuestionIndex::new(1)));
    assert!(bank.check_invariants().is_err());
}

#[test]
fn indices_out_of_range_are_caught() {
    let mut bank = small();
    bank.questions[0].dimension = DimensionIndex::new(99);
    assert_eq!(
        bank.check_invariants().map_err(|e| e.place),
        Err("questions[0].dimension".to_owned())
    );

    let mut bank = small();
    bank.recommendations[0]
        .programs
        .push(ProgramIndex::new(999));
    assert!(bank.check_invariants().is_err());

    let mut bank = small();
    bank.catalogue.programs[0].fallback = Some(ProgramIndex::new(999));
    assert!(bank.check_invariants().is_err());

    let mut bank = small();
    bank.questions[0].covers.push(IndicatorIndex::new(999));
    assert!(bank.check_invariants().is_err());
}

#[test]
fn a_show_if_on_a_later_question_or_a_wrong_test_is_caught() {
    let mut bank = small();
    bank.questions[0].show_if = Some(Condition::Answer {
        question: QuestionIndex::new(0),
        test: AnswerTest::Is(true),
    });
    assert!(bank.check_invariants().is_err());

    let mut bank = small();
    let multiple = bank
        .questions
        .iter()
        .position(|q| matches!(q.kind, QuestionKind::Multiple { .. }))
        .map(QuestionIndex::new);
    if let Some(multiple) = multiple {
        bank.gates[0].applies_if = Some(Condition::Answer {
            question: multiple,
            test: AnswerTest::Includes(OptionIndex::new(64)),
        });
        assert!(bank.check_invariants().is_err());
    }

    let mut bank = small();
    let mut deep = Condition::Profile(crate::model::bank::ProfileTest::Industry(1));
    for _ in 0..100 {
        deep = Condition::Not(Box::new(deep));
    }
    bank.recommendations[0].when = deep;
    assert!(bank.check_invariants().is_err());
}

#[test]
fn a_zero_cap_is_caught() {
    let mut bank = small();
    for question in &mut bank.questions {
        if let QuestionKind::Multiple { cap, .. } = &mut question.kind {
            *cap = 0.0;
        }
    }
    let any_multiple = bank
        .questions
        .iter()
        .any(|q| matches!(q.kind, QuestionKind::Multiple { .. }));
    assert_eq!(bank.check_invariants().is_err(), any_multiple);
}
