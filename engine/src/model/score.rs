//! Scoring: answers → dimension scores, levels, gate findings and next steps.
//!
//! # The formula
//!
//! 1. **Visibility.** Questions are walked in bank order; a question whose
//!    `show_if` does not hold is hidden. A condition on an unanswered,
//!    hidden or "not applicable" question does not hold.
//! 2. **Question value** `v` in 0–1:
//!    ladder step *s* → (*s* − 1) / 4; yes → 1, no → 0; single choice → the
//!    option's score; multiple choice → min(Σ chosen scores, cap) / cap;
//!    number → the score of the last band whose `from` ≤ the answer (the
//!    first band also covers anything below it).
//! 3. **Dimension score** = Σ wᵢ·vᵢ / Σ wᵢ × 100 over the dimension's
//!    visible questions that have an answer other than "not applicable",
//!    rounded to one decimal. A question of weight 0 is asked and recorded
//!    (a survey item, or the subject of a condition) but scores nothing. Hidden, unanswered and N/A questions leave both
//!    numerator and denominator. A dimension with no such question has no
//!    score and no level.
//! 4. **Level** 1–5: one plus the number of catalogue thresholds (default
//!    20, 40, 60, 80) that the rounded score reaches. A ladder answered at
//!    step N therefore lands on level N.
//! 5. **Overall score** = the dimension-weighted mean of the dimension
//!    scores that exist, rounded to one decimal; its level as in 4.
//! 6. **Completeness** = answered (N/A counts as an answer) ÷ visible
//!    questions, rounded to three decimals. Gates do not count.
//! 7. **Gates**: a gate whose `applies_if` does not hold (a duty that does
//!    not bind this company, by its profile or answers) is not applicable:
//!    not asked, not counted, never a finding. Findings are the applicable
//!    gates answered "no".
//! 8. **Recommendations**: every rule whose condition holds, ordered by
//!    priority (1 first), then by the lowest level among the dimensions its
//!    condition names (weakest first), then by bank order. The sheet shows
//!    the first [`NEXT_STEPS_SHOWN`]; the rest stay one click away.
//!
//! Conditions on the profile (`profile: regular_employees` …) hold only when
//! a profile is given: with none, no profile test passes.
//!
//! Everything is computed in a fixed order with no clock and no randomness,
//! so the same answers give the same result on every machine.

use crate::model::answers::{Answer, Answers};
use crate::model::bank::{AnswerTest, Bank, Condition, Question, QuestionKind};
use crate::model::index::{DimensionIndex, GateIndex, QuestionIndex, RecommendationIndex};
use crate::model::profile::Profile;

/// How many next steps the sheet shows before 「ほかの支援策」: the few that
/// matter most, so that a weak company is not handed fourteen at once.
pub const NEXT_STEPS_SHOWN: usize = 5;

/// The outcome for one dimension.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DimensionScore {
    /// 0–100, one decimal; `None` when nothing was answered.
    pub score: Option<f64>,
    /// 1–5; `None` when there is no score.
    pub level: Option<u8>,
    /// Visible questions answered (N/A included).
    pub answered: u32,
    /// Visible questions.
    pub visible: u32,
}

/// The outcome of [`score`].
#[derive(Debug, Clone, PartialEq)]
pub struct Scores {
    /// One per catalogue dimension, in catalogue order.
    pub dimensions: Vec<DimensionScore>,
    /// Weighted mean of dimension scores.
    pub overall: Option<f64>,
    /// Level of the overall score.
    pub overall_level: Option<u8>,
    /// Answered ÷ visible, 0–1.
    pub completeness: f64,
    /// Whether each question is shown.
    pub visible: Vec<bool>,
    /// Whether each gate binds this company (and so is asked).
    pub gates_applicable: Vec<bool>,
    /// Applicable gates answered "no".
    pub gate_findings: Vec<GateIndex>,
    /// Recommendations that apply, most urgent first.
    pub recommendations: Vec<RecommendationIndex>,
}

impl Scores {
    /// The recommendations the sheet shows first, most urgent first.
    pub fn next_steps(&self) -> &[RecommendationIndex] {
        &self.recommendations[..self.recommendations.len().min(NEXT_STEPS_SHOWN)]
    }

    /// The recommendations shown under 「ほかの支援策」.
    pub fn more_steps(&self) -> &[RecommendationIndex] {
        &self.recommendations[self.recommendations.len().min(NEXT_STEPS_SHOWN)..]
    }

