//! What every bank the engine scores must satisfy, checked on the value
//! itself: after validating YAML (a second opinion on the validator) and
//! after reading compiled bytes (which nobody validated in this process).
//!
//! Scoring indexes by these numbers without checking, so a bank that passes
//! here cannot make it panic: every index is in range, every question and
//! gate is reachable by its id, and every figure is one the formula expects.

use super::{
    AnswerTest, Bank, Catalogue, Condition, Item, MAX_OPTIONS, ProgramStatus, QuestionKind,
};
use crate::model::index::ProgramIndex;

/// Conditions nest at most this deep (the YAML reader allows 48 levels in
/// all; a condition uses two per level).
pub const MAX_CONDITION_DEPTH: usize = 48;

/// A bank (or catalogue) that breaks an invariant: the place and what is
/// wrong, for a message; never shown as the user's fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsound {
    /// Where, e.g. `questions[3].show_if`.
    pub place: String,
    /// What is wrong there.
    pub problem: String,
}

impl std::fmt::Display for Unsound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the question bank is inconsistent at {}: {}",
            self.place, self.problem
        )
    }
}

impl std::error::Error for Unsound {}

fn unsound(place: impl Into<String>, problem: impl Into<String>) -> Unsound {
    Unsound {
        place: place.into(),
        problem: problem.into(),
    }
}

fn in_range(index: usize, len: usize, place: &str, what: &str) -> Result<(), Unsound> {
    if index < len {
        Ok(())
    } else {
        Err(unsound(
            place,
            format!("{what} {index} does not exist ({len} in all)"),
        ))
    }
}

fn unit(value: f64, place: &str) -> Result<(), Unsound> {
    if (0.0..=1.0).contains(&value) {
        Ok(())
    } else {
        Err(unsound(place, format!("score {value} is outside 0–1")))
    }
}

impl Catalogue {
    /// Checks the catalogue's own invariants (see the module docs).
    pub fn check_invariants(&self) -> Result<(), Unsound> {
        if self.dimensions.is_empty() {
            return Err(unsound("dimensions", "there is no dimension"));
        }
        let thresholds = self.level_thresholds;
        let rising = thresholds.windows(2).all(|pair| pair[0] < pair[1]);
        if !rising || !thresholds.iter().all(|t| *t > 0.0 && *t <= 100.0) {
            return Err(unsound(
                "level_thresholds",
                "thresholds must rise strictly within 0–100",
            ));
        }
        for (index, dimension) in self.dimensions.iter().enumerate() {
            let weight = dimension.weight;
            if !(weight.is_finite() && weight > 0.0) {
                return Err(unsound(
                    format!("dimensions[{index}].weight"),
                    format!("weight {weight} is not positive"),
                ));
            }
        }
        for (index, program) in self.programs.iter().enumerate() {
            let place = format!("programs[{index}].fallback");
            if let Some(fallback) = program.fallback {
                in_range(fallback.get(), self.programs.len(), &place, "program")?;
            }
            if program.status == ProgramStatus::Closed
                && self.route(ProgramIndex::new(index)).is_none()
            {
                return Err(unsound(place, "a closed program leads to no open one"));
            }
        }
        Ok(())
    }
}

impl Bank {
    /// Checks every invariant scoring relies on (see the module docs).
    pub fn check_invariants(&self) -> Result<(), Unsound> {
        let catalogue = &self.catalogue;
        catalogue.check_invariants()?;
        let dimensions = catalogue.dimensions.len();
        for (index, question) in self.questions.iter().enumerate() {
            let place = format!("questions[{index}]");
            in_range(
                question.dimension.get(),
                dimensions,
                &format!("{place}.dimension"),
                "dimension",
            )?;
            for &indicator in &question.covers {
                in_range(
                    indicator.get(),
                    catalogue.indicators.len(),
                    &format!("{place}.covers"),
                    "indicator",
                )?;
            }
            if !(question.weight.is_finite() && (0.0..=100.0).contains(&question.weight)) {
                return Err(unsound(
                    format!("{place}.weight"),
                    format!("weight {} is outside 0–100", question.weight),
                ));
            }
            self.check_kind(&question.kind, &place)?;
            if let Some(show_if) = &question.show_if {
                // `show_if` looks only at questions asked before.
                self.check_condition(show_if, index, false, &format!("{place}.show_if"), 0)?;
            }
        }
        for (index, gate) in self.gates.iter().enumerate() {
            let place = format!("gates[{index}]");
            if let Some(applies_if) = &gate.applies_if {
                self.check_condition(
                    applies_if,
                    self.questions.len(),
                    false,
                    &format!("{place}.applies_if"),
                    0,
                )?;
            }
            for &program in &gate.programs {
                in_range(
                    program.get(),
                    catalogue.programs.len(),
                    &format!("{place}.programs"),
                    "program",
                )?;
            }
        }
        for (index, rule) in self.recommendations.iter().enumerate() {
            let place = format!("recommendations[{index}]");
            self.check_condition(
                &rule.when,
                self.questions.len(),
                true,
                &format!("{place}.when"),
                0,
            )?;
            for &program in &rule.programs {
                in_range(
                    program.get(),
                    catalogue.programs.len(),
                    &format!("{place}.programs"),
                    "program",
                )?;
            }
            for &dimension in &rule.dimensions {
                in_range(
                    dimension.get(),
                    dimensions,
                    &format!("{place}.dimensions"),
                    "dimension",
                )?;
            }
        }
        self.check_items()
    }

