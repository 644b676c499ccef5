//! Conditions (`show_if`, `applies_if`, a recommendation's `when`): one
//! subject each, resolved to indices, with the tests its subject allows.

use std::collections::BTreeMap;

use super::{Reported, ShowIfGraph, Validator};
use crate::format::diag::{Code, Diagnostic, Related};
use crate::format::raw::{ProfileField, RawCondition, Spanned};
use crate::format::source::Span;
use crate::format::suggest::suggest;
use crate::model::bank::{
    AnswerTest, Catalogue, Condition, Item, ProfileTest, Question, QuestionKind,
};
use crate::model::index::{OptionIndex, QuestionIndex};
use crate::model::profile::Prefecture;
use crate::model::tier::Industry;

/// What a condition may refer to.
pub(super) enum Context<'a> {
    /// `show_if` of question `at`: earlier answers only.
    ShowIf {
        at: QuestionIndex,
        id: &'a str,
        items: &'a BTreeMap<String, Item>,
        questions: &'a [Result<Question, Reported>],
        graph: &'a ShowIfGraph,
    },
    /// A recommendation: any answer and any dimension level.
    Recommendation {
        catalogue: &'a Catalogue,
        items: &'a BTreeMap<String, Item>,
        questions: &'a [Result<Question, Reported>],
    },
    /// A gate's `applies_if`: the profile and any answer, no level.
    Gate {
        items: &'a BTreeMap<String, Item>,
        questions: &'a [Result<Question, Reported>],
    },
}

