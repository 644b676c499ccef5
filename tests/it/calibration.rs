//! Calibration of the shipped banks: a company that answers every question
//! at the same point of its scale lands on the matching level everywhere.
//!
//! Levels are what users read, so they must mean the same thing in every
//! dimension and tier. Answers here are generated from each question's own
//! scale (never hand-picked), so a bank author who changes weights, option
//! scores or bands sees at once which dimension drifts.

use shindan_engine::{
    Answer, Answers, Bank, Industry, OptionIndex, Prefecture, Profile, QuestionIndex, QuestionKind,
    score,
};

use crate::shipped::shipped;

const TIERS: [&str; 3] = ["small", "sme", "midsize"];
/// Points of the scale answered uniformly: 0, ¼, ½, ¾, 1.
const POINTS: [f64; 5] = [0.0, 0.25, 0.5, 0.75, 1.0];
/// Dimensions per tier and point that may sit one level off.
const OFF_BY_ONE_ALLOWED: usize = 2;
/// A yes/no item may move its dimension by less than this share.
const YES_NO_MAX_SHARE: f64 = 0.2;

/// The index of the value nearest `target`; ties go to the lower value.
fn nearest(values: impl IntoIterator<Item = f64>, target: f64) -> Option<usize> {
    let mut best: Option<(usize, f64, f64)> = None;
    for (index, value) in values.into_iter().enumerate() {
        let distance = (value - target).abs();
        let better = match best {
            None => true,
            Some((_, best_value, best_distance)) => {
                distance < best_distance - 1e-9
                    || ((distance - best_distance).abs() <= 1e-9 && value < best_value)
            }
        };
        if better {
            best = Some((index, value, distance));
        }
    }
    best.map(|(index, _, _)| index)
}

/// The answer a company at point `q` gives to question `index`.
/// `yes_no_seen` counts earlier yes/no questions, for alternating at q = ½.
fn answer_at(bank: &Bank, index: usize, q: f64, yes_no_seen: usize) -> Answer {
    let question = &bank.questions[index];
    match &question.kind {
        QuestionKind::Ladder { .. } => Answer::Step(1 + (4.0 * q).round() as u8),
        QuestionKind::YesNo => Answer::YesNo(if (q - 0.5).abs() < 1e-9 {
            yes_no_seen % 2 == 1
        } else {
            q > 0.5
        }),
        QuestionKind::Single { options } => Answer::Choice(OptionIndex::new(
            nearest(options.iter().map(|option| option.score), q)
                .unwrap_or_else(|| panic!("a single-choice question has options")),
        )),
        QuestionKind::Multiple { options, cap } => {
            let count = options.len();
            assert!(count <= 16, "{}: too many options to search", question.id);
            let subsets: Vec<(u64, f64)> = (1_u64..(1 << count))
                .filter(|mask| {
                    let exclusive_chosen = options
                        .iter()
                        .enumerate()
                        .any(|(i, option)| option.exclusive && mask & (1 << i) != 0);
                    !exclusive_chosen || mask.count_ones() == 1
                })
                .map(|mask| {
                    let sum: f64 = options
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| mask & (1 << i) != 0)
                        .map(|(_, option)| option.score)
                        .sum();
                    (mask, sum.min(*cap) / cap)
                })
                .collect();
            let best = nearest(subsets.iter().map(|(_, value)| *value), q)
                .unwrap_or_else(|| panic!("a multiple-choice question has options"));
            Answer::Choices(subsets[best].0)
        }
        QuestionKind::Number {
            bands, min, max, ..
        } => {
            let low = min.unwrap_or(f64::NEG_INFINITY);
            let high = max.unwrap_or(f64::INFINITY);
            // Each band's reachable interval within min..=max, and a value in it.
            let reachable: Vec<(f64, f64)> = bands
                .iter()
                .enumerate()
                .filter_map(|(i, band)| {
                    let start = if i == 0 {
                        low.min(band.from)
                    } else {
                        band.from
                    };
                    let end = bands.get(i + 1).map_or(f64::INFINITY, |next| next.from);
                    let value = if start.is_finite() {
                        start.max(low)
                    } else {
                        band.from.max(low)
                    };
                    (value < end && value <= high).then_some((band.score, value))
                })
                .collect();
            let best = nearest(reachable.iter().map(|(score, _)| *score), q)
                .unwrap_or_else(|| panic!("a number question has a reachable band"));
            Answer::Number(reachable[best].1)
        }
    }
}

