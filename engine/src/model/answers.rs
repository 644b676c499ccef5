//! Answers: as written in files ([`AnswerValue`]) and as checked against a
//! bank ([`Answers`], indexed so that scoring never looks up a string).

use std::collections::BTreeMap;

use serde::de::{SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::format::diag::{Code, Diagnostic};
use crate::format::echo::echo;
use crate::format::source::Span;
use crate::format::suggest::suggest;
use crate::model::bank::{Bank, Item, Question, QuestionKind};
use crate::model::index::{GateIndex, OptionIndex, QuestionIndex};

/// The word for "not applicable" in answer files.
pub const NOT_APPLICABLE: &str = "na";

/// One answer as written in a file: a ladder step or number, a word (`yes`,
/// `no`, `na`, an option id) or a list of option ids.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerValue {
    /// A ladder step or a number.
    Number(f64),
    /// `yes`, `no`, `na` or an option id.
    Word(String),
    /// Option ids of a multiple choice.
    List(Vec<String>),
}

/// An answer as a file value or a survey cell holds it, borrowed: what
/// checking an answer reads, so that a survey row sets its answers without
/// copying a string per cell.
#[derive(Debug, Clone, Copy)]
pub(crate) enum ValueRef<'a> {
    /// A ladder step or a number.
    Number(f64),
    /// `yes`, `no`, `na` or an option id.
    Word(&'a str),
    /// Option ids of a multiple choice.
    List(OptionIds<'a>),
}

/// Option ids: a file's list, or a cell's ids separated by spaces or `;`.
#[derive(Debug, Clone, Copy)]
pub(crate) enum OptionIds<'a> {
    Listed(&'a [String]),
    Separated(&'a str),
}

impl<'a> OptionIds<'a> {
    pub(crate) fn iter(self) -> impl Iterator<Item = &'a str> {
        let (listed, separated): (&[String], &str) = match self {
            OptionIds::Listed(ids) => (ids, ""),
            OptionIds::Separated(cell) => (&[], cell),
        };
        listed
            .iter()
            .map(String::as_str)
            .chain(separated.split([' ', ';']).filter(|id| !id.is_empty()))
    }
}

impl AnswerValue {
    /// The value, borrowed.
    pub(crate) fn as_value_ref(&self) -> ValueRef<'_> {
        match self {
            AnswerValue::Number(number) => ValueRef::Number(*number),
            AnswerValue::Word(word) => ValueRef::Word(word),
            AnswerValue::List(ids) => ValueRef::List(OptionIds::Listed(ids)),
        }
    }
}

impl Serialize for AnswerValue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            // Steps and counts are whole numbers; write them as such (`3`, not `3.0`).
            AnswerValue::Number(number) if number.fract() == 0.0 && number.abs() < 9.0e15 => {
                serializer.serialize_i64(*number as i64)
            }
            AnswerValue::Number(number) => serializer.serialize_f64(*number),
            AnswerValue::Word(word) => serializer.serialize_str(word),
            AnswerValue::List(ids) => ids.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for AnswerValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ValueVisitor;
        impl<'de> Visitor<'de> for ValueVisitor {
            type Value = AnswerValue;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(
                    "a number, a word such as `yes` or an option id, or a list of option ids",
                )
            }
            fn visit_bool<E>(self, value: bool) -> Result<AnswerValue, E> {
                Ok(AnswerValue::Word(
                    if value { "yes" } else { "no" }.to_owned(),
                ))
            }
            fn visit_i64<E>(self, value: i64) -> Result<AnswerValue, E> {
                Ok(AnswerValue::Number(value as f64))
            }
            fn visit_u64<E>(self, value: u64) -> Result<AnswerValue, E> {
                Ok(AnswerValue::Number(value as f64))
            }
            fn visit_f64<E>(self, value: f64) -> Result<AnswerValue, E> {
                Ok(AnswerValue::Number(value))
            }
            fn visit_str<E>(self, value: &str) -> Result<AnswerValue, E> {
                Ok(AnswerValue::Word(value.to_owned()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<AnswerValue, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element::<String>()? {
                    ids.push(id);
                }
                Ok(AnswerValue::List(ids))
            }
        }
        deserializer.deserialize_any(ValueVisitor)
    }
}

/// A checked answer to one question.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Answer {
    /// Ladder step 1–5.
    Step(u8),
    /// Yes or no.
    YesNo(bool),
    /// The chosen option.
    Choice(OptionIndex),
    /// Set of chosen option indices (bit i = option i).
    Choices(u64),
    /// A number within the question's range.
    Number(f64),
    /// "Not applicable": leaves the question out of the score.
    NotApplicable,
}

