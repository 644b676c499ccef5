//! The SurveyJS twin as a static site: `index.html`, the survey model
//! generated from our bank, and SurveyJS's own files from `node_modules`,
//! the way its guide for pages without a framework loads them (the core
//! library and the default theme's stylesheet from `survey-core`, the
//! Preact-based renderer from `survey-js-ui`, the Japanese interface texts).

use std::path::{Path, PathBuf};

use shindan_engine::{Bank, SourceFile, load_bank, load_catalogue, render};

use super::survey_model::survey_model;
use crate::repo_root;
use crate::site::io_error;

/// The bank the twin is made from, and the tier the app is driven through.
pub const BANK: &str = "question-banks/sme.yaml";
const CATALOGUE: &str = "question-banks/catalogue.yaml";

/// SurveyJS's files: where each is in `node_modules`, and its name in the
/// twin.
const SURVEYJS_FILES: &[(&str, &str)] = &[
    // The default theme; it asks Google Fonts for Open Sans.
    ("survey-core/survey-core.min.css", "survey-core.min.css"),
    // The model (UMD, global `Survey`).
    ("survey-core/survey.core.min.js", "survey.core.min.js"),
    // The renderer without a framework (`SurveyModel.render`).
    ("survey-js-ui/survey-js-ui.min.js", "survey-js-ui.min.js"),
    // 次へ, 完了, the progress text.
    ("survey-core/i18n/japanese.min.js", "japanese.min.js"),
];

/// Writes the twin into a fresh `dir` and returns the notes on what the
/// model could not carry over.
pub fn write(dir: &Path) -> Result<Vec<String>, String> {
    let bank = load_shipped()?;
    let model = survey_model(&bank);
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| io_error("remove", dir, &e))?;
    }
    std::fs::create_dir_all(dir).map_err(|e| io_error("create", dir, &e))?;
    let json = serde_json::to_string(&model.json)
        .map_err(|error| format!("cannot write the survey model: {error}"))?;
    write_file(&dir.join("survey.json"), json.as_bytes())?;
    write_file(
        &dir.join("index.html"),
        index_html(&bank.title.ja).as_bytes(),
    )?;
    let node_modules = repo_root().join("node_modules");
    for (from, to) in SURVEYJS_FILES {
        let source = node_modules.join(from);
        std::fs::copy(&source, dir.join(to)).map_err(|error| {
            format!(
                "cannot copy {} (is survey-core installed? run `npm ci`): {error}",
                source.display()
            )
        })?;
    }
    Ok(model.notes)
}

/// The shipped bank with its catalogue, checked by the engine as the app's
/// build does.
fn load_shipped() -> Result<Bank, String> {
    let catalogue_file = read(CATALOGUE)?;
    let catalogue = load_catalogue(&catalogue_file)
        .into_result()
        .map_err(|diagnostics| render::render_all(&catalogue_file, &diagnostics))?;
    let bank_file = read(BANK)?;
    load_bank(&bank_file, &catalogue)
        .into_result()
        .map_err(|diagnostics| render::render_all(&bank_file, &diagnostics))
}

fn read(path: &str) -> Result<SourceFile, String> {
    let full: PathBuf = repo_root().join(path);
    std::fs::read_to_string(&full)
        .map(|text| SourceFile::new(path, text))
        .map_err(|e| io_error("read", &full, &e))
}

/// The page: the model is fetched while the libraries load, and rendered
/// once both are there. The icon is inline so that the browser asks for
/// no `/favicon.ico`.
fn index_html(title: &str) -> String {
    let title = title
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!(
        r#"<!doctype html>
<html lang="ja">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title}（SurveyJS）</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="survey-core.min.css">
  <script>window.surveyJson = fetch("survey.json").then((response) => response.json());</script>
  <script src="survey.core.min.js"></script>
  <script src="survey-js-ui.min.js"></script>
  <script src="japanese.min.js"></script>
</head>
<body>
  <div id="survey"></div>
  <script>
    window.surveyJson.then((json) => new Survey.Model(json).render(document.getElementById("survey")));
  </script>
</body>
</html>
"#
    )
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| io_error("write", path, &e))
}