/// Every question of `bank` answered at point `q`, in bank order.
pub(crate) fn uniform_answers(bank: &Bank, q: f64) -> Answers {
    let mut answers = Answers::new(bank);
    let mut yes_no_seen = 0;
    for index in 0..bank.questions.len() {
        let answer = answer_at(bank, index, q, yes_no_seen);
        if matches!(bank.questions[index].kind, QuestionKind::YesNo) {
            yes_no_seen += 1;
        }
        answers
            .set_question(bank, QuestionIndex::new(index), Some(answer))
            .unwrap_or_else(|problem| {
                panic!(
                    "{}: generated answer rejected: {problem}",
                    bank.questions[index].id
                )
            });
    }
    answers
}

/// A company of the tier, so that questions shown by profile are asked too.
fn typical_profile(tier: &str) -> Profile {
    let regular_employees = match tier {
        "small" => 8,
        "sme" => 120,
        _ => 600,
    };
    Profile {
        industry: Industry::Manufacturing,
        regular_employees,
        capital_yen: None,
        prefecture: Prefecture::Fukuoka,
    }
}

#[test]
fn uniform_answers_land_on_the_matching_level_in_every_dimension() {
    let mut failures = Vec::new();
    for tier in TIERS {
        let bank = shipped(tier);
        for q in POINTS {
            let expected = 1 + (4.0 * q).round() as u8;
            let scores = score(
                &bank,
                &uniform_answers(&bank, q),
                Some(&typical_profile(tier)),
            );
            let mut off_by_one = Vec::new();
            let mut wrong = Vec::new();
            for (dimension, outcome) in bank.catalogue.dimensions.iter().zip(&scores.dimensions) {
                let line = format!(
                    "{tier} q={q}: {} expected L{expected}, got {} (score {})",
                    dimension.id,
                    outcome.level.map_or("none".to_owned(), |l| format!("L{l}")),
                    outcome
                        .score
                        .map_or("none".to_owned(), |s| format!("{s:.1}")),
                );
                match outcome.level {
                    Some(level) if level == expected => {}
                    Some(level) if level.abs_diff(expected) == 1 && !(level == 5 && q < 1.0) => {
                        off_by_one.push(line)
                    }
                    _ => wrong.push(line),
                }
            }
            if off_by_one.len() > OFF_BY_ONE_ALLOWED {
                failures.push(format!(
                    "{tier} q={q}: {} dimensions one level off (at most {OFF_BY_ONE_ALLOWED}):\n  {}",
                    off_by_one.len(),
                    off_by_one.join("\n  ")
                ));
            }
            failures.extend(wrong);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn no_yes_no_question_moves_its_dimension_by_a_fifth() {
    let mut failures = Vec::new();
    for tier in TIERS {
        let bank = shipped(tier);
        for question in &bank.questions {
            if !matches!(question.kind, QuestionKind::YesNo) || question.weight == 0.0 {
                continue;
            }
            let always_asked: f64 = bank
                .questions
                .iter()
                .filter(|other| other.dimension == question.dimension && other.show_if.is_none())
                .map(|other| other.weight)
                .sum();
            let share = question.weight / always_asked;
            if share >= YES_NO_MAX_SHARE {
                failures.push(format!(
                    "{tier}: {} ({}) carries {:.0}% of its dimension (weight {} of {}); keep a yes/no under {:.0}% or make it a 3–5 step scale",
                    question.id,
                    bank.catalogue[question.dimension].id,
                    share * 100.0,
                    question.weight,
                    always_asked,
                    YES_NO_MAX_SHARE * 100.0
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_scored_single_choice_spans_the_levels() {
    let mut failures = Vec::new();
    for tier in TIERS {
        let bank = shipped(tier);
        for question in &bank.questions {
            let QuestionKind::Single { options } = &question.kind else {
                continue;
            };
            // A weight-0 item is recorded for the survey and scores nothing.
            if question.weight == 0.0 {
                continue;
            }
            let mut scores: Vec<f64> = options.iter().map(|option| option.score).collect();
            scores.sort_by(f64::total_cmp);
            let lowest = scores.first().copied().unwrap_or(1.0);
            let highest = scores.last().copied().unwrap_or(0.0);
            let widest = scores
                .windows(2)
                .map(|pair| pair[1] - pair[0])
                .fold(0.0, f64::max);
            if lowest > 0.1 || highest < 0.9 || widest > 0.4 + 1e-9 {
                failures.push(format!(
                    "{tier}: {} ({}) option scores {scores:?}: need one ≤ 0.1, one ≥ 0.9 and no gap over 0.4 (widest {widest:.2})",
                    question.id, bank.catalogue[question.dimension].id
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