    /// Up to `count` scored dimensions with the lowest scores, weakest first
    /// (ties in catalogue order).
    pub fn weakest(&self, count: usize) -> Vec<DimensionIndex> {
        let mut scored: Vec<(DimensionIndex, f64)> = self
            .dimensions
            .iter()
            .enumerate()
            .filter_map(|(index, dimension)| {
                dimension
                    .score
                    .map(|score| (DimensionIndex::new(index), score))
            })
            .collect();
        scored.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        scored
            .into_iter()
            .take(count)
            .map(|(index, _)| index)
            .collect()
    }

    /// Dimensions at level 4 or 5, strongest first (ties in catalogue order).
    pub fn strengths(&self) -> Vec<DimensionIndex> {
        let mut strong: Vec<(DimensionIndex, f64)> = self
            .dimensions
            .iter()
            .enumerate()
            .filter(|(_, dimension)| dimension.level.is_some_and(|level| level >= 4))
            .filter_map(|(index, dimension)| {
                dimension
                    .score
                    .map(|score| (DimensionIndex::new(index), score))
            })
            .collect();
        strong.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        strong.into_iter().map(|(index, _)| index).collect()
    }
}

/// Which questions are shown, given the profile and the answers so far.
pub fn visibility(bank: &Bank, answers: &Answers, profile: Option<&Profile>) -> Vec<bool> {
    let mut visible = Vec::with_capacity(bank.questions.len());
    for question in &bank.questions {
        let shown = question.show_if.as_ref().is_none_or(|condition| {
            let facts = Facts {
                answers,
                visible: &visible,
                levels: &[],
                profile,
            };
            facts.holds(condition)
        });
        visible.push(shown);
    }
    visible
}

/// Which gates bind this company, given its profile and answers.
pub fn gate_applicability(
    bank: &Bank,
    answers: &Answers,
    profile: Option<&Profile>,
    visible: &[bool],
) -> Vec<bool> {
    let facts = Facts {
        answers,
        visible,
        levels: &[],
        profile,
    };
    bank.gates
        .iter()
        .map(|gate| gate.applies_if.as_ref().is_none_or(|c| facts.holds(c)))
        .collect()
}

/// Scores `answers` of a company with `profile` against `bank`. Never
/// fails: answers were checked when they were read.
pub fn score(bank: &Bank, answers: &Answers, profile: Option<&Profile>) -> Scores {
    let catalogue = &bank.catalogue;
    let visible = visibility(bank, answers, profile);
    let count = catalogue.dimensions.len();
    let mut weighted = vec![0.0_f64; count];
    let mut weights = vec![0.0_f64; count];
    let mut answered = vec![0_u32; count];
    let mut shown = vec![0_u32; count];
    for (index, question) in bank.questions.iter().enumerate() {
        if !visible[index] {
            continue;
        }
        let dimension = question.dimension.get();
        shown[dimension] += 1;
        let Some(answer) = answers.question(QuestionIndex::new(index)) else {
            continue;
        };
        answered[dimension] += 1;
        if let Some(value) = value(question, answer).filter(|_| question.weight > 0.0) {
            weighted[dimension] += question.weight * value;
            weights[dimension] += question.weight;
        }
    }
    let dimensions: Vec<DimensionScore> = (0..count)
        .map(|index| {
            let score = (weights[index] > 0.0)
                .then(|| round(weighted[index] / weights[index] * 100.0, 10.0));
            DimensionScore {
                score,
                level: score.map(|score| catalogue.level_of(score)),
                answered: answered[index],
                visible: shown[index],
            }
        })
        .collect();

    let (sum, weight) = dimensions
        .iter()
        .zip(&catalogue.dimensions)
        .filter_map(|(result, dimension)| result.score.map(|score| (score, dimension.weight)))
        .fold((0.0, 0.0), |(sum, total), (score, weight)| {
            (sum + score * weight, total + weight)
        });
    let overall = (weight > 0.0).then(|| round(sum / weight, 10.0));
    let total_shown: u32 = shown.iter().sum();
    let total_answered: u32 = answered.iter().sum();
    let completeness = if total_shown == 0 {
        1.0
    } else {
        round(f64::from(total_answered) / f64::from(total_shown), 1000.0)
    };

    let gates_applicable = gate_applicability(bank, answers, profile, &visible);
    let gate_findings = (0..bank.gates.len())
        .map(GateIndex::new)
        .filter(|&index| gates_applicable[index.get()] && answers.gate(index) == Some(false))
        .collect();

    let levels: Vec<Option<u8>> = dimensions.iter().map(|dimension| dimension.level).collect();
    let facts = Facts {
        answers,
        visible: &visible,
        levels: &levels,
        profile,
    };
    let mut recommendations: Vec<RecommendationIndex> = bank
        .recommendations
        .iter()
        .enumerate()
        .filter(|(_, rule)| facts.holds(&rule.when))
        .map(|(index, _)| RecommendationIndex::new(index))
        .collect();
    recommendations.sort_by_key(|&index| {
        let rule = &bank[index];
        let weakest = rule
            .dimensions
            .iter()
            .filter_map(|&dimension| levels[dimension.get()])
            .min()
            .unwrap_or(6);
        (rule.priority, weakest, index)
    });

    Scores {
        dimensions,
        overall,
        overall_level: overall.map(|score| catalogue.level_of(score)),
        completeness,
        visible,
        gates_applicable,
        gate_findings,
        recommendations,
    }
}

