//! A gate: an unscored compliance check, with its law (required), the
//! companies it binds (`applies_if`), the figure it shows and the programs
//! that help.

use std::collections::BTreeMap;

use super::condition::Context;
use super::{Reported, Validator};
use crate::format::diag::{Code, Diagnostic};
use crate::format::raw::{RawGate, RawGateFigure};
use crate::model::bank::{Catalogue, Gate, GateFigure, Item, Question};

impl Validator {
    /// Checks gate `index`; a `superseded` edition's law needs no date.
    pub(super) fn gate(
        &mut self,
        index: usize,
        gate: &RawGate,
        superseded: bool,
        catalogue: &Catalogue,
        items: &BTreeMap<String, Item>,
        questions: &[Result<Question, Reported>],
    ) -> Result<Gate, Reported> {
        let path = format!("gates[{index}]");
        let law = self.required_law(
            !superseded,
            gate.basis.as_ref(),
            gate.effective.as_ref(),
            &gate.id,
            &path,
        );
        let applies_if = gate
            .applies_if
            .as_ref()
            .map(|condition| {
                let context = Context::Gate { items, questions };
                self.condition(condition, &format!("{path}.applies_if"), &context)
            })
            .transpose();
        let shows = gate.shows.as_ref().map(|figure| match figure.value {
            RawGateFigure::MinimumWage => {
                if catalogue.minimum_wages.is_none() {
                    self.push_catalogue_ref(
                        Diagnostic::error(
                            Code::MissingField,
                            "the gate shows the minimum wage, but the catalogue has no `minimum_wages:` table",
                        )
                        .at(figure.span)
                        .path(format!("{path}.shows"))
                        .hint("add `minimum_wages:` with one dated rate per prefecture to the catalogue"),
                    );
                }
                GateFigure::MinimumWage
            }
        });
        let text = self.text(&gate.text, &format!("{path}.text"));
        let explanation = self.text(&gate.explanation, &format!("{path}.explanation"));
        let help = self.text(&gate.help, &format!("{path}.help"));
        let programs = self.programs(&gate.programs, catalogue, &format!("{path}.programs"));
        Ok(Gate {
            id: gate.id.value.clone(),
            text,
            explanation,
            help,
            law: law?,
            applies_if: applies_if?,
            shows,
            programs: programs?,
        })
    }
}
