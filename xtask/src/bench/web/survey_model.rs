//! A question bank as a SurveyJS model: the twin that `cargo xtask bench
//! web` measures beside the app renders the same questions, in Japanese, on
//! the same pages (one per dimension with questions, in catalogue order, then
//! the gates), with the same choices in the same order.
//!
//! Kinds: ladder, yes/no and single choice are `radiogroup`s, multiple
//! choice a `checkbox` (exclusive options `isExclusive`), a number a `text`
//! with `inputType: number`. "Not applicable" is one more choice, last, as
//! in the app. `show_if` and a gate's `applies_if` become `visibleIf` where
//! they test answers only; a test of the profile (the twin has no profile
//! page) or of a level has no SurveyJS counterpart, so the question is then
//! always shown and a note says so.

use serde_json::{Map, Value, json};
use shindan_engine::{AnswerTest, Bank, Condition, Question, QuestionKind};

/// The value of the "not applicable" choice: `/` is in no bank id, so it
/// cannot collide with an option.
const NOT_APPLICABLE_VALUE: &str = "n/a";

/// The app's own labels (`web/src/messages.rs`), so that both show the
/// same words.
const NOT_APPLICABLE: &str = "該当しない";
const YES: &str = "はい";
const NO: &str = "いいえ";
const GATES_HEADING: &str = "法令・制度の確認";
const GATES_LEAD: &str =
    "点数には含めません。「いいえ」の項目は結果シートに確認事項として示します。";

/// The model and what could not be carried over.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyModel {
    /// The SurveyJS JSON model.
    pub json: Value,
    /// One line per simplification (a condition left out, an option the
    /// twin cannot offer), for the bench output.
    pub notes: Vec<String>,
}

/// The SurveyJS model of `bank`, in Japanese.
pub fn survey_model(bank: &Bank) -> SurveyModel {
    let mut notes = Vec::new();
    let mut pages = Vec::new();
    for (dimension, about) in bank.catalogue.dimensions.iter().enumerate() {
        let elements: Vec<Value> = bank
            .questions
            .iter()
            .filter(|question| question.dimension.get() == dimension)
            .map(|question| question_element(bank, question, &mut notes))
            .collect();
        if elements.is_empty() {
            continue;
        }
        pages.push(json!({
            "name": about.id,
            "title": about.name.ja,
            "description": about.description.ja,
            "elements": elements,
        }));
    }
    if !bank.gates.is_empty() {
        let elements: Vec<Value> = bank
            .gates
            .iter()
            .map(|gate| {
                let mut element = yes_no(&gate.id, &gate.text.ja, false);
                element.insert("description".into(), gate.law.cite().ja.into());
                if let Some(condition) = &gate.applies_if {
                    visible_if(
                        bank,
                        &gate.id,
                        "applies_if",
                        condition,
                        &mut element,
                        &mut notes,
                    );
                }
                Value::Object(element)
            })
            .collect();
        let lead = match bank.as_of_note() {
            Some(note) => format!("{GATES_LEAD}\n{}", note.ja),
            None => GATES_LEAD.to_owned(),
        };
        pages.push(json!({
            "name": "gates",
            "title": GATES_HEADING,
            "description": lead,
            "elements": elements,
        }));
    }
    let mut survey = Map::new();
    survey.insert("title".into(), bank.title.ja.clone().into());
    if let Some(intro) = &bank.intro {
        survey.insert("description".into(), intro.ja.clone().into());
    }
    survey.insert("locale".into(), "ja".into());
    // The app shows answered / visible questions, updated on every answer;
    // SurveyJS's default bar counts pages.
    survey.insert("showProgressBar".into(), true.into());
    survey.insert("progressBarType".into(), "questions".into());
    survey.insert("showQuestionNumbers".into(), "off".into());
    // The engine ignores the answers of hidden questions in conditions.
    survey.insert("clearInvisibleValues".into(), "onHidden".into());
    survey.insert("pages".into(), pages.into());
    SurveyModel {
        json: Value::Object(survey),
        notes,
    }
}