/// The 0–1 value of an answer; `None` for "not applicable".
pub fn value(question: &Question, answer: Answer) -> Option<f64> {
    match (&question.kind, answer) {
        (_, Answer::NotApplicable) => None,
        (QuestionKind::Ladder { .. }, Answer::Step(step)) => {
            Some(f64::from(step.clamp(1, 5) - 1) / 4.0)
        }
        (QuestionKind::YesNo, Answer::YesNo(yes)) => Some(if yes { 1.0 } else { 0.0 }),
        (QuestionKind::Single { options }, Answer::Choice(index)) => {
            options.get(index.get()).map(|option| option.score)
        }
        (QuestionKind::Multiple { options, cap }, Answer::Choices(mask)) => {
            let sum: f64 = options
                .iter()
                .enumerate()
                .filter(|&(index, _)| mask & (1 << index) != 0)
                .map(|(_, option)| option.score)
                .sum();
            Some(sum.min(*cap) / cap)
        }
        (QuestionKind::Number { bands, .. }, Answer::Number(number)) => bands
            .iter()
            .rev()
            .find(|band| band.from <= number)
            .or(bands.first())
            .map(|band| band.score),
        // Answers are checked against their question when read.
        _ => None,
    }
}

/// What a condition can look at.
struct Facts<'a> {
    answers: &'a Answers,
    visible: &'a [bool],
    levels: &'a [Option<u8>],
    profile: Option<&'a Profile>,
}

impl Facts<'_> {
    fn holds(&self, condition: &Condition) -> bool {
        let Facts {
            answers,
            visible,
            levels,
            profile,
        } = self;
        match condition {
            Condition::All(all) => all.iter().all(|c| self.holds(c)),
            Condition::Any(any) => any.iter().any(|c| self.holds(c)),
            Condition::Not(inner) => !self.holds(inner),
            Condition::Profile(test) => profile.is_some_and(|profile| test.holds(profile)),
            Condition::Level {
                dimension,
                at_least,
                at_most,
            } => levels
                .get(dimension.get())
                .copied()
                .flatten()
                .is_some_and(|level| (*at_least..=*at_most).contains(&level)),
            Condition::Answer { question, test } => {
                if !visible.get(question.get()).copied().unwrap_or(false) {
                    return false;
                }
                match (answers.question(*question), test) {
                    (Some(Answer::YesNo(yes)), AnswerTest::Is(expected)) => yes == *expected,
                    (Some(Answer::Choice(index)), AnswerTest::OneOf(mask)) => {
                        mask & index.bit() != 0
                    }
                    (Some(Answer::Choices(mask)), AnswerTest::Includes(index)) => {
                        mask & index.bit() != 0
                    }
                    (Some(Answer::Step(step)), AnswerTest::Between { min, max }) => {
                        (*min..=*max).contains(&f64::from(step))
                    }
                    (Some(Answer::Number(number)), AnswerTest::Between { min, max }) => {
                        (*min..=*max).contains(&number)
                    }
                    _ => false,
                }
            }
        }
    }
}

fn round(value: f64, scale: f64) -> f64 {
    (value * scale).round() / scale
}

#[cfg(test)]
mod tests;