/// Every answer of one company, by question and gate index.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Answers {
    questions: Vec<Option<Answer>>,
    gates: Vec<Option<bool>>,
}

impl Answers {
    /// No answer yet.
    pub fn new(bank: &Bank) -> Answers {
        Answers {
            questions: vec![None; bank.questions.len()],
            gates: vec![None; bank.gates.len()],
        }
    }

    /// The answer to question `index`.
    pub fn question(&self, index: QuestionIndex) -> Option<Answer> {
        self.questions.get(index.get()).copied().flatten()
    }

    /// The answer to gate `index`.
    pub fn gate(&self, index: GateIndex) -> Option<bool> {
        self.gates.get(index.get()).copied().flatten()
    }

    /// Sets or clears the answer to question `index`, after checking that it
    /// fits the question.
    pub fn set_question(
        &mut self,
        bank: &Bank,
        index: QuestionIndex,
        answer: Option<Answer>,
    ) -> Result<(), AnswerError> {
        let question = bank
            .questions
            .get(index.get())
            .ok_or(AnswerError::NoSuchQuestion(index))?;
        if let Some(answer) = answer {
            check(question, answer)?;
        }
        if let Some(slot) = self.questions.get_mut(index.get()) {
            *slot = answer;
        }
        Ok(())
    }

    /// Sets or clears the answer to gate `index`.
    pub fn set_gate(&mut self, index: GateIndex, answer: Option<bool>) {
        if let Some(slot) = self.gates.get_mut(index.get()) {
            *slot = answer;
        }
    }

    /// The answers in file form, by id, in bank order.
    pub fn to_values(&self, bank: &Bank) -> BTreeMap<String, AnswerValue> {
        let questions =
            bank.questions
                .iter()
                .zip(&self.questions)
                .filter_map(|(question, answer)| {
                    answer.map(|answer| (question.id.clone(), value_of(question, answer)))
                });
        let gates = bank
            .gates
            .iter()
            .zip(&self.gates)
            .filter_map(|(gate, answer)| {
                answer.map(|yes| (gate.id.clone(), AnswerValue::Word(yes_no(yes).to_owned())))
            });
        questions.chain(gates).collect()
    }

    /// Reads answers in file form, reporting every answer that does not fit.
    pub fn from_values(
        bank: &Bank,
        values: &BTreeMap<String, AnswerValue>,
    ) -> (Answers, Vec<Diagnostic>) {
        Answers::from_located(
            bank,
            values.iter().map(|(id, value)| (id.as_str(), value, None)),
        )
    }

    /// Reads answers with the place each was written, if known, so that a
    /// problem can be pointed at.
    pub(crate) fn from_located<'a>(
        bank: &Bank,
        values: impl IntoIterator<Item = (&'a str, &'a AnswerValue, Option<Span>)>,
    ) -> (Answers, Vec<Diagnostic>) {
        let mut answers = Answers::new(bank);
        let mut diagnostics = Vec::new();
        // Problems past the first MAX_DIAGNOSTICS are only counted: a file
        // of 20,000 unknown ids must not cost a suggestion and a message
        // each (nor print megabytes).
        let (mut more, mut more_code) = (0usize, None);
        for (id, value, span) in values {
            let full = diagnostics.len() >= MAX_DIAGNOSTICS;
            // Built only for a problem: a survey scores millions of answers.
            let path = || format!("answers.{}", echo(id));
            let located = |diagnostic: Diagnostic| match span {
                Some(span) => diagnostic.at(span),
                None => diagnostic,
            };
            match bank.item(id) {
                Some(item) => match answers.set_item(bank, item, value.as_value_ref()) {
                    Ok(()) => {}
                    Err((code, _, _)) if full => {
                        more += 1;
                        more_code.get_or_insert(code);
                    }
                    Err((code, message, hint)) => diagnostics.push(located(
                        Diagnostic::error(code, message).path(path()).hint(hint),
                    )),
                },
                None if full => {
                    more += 1;
                    more_code.get_or_insert(Code::UnknownQuestion);
                }
                None => {
                    let known: Vec<&str> = bank.items.keys().map(String::as_str).collect();
                    diagnostics.push(located(
                        Diagnostic::error(
                            Code::UnknownQuestion,
                            format!("bank `{}` has no question `{}`", bank.id, echo(id)),
                        )
                        .path(path())
                        .hint(suggest(id, &known, "questions")),
                    ));
                }
            }
        }
        if let Some(code) = more_code {
            diagnostics.push(
                Diagnostic::error(
                    code,
                    format!("and {more} more problems with answers, not shown"),
                )
                .hint(format!(
                    "only the first {MAX_DIAGNOSTICS} are listed; fix these and check again"
                )),
            );
        }
        (answers, diagnostics)
    }

    /// Sets the answer to `item` from its file form: what reading a file
    /// does for each answer once its id is resolved (a survey resolves its
    /// columns once, not every row).
    pub(crate) fn set_item(
        &mut self,
        bank: &Bank,
        item: Item,
        value: ValueRef<'_>,
    ) -> Result<(), Problem> {
        match item {
            Item::Question(index) => {
                self.questions[index.get()] = interpret(&bank[index], value)?;
            }
            Item::Gate(index) => match value {
                ValueRef::Word(word) if word == "yes" || word == "no" => {
                    self.gates[index.get()] = Some(word == "yes");
                }
                other => {
                    return Err((
                        Code::InvalidAnswer,
                        format!(
                            "`{}` is a yes/no check; {} is not an answer to it",
                            echo(&bank[index].id),
                            describe(other)
                        ),
                        "answer `yes` or `no`".to_owned(),
                    ));
                }
            },
        }
        Ok(())
    }
}

