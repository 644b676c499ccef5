//! How long a bank takes and which of the call's indicators it covers.
//!
//! # The time estimate
//!
//! minutes = (15 s × questions + 15 s more per number question + Σ over the
//! gates asked (2 s + Japanese characters of the gate ÷ 10 characters per
//! second) + Japanese characters of ladder steps ÷ 10 characters per second)
//! ÷ 60, rounded to one decimal. Fifteen seconds is the time to read a short
//! question and its options and pick one; a number has to be looked up or
//! worked out, so it counts 30 s in all; a gate is one sentence about a fact
//! the company knows, read at the same speed as ladder steps, plus 2 s to
//! answer yes or no. Gates are counted for the company of the tier that is
//! asked the most of them (every industry, prefecture and headcount that
//! lands in the tier; a gate that depends on an answer counts as asked);
//! ladders add the reading of their five described
//! steps at 600 characters a minute, an ordinary reading speed for Japanese
//! business text. Hidden (`show_if`) questions are counted, so the figure is
//! an upper bound.

use crate::model::bank::{Bank, Condition, QuestionKind};
use crate::model::index::{IndicatorIndex, QuestionIndex};
use crate::model::profile::{Prefecture, Profile};
use crate::model::tier::{Industry, classify};

/// Seconds to read a short question and answer it.
pub const SECONDS_PER_QUESTION: f64 = 15.0;
/// Seconds to decide a gate's yes or no once it is read.
pub const SECONDS_TO_ANSWER_GATE: f64 = 2.0;
/// Seconds to find or work out a figure for a number question, in all.
pub const SECONDS_PER_NUMBER: f64 = 30.0;
/// Japanese characters read per second.
pub const READING_CHARS_PER_SECOND: f64 = 10.0;

/// One indicator against the questions that cover it.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorCoverage {
    /// The indicator.
    pub indicator: IndicatorIndex,
    /// Whether the catalogue requires it in this bank's tier.
    pub required: bool,
    /// The questions that declare they cover it.
    pub questions: Vec<QuestionIndex>,
}

/// The coverage of one bank.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    /// Scored questions.
    pub questions: usize,
    /// Gate checks in the bank.
    pub gates: usize,
    /// The most gates one company of the tier is asked.
    pub gates_asked: usize,
    /// Estimated minutes to answer everything.
    pub minutes: f64,
    /// The catalogue's time target for the tier (`time_targets`), if any.
    pub target_minutes: Option<f64>,
    /// Every indicator of the catalogue.
    pub indicators: Vec<IndicatorCoverage>,
}

impl Coverage {
    /// Ids of indicators required in this tier but covered by no question.
    pub fn uncovered<'a>(&self, bank: &'a Bank) -> Vec<&'a str> {
        self.indicators
            .iter()
            .filter(|indicator| indicator.required && indicator.questions.is_empty())
            .map(|indicator| bank.catalogue[indicator.indicator].id.as_str())
            .collect()
    }

    /// Whether every required indicator is covered and the time is within target.
    pub fn passes(&self, bank: &Bank) -> bool {
        self.uncovered(bank).is_empty() && !self.over_time()
    }

    /// Whether the estimate exceeds the catalogue's target for the tier.
    pub fn over_time(&self) -> bool {
        self.target_minutes
            .is_some_and(|target| self.minutes > target)
    }
}

