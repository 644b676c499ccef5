//! A recommendation: a next step, when its condition holds (which may test
//! dimension levels), with a priority and the programs that fit.

use std::collections::BTreeMap;

use super::condition::Context;
use super::{Reported, Validator};
use crate::format::diag::{Code, Diagnostic};
use crate::format::raw::RawRecommendation;
use crate::format::source::Span;
use crate::model::bank::{Catalogue, Condition, Item, Question, Recommendation};
use crate::model::index::DimensionIndex;

impl Validator {
    /// Checks recommendation `index`; `seen` holds the recommendation ids
    /// met so far.
    pub(super) fn recommendation(
        &mut self,
        index: usize,
        rule: &RawRecommendation,
        seen: &mut BTreeMap<String, Span>,
        catalogue: &Catalogue,
        items: &BTreeMap<String, Item>,
        questions: &[Result<Question, Reported>],
    ) -> Result<Recommendation, Reported> {
        let path = format!("recommendations[{index}]");
        let id = self.id(&rule.id, &format!("{path}.id"), seen, "recommendation");
        let context = Context::Recommendation {
            catalogue,
            items,
            questions,
        };
        let when = self.condition(&rule.when, &format!("{path}.when"), &context);
        let priority = match &rule.priority {
            Some(priority) if !(1..=5).contains(&priority.value) => {
                self.push(
                    Diagnostic::error(
                        Code::InvalidValue,
                        format!("priority {} is outside 1–5", priority.value),
                    )
                    .at(priority.span)
                    .path(format!("{path}.priority"))
                    .hint("1 is the most urgent, 5 the least; leave it out for 3"),
                );
                3
            }
            Some(priority) => priority.value,
            None => 3,
        };
        let text = self.text(&rule.text, &format!("{path}.text"));
        let programs = self.programs(&rule.programs, catalogue, &format!("{path}.programs"));
        let when = when?;
        let mut dimensions = Vec::new();
        collect_dimensions(&when, &mut dimensions);
        Ok(Recommendation {
            id: id?,
            when,
            priority,
            text,
            programs: programs?,
            dimensions,
        })
    }
}

/// The dimensions a condition looks at, each once, in the order met.
fn collect_dimensions(condition: &Condition, into: &mut Vec<DimensionIndex>) {
    match condition {
        Condition::Level { dimension, .. } => {
            if !into.contains(dimension) {
                into.push(*dimension);
            }
        }
        Condition::All(all) | Condition::Any(all) => {
            for condition in all {
                collect_dimensions(condition, into);
            }
        }
        Condition::Not(inner) => collect_dimensions(inner, into),
        Condition::Answer { .. } | Condition::Profile(_) => {}
    }
}