/// Problems with answers listed one by one; the rest are counted.
const MAX_DIAGNOSTICS: usize = 50;

fn yes_no(yes: bool) -> &'static str {
    if yes { "yes" } else { "no" }
}

fn describe(value: ValueRef<'_>) -> String {
    match value {
        ValueRef::Number(number) => format!("the number {}", echo(&number.to_string())),
        ValueRef::Word(word) => format!("`{}`", echo(word)),
        ValueRef::List(_) => "a list".to_owned(),
    }
}

/// The file form of a checked answer.
pub fn value_of(question: &Question, answer: Answer) -> AnswerValue {
    let options = question.kind.options();
    match answer {
        Answer::Step(step) => AnswerValue::Number(f64::from(step)),
        Answer::Number(number) => AnswerValue::Number(number),
        Answer::YesNo(yes) => AnswerValue::Word(yes_no(yes).to_owned()),
        Answer::Choice(index) => AnswerValue::Word(
            options
                .get(index.get())
                .map(|o| o.id.clone())
                .unwrap_or_default(),
        ),
        Answer::Choices(mask) => AnswerValue::List(
            options
                .iter()
                .enumerate()
                .filter(|&(index, _)| mask & (1 << index) != 0)
                .map(|(_, option)| option.id.clone())
                .collect(),
        ),
        Answer::NotApplicable => AnswerValue::Word(NOT_APPLICABLE.to_owned()),
    }
}

/// What is wrong with an answer: its code, message and hint.
pub(crate) type Problem = (Code, String, String);

/// Turns a file-form value into a checked answer; `Ok(None)` is "unanswered".
fn interpret(question: &Question, value: ValueRef<'_>) -> Result<Option<Answer>, Problem> {
    let id = &question.id;
    if let ValueRef::Word(word) = value
        && word == NOT_APPLICABLE
    {
        return if question.allow_na {
            Ok(Some(Answer::NotApplicable))
        } else {
            Err((
                Code::InvalidAnswer,
                format!("question `{id}` cannot be answered \"not applicable\""),
                "give an answer; this question applies to every company of the tier".to_owned(),
            ))
        };
    }
    let wrong = |expected: &str| {
        (
            Code::InvalidAnswer,
            format!(
                "{} does not answer `{id}`, a `{}` question",
                describe(value),
                question.kind.name()
            ),
            format!("answer with {expected}"),
        )
    };
    let answer = match (&question.kind, value) {
        (QuestionKind::Ladder { .. }, ValueRef::Number(step)) => {
            if step.fract() != 0.0 || !(1.0..=5.0).contains(&step) {
                return Err(wrong("a step from 1 to 5"));
            }
            Answer::Step(step as u8)
        }
        (QuestionKind::Ladder { .. }, _) => return Err(wrong("a step from 1 to 5")),
        (QuestionKind::YesNo, ValueRef::Word(word)) if word == "yes" || word == "no" => {
            Answer::YesNo(word == "yes")
        }
        (QuestionKind::YesNo, _) => return Err(wrong("`yes` or `no`")),
        (QuestionKind::Single { options }, ValueRef::Word(word)) => {
            Answer::Choice(option_index(question, options, word)?)
        }
        (QuestionKind::Single { .. }, _) => return Err(wrong("one option id")),
        (QuestionKind::Multiple { options, .. }, ValueRef::List(words)) => {
            let mut mask = 0u64;
            for word in words.iter() {
                mask |= option_index(question, options, word)?.bit();
            }
            Answer::Choices(mask)
        }
        (QuestionKind::Multiple { options, .. }, ValueRef::Word(word)) => {
            Answer::Choices(option_index(question, options, word)?.bit())
        }
        (QuestionKind::Multiple { .. }, _) => return Err(wrong("a list of option ids")),
        (QuestionKind::Number { .. }, ValueRef::Number(number)) => Answer::Number(number),
        (QuestionKind::Number { .. }, _) => return Err(wrong("a number")),
    };
    check(question, answer).map_err(|message| {
        (
            Code::InvalidAnswer,
            format!("answer to `{id}`: {message}"),
            "change the answer to fit the question".to_owned(),
        )
    })?;
    Ok(Some(answer))
}