impl Validator {
    pub(super) fn condition(
        &mut self,
        raw: &Spanned<RawCondition>,
        path: &str,
        context: &Context<'_>,
    ) -> Result<Condition, Reported> {
        let condition = &raw.value;
        let subjects: Vec<&str> = [
            ("question", condition.question.is_some()),
            ("dimension", condition.dimension.is_some()),
            ("profile", condition.profile.is_some()),
            ("all", condition.all.is_some()),
            ("any", condition.any.is_some()),
            ("not", condition.not.is_some()),
        ]
        .into_iter()
        .filter_map(|(name, present)| present.then_some(name))
        .collect();
        if subjects.len() != 1 {
            let found = if subjects.is_empty() {
                "none".to_owned()
            } else {
                subjects
                    .iter()
                    .map(|s| format!("`{s}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            return Err(self.push(
                Diagnostic::error(Code::InvalidCondition, format!("a condition needs exactly one subject; found {found}"))
                    .at(raw.span)
                    .path(path)
                    .hint("use one of `question`, `dimension`, `profile`, `all`, `any`, `not`; combine several with `all:` or `any:`"),
            ));
        }
        let tests: Vec<(&str, Span)> = [
            ("equals", condition.equals.as_ref().map(|t| t.span)),
            (
                "one_of",
                condition
                    .one_of
                    .as_ref()
                    .and_then(|t| t.first())
                    .map(|t| t.span),
            ),
            ("includes", condition.includes.as_ref().map(|t| t.span)),
            ("at_least", condition.at_least.as_ref().map(|t| t.span)),
            ("at_most", condition.at_most.as_ref().map(|t| t.span)),
            (
                "level_at_least",
                condition.level_at_least.as_ref().map(|t| t.span),
            ),
            (
                "level_at_most",
                condition.level_at_most.as_ref().map(|t| t.span),
            ),
        ]
        .into_iter()
        .filter_map(|(name, span)| span.map(|span| (name, span)))
        .collect();

        if let Some(list) = condition.all.as_ref().or(condition.any.as_ref()) {
            let name = if condition.all.is_some() {
                "all"
            } else {
                "any"
            };
            if let Some(&(test, span)) = tests.first() {
                return self.misplaced_test(test, span, path, name);
            }
            if list.is_empty() {
                return Err(self.push(
                    Diagnostic::error(
                        Code::InvalidCondition,
                        format!("`{name}` lists no condition"),
                    )
                    .at(raw.span)
                    .path(format!("{path}.{name}"))
                    .hint("list at least one condition, or remove it"),
                ));
            }
            // Every part is checked, so that all their problems are shown.
            let parts: Vec<Result<Condition, Reported>> = list
                .iter()
                .enumerate()
                .map(|(index, part)| {
                    self.condition(part, &format!("{path}.{name}[{index}]"), context)
                })
                .collect();
            let parts = parts.into_iter().collect::<Result<Vec<_>, _>>()?;
            return Ok(if name == "all" {
                Condition::All(parts)
            } else {
                Condition::Any(parts)
            });
        }
        if let Some(inner) = &condition.not {
            if let Some(&(test, span)) = tests.first() {
                return self.misplaced_test(test, span, path, "not");
            }
            return self
                .condition(inner, &format!("{path}.not"), context)
                .map(|inner| Condition::Not(Box::new(inner)));
        }
        if let Some(field) = &condition.profile {
            return self.profile_condition(condition, field, &tests, path);
        }
        if let Some(dimension) = &condition.dimension {
            let Context::Recommendation { catalogue, .. } = context else {
                let what = match context {
                    Context::Gate { .. } => "`applies_if` can only test the profile and answers",
                    _ => "`show_if` can only test earlier answers and the profile",
                };
                return Err(self.push(
                    Diagnostic::error(
                        Code::InvalidCondition,
                        format!("{what}, not dimension levels"),
                    )
                    .at(dimension.span)
                    .path(format!("{path}.dimension"))
                    .hint("levels exist only after scoring; use `question:` or `profile:` here"),
                ));
            };
            return self.level_condition(condition, dimension, &tests, catalogue, path);
        }
        // Exactly one subject, and not any of the others: the question.
        let Some(question) = condition.question.as_ref() else {
            return Err(self.push(
                Diagnostic::error(Code::InvalidCondition, "a condition needs a subject")
                    .at(raw.span)
                    .path(path)
                    .hint("use one of `question`, `dimension`, `profile`, `all`, `any`, `not`"),
            ));
        };
        let (items, questions) = match context {
            Context::ShowIf {
                items, questions, ..
            }
            | Context::Recommendation {
                items, questions, ..
            }
            | Context::Gate { items, questions } => (*items, *questions),
        };
        let index = match items.get(&question.value) {
            Some(&Item::Question(index)) => index,
            Some(&Item::Gate(_)) => {
                return Err(self.push(
                    Diagnostic::error(
                        Code::InvalidCondition,
                        format!(
                            "`{}` is a gate; conditions test scored questions",
                            question.value
                        ),
                    )
                    .at(question.span)
                    .path(format!("{path}.question"))
                    .hint("gate findings are reported on their own"),
                ));
            }
            None => {
                let known: Vec<&str> = items.keys().map(String::as_str).collect();
                if let Some(proof) = self.meant_duplicate(question, &known) {
                    return Err(proof);
                }
                return Err(self.push(
                    Diagnostic::error(
                        Code::UnknownQuestion,
                        format!("question `{}` does not exist in this bank", question.value),
                    )
                    .at(question.span)
                    .path(format!("{path}.question"))
                    .hint(suggest(&question.value, &known, "questions")),
                ));
            }
        };
        if let Context::ShowIf { at, id, graph, .. } = context
            && index >= *at
        {
            return Err(self.later_reference(*at, id, index, question, path, graph));
        }
        // The referenced question had errors of its own: they are reported
        // there, and its proof stands for this condition too.
        let target = match questions.get(index.get()) {
            Some(Ok(target)) => target,
            Some(Err(reported)) => return Err(*reported),
            None => {
                return Err(self.push(
                    Diagnostic::error(
                        Code::ShowIfForward,
                        format!(
                            "`show_if` refers to `{}`, which is asked later",
                            question.value
                        ),
                    )
                    .at(question.span)
                    .path(format!("{path}.question")),
                ));
            }
        };
        self.answer_test(condition, question, target, &tests, path)
            .map(|test| Condition::Answer {
                question: index,
                test,
            })
    }

    /// A condition naming a question no one has, close to an id given
    /// twice: most likely the copy was meant to get this id. Said on the
    /// `duplicate-id` error, whose proof then stands for this reference,
    /// rather than as "did you mean" the duplicated id.
    fn meant_duplicate(&mut self, question: &Spanned<String>, known: &[&str]) -> Option<Reported> {
        let nearest = crate::format::suggest::nearest(&question.value, known)?;
        let &(index, proof) = self.duplicated.get(nearest)?;
        let name = &question.value;
        self.reports.amend(index, |diagnostic| {
            diagnostic.related.push(Related {
                span: question.span,
                label: format!("a condition names `{name}`, which no question has"),
            });
            diagnostic
                .hints
                .push(format!("if this is `{name}`, rename it"));
        });
        Some(proof)
    }

    fn misplaced_test(
        &mut self,
        test: &str,
        span: Span,
        path: &str,
        subject: &str,
    ) -> Result<Condition, Reported> {
        Err(self.push(
            Diagnostic::error(
                Code::ConditionMismatch,
                format!("`{test}` does not apply to `{subject}`"),
            )
            .at(span)
            .path(format!("{path}.{test}"))
            .hint(format!(
                "put `{test}` inside one of the conditions listed under `{subject}`"
            )),
        ))
    }

    fn level_condition(
        &mut self,
        condition: &RawCondition,
        dimension: &Spanned<String>,
        tests: &[(&str, Span)],
        catalogue: &Catalogue,
        path: &str,
    ) -> Result<Condition, Reported> {
        let index = self.dimension(dimension, catalogue, &format!("{path}.dimension"))?;
        let mut ok = Ok(());
        for &(test, span) in tests {
            if !test.starts_with("level_") {
                ok = Err(self.push(
                    Diagnostic::error(
                        Code::ConditionMismatch,
                        format!("`{test}` tests an answer, not a dimension"),
                    )
                    .at(span)
                    .path(format!("{path}.{test}"))
                    .hint("for a dimension use `level_at_most` or `level_at_least`"),
                ));
            }
        }
        let mut bound = |value: &Option<Spanned<u8>>, name: &str, default: u8| match value {
            Some(level) if !(1..=5).contains(&level.value) => {
                ok = Err(self.push(
                    Diagnostic::error(
                        Code::InvalidValue,
                        format!("level {} is outside 1–5", level.value),
                    )
                    .at(level.span)
                    .path(format!("{path}.{name}"))
                    .hint("levels run from 1 to 5"),
                ));
                default
            }
            Some(level) => level.value,
            None => default,
        };
        let at_least = bound(&condition.level_at_least, "level_at_least", 1);
        let at_most = bound(&condition.level_at_most, "level_at_most", 5);
        if condition.level_at_least.is_none() && condition.level_at_most.is_none() {
            ok = Err(self.push(
                Diagnostic::error(
                    Code::InvalidCondition,
                    format!("the condition on `{}` has no test", dimension.value),
                )
                .at(dimension.span)
                .path(path)
                .hint("add `level_at_most: 2` (weak) or `level_at_least: 4` (strong)"),
            ));
        }
        ok.map(|()| Condition::Level {
            dimension: index,
            at_least,
            at_most,
        })
    }

    fn answer_test(
        &mut self,
        condition: &RawCondition,
        question: &Spanned<String>,
        target: &Question,
        tests: &[(&str, Span)],
        path: &str,
    ) -> Result<AnswerTest, Reported> {
        let allowed: &[&str] = match target.kind {
            QuestionKind::YesNo => &["equals"],
            QuestionKind::Single { .. } => &["equals", "one_of"],
            QuestionKind::Multiple { .. } => &["includes"],
            QuestionKind::Ladder { .. } | QuestionKind::Number { .. } => &["at_least", "at_most"],
        };
        let kind = target.kind.name();
        let allowed_list = allowed
            .iter()
            .map(|t| format!("`{t}`"))
            .collect::<Vec<_>>()
            .join(" or ");
        let mut ok = Ok(());
        for &(test, span) in tests {
            if !allowed.contains(&test) {
                ok = Err(self.push(
                    Diagnostic::error(
                        Code::ConditionMismatch,
                        format!(
                            "`{test}` does not fit `{}`, a `{kind}` question",
                            question.value
                        ),
                    )
                    .at(span)
                    .path(format!("{path}.{test}"))
                    .hint(format!("a `{kind}` question is tested with {allowed_list}")),
                ));
            }
        }
        let no_test = |this: &mut Self| {
            this.push(
                Diagnostic::error(
                    Code::InvalidCondition,
                    format!("the condition on `{}` has no test", question.value),
                )
                .at(question.span)
                .path(path)
                .hint(format!("add {allowed_list}")),
            )
        };
        if tests.is_empty() {
            return Err(no_test(self));
        }
        ok?;
        let option = |this: &mut Self, id: &Spanned<String>, at: &str| {
            let options = target.kind.options();
            options
                .iter()
                .position(|option| option.id == id.value)
                .map(OptionIndex::new)
                .ok_or_else(|| {
                    let known: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
                    this.push(
                        Diagnostic::error(
                            Code::UnknownOption,
                            format!("question `{}` has no option `{}`", question.value, id.value),
                        )
                        .at(id.span)
                        .path(at.to_owned())
                        .hint(suggest(&id.value, &known, "options")),
                    )
                })
        };
        match target.kind {
            QuestionKind::YesNo => {
                let Some(equals) = condition.equals.as_ref() else {
                    return Err(no_test(self));
                };
                match equals.value.as_str() {
                    "yes" | "true" => Ok(AnswerTest::Is(true)),
                    "no" | "false" => Ok(AnswerTest::Is(false)),
                    other => Err(self.push(
                        Diagnostic::error(
                            Code::InvalidValue,
                            format!("`{other}` is not an answer to a yes/no question"),
                        )
                        .at(equals.span)
                        .path(format!("{path}.equals"))
                        .hint("use `equals: \"yes\"` or `equals: \"no\"`"),
                    )),
                }
            }
            QuestionKind::Single { .. } => {
                let ids = match self.listed_ids(condition, question.span, path)? {
                    Some(ids) => ids,
                    None => return Err(no_test(self)),
                };
                let mut mask = Ok(0u64);
                for (id, at) in ids {
                    match option(self, id, &at) {
                        Ok(option) => {
                            if let Ok(mask) = &mut mask {
                                *mask |= option.bit();
                            }
                        }
                        Err(reported) => mask = Err(reported),
                    }
                }
                mask.map(AnswerTest::OneOf)
            }
            QuestionKind::Multiple { .. } => {
                let Some(includes) = condition.includes.as_ref() else {
                    return Err(no_test(self));
                };
                option(self, includes, &format!("{path}.includes")).map(AnswerTest::Includes)
            }
            QuestionKind::Ladder { .. } | QuestionKind::Number { .. } => Ok(AnswerTest::Between {
                min: condition
                    .at_least
                    .as_ref()
                    .map_or(f64::NEG_INFINITY, |v| v.value),
                max: condition
                    .at_most
                    .as_ref()
                    .map_or(f64::INFINITY, |v| v.value),
            }),
        }
    }

    /// A test on the company profile: numbers for headcount and capital,
    /// ids for industry and prefecture.
    fn profile_condition(
        &mut self,
        condition: &RawCondition,
        field: &Spanned<ProfileField>,
        tests: &[(&str, Span)],
        path: &str,
    ) -> Result<Condition, Reported> {
        let numeric = matches!(
            field.value,
            ProfileField::RegularEmployees | ProfileField::CapitalYen
        );
        let allowed: &[&str] = if numeric {
            &["at_least", "at_most"]
        } else {
            &["equals", "one_of"]
        };
        let name = field.value.name();
        let allowed_list = allowed
            .iter()
            .map(|t| format!("`{t}`"))
            .collect::<Vec<_>>()
            .join(" or ");
        let mut ok = Ok(());
        for &(test, span) in tests {
            if !allowed.contains(&test) {
                ok = Err(self.push(
                    Diagnostic::error(
                        Code::ConditionMismatch,
                        format!("`{test}` does not fit the profile's `{name}`"),
                    )
                    .at(span)
                    .path(format!("{path}.{test}"))
                    .hint(format!("`profile: {name}` is tested with {allowed_list}")),
                ));
            }
        }
        let no_test = |this: &mut Self| {
            this.push(
                Diagnostic::error(
                    Code::InvalidCondition,
                    format!("the condition on the profile's `{name}` has no test"),
                )
                .at(field.span)
                .path(path)
                .hint(format!("add {allowed_list}")),
            )
        };
        if tests.is_empty() {
            return Err(no_test(self));
        }
        ok?;
        if numeric {
            let min = condition
                .at_least
                .as_ref()
                .map_or(f64::NEG_INFINITY, |v| v.value);
            let max = condition
                .at_most
                .as_ref()
                .map_or(f64::INFINITY, |v| v.value);
            return Ok(Condition::Profile(match field.value {
                ProfileField::RegularEmployees => ProfileTest::RegularEmployees { min, max },
                _ => ProfileTest::CapitalYen { min, max },
            }));
        }
        let ids = match self.listed_ids(condition, field.span, path)? {
            Some(ids) => ids,
            None => return Err(no_test(self)),
        };
        let known: Vec<&str> = if field.value == ProfileField::Industry {
            Industry::ALL.iter().map(|i| i.as_str()).collect()
        } else {
            Prefecture::ALL.iter().map(|p| p.as_str()).collect()
        };
        let mut mask = 0u32;
        for (id, at) in ids {
            match known.iter().position(|&k| k == id.value) {
                Some(bit) => mask |= 1 << bit,
                None => {
                    let what = if field.value == ProfileField::Industry {
                        "industries"
                    } else {
                        "prefectures"
                    };
                    ok = Err(self.push(
                        Diagnostic::error(
                            Code::InvalidValue,
                            format!("`{}` is not a {name} id", id.value),
                        )
                        .at(id.span)
                        .path(at)
                        .hint(suggest(&id.value, &known, what)),
                    ));
                }
            }
        }
        ok.map(|()| {
            Condition::Profile(if field.value == ProfileField::Industry {
                ProfileTest::Industry(mask)
            } else {
                ProfileTest::Prefecture(mask)
            })
        })
    }

    /// The ids a condition lists with `equals` or `one_of`, each with its
    /// path; `None` when it gives neither (the caller says what to add).
    fn listed_ids<'c>(
        &mut self,
        condition: &'c RawCondition,
        at: Span,
        path: &str,
    ) -> Result<Option<Vec<ListedId<'c>>>, Reported> {
        match (&condition.equals, &condition.one_of) {
            (Some(equals), None) => Ok(Some(vec![(equals, format!("{path}.equals"))])),
            (None, Some(list)) => Ok(Some(
                list.iter()
                    .enumerate()
                    .map(|(i, id)| (id, format!("{path}.one_of[{i}]")))
                    .collect(),
            )),
            (None, None) => Ok(None),
            (Some(_), Some(_)) => Err(self.push(
                Diagnostic::error(
                    Code::InvalidCondition,
                    "use either `equals` or `one_of`, not both",
                )
                .at(at)
                .path(path)
                .hint("`one_of: [a, b]` covers `equals: a` too"),
            )),
        }
    }
}

/// An id listed in a condition, with the path to point at it.
type ListedId<'c> = (&'c Spanned<String>, String);
