//! Properties over the shipped banks, for any answers a company can give
//! (generated from each question's kind): scores stay within 0–100 and
//! levels within 1–5, and answers survive the result JSON and the QR
//! hand-off unchanged. (The CSV round trip is in `table/read/tests.rs`.)

#![cfg(all(feature = "yaml", feature = "compiled"))]

use proptest::prelude::*;

use crate::exchange::result::ResultDoc;
use crate::model::answers::{Answer, Answers};
use crate::model::bank::{Bank, QuestionKind};
use crate::model::index::{GateIndex, OptionIndex, QuestionIndex};
use crate::model::profile::{Prefecture, Profile};
use crate::model::tier::Industry;
use crate::{SourceFile, load_bank, load_catalogue, score};

/// Loaded once: the properties run hundreds of cases.
fn shipped() -> &'static [Bank] {
    static BANKS: std::sync::OnceLock<Vec<Bank>> = std::sync::OnceLock::new();
    BANKS.get_or_init(load_shipped)
}

fn load_shipped() -> Vec<Bank> {
    let catalogue = load_catalogue(&SourceFile::new(
        "catalogue.yaml",
        include_str!("../../question-banks/catalogue.yaml"),
    ))
    .into_result()
    .expect("catalogue");
    [
        include_str!("../../question-banks/small.yaml"),
        include_str!("../../question-banks/sme.yaml"),
        include_str!("../../question-banks/midsize.yaml"),
    ]
    .into_iter()
    .map(|text| {
        load_bank(&SourceFile::new("bank.yaml", text), &catalogue)
            .into_result()
            .expect("bank")
    })
    .collect()
}

/// One generated choice per question: whether it is answered, and raw
/// material the question's kind turns into a fitting answer.
type Seed = (bool, u8, u64, f64);

fn answers(bank: &Bank, seeds: &[Seed], gates: &[Option<bool>]) -> Answers {
    let mut answers = Answers::new(bank);
    for (index, (question, &(answered, small, wide, unit))) in
        bank.questions.iter().zip(seeds).enumerate()
    {
        if !answered {
            continue;
        }
        let answer = match &question.kind {
            _ if question.allow_na && small.is_multiple_of(7) => Answer::NotApplicable,
            QuestionKind::Ladder { .. } => Answer::Step(1 + small % 5),
            QuestionKind::YesNo => Answer::YesNo(small.is_multiple_of(2)),
            QuestionKind::Single { options } => {
                Answer::Choice(OptionIndex::new(usize::from(small) % options.len()))
            }
            QuestionKind::Multiple { options, .. } => {
                let fits = if options.len() >= 64 {
                    wide
                } else {
                    wide & ((1 << options.len()) - 1)
                };
                // An exclusive option stands alone.
                match options
                    .iter()
                    .position(|o| o.exclusive)
                    .filter(|&i| fits & (1 << i) != 0)
                {
                    Some(exclusive) => Answer::Choices(1 << exclusive),
                    None => Answer::Choices(fits),
                }
            }
            QuestionKind::Number { min, max, .. } => {
                let low = min.unwrap_or(-1.0e6);
                let high = max.unwrap_or(1.0e6).max(low);
                Answer::Number((low + (high - low) * unit).clamp(low, high))
            }
        };
        answers
            .set_question(bank, QuestionIndex::new(index), Some(answer))
            .expect("generated answers fit");
    }
    for (index, &gate) in gates.iter().enumerate().take(bank.gates.len()) {
        answers.set_gate(GateIndex::new(index), gate);
    }
    answers
}

fn profile() -> impl Strategy<Value = Option<Profile>> {
    proptest::option::of(
        (
            0..Industry::ALL.len(),
            any::<u32>(),
            proptest::option::of(any::<u64>()),
            0..Prefecture::ALL.len(),
        )
            .prop_map(|(industry, employees, capital, prefecture)| Profile {
                industry: Industry::ALL[industry],
                regular_employees: employees,
                capital_yen: capital,
                prefecture: Prefecture::ALL[prefecture],
            }),
    )
}

fn case() -> impl Strategy<Value = (usize, Vec<Seed>, Vec<Option<bool>>, Option<Profile>)> {
    (
        0..3usize,
        proptest::collection::vec(
            (any::<bool>(), any::<u8>(), any::<u64>(), 0.0..=1.0f64),
            200,
        ),
        proptest::collection::vec(proptest::option::of(any::<bool>()), 40),
        profile(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn scores_and_levels_stay_in_range((tier, seeds, gates, profile) in case()) {
        let bank = &shipped()[tier];
        let answers = answers(bank, &seeds, &gates);
        let scores = score(bank, &answers, profile.as_ref());
        for dimension in &scores.dimensions {
            if let Some(score) = dimension.score {
                prop_assert!((0.0..=100.0).contains(&score), "score {score}");
            }
            if let Some(level) = dimension.level {
                prop_assert!((1..=5).contains(&level), "level {level}");
            }
        }
        if let Some(overall) = scores.overall {
            prop_assert!((0.0..=100.0).contains(&overall));
        }
        if let Some(level) = scores.overall_level {
            prop_assert!((1..=5).contains(&level));
        }
        prop_assert!((0.0..=1.0).contains(&scores.completeness));
    }

    #[test]
    fn answers_survive_the_result_json((tier, seeds, gates, profile) in case()) {
        let bank = &shipped()[tier];
        let answers = answers(bank, &seeds, &gates);
        let scores = score(bank, &answers, profile.as_ref());
        let result = ResultDoc::new(bank, &answers, &scores, profile.clone(), "2026-11-30", None);
        let json = serde_json::to_string(&result).expect("serialises");
        let back = ResultDoc::from_json(&json).expect("reads back");
        prop_assert_eq!(&back.profile, &profile);
        let (reread, problems) = Answers::from_values(bank, &back.answers);
        prop_assert!(problems.is_empty(), "{:?}", problems);
        prop_assert_eq!(reread, answers);
    }

    #[test]
    fn answers_survive_the_hand_off((tier, seeds, gates, profile) in case()) {
        let bank = &shipped()[tier];
        let answers = answers(bank, &seeds, &gates);
        let fragment = crate::exchange::handoff::encode(bank, &answers, profile.as_ref()).expect("encodes");
        let (back, back_profile) = crate::exchange::handoff::parse(&fragment)
            .and_then(|handoff| handoff.open(bank))
            .expect("opens");
        prop_assert_eq!(back, answers);
        prop_assert_eq!(back_profile, profile);
    }
}