    /// Every question and gate is found by its id, and every id leads to
    /// the question or gate that bears it: none was lost or shifted.
    fn check_items(&self) -> Result<(), Unsound> {
        let expected = self.questions.len() + self.gates.len();
        if self.items.len() != expected {
            return Err(unsound(
                "items",
                format!(
                    "{} ids for {} questions and {} gates",
                    self.items.len(),
                    self.questions.len(),
                    self.gates.len()
                ),
            ));
        }
        for (id, &item) in &self.items {
            let found = match item {
                Item::Question(index) => self.questions.get(index.get()).map(|q| &q.id),
                Item::Gate(index) => self.gates.get(index.get()).map(|g| &g.id),
            };
            if found != Some(id) {
                return Err(unsound(
                    format!("items.{id}"),
                    "the id does not lead to the question or gate that bears it",
                ));
            }
        }
        Ok(())
    }

    fn check_kind(&self, kind: &QuestionKind, place: &str) -> Result<(), Unsound> {
        match kind {
            QuestionKind::Ladder { .. } | QuestionKind::YesNo => Ok(()),
            QuestionKind::Single { options } | QuestionKind::Multiple { options, .. } => {
                if !(2..=MAX_OPTIONS).contains(&options.len()) {
                    return Err(unsound(
                        format!("{place}.options"),
                        format!("{} options; 2 to {MAX_OPTIONS} are needed", options.len()),
                    ));
                }
                for (index, option) in options.iter().enumerate() {
                    unit(option.score, &format!("{place}.options[{index}].score"))?;
                }
                if let QuestionKind::Multiple { cap, .. } = kind
                    && !(cap.is_finite() && *cap > 0.0)
                {
                    return Err(unsound(
                        format!("{place}.cap"),
                        format!("cap {cap} is not positive"),
                    ));
                }
                Ok(())
            }
            QuestionKind::Number {
                bands, min, max, ..
            } => {
                if bands.is_empty() {
                    return Err(unsound(format!("{place}.bands"), "there is no band"));
                }
                for (index, band) in bands.iter().enumerate() {
                    unit(band.score, &format!("{place}.bands[{index}].score"))?;
                }
                if !bands.windows(2).all(|pair| pair[0].from < pair[1].from) {
                    return Err(unsound(format!("{place}.bands"), "bands do not rise"));
                }
                if let (Some(min), Some(max)) = (min, max)
                    && min > max
                {
                    return Err(unsound(format!("{place}.max"), "min is above max"));
                }
                Ok(())
            }
        }
    }

    /// A condition refers only to questions before `before`, to levels only
    /// where `levels` allows, with tests that fit each question's kind.
    fn check_condition(
        &self,
        condition: &Condition,
        before: usize,
        levels: bool,
        place: &str,
        depth: usize,
    ) -> Result<(), Unsound> {
        if depth > MAX_CONDITION_DEPTH {
            return Err(unsound(place, "conditions nest too deep"));
        }
        match condition {
            Condition::All(parts) | Condition::Any(parts) => {
                if parts.is_empty() {
                    return Err(unsound(place, "an empty list of conditions"));
                }
                for part in parts {
                    self.check_condition(part, before, levels, place, depth + 1)?;
                }
                Ok(())
            }
            Condition::Not(inner) => self.check_condition(inner, before, levels, place, depth + 1),
            Condition::Profile(_) => Ok(()),
            Condition::Level {
                dimension,
                at_least,
                at_most,
            } => {
                if !levels {
                    return Err(unsound(place, "levels are not known here"));
                }
                in_range(
                    dimension.get(),
                    self.catalogue.dimensions.len(),
                    place,
                    "dimension",
                )?;
                if !(1..=5).contains(at_least) || !(1..=5).contains(at_most) {
                    return Err(unsound(place, "levels run from 1 to 5"));
                }
                Ok(())
            }
            Condition::Answer { question, test } => {
                let question = question.get();
                in_range(question, before, place, "question")?;
                let Some(target) = self.questions.get(question) else {
                    return Err(unsound(
                        place,
                        format!("question {question} does not exist"),
                    ));
                };
                let kind = &target.kind;
                let options = kind.options().len();
                let fits = match (kind, test) {
                    (QuestionKind::YesNo, AnswerTest::Is(_)) => true,
                    (QuestionKind::Single { .. }, AnswerTest::OneOf(mask)) => {
                        options >= 64 || mask >> options == 0
                    }
                    (QuestionKind::Multiple { .. }, AnswerTest::Includes(index)) => {
                        index.get() < options
                    }
                    (
                        QuestionKind::Ladder { .. } | QuestionKind::Number { .. },
                        AnswerTest::Between { .. },
                    ) => true,
                    _ => false,
                };
                if fits {
                    Ok(())
                } else {
                    Err(unsound(
                        place,
                        format!("the test does not fit question {question}"),
                    ))
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
