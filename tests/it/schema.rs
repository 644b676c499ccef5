//! `shindan schema` is as strict as the validator on structure: every
//! fixture refused for a structural reason is refused by the schema too
//! (where, is recorded in `banks/schema.expected`), and every valid fixture
//! and shipped bank passes it, however its YAML is read. Fixtures refused
//! only for reasons a schema cannot see are listed, each with its reason.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::expect::{self, repo, root};

/// Fixtures the validator refuses only for what a JSON Schema cannot
/// express: a look across the file, into the catalogue or at an order. The
/// schema must accept them, so that this list stays exact.
const SEMANTIC_ONLY: &[(&str, &str)] = &[
    (
        "dimension-without-questions.yaml",
        "which dimensions exist is in the catalogue",
    ),
    (
        "duplicate-id-cascade.yaml",
        "ids unique across questions and gates",
    ),
    ("duplicate-id.yaml", "ids unique across questions and gates"),
    (
        "show-if-cycle.yaml",
        "order and loops of references between questions",
    ),
    (
        "show-if-forward.yaml",
        "order of references between questions",
    ),
    (
        "thresholds-not-ascending.yaml",
        "each band above the one before",
    ),
    ("unknown-dimension.yaml", "the catalogue's dimension ids"),
    ("unknown-indicator.yaml", "the catalogue's indicator ids"),
    (
        "unknown-option.yaml",
        "the option ids of the question a condition names",
    ),
    ("unknown-program.yaml", "the catalogue's program ids"),
    ("unknown-question.yaml", "the question ids of the same file"),
];

/// Fixtures that are no YAML document at all (bad bytes, syntax, duplicate
/// keys, beyond the reader's budgets): every editor refuses them before any
/// schema applies.
const NOT_YAML: &[&str] = &[
    "billion-laughs.yaml",
    "colon-in-text.yaml",
    "comma-duplicate-key.yaml",
    "deep-block.yaml",
    "deep-flow.yaml",
    "duplicate-key.yaml",
    "indentation-between.yaml",
    "indentation-deeper.yaml",
    "indentation-entry-key.yaml",
    "random-bytes.yaml",
    "tab-after-value.yaml",
    "tab-indentation.yaml",
    "utf16.yaml",
    "yaml-syntax.yaml",
];

/// The schema as `shindan schema` prints it, or narrowed to one kind of
/// file so that problems are named where they are rather than as "not
/// valid under any of the schemas listed".
fn validator(kind: Option<&str>) -> jsonschema::Validator {
    let mut schema = shindan_engine::json_schema().to_value();
    let definition = match kind {
        Some("bank") => Some("RawBank"),
        Some("catalogue") => Some("RawCatalogue"),
        _ => None,
    };
    if let Some(definition) = definition {
        schema.as_object_mut().unwrap().remove("anyOf");
        schema["$ref"] = Value::from(format!("#/$defs/{definition}"));
    }
    jsonschema::validator_for(&schema).unwrap()
}

/// A file as an editor's YAML tooling hands it to the schema: YAML 1.2
/// (`no` is text), or, with `yaml_1_1`, as older tools read it (`no`,
/// `yes`, `on`, `off`, `y`, `n` are booleans).
fn as_json(path: &Path, yaml_1_1: bool) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|error| error.to_string())?;
    let options = serde_saphyr::options! { strict_booleans: !yaml_1_1 };
    serde_saphyr::from_str_with_options::<Value>(&text, options).map_err(|error| error.to_string())
}

/// Where and by which keyword the schema refuses `document`.
fn refusals(document: &Value) -> Vec<String> {
    let kind = document.get("kind").and_then(Value::as_str);
    validator(kind)
        .iter_errors(document)
        .map(|error| format!("{} ({})", error.instance_path(), error.kind().keyword()))
        .collect()
}

fn name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn the_schema_refuses_every_structurally_invalid_fixture() {
    let mut failures = Vec::new();
    let mut record = String::new();
    let semantic: BTreeMap<&str, &str> = SEMANTIC_ONLY.iter().copied().collect();
    for path in expect::files(&root().join("banks/invalid"), ".yaml") {
        let name = name(&path);
        if name.contains(".answers.") {
            continue;
        }
        let document = match as_json(&path, false) {
            Ok(document) => document,
            Err(_) if NOT_YAML.contains(&name.as_str()) => continue,
            Err(error) => {
                failures.push(format!(
                    "{name}: not read as YAML ({error}); list it in NOT_YAML"
                ));
                continue;
            }
        };
        if NOT_YAML.contains(&name.as_str()) {
            failures.push(format!("{name} is read as YAML: remove it from NOT_YAML"));
        }
        let refused = refusals(&document);
        match (semantic.get(name.as_str()), refused.is_empty()) {
            (Some(_), true) => {}
            (Some(reason), false) => failures.push(format!(
                "{name} is listed as semantic only ({reason}) but the schema refuses it: {refused:?}"
            )),
            (None, true) => failures.push(format!(
                "the schema accepts {name}, which the validator refuses; tighten the schema or list it in SEMANTIC_ONLY with a reason"
            )),
            (None, false) => {
                let _ = writeln!(record, "{name}: {}", refused.join(", "));
            }
        }
    }
    if let Err(failure) = expect::check(&root().join("banks/schema.expected"), &record) {
        failures.push(failure);
    }
    expect::all(failures);
}

#[test]
fn every_valid_fixture_and_shipped_bank_passes_the_schema_in_yaml_1_1_and_1_2() {
    let mut files: Vec<PathBuf> = vec![root().join("banks/catalogue.yaml")];
    for dir in [
        root().join("banks/valid"),
        repo().join("question-banks"),
        repo().join("question-banks/editions/2026.1"),
    ] {
        files.extend(expect::files(&dir, ".yaml"));
    }
    let mut checked = 0;
    let mut failures = Vec::new();
    for path in files {
        for yaml_1_1 in [false, true] {
            let document = as_json(&path, yaml_1_1).unwrap();
            // Answers and reference data are other formats.
            if !matches!(
                document.get("kind").and_then(Value::as_str),
                Some("bank" | "catalogue")
            ) {
                continue;
            }
            checked += 1;
            let problems: Vec<String> = validator(None)
                .iter_errors(&document)
                .map(|error| format!("{}: {error}", error.instance_path()))
                .collect();
            if !problems.is_empty() {
                failures.push(format!(
                    "{} (read as YAML {}): {problems:?}",
                    path.display(),
                    if yaml_1_1 { "1.1" } else { "1.2" }
                ));
            }
        }
    }
    assert!(checked >= 20, "only {checked} files checked");
    expect::all(failures);
}

#[test]
fn the_exempt_lists_name_existing_fixtures() {
    for name in SEMANTIC_ONLY
        .iter()
        .map(|(name, _)| *name)
        .chain(NOT_YAML.iter().copied())
    {
        assert!(
            root().join("banks/invalid").join(name).exists(),
            "{name} is listed but does not exist"
        );
    }
}