fn question_element(bank: &Bank, question: &Question, notes: &mut Vec<String>) -> Value {
    let id = &question.id;
    let title = &question.text.ja;
    let na = question.allow_na;
    let mut element = match &question.kind {
        QuestionKind::Ladder { steps } => {
            let choices = steps
                .iter()
                .zip(1..)
                .map(|(step, value)| json!({ "value": value, "text": step.ja }));
            radiogroup(id, title, choices.collect(), na)
        }
        QuestionKind::YesNo => yes_no(id, title, na),
        QuestionKind::Single { options } => {
            let choices = options
                .iter()
                .map(|option| json!({ "value": option.id, "text": option.label.ja }));
            radiogroup(id, title, choices.collect(), na)
        }
        QuestionKind::Multiple { options, .. } => {
            let mut choices: Vec<Value> = options
                .iter()
                .map(|option| {
                    let mut choice = json!({ "value": option.id, "text": option.label.ja });
                    if option.exclusive {
                        choice["isExclusive"] = true.into();
                    }
                    choice
                })
                .collect();
            if na {
                choices.push(json!({
                    "value": NOT_APPLICABLE_VALUE,
                    "text": NOT_APPLICABLE,
                    "isExclusive": true,
                }));
            }
            element("checkbox", id, title, choices)
        }
        QuestionKind::Number { min, max, .. } => {
            let mut element = Map::new();
            element.insert("type".into(), "text".into());
            element.insert("name".into(), id.clone().into());
            element.insert("title".into(), title.clone().into());
            element.insert("inputType".into(), "number".into());
            if let Some(min) = min {
                element.insert("min".into(), number(*min));
            }
            if let Some(max) = max {
                element.insert("max".into(), number(*max));
            }
            if na {
                notes.push(format!(
                    "`{id}`: a number field has no \"not applicable\" choice in SurveyJS; left out"
                ));
            }
            element
        }
    };
    let unit = match &question.kind {
        QuestionKind::Number {
            unit: Some(unit), ..
        } => Some(format!("単位: {}", unit.ja)),
        _ => None,
    };
    let description: Vec<&str> = question
        .help
        .as_ref()
        .map(|help| help.ja.as_str())
        .into_iter()
        .chain(unit.as_deref())
        .collect();
    if !description.is_empty() {
        element.insert("description".into(), description.join("\n").into());
    }
    if let Some(condition) = &question.show_if {
        visible_if(bank, id, "show_if", condition, &mut element, notes);
    }
    Value::Object(element)
}

fn element(kind: &str, id: &str, title: &str, choices: Vec<Value>) -> Map<String, Value> {
    let mut element = Map::new();
    element.insert("type".into(), kind.into());
    element.insert("name".into(), id.into());
    element.insert("title".into(), title.into());
    element.insert("choices".into(), choices.into());
    element
}

fn radiogroup(id: &str, title: &str, mut choices: Vec<Value>, na: bool) -> Map<String, Value> {
    if na {
        choices.push(json!({ "value": NOT_APPLICABLE_VALUE, "text": NOT_APPLICABLE }));
    }
    element("radiogroup", id, title, choices)
}

/// はい / いいえ as two radios, as the app shows them (a SurveyJS
/// `boolean` would be a switch, and could not offer "not applicable").
fn yes_no(id: &str, title: &str, na: bool) -> Map<String, Value> {
    let choices = vec![
        json!({ "value": "yes", "text": YES }),
        json!({ "value": "no", "text": NO }),
    ];
    radiogroup(id, title, choices, na)
}

/// Sets `visibleIf` from `condition`, or notes why the element is always
/// shown instead.
fn visible_if(
    bank: &Bank,
    id: &str,
    field: &str,
    condition: &Condition,
    element: &mut Map<String, Value>,
    notes: &mut Vec<String>,
) {
    match expression(bank, condition) {
        Ok(expression) => {
            element.insert("visibleIf".into(), expression.into());
        }
        Err(reason) => notes.push(format!(
            "`{id}`: its {field} tests {reason}, which the twin cannot; always shown"
        )),
    }
}

/// A condition as a SurveyJS expression, or what in it has no counterpart.
fn expression(bank: &Bank, condition: &Condition) -> Result<String, &'static str> {
    match condition {
        Condition::Answer { question, test } => {
            let question = bank
                .questions
                .get(question.get())
                .ok_or("a question the bank lacks")?;
            Ok(answer_test(question, *test))
        }
        Condition::Level { .. } => Err("a dimension's level"),
        Condition::Profile(_) => Err("the company profile"),
        Condition::All(parts) => joined(bank, parts, " and "),
        Condition::Any(parts) => joined(bank, parts, " or "),
        Condition::Not(inner) => Ok(format!("!({})", expression(bank, inner)?)),
    }
}

fn joined(bank: &Bank, parts: &[Condition], operator: &str) -> Result<String, &'static str> {
    let parts = parts
        .iter()
        .map(|part| expression(bank, part).map(|text| format!("({text})")))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(parts.join(operator))
}