fn option_index(
    question: &Question,
    options: &[crate::model::bank::Choice],
    word: &str,
) -> Result<OptionIndex, Problem> {
    options
        .iter()
        .position(|option| option.id == word)
        .map(OptionIndex::new)
        .ok_or_else(|| {
            let known: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
            (
                Code::UnknownOption,
                format!("question `{}` has no option `{}`", question.id, echo(word)),
                suggest(word, &known, "options"),
            )
        })
}

/// Why an answer does not fit its question.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerError {
    /// The bank has no question with this index.
    NoSuchQuestion(QuestionIndex),
    /// "Not applicable" was answered where it is not allowed.
    NotApplicableNotAllowed,
    /// A chosen option does not exist.
    OptionOutOfRange,
    /// An option that excludes the others was chosen with others.
    Combined {
        /// The excluding option's id.
        option: String,
    },
    /// A number that is infinite or not a number.
    NotFinite,
    /// A number below the question's smallest accepted answer.
    BelowMin {
        /// The answer.
        number: f64,
        /// The smallest accepted.
        min: f64,
    },
    /// A number above the question's largest accepted answer.
    AboveMax {
        /// The answer.
        number: f64,
        /// The largest accepted.
        max: f64,
    },
    /// An answer of another kind (a step for a yes/no question, say).
    WrongKind {
        /// The question's kind, as named in files.
        kind: &'static str,
    },
}

impl std::fmt::Display for AnswerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AnswerError::NoSuchQuestion(_) => f.write_str("no such question"),
            AnswerError::NotApplicableNotAllowed => {
                f.write_str("\"not applicable\" is not allowed")
            }
            AnswerError::OptionOutOfRange => f.write_str("an option index is out of range"),
            AnswerError::Combined { option } => {
                write!(f, "option `{option}` cannot be combined with others")
            }
            AnswerError::NotFinite => f.write_str("the number is not finite"),
            AnswerError::BelowMin { number, min } => {
                write!(f, "{number} is below the smallest accepted answer, {min}")
            }
            AnswerError::AboveMax { number, max } => {
                write!(f, "{number} is above the largest accepted answer, {max}")
            }
            AnswerError::WrongKind { kind } => {
                write!(f, "the answer does not fit a `{kind}` question")
            }
        }
    }
}

impl std::error::Error for AnswerError {}

/// Whether `answer` fits `question`; the error says why not.
pub fn check(question: &Question, answer: Answer) -> Result<(), AnswerError> {
    match (&question.kind, answer) {
        (_, Answer::NotApplicable) if question.allow_na => Ok(()),
        (_, Answer::NotApplicable) => Err(AnswerError::NotApplicableNotAllowed),
        (QuestionKind::Ladder { .. }, Answer::Step(1..=5))
        | (QuestionKind::YesNo, Answer::YesNo(_)) => Ok(()),
        (QuestionKind::Single { options }, Answer::Choice(index))
            if index.get() < options.len() =>
        {
            Ok(())
        }
        (QuestionKind::Multiple { options, .. }, Answer::Choices(mask)) => {
            let in_range = options.len() >= 64 || mask >> options.len() == 0;
            let exclusive = options
                .iter()
                .enumerate()
                .find(|&(index, option)| option.exclusive && mask & (1 << index) != 0);
            match exclusive {
                _ if !in_range => Err(AnswerError::OptionOutOfRange),
                Some((index, option)) if mask != 1 << index => Err(AnswerError::Combined {
                    option: option.id.clone(),
                }),
                _ => Ok(()),
            }
        }
        (QuestionKind::Number { min, max, .. }, Answer::Number(number)) => {
            if !number.is_finite() {
                Err(AnswerError::NotFinite)
            } else if let Some(min) = min.filter(|&min| number < min) {
                Err(AnswerError::BelowMin { number, min })
            } else if let Some(max) = max.filter(|&max| number > max) {
                Err(AnswerError::AboveMax { number, max })
            } else {
                Ok(())
            }
        }
        (kind, _) => Err(AnswerError::WrongKind { kind: kind.name() }),
    }
}
