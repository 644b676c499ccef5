//! A question: its dimension, texts, law and indicators, and the fields
//! of its kind (ladder steps, options, a cap, number bands).

use std::collections::BTreeMap;

use super::condition::Context;
use super::law::states_law;
use super::{LADDER_STEPS, Reported, ShowIfGraph, Validator};
use crate::format::diag::{Code, Diagnostic};
use crate::format::raw::{QuestionKindName, RawBand, RawOption, RawQuestion, Spanned};
use crate::format::source::Span;
use crate::model::bank::{Band, Catalogue, Choice, Item, MAX_OPTIONS, Question, QuestionKind};
use crate::model::index::QuestionIndex;

impl Validator {
    pub(super) fn question(
        &mut self,
        index: usize,
        raw: &RawQuestion,
        catalogue: &Catalogue,
        items: &BTreeMap<String, Item>,
        earlier: &[Result<Question, Reported>],
        graph: &ShowIfGraph,
    ) -> Result<Question, Reported> {
        let path = format!("questions[{index}]");
        let errors_before = self.reports.error_count();
        let dimension = self.dimension(&raw.dimension, catalogue, &format!("{path}.dimension"));
        let text = self.text(&raw.text, &format!("{path}.text"));
        let help = raw
            .help
            .as_ref()
            .map(|help| self.text(help, &format!("{path}.help")));
        let source = self.source(raw.source.as_ref(), &raw.id, &path, "question");
        let law = self.law(raw.basis.as_ref(), raw.effective.as_ref(), &raw.id, &path);
        if let Some(help_raw) = &raw.help
            && matches!(law, Ok(None))
            && help.as_ref().is_some_and(|help| states_law(&help.ja))
        {
            self.reports.warning(
                Diagnostic::warning(
                    Code::LawWithoutBasis,
                    format!("the help of `{}` states law but names no basis", raw.id.value),
                )
                .at(help_raw.span)
                .path(format!("{path}.help"))
                .hint("add `basis:` (law and article) and `effective:` (the date it took effect), or leave the law to a gate"),
            );
        }
        let weight = self.weight(raw.weight.as_ref(), &format!("{path}.weight"), true);
        let kind = self.kind(raw, &path);
        let covers = self.indicators(&raw.covers, catalogue, &format!("{path}.covers"));
        let show_if = raw
            .show_if
            .as_ref()
            .map(|show_if| {
                let context = Context::ShowIf {
                    at: QuestionIndex::new(index),
                    id: &raw.id.value,
                    items,
                    questions: earlier,
                    graph,
                };
                self.condition(show_if, &format!("{path}.show_if"), &context)
            })
            .transpose();
        let question = Question {
            id: raw.id.value.clone(),
            dimension: dimension?,
            kind: kind?,
            text,
            help,
            source,
            law: law?,
            weight,
            allow_na: raw.allow_na,
            show_if: show_if?,
            covers: covers?,
        };
        // A placeholder (a text without Japanese, a weight out of range)
        // was reported within this question: leave it out as well.
        if self.reports.error_count() > errors_before {
            self.reports.any_error()?;
        }
        Ok(question)
    }

