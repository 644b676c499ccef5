//! A bank: its ids first (so conditions may name any question), then its
//! questions, gates and recommendations, checked against the catalogue.

use std::collections::BTreeMap;

use super::{Mismatch, Reported, ShowIfGraph, Validator};
use crate::format::diag::{Code, Diagnostic};
use crate::format::raw::RawBank;
use crate::model::bank::{Bank, Catalogue, Item, Question};
use crate::model::index::{GateIndex, QuestionIndex};

/// Checks a raw bank against its catalogue.
pub(crate) fn bank(raw: RawBank, catalogue: &Catalogue) -> (Vec<Diagnostic>, Option<Bank>) {
    let mut v = Validator::new();
    let id = v.id(&raw.id, "id", &mut BTreeMap::new(), "bank");
    if raw.catalogue.value != catalogue.id {
        let (proof, index) = v.reports.error_kept(
            Diagnostic::error(
                Code::CatalogueMismatch,
                format!(
                    "the bank is written for catalogue `{}` but is loaded with `{}`",
                    raw.catalogue.value, catalogue.id
                ),
            )
            .at(raw.catalogue.span)
            .path("catalogue")
            .hint(format!(
                "set `catalogue: {}` or load the catalogue it was written for",
                catalogue.id
            )),
        );
        v.mismatch = Some(Mismatch {
            proof,
            index,
            unchecked: 0,
        });
    }
    let title = v.text(&raw.title, "title");
    let intro = raw.intro.as_ref().map(|intro| v.text(intro, "intro"));
    let superseded = raw.superseded_by.is_some();
    let as_of = match &raw.as_of {
        Some(date) => v.date(date, "as_of").map(Some),
        None if !raw.gates.is_empty() && !superseded => Err(v.push(
            Diagnostic::error(
                Code::MissingField,
                "the bank has gates but no `as_of:` date",
            )
            .at(raw.kind.span)
            .path("as_of")
            .hint("add `as_of: 2026-12-01`, the day whose law the gates state; the sheet shows it"),
        )),
        None => Ok(None),
    };

    // Ids first, so that conditions can refer to any question by id.
    let mut seen = BTreeMap::new();
    let mut items = BTreeMap::new();
    let ids = raw
        .questions
        .iter()
        .enumerate()
        .map(|(index, question)| {
            (
                &question.id,
                format!("questions[{index}].id"),
                Item::Question(QuestionIndex::new(index)),
            )
        })
        .chain(raw.gates.iter().enumerate().map(|(index, gate)| {
            (
                &gate.id,
                format!("gates[{index}].id"),
                Item::Gate(GateIndex::new(index)),
            )
        }));
    for (id, path, item) in ids {
        match v.id(id, &path, &mut seen, "question") {
            Ok(name) => {
                items.entry(name).or_insert(item);
            }
            // A well-formed id already seen: a duplicate, kept so that a
            // condition naming the id it was meant to have can say so.
            Err(proof) if seen.contains_key(&id.value) => {
                let index = v.reports.last_index();
                v.duplicated
                    .entry(id.value.clone())
                    .or_insert((index, proof));
            }
            Err(_) => {}
        }
    }

    let show_if = ShowIfGraph::new(&raw.questions, &items);
    let mut questions: Vec<Result<Question, Reported>> = Vec::with_capacity(raw.questions.len());
    for (index, question) in raw.questions.iter().enumerate() {
        let built = v.question(index, question, catalogue, &items, &questions, &show_if);
        questions.push(built);
    }

    for dimension in &catalogue.dimensions {
        let asked = raw
            .questions
            .iter()
            .any(|question| question.dimension.value == dimension.id);
        if !asked {
            v.push_catalogue_ref(
                Diagnostic::error(
                    Code::DimensionWithoutQuestions,
                    format!(
                        "dimension `{}` ({}) has no question in this bank",
                        dimension.id, dimension.name.ja
                    ),
                )
                .at(raw.tier.span)
                .path("questions")
                .hint("every tier scores every dimension so that results compare; add a question with this `dimension:`"),
            );
        }
    }

    let gates: Vec<_> = raw
        .gates
        .iter()
        .enumerate()
        .map(|(index, gate)| v.gate(index, gate, superseded, catalogue, &items, &questions))
        .collect();

    let mut seen = BTreeMap::new();
    let recommendations: Vec<_> = raw
        .recommendations
        .iter()
        .enumerate()
        .map(|(index, rule)| {
            v.recommendation(index, rule, &mut seen, catalogue, &items, &questions)
        })
        .collect();

    v.explain_mismatch();
    let bank = (|| {
        Ok(Bank {
            id: id?,
            version: raw.version.value,
            tier: raw.tier.value,
            title,
            intro,
            as_of: as_of?,
            superseded_by: raw.superseded_by.map(|edition| edition.value),
            catalogue: catalogue.clone(),
            questions: questions.into_iter().collect::<Result<_, _>>()?,
            gates: gates.into_iter().collect::<Result<_, _>>()?,
            recommendations: recommendations.into_iter().collect::<Result<_, _>>()?,
            items,
        })
    })();
    v.finish(bank)
}
