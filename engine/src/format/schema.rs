//! The JSON Schema of bank and catalogue files, derived from the raw types
//! so that it cannot drift from what the loader accepts, then tightened with
//! the validator's structural rules (list lengths, ranges, id and date
//! patterns, required Japanese, the fields of each question kind, the shape
//! of a condition), so that an editor flags what `shindan validate` would.
//!
//! What the schema cannot say is left to the validator: anything that looks
//! across the file or into the catalogue (duplicate and unknown ids, `show_if`
//! order and loops, a condition's test against the kind of the question it
//! names, thresholds and bands in ascending order). `tests/it/schema.rs`
//! holds the list of fixtures refused only for such reasons.

use serde_json::{Map, Value, json};

use crate::format::raw::{RawBank, RawCatalogue};
use crate::model::bank::MAX_OPTIONS;

/// Either file of the format; only used to describe them.
#[derive(schemars::JsonSchema)]
#[serde(untagged)]
#[expect(dead_code, reason = "exists only to generate the schema")]
enum Document {
    Catalogue(RawCatalogue),
    Bank(RawBank),
}

/// A JSON Schema (draft 2020-12) that accepts catalogue and bank files.
pub fn json_schema() -> schemars::Schema {
    let mut schema = schemars::schema_for!(Document);
    schema.insert("title".into(), "Shindan question bank or catalogue".into());
    if let Some(defs) = schema.get_mut("$defs").and_then(Value::as_object_mut) {
        tighten(defs);
    }
    schema
}

/// An id as `validate` accepts it: `a-z 0-9 _ -`, starting with a letter or
/// digit, and not the reserved `na`.
const ID_PATTERN: &str = "^[a-z0-9][a-z0-9_-]*$";
/// `YYYY-MM-DD` with a month and a day that can exist.
const DATE_PATTERN: &str = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";
/// Text that is not blank.
const NOT_BLANK: &str = "\\S";