/// Measures a bank.
pub fn coverage(bank: &Bank) -> Coverage {
    let ladder_chars: usize = bank
        .questions
        .iter()
        .filter_map(|question| match &question.kind {
            QuestionKind::Ladder { steps } => Some(
                steps
                    .iter()
                    .map(|step| step.ja.chars().count())
                    .sum::<usize>(),
            ),
            _ => None,
        })
        .sum();
    let numbers = bank
        .questions
        .iter()
        .filter(|question| matches!(question.kind, QuestionKind::Number { .. }))
        .count();
    let items = (bank.questions.len() - numbers) as f64;
    let (gates_asked, gate_seconds) = most_gates_asked(bank);
    let seconds = SECONDS_PER_QUESTION * items
        + gate_seconds
        + SECONDS_PER_NUMBER * numbers as f64
        + ladder_chars as f64 / READING_CHARS_PER_SECOND;
    let indicators = bank
        .catalogue
        .indicators
        .iter()
        .enumerate()
        .map(|(index, indicator)| (IndicatorIndex::new(index), indicator))
        .map(|(index, indicator)| IndicatorCoverage {
            indicator: index,
            required: indicator.tiers.contains(&bank.tier),
            questions: bank
                .questions
                .iter()
                .enumerate()
                .filter(|(_, question)| question.covers.contains(&index))
                .map(|(at, _)| QuestionIndex::new(at))
                .collect(),
        })
        .collect();
    Coverage {
        questions: bank.questions.len(),
        gates: bank.gates.len(),
        gates_asked,
        minutes: (seconds / 60.0 * 10.0).round() / 10.0,
        target_minutes: bank
            .catalogue
            .time_targets
            .map(|targets| targets.of(bank.tier)),
        indicators,
    }
}

/// Headcounts on both sides of every threshold a gate or tier uses.
const HEADCOUNTS: [u32; 18] = [
    1, 5, 6, 9, 10, 20, 21, 37, 38, 49, 50, 100, 101, 300, 301, 900, 901, 2000,
];

/// The most gates that apply to one company whose profile lands in the
/// bank's tier, and the seconds they take: an upper bound on what a company
/// is asked.
fn most_gates_asked(bank: &Bank) -> (usize, f64) {
    let gate_seconds: Vec<f64> = bank
        .gates
        .iter()
        .map(|gate| {
            SECONDS_TO_ANSWER_GATE + gate.text.ja.chars().count() as f64 / READING_CHARS_PER_SECOND
        })
        .collect();
    let mut most = (0, 0.0);
    for industry in Industry::ALL {
        for employees in HEADCOUNTS {
            for capital_yen in [None, Some(1)] {
                if classify(industry, employees, capital_yen).tier != bank.tier {
                    continue;
                }
                for prefecture in Prefecture::ALL {
                    let profile = Profile {
                        industry,
                        regular_employees: employees,
                        capital_yen,
                        prefecture,
                    };
                    let asked = bank
                        .gates
                        .iter()
                        .zip(&gate_seconds)
                        .filter(|(gate, _)| {
                            gate.applies_if.as_ref().is_none_or(|condition| {
                                may_hold(condition, &profile) != Some(false)
                            })
                        })
                        .fold((0, 0.0), |(count, total), (_, seconds)| {
                            (count + 1, total + seconds)
                        });
                    if asked.1 > most.1 {
                        most = asked;
                    }
                }
            }
        }
    }
    most
}

/// Whether `condition` holds for `profile`: `None` where it depends on
/// answers or levels, which are not known before the company answers.
fn may_hold(condition: &Condition, profile: &Profile) -> Option<bool> {
    match condition {
        Condition::Profile(test) => Some(test.holds(profile)),
        Condition::Answer { .. } | Condition::Level { .. } => None,
        Condition::Not(inner) => may_hold(inner, profile).map(|holds| !holds),
        Condition::All(all) => all
            .iter()
            .try_fold(Some(true), |acc, c| match (acc, may_hold(c, profile)) {
                (_, Some(false)) => Err(()),
                (Some(true), Some(true)) => Ok(Some(true)),
                _ => Ok(None),
            })
            .unwrap_or(Some(false)),
        Condition::Any(any) => any
            .iter()
            .try_fold(Some(false), |acc, c| match (acc, may_hold(c, profile)) {
                (_, Some(true)) => Err(()),
                (Some(false), Some(false)) => Ok(Some(false)),
                _ => Ok(None),
            })
            .unwrap_or(Some(true)),
    }
}