    /// Checks that exactly the fields of the question's kind are present.
    fn kind(&mut self, raw: &RawQuestion, path: &str) -> Result<QuestionKind, Reported> {
        use QuestionKindName as K;
        let kind = raw.kind.value;
        let present: [(&str, Option<Span>, &[K]); 6] = [
            ("steps", raw.steps.as_ref().map(|s| s.span), &[K::Ladder]),
            (
                "options",
                raw.options.as_ref().map(|s| s.span),
                &[K::Single, K::Multiple],
            ),
            ("cap", raw.cap.as_ref().map(|s| s.span), &[K::Multiple]),
            ("bands", raw.bands.as_ref().map(|s| s.span), &[K::Number]),
            ("unit", raw.unit.as_ref().map(|s| s.span), &[K::Number]),
            ("min", raw.min.as_ref().map(|s| s.span), &[K::Number]),
        ];
        let kind_name: &str = kind.into();
        let mut fields = Ok(());
        let max_field = raw
            .max
            .as_ref()
            .map(|s| ("max", s.span, [K::Number].as_slice()));
        for (field, span, kinds) in present
            .iter()
            .filter_map(|&(field, span, kinds)| span.map(|span| (field, span, kinds)))
            .chain(max_field)
        {
            if !kinds.contains(&kind) {
                fields = Err(self.push(
                    Diagnostic::error(
                        Code::KindFields,
                        format!("`{field}` is not used by a `{kind_name}` question"),
                    )
                    .at(span)
                    .path(format!("{path}.{field}"))
                    .hint(format!(
                        "remove `{field}`, or change `kind:` to a kind that uses it"
                    )),
                ));
            }
        }
        let needs = |field: &str| {
            Diagnostic::error(
                Code::KindFields,
                format!("a `{kind_name}` question needs `{field}`"),
            )
            .at(raw.kind.span)
            .path(format!("{path}.{field}"))
        };
        let built = match kind {
            K::Ladder => match &raw.steps {
                Some(steps) => self
                    .five_texts(steps, &format!("{path}.steps"), LADDER_STEPS)
                    .map(|steps| QuestionKind::Ladder { steps }),
                None => Err(self
                    .push(needs("steps").hint("list five steps, from 1 (lowest) to 5 (highest)"))),
            },
            K::YesNo => Ok(QuestionKind::YesNo),
            K::Single | K::Multiple => match &raw.options {
                Some(options) => {
                    let choices = self.options(options, kind, &format!("{path}.options"));
                    match kind {
                        K::Single => choices.map(|options| QuestionKind::Single { options }),
                        _ => choices.and_then(|options| {
                            let cap = match &raw.cap {
                                Some(cap) if !(cap.value.is_finite() && cap.value > 0.0) => {
                                    return Err(self.push(
                                        Diagnostic::error(Code::InvalidWeight, format!("cap {} is not a positive number", cap.value))
                                            .at(cap.span)
                                            .path(format!("{path}.cap"))
                                            .hint("the cap is the summed option score that counts as full marks, e.g. 1"),
                                    ));
                                }
                                Some(cap) => cap.value,
                                None => options.iter().map(|option| option.score).sum::<f64>(),
                            };
                            if cap > 0.0 {
                                return Ok(QuestionKind::Multiple { options, cap });
                            }
                            // Without `cap:` the cap is the options' summed
                            // score; when every option scores 0 nothing could
                            // ever count.
                            let span = options_span(raw).unwrap_or(raw.kind.span);
                            Err(self.push(
                                Diagnostic::error(
                                    Code::InvalidWeight,
                                    format!("every option of `{}` scores 0 and no `cap:` is given, so no answer could count", raw.id.value),
                                )
                                .at(span)
                                .path(format!("{path}.options"))
                                .hint("give the options that count a score above 0; to ask without scoring, set `weight: 0` and `cap: 1`"),
                            ))
                        }),
                    }
                }
                None => Err(self.push(
                    needs("options").hint("list the options, each with `id`, `label` and `score`"),
                )),
            },
            K::Number => match &raw.bands {
                Some(bands) => {
                    self.bands(bands, &format!("{path}.bands"))
                        .map(|bands| QuestionKind::Number {
                            bands,
                            unit: raw
                                .unit
                                .as_ref()
                                .map(|unit| self.text(unit, &format!("{path}.unit"))),
                            min: raw.min.as_ref().map(|min| min.value),
                            max: raw.max.as_ref().map(|max| max.value),
                        })
                }
                None => Err(self.push(needs("bands").hint(
                    "list score bands, e.g. `- {from: 0, score: 0}` and `- {from: 5, score: 1}`",
                ))),
            },
        };
        if let (Some(min), Some(max)) = (&raw.min, &raw.max)
            && min.value > max.value
        {
            return Err(self.push(
                Diagnostic::error(
                    Code::ThresholdsNotAscending,
                    format!("min {} is above max {}", min.value, max.value),
                )
                .at(max.span)
                .path(format!("{path}.max"))
                .hint("swap them"),
            ));
        }
        fields.and(built)
    }

    fn options(
        &mut self,
        options: &Spanned<Vec<RawOption>>,
        kind: QuestionKindName,
        path: &str,
    ) -> Result<Vec<Choice>, Reported> {
        let count = options.value.len();
        let mut ok = Ok(());
        if !(2..=MAX_OPTIONS).contains(&count) {
            ok = Err(self.push(
                Diagnostic::error(
                    Code::OptionCount,
                    format!("a choice question needs 2 to {MAX_OPTIONS} options; {count} given"),
                )
                .at(options.span)
                .path(path)
                .hint("for a single yes/no, use `kind: yes_no`"),
            ));
        }
        let mut seen = BTreeMap::new();
        let mut choices = Vec::with_capacity(count);
        for (index, option) in options.value.iter().enumerate() {
            let option_path = format!("{path}[{index}]");
            if let Err(reported) = self.id(
                &option.id,
                &format!("{option_path}.id"),
                &mut seen,
                "option",
            ) {
                ok = Err(reported);
            }
            if option.exclusive && kind != QuestionKindName::Multiple {
                ok = Err(self.push(
                    Diagnostic::error(
                        Code::KindFields,
                        "`exclusive` is only used by `multiple` questions",
                    )
                    .at(option.id.span)
                    .path(format!("{option_path}.exclusive"))
                    .hint("a `single` question's options exclude each other already; remove it"),
                ));
            }
            choices.push(Choice {
                id: option.id.value.clone(),
                label: self.text(&option.label, &format!("{option_path}.label")),
                score: self.score(&option.score, &format!("{option_path}.score")),
                exclusive: option.exclusive,
            });
        }
        ok.map(|()| choices)
    }

    fn bands(&mut self, bands: &Spanned<Vec<RawBand>>, path: &str) -> Result<Vec<Band>, Reported> {
        if bands.value.is_empty() {
            return Err(self.push(
                Diagnostic::error(
                    Code::KindFields,
                    "a `number` question needs at least one band",
                )
                .at(bands.span)
                .path(path)
                .hint("e.g. `- {from: 0, score: 0}` and `- {from: 5, score: 1}`"),
            ));
        }
        let mut ok = Ok(());
        let mut built = Vec::new();
        for (index, band) in bands.value.iter().enumerate() {
            let score = self.score(&band.score, &format!("{path}[{index}].score"));
            if let Some(previous) = built.last().map(|band: &Band| band.from)
                && band.from.value <= previous
            {
                ok = Err(self.push(
                    Diagnostic::error(
                        Code::ThresholdsNotAscending,
                        format!(
                            "band from {} is not above the band before it ({previous})",
                            band.from.value
                        ),
                    )
                    .at(band.from.span)
                    .path(format!("{path}[{index}].from"))
                    .hint("list bands by rising `from`"),
                ));
            }
            built.push(Band {
                from: band.from.value,
                score,
            });
        }
        ok.map(|()| built)
    }
}

/// Where a question's `options:` list is written.
fn options_span(raw: &RawQuestion) -> Option<Span> {
    raw.options.as_ref().map(|options| options.span)
}