/// The validator's structural rules, written into the derived definitions.
fn tighten(defs: &mut Map<String, Value>) {
    defs.insert(
        "Id".into(),
        json!({
            "description": "Lowercase letters a–z, digits, `_` and `-`, starting with a letter or digit; `na` is reserved.",
            "type": "string",
            "pattern": ID_PATTERN,
            "not": { "const": "na" },
        }),
    );
    defs.insert(
        "Date".into(),
        json!({ "description": "A day, `YYYY-MM-DD`.", "type": "string", "pattern": DATE_PATTERN }),
    );
    for (def, field) in [
        ("RawCatalogue", "id"),
        ("RawBank", "id"),
        ("RawDimension", "id"),
        ("RawProgram", "id"),
        ("RawIndicator", "id"),
        ("RawQuestion", "id"),
        ("RawOption", "id"),
        ("RawGate", "id"),
        ("RawRecommendation", "id"),
    ] {
        extend(defs, def, field, json!({ "$ref": "#/$defs/Id" }));
    }
    for (def, field) in [
        ("RawBank", "as_of"),
        ("RawQuestion", "effective"),
        ("RawGate", "effective"),
        ("RawMinimumWage", "effective"),
    ] {
        extend(defs, def, field, json!({ "$ref": "#/$defs/Date" }));
    }

    // Texts: Japanese is required and not blank (a number is read as text).
    extend(
        defs,
        "RawText",
        "ja",
        json!({ "type": ["string", "number"], "pattern": NOT_BLANK }),
    );
    extend(
        defs,
        "RawText",
        "en",
        json!({ "type": ["string", "number", "null"] }),
    );
    require(defs, "RawText", &["ja"]);

    // Catalogue.
    extend(defs, "RawCatalogue", "dimensions", json!({ "minItems": 1 }));
    extend(
        defs,
        "RawCatalogue",
        "level_thresholds",
        json!({
            "minItems": 4,
            "maxItems": 4,
            "items": { "type": "number", "exclusiveMinimum": 0, "maximum": 100 },
        }),
    );
    extend(
        defs,
        "RawDimension",
        "levels",
        json!({ "minItems": 5, "maxItems": 5 }),
    );
    extend(
        defs,
        "RawDimension",
        "weight",
        json!({ "exclusiveMinimum": 0, "maximum": 100 }),
    );
    extend(
        defs,
        "RawProgram",
        "url",
        json!({ "pattern": "^https?://" }),
    );
    extend(
        defs,
        "RawProgram",
        "fiscal_year",
        json!({ "minimum": 2000, "maximum": 2100 }),
    );
    all_of(
        defs,
        "RawProgram",
        json!({
            "if": { "properties": { "status": { "const": "closed" } }, "required": ["status"] },
            "then": { "required": ["fallback"], "properties": { "fallback": { "type": "string" } } },
        }),
    );

    // Questions.
    extend(
        defs,
        "RawQuestion",
        "source",
        json!({ "type": "string", "pattern": NOT_BLANK }),
    );
    require(defs, "RawQuestion", &["source"]);
    extend(
        defs,
        "RawQuestion",
        "weight",
        json!({ "minimum": 0, "maximum": 100 }),
    );
    extend(
        defs,
        "RawQuestion",
        "steps",
        json!({ "minItems": 5, "maxItems": 5 }),
    );
    extend(
        defs,
        "RawQuestion",
        "options",
        json!({ "minItems": 2, "maxItems": MAX_OPTIONS }),
    );
    extend(defs, "RawQuestion", "cap", json!({ "exclusiveMinimum": 0 }));
    extend(defs, "RawQuestion", "bands", json!({ "minItems": 1 }));
    extend(
        defs,
        "RawOption",
        "score",
        json!({ "minimum": 0, "maximum": 1 }),
    );
    extend(
        defs,
        "RawBand",
        "score",
        json!({ "minimum": 0, "maximum": 1 }),
    );
    if let Some(question) = defs.get_mut("RawQuestion").and_then(Value::as_object_mut) {
        question.insert(
            "dependentRequired".into(),
            json!({ "basis": ["effective"], "effective": ["basis"] }),
        );
    }
    for rule in kind_fields() {
        all_of(defs, "RawQuestion", rule);
    }
    extend(defs, "RawQuestion", "show_if", answer_condition());

    // Gates and the bank: a gate states its law; a current edition dates it.
    extend(
        defs,
        "RawGate",
        "basis",
        json!({ "type": "string", "pattern": NOT_BLANK }),
    );
    require(defs, "RawGate", &["basis"]);
    extend(defs, "RawGate", "applies_if", answer_condition());
    all_of(
        defs,
        "RawBank",
        json!({
            "if": { "not": { "required": ["superseded_by"] } },
            "then": {
                "properties": { "gates": { "items": { "required": ["effective"] } } },
                "anyOf": [
                    { "required": ["as_of"] },
                    { "not": { "required": ["gates"] } },
                    { "properties": { "gates": { "maxItems": 0 } } },
                ],
            },
        }),
    );
    extend(
        defs,
        "RawRecommendation",
        "priority",
        json!({ "minimum": 1, "maximum": 5 }),
    );

    // Conditions: one subject, with the tests that fit it.
    extend(defs, "RawCondition", "all", json!({ "minItems": 1 }));
    extend(defs, "RawCondition", "any", json!({ "minItems": 1 }));
    extend(
        defs,
        "RawCondition",
        "level_at_least",
        json!({ "minimum": 1, "maximum": 5 }),
    );
    extend(
        defs,
        "RawCondition",
        "level_at_most",
        json!({ "minimum": 1, "maximum": 5 }),
    );
    for rule in condition_rules() {
        all_of(defs, "RawCondition", rule);
    }
    // `show_if` and `applies_if` test answers and the profile, never levels.
    defs.insert(
        "AnswerCondition".into(),
        json!({
            "description": "A condition on answers and the profile (no `dimension:`: levels exist only after scoring).",
            "allOf": [{ "$ref": "#/$defs/RawCondition" }],
            "properties": {
                "dimension": false,
                "all": { "items": { "$ref": "#/$defs/AnswerCondition" } },
                "any": { "items": { "$ref": "#/$defs/AnswerCondition" } },
                "not": answer_condition(),
            },
        }),
    );
}

/// An optional condition on answers and the profile.
fn answer_condition() -> Value {
    json!({ "anyOf": [{ "$ref": "#/$defs/AnswerCondition" }, { "type": "null" }] })
}