fn answer_test(question: &Question, test: AnswerTest) -> String {
    let name = format!("{{{}}}", question.id);
    let option = |index: usize| {
        question
            .kind
            .options()
            .get(index)
            .map_or_else(String::new, |option| option.id.clone())
    };
    match test {
        AnswerTest::Is(yes) => format!("{name} = '{}'", if yes { "yes" } else { "no" }),
        AnswerTest::OneOf(mask) => {
            let ids: Vec<String> = (0..question.kind.options().len())
                .filter(|bit| mask & (1 << bit) != 0)
                .map(|bit| format!("'{}'", option(bit)))
                .collect();
            match ids.as_slice() {
                [one] => format!("{name} = {one}"),
                _ => format!("{name} anyof [{}]", ids.join(", ")),
            }
        }
        AnswerTest::Includes(index) => format!("{name} contains '{}'", option(index.get())),
        AnswerTest::Between { min, max } => {
            let mut parts = Vec::new();
            if min.is_finite() {
                parts.push(format!("{name} >= {min}"));
            }
            if max.is_finite() {
                parts.push(format!("{name} <= {max}"));
            }
            if parts.is_empty() {
                format!("{name} notempty")
            } else {
                parts.join(" and ")
            }
        }
    }
}

/// A bound as JSON: whole numbers without a fraction, as a bank writes them.
fn number(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        json!(value as i64)
    } else {
        json!(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shindan_engine::{SourceFile, load_bank, load_catalogue};
    use std::collections::BTreeMap;
    use std::path::Path;

    fn load(catalogue: &Path, bank: &Path) -> Result<Bank, String> {
        let read = |path: &Path| {
            std::fs::read_to_string(path)
                .map(|text| SourceFile::new(path.display().to_string(), text))
                .map_err(|error| format!("cannot read {}: {error}", path.display()))
        };
        let catalogue = load_catalogue(&read(catalogue)?)
            .into_result()
            .map_err(|diagnostics| format!("{diagnostics:?}"))?;
        load_bank(&read(bank)?, &catalogue)
            .into_result()
            .map_err(|diagnostics| format!("{diagnostics:?}"))
    }

    /// The fixture bank (every kind, every kind of condition) against its
    /// expected model and notes; `UPDATE_EXPECT=1` rewrites the expectation.
    #[test]
    fn fixture_bank_matches_its_expected_model() -> Result<(), String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/bench-web");
        let bank = load(&root.join("catalogue.yaml"), &root.join("bank.yaml"))?;
        let model = survey_model(&bank);
        let actual = serde_json::to_string_pretty(&json!({
            "notes": model.notes,
            "model": model.json,
        }))
        .map_err(|error| error.to_string())?
            + "\n";
        let expected_path = root.join("bank.expected.json");
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            std::fs::write(&expected_path, &actual).map_err(|error| error.to_string())?;
        }
        let expected = std::fs::read_to_string(&expected_path)
            .map_err(|error| format!("cannot read {}: {error}", expected_path.display()))?;
        assert_eq!(
            actual, expected,
            "the model differs from bank.expected.json (UPDATE_EXPECT=1 rewrites it)"
        );
        Ok(())
    }

    /// The shipped bank the bench uses: every question and gate once, on
    /// the page the app asks it on.
    #[test]
    fn shipped_bank_keeps_every_question_on_its_page() -> Result<(), String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .ok_or("no repository root")?
            .join("question-banks");
        let bank = load(&root.join("catalogue.yaml"), &root.join("sme.yaml"))?;
        let model = survey_model(&bank);
        let mut page_of = BTreeMap::new();
        for page in model.json["pages"].as_array().ok_or("no pages")? {
            for element in page["elements"].as_array().ok_or("no elements")? {
                let name = element["name"].as_str().ok_or("an element without name")?;
                let page = page["name"].as_str().ok_or("a page without name")?;
                assert!(
                    page_of.insert(name.to_owned(), page.to_owned()).is_none(),
                    "{name} twice"
                );
            }
        }
        for question in &bank.questions {
            let dimension = &bank.catalogue[question.dimension].id;
            assert_eq!(
                page_of.get(&question.id),
                Some(dimension),
                "{}",
                question.id
            );
        }
        for gate in &bank.gates {
            assert_eq!(page_of.get(&gate.id).map(String::as_str), Some("gates"));
        }
        assert_eq!(page_of.len(), bank.questions.len() + bank.gates.len());
        Ok(())
    }
}
