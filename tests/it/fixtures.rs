//! `banks/invalid/*`: each file with the exact diagnostics it must produce;
//! `banks/valid/*`: each bank with its summary and the results of its answer files.

use std::path::Path;

use shindan_engine::{
    Catalogue, Code, DocumentKind, ResultDoc, SourceFile, document_kind, load_bank, load_catalogue,
    read_answer_sheet, render, score,
};

use crate::expect::{self, root};

pub fn fixture_catalogue() -> Catalogue {
    let text = std::fs::read_to_string(root().join("banks/catalogue.yaml")).unwrap();
    let checked = load_catalogue(&SourceFile::new("catalogue.yaml", text));
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    checked.value.unwrap()
}

/// The valid fixture bank that answer-file fixtures are read against.
pub fn every_kind_bank(catalogue: &Catalogue) -> shindan_engine::Bank {
    let text = std::fs::read_to_string(root().join("banks/valid/every-kind.yaml")).unwrap();
    load_bank(&SourceFile::new("every-kind.yaml", text), catalogue)
        .value
        .unwrap()
}

/// What loading a file prints, named as in the fixture folder.
pub fn diagnose(path: &Path, catalogue: &Catalogue) -> String {
    let name = format!("invalid/{}", path.file_name().unwrap().to_string_lossy());
    let bytes = std::fs::read(path).unwrap();
    let file = match shindan_engine::decode(&name, &bytes) {
        Ok(file) => file,
        Err(undecodable) => return render::render(&undecodable.file, &undecodable.diagnostic),
    };
    if name.contains(".answers.") {
        let bank = every_kind_bank(catalogue);
        return render::render_all(&file, &read_answer_sheet(&file, &bank).diagnostics);
    }
    let diagnostics = match document_kind(&file) {
        Err(diagnostic) => vec![diagnostic],
        Ok(DocumentKind::Catalogue) => load_catalogue(&file).diagnostics,
        Ok(DocumentKind::Bank) => load_bank(&file, catalogue).diagnostics,
        Ok(DocumentKind::Reference) => shindan_engine::Reference::read(&file).diagnostics,
        Ok(DocumentKind::Answers) => {
            read_answer_sheet(&file, &every_kind_bank(catalogue)).diagnostics
        }
    };
    render::render_all(&file, &diagnostics)
}

#[test]
fn invalid_banks_report_exactly_their_expected_diagnostics() {
    let catalogue = fixture_catalogue();
    let mut failures = Vec::new();
    for path in expect::files(&root().join("banks/invalid"), ".yaml") {
        let actual = diagnose(&path, &catalogue);
        if !actual.contains("error[") {
            failures.push(format!("{} produced no error", path.display()));
        }
        if let Err(failure) = expect::check(&path.with_extension("expected"), &actual) {
            failures.push(failure);
        }
    }
    expect::all(failures);
}

#[test]
fn every_diagnostic_code_has_a_fixture() {
    let mut expected = String::new();
    for dir in ["banks/invalid", "banks/hostile"] {
        for path in expect::files(&root().join(dir), ".expected") {
            expected.push_str(&std::fs::read_to_string(path).unwrap());
        }
    }
    let missing: Vec<&str> = Code::ALL
        .iter()
        .map(|code| code.as_str())
        .filter(|code| !expected.contains(&format!("[{code}]")))
        .collect();
    assert!(
        missing.is_empty(),
        "codes without a fixture in tests/banks/invalid: {missing:?}"
    );
}

#[test]
fn valid_banks_load_and_score_as_recorded() {
    let catalogue = fixture_catalogue();
    let mut failures = Vec::new();
    for path in expect::files(&root().join("banks/valid"), ".yaml") {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.contains(".answers.") {
            continue;
        }
        let file = SourceFile::new(&name, std::fs::read_to_string(&path).unwrap());
        let checked = load_bank(&file, &catalogue);
        let Some(bank) = checked.value else {
            failures.push(render::render_all(&file, &checked.diagnostics));
            continue;
        };
        let stem = name.trim_end_matches(".yaml");
        for answers_path in expect::files(path.parent().unwrap(), ".yaml") {
            let answers_name = answers_path
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            if !answers_name.starts_with(&format!("{stem}.answers.")) {
                continue;
            }
            let answers = SourceFile::new(
                &answers_name,
                std::fs::read_to_string(&answers_path).unwrap(),
            );
            let sheet = read_answer_sheet(&answers, &bank).into_result().unwrap();
            let scores = score(&bank, &sheet.answers, sheet.profile.as_ref());
            let result = ResultDoc::new(
                &bank,
                &sheet.answers,
                &scores,
                sheet.profile,
                "2026-01-01",
                sheet.label,
            );
            let json = serde_json::to_string_pretty(&result).unwrap() + "\n";
            if let Err(failure) =
                expect::check(&answers_path.with_extension("expected.json"), &json)
            {
                failures.push(failure);
            }
            let reread = ResultDoc::read(&SourceFile::new("result.json", json))
                .into_result()
                .unwrap();
            if reread != result {
                failures.push(format!("{answers_name}: result JSON does not round-trip"));
            }
        }
    }
    expect::all(failures);
}

#[test]
fn results_of_schema_1_stay_readable() {
    let path = root().join("results/schema-1.json");
    let file = SourceFile::new("schema-1.json", std::fs::read_to_string(path).unwrap());
    let result = ResultDoc::read(&file).into_result().unwrap();
    assert_eq!(result.schema, 1);
    assert_eq!(result.bank.id, "every-kind");
    assert_eq!(result.dimensions[0].level, Some(3));
}