/// Each kind of question needs its own fields and none of the others'.
fn kind_fields() -> Vec<Value> {
    const KIND_FIELDS: [&str; 7] = ["steps", "options", "cap", "bands", "unit", "min", "max"];
    let kinds: [(&str, &[&str], &str); 5] = [
        ("ladder", &["steps"], "steps"),
        ("yes_no", &[], ""),
        ("single", &["options"], "options"),
        ("multiple", &["options", "cap"], "options"),
        ("number", &["bands", "unit", "min", "max"], "bands"),
    ];
    kinds
        .iter()
        .map(|&(kind, uses, needs)| {
            let mut properties = Map::new();
            for field in KIND_FIELDS.iter().filter(|field| !uses.contains(field)) {
                // Left empty (`steps:` with nothing after it) is as good as absent.
                properties.insert((*field).into(), json!({ "type": "null" }));
            }
            let mut then = json!({ "properties": properties });
            if !needs.is_empty() {
                then["required"] = json!([needs]);
                then["properties"][needs] = json!({ "type": "array" });
            }
            if kind == "multiple" {
                // Without `cap:` full marks are the options' summed score:
                // some option must score above 0.
                then = json!({
                    "allOf": [then],
                    "if": { "not": { "required": ["cap"] } },
                    "then": { "properties": { "options": {
                        "contains": { "properties": { "score": { "exclusiveMinimum": 0 } } },
                    } } },
                });
            }
            if kind == "single" {
                then["properties"]["options"] =
                    json!({ "type": "array", "items": { "properties": { "exclusive": { "const": false } } } });
            }
            json!({
                "if": { "properties": { "kind": { "const": kind } }, "required": ["kind"] },
                "then": then,
            })
        })
        .collect()
}

/// The shape rules of a condition, as `validate` checks them before looking
/// at what it names.
fn condition_rules() -> Vec<Value> {
    let has = |fields: &[&str]| -> Value {
        json!({ "anyOf": fields.iter().map(|field| json!({ "required": [field] })).collect::<Vec<_>>() })
    };
    let none_of = |fields: &[&str]| -> Value { json!({ "not": has(fields) }) };
    let subjects = ["question", "dimension", "profile", "all", "any", "not"];
    let tests = [
        "equals",
        "one_of",
        "includes",
        "at_least",
        "at_most",
        "level_at_least",
        "level_at_most",
    ];
    let when = |subject: &str, then: Value| -> Value {
        json!({ "if": { "required": [subject] }, "then": then })
    };
    let mut rules = vec![
        // Exactly one subject.
        json!({ "oneOf": subjects.iter().map(|subject| json!({ "required": [subject] })).collect::<Vec<_>>() }),
        // `one_of: [a, b]` covers `equals: a`.
        json!({ "not": { "required": ["equals", "one_of"] } }),
        when(
            "question",
            json!({ "allOf": [
                has(&["equals", "one_of", "includes", "at_least", "at_most"]),
                none_of(&["level_at_least", "level_at_most"]),
            ] }),
        ),
        when(
            "dimension",
            json!({ "allOf": [
                has(&["level_at_least", "level_at_most"]),
                none_of(&["equals", "one_of", "includes", "at_least", "at_most"]),
            ] }),
        ),
        when(
            "profile",
            json!({ "allOf": [
                has(&["equals", "one_of", "at_least", "at_most"]),
                none_of(&["includes", "level_at_least", "level_at_most"]),
            ] }),
        ),
        json!({
            "if": { "properties": { "profile": { "enum": ["regular_employees", "capital_yen"] } }, "required": ["profile"] },
            "then": none_of(&["equals", "one_of"]),
        }),
        json!({
            "if": { "properties": { "profile": { "enum": ["industry", "prefecture"] } }, "required": ["profile"] },
            "then": none_of(&["at_least", "at_most"]),
        }),
    ];
    // `all`, `any` and `not` hold conditions; tests go inside them.
    for subject in ["all", "any", "not"] {
        rules.push(when(subject, none_of(&tests)));
    }
    rules
}

/// Merges `extra` into the schema of property `field` of definition `def`.
fn extend(defs: &mut Map<String, Value>, def: &str, field: &str, extra: Value) {
    let Some(property) = defs
        .get_mut(def)
        .and_then(|def| def.get_mut("properties"))
        .and_then(|properties| properties.get_mut(field))
        .and_then(Value::as_object_mut)
    else {
        return;
    };
    if let Value::Object(extra) = extra {
        for (key, value) in extra {
            property.insert(key, value);
        }
    }
}

/// Adds `fields` to the required keys of definition `def`.
fn require(defs: &mut Map<String, Value>, def: &str, fields: &[&str]) {
    let Some(def) = defs.get_mut(def).and_then(Value::as_object_mut) else {
        return;
    };
    let required = def.entry("required").or_insert_with(|| json!([]));
    if let Value::Array(required) = required {
        for field in fields {
            if !required.iter().any(|present| present == field) {
                required.push(json!(field));
            }
        }
    }
}

/// Adds a rule that definition `def` must also satisfy.
fn all_of(defs: &mut Map<String, Value>, def: &str, rule: Value) {
    let Some(def) = defs.get_mut(def).and_then(Value::as_object_mut) else {
        return;
    };
    let rules = def.entry("allOf").or_insert_with(|| json!([]));
    if let Value::Array(rules) = rules {
        rules.push(rule);
    }
}
