//! How long a bank takes and which of the call's indicators it covers.
//!
//! # The time estimate
//!
//! minutes = (15 s × questions + 15 s more per number question + 10 s ×
//! gates + Japanese characters of ladder steps ÷ 10 characters per second)
//! ÷ 60, rounded to one decimal. Fifteen seconds is the time to read a short
//! question and pick an answer; a number has to be looked up or worked out,
//! so it counts 30 s in all; a gate asks yes or no about a known fact of the
//! company (10 s); ladders add the reading of their five described
//! steps at 600 characters a minute, an ordinary reading speed for Japanese
//! business text. Hidden (`show_if`) questions are counted, so the figure is
//! an upper bound.

use crate::bank::{Bank, QuestionKind};
use crate::tier::Tier;

/// Seconds to read a short question and answer it.
pub const SECONDS_PER_QUESTION: f64 = 15.0;
/// Seconds to answer a gate: yes or no about a known fact of the company.
pub const SECONDS_PER_GATE: f64 = 10.0;
/// Seconds to find or work out a figure for a number question, in all.
pub const SECONDS_PER_NUMBER: f64 = 30.0;
/// Japanese characters read per second.
pub const READING_CHARS_PER_SECOND: f64 = 10.0;

/// The time a tier's bank should stay within, in minutes.
pub fn target_minutes(tier: Tier) -> f64 {
    match tier {
        Tier::Small => 8.0,
        Tier::Sme => 12.0,
        Tier::Midsize => 18.0,
    }
}

/// One indicator against the questions that cover it.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorCoverage {
    /// Index into the catalogue's indicators.
    pub indicator: usize,
    /// Whether the catalogue requires it in this bank's tier.
    pub required: bool,
    /// Indices of the questions that declare they cover it.
    pub questions: Vec<usize>,
}

/// The coverage of one bank.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    /// Scored questions.
    pub questions: usize,
    /// Gate checks.
    pub gates: usize,
    /// Estimated minutes to answer everything.
    pub minutes: f64,
    /// The target for the tier.
    pub target_minutes: f64,
    /// Every indicator of the catalogue.
    pub indicators: Vec<IndicatorCoverage>,
}

impl Coverage {
    /// Ids of indicators required in this tier but covered by no question.
    pub fn uncovered<'a>(&self, bank: &'a Bank) -> Vec<&'a str> {
        self.indicators
            .iter()
            .filter(|indicator| indicator.required && indicator.questions.is_empty())
            .map(|indicator| bank.catalogue.indicators[indicator.indicator].id.as_str())
            .collect()
    }

    /// Whether every required indicator is covered and the time is within target.
    pub fn passes(&self, bank: &Bank) -> bool {
        self.uncovered(bank).is_empty() && self.minutes <= self.target_minutes
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
    let seconds = SECONDS_PER_QUESTION * items
        + SECONDS_PER_GATE * bank.gates.len() as f64
        + SECONDS_PER_NUMBER * numbers as f64
        + ladder_chars as f64 / READING_CHARS_PER_SECOND;
    let indicators = bank
        .catalogue
        .indicators
        .iter()
        .enumerate()
        .map(|(index, indicator)| IndicatorCoverage {
            indicator: index,
            required: indicator.tiers.contains(&bank.tier),
            questions: bank
                .questions
                .iter()
                .enumerate()
                .filter(|(_, question)| question.covers.contains(&index))
                .map(|(at, _)| at)
                .collect(),
        })
        .collect();
    Coverage {
        questions: bank.questions.len(),
        gates: bank.gates.len(),
        minutes: (seconds / 60.0 * 10.0).round() / 10.0,
        target_minutes: target_minutes(bank.tier),
        indicators,
    }
}
