//! The company's plan for its next review, set on the result sheet (alone or
//! with its adviser): a target level per area and up to five actions chosen
//! from the suggested next steps, each with who and by when. It travels in
//! the result file (optional fields of schema 1), and at the next visit
//! consultation mode follows it up: each target against the level reached,
//! each action with whether its next step is still suggested.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::exchange::result::ResultDoc;
use crate::format::echo::echo;
use crate::model::bank::Bank;

/// The most actions a plan holds: a plan of everything is no plan.
pub const MAX_ACTIONS: usize = 5;

/// Targets and actions.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Target level (1–5) per dimension id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub targets: BTreeMap<String, u8>,
    /// The chosen next steps, in the order chosen.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
}

/// One chosen next step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// The recommendation's id.
    pub recommendation: String,
    /// Who does it (free text, may be empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub who: String,
    /// By when, `YYYY-MM-DD`, or empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
}

/// Why an action cannot be added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanFull;

impl Plan {
    /// Nothing set: the result file then carries no `plan`.
    pub fn is_empty(&self) -> bool {
        self.targets.is_empty() && self.actions.is_empty()
    }

    /// Sets (or with `None` clears) the target of `dimension`.
    pub fn set_target(&mut self, dimension: &str, level: Option<u8>) {
        match level.filter(|level| (1..=5).contains(level)) {
            Some(level) => {
                self.targets.insert(dimension.to_owned(), level);
            }
            None => {
                self.targets.remove(dimension);
            }
        }
    }

    /// Whether `recommendation` is among the actions.
    pub fn has_action(&self, recommendation: &str) -> bool {
        self.actions
            .iter()
            .any(|action| action.recommendation == recommendation)
    }

    /// Adds `recommendation` as an action, unless the plan is full.
    pub fn add_action(&mut self, recommendation: &str) -> Result<(), PlanFull> {
        if self.has_action(recommendation) {
            return Ok(());
        }
        if self.actions.len() >= MAX_ACTIONS {
            return Err(PlanFull);
        }
        self.actions.push(Action {
            recommendation: recommendation.to_owned(),
            who: String::new(),
            by: String::new(),
        });
        Ok(())
    }

    /// Removes the action for `recommendation`.
    pub fn remove_action(&mut self, recommendation: &str) {
        self.actions
            .retain(|action| action.recommendation != recommendation);
    }

    /// The action for `recommendation`, to fill in who and by when.
    pub fn action_mut(&mut self, recommendation: &str) -> Option<&mut Action> {
        self.actions
            .iter_mut()
            .find(|action| action.recommendation == recommendation)
    }

    /// What in a plan read from a file does not fit `bank`: unknown areas or
    /// next steps, levels outside 1–5, more than five actions, dates not
    /// written `YYYY-MM-DD`. Empty when it fits.
    pub fn problems(&self, bank: &Bank) -> Vec<String> {
        let mut problems = Vec::new();
        for (dimension, level) in &self.targets {
            if !bank.catalogue.dimensions.iter().any(|d| &d.id == dimension) {
                problems.push(format!("plan.targets: unknown area `{}`", echo(dimension)));
            }
            if !(1..=5).contains(level) {
                problems.push(format!(
                    "plan.targets.{}: level {level} is not 1–5",
                    echo(dimension)
                ));
            }
        }
        if self.actions.len() > MAX_ACTIONS {
            problems.push(format!(
                "plan.actions: {} actions, at most {MAX_ACTIONS}",
                self.actions.len()
            ));
        }
        for action in &self.actions {
            if !bank
                .recommendations
                .iter()
                .any(|r| r.id == action.recommendation)
            {
                problems.push(format!(
                    "plan.actions: unknown next step `{}`",
                    echo(&action.recommendation)
                ));
            }
            if !action.by.is_empty() && !is_iso_date(&action.by) {
                problems.push(format!(
                    "plan.actions.{}.by: `{}` is not a date written YYYY-MM-DD",
                    echo(&action.recommendation),
                    echo(&action.by)
                ));
            }
        }
        problems
    }
}

fn is_iso_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(at, byte)| match at {
            4 | 7 => *byte == b'-',
            _ => byte.is_ascii_digit(),
        })
}

/// An earlier plan followed up at a later visit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    /// Each target against the level the later result reached.
    pub targets: Vec<TargetOutcome>,
    /// Each action and whether its next step is no longer suggested.
    pub actions: Vec<ActionOutcome>,
}

/// One target, followed up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetOutcome {
    /// Dimension id.
    pub dimension: String,
    /// The level aimed at.
    pub target: u8,
    /// The level reached, if the later result has one for that area.
    pub actual: Option<u8>,
}

impl TargetOutcome {
    /// The level reached is at least the target.
    pub fn met(&self) -> bool {
        self.actual.is_some_and(|actual| actual >= self.target)
    }
}

/// One action, followed up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionOutcome {
    /// The action as planned.
    pub action: Action,
    /// The later result no longer suggests this next step: what it asked
    /// for is in place.
    pub addressed: bool,
}

/// The plan of `earlier` followed up by `later`, in catalogue order of
/// areas; `None` when `earlier` has no plan.
pub fn follow_up(earlier: &ResultDoc, later: &ResultDoc) -> Option<FollowUp> {
    if earlier.plan.is_empty() {
        return None;
    }
    let targets = earlier
        .dimensions
        .iter()
        .filter_map(|dimension| {
            let target = *earlier.plan.targets.get(&dimension.id)?;
            let actual = later
                .dimensions
                .iter()
                .find(|d| d.id == dimension.id)
                .and_then(|d| d.level);
            Some(TargetOutcome {
                dimension: dimension.id.clone(),
                target,
                actual,
            })
        })
        .collect();
    let actions = earlier
        .plan
        .actions
        .iter()
        .map(|action| ActionOutcome {
            action: action.clone(),
            addressed: !later.recommendations.contains(&action.recommendation),
        })
        .collect();
    Some(FollowUp { targets, actions })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_holds_five_actions_and_levels_one_to_five() {
        let mut plan = Plan::default();
        assert!(plan.is_empty());
        for id in ["a", "b", "c", "d", "e"] {
            assert_eq!(plan.add_action(id), Ok(()));
        }
        assert_eq!(plan.add_action("a"), Ok(()), "already there");
        assert_eq!(plan.add_action("f"), Err(PlanFull));
        plan.remove_action("c");
        assert_eq!(plan.add_action("f"), Ok(()));
        plan.set_target("hiring", Some(4));
        plan.set_target("culture", Some(9));
        assert_eq!(plan.targets.len(), 1, "9 is no level");
        plan.set_target("hiring", None);
        assert!(plan.targets.is_empty());
    }

    #[test]
    fn dates_are_written_as_iso() {
        assert!(is_iso_date("2027-03-31"));
        assert!(!is_iso_date("2027/03/31"));
        assert!(!is_iso_date("27-3-31"));
    }
}
