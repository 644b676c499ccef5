//! The shipped banks: clean under validation, and the golden companies of
//! each tier score as recorded.

use shindan_engine::{
    Bank, ResultDoc, SourceFile, load_bank, load_catalogue, read_answer_sheet, render, score,
};

use crate::expect::{self, repo, root};

/// The shipped bank of `tier` with its catalogue, asserting both load cleanly.
pub fn shipped(tier: &str) -> Bank {
    let dir = repo().join("question-banks");
    let catalogue_file = SourceFile::new(
        "catalogue.yaml",
        std::fs::read_to_string(dir.join("catalogue.yaml")).unwrap(),
    );
    let catalogue = load_catalogue(&catalogue_file);
    assert!(
        catalogue.diagnostics.is_empty(),
        "{}",
        render::render_all(&catalogue_file, &catalogue.diagnostics)
    );
    let name = format!("{tier}.yaml");
    let file = SourceFile::new(&name, std::fs::read_to_string(dir.join(&name)).unwrap());
    let bank = load_bank(&file, &catalogue.value.unwrap());
    assert!(
        bank.diagnostics.is_empty(),
        "{}",
        render::render_all(&file, &bank.diagnostics)
    );
    bank.value.unwrap()
}

#[test]
fn shipped_banks_validate_without_a_single_diagnostic() {
    for tier in ["small", "sme", "midsize"] {
        let bank = shipped(tier);
        assert_eq!(bank.tier.as_str(), tier);
    }
}

#[test]
fn golden_companies_score_as_recorded() {
    let mut failures = Vec::new();
    let golden = root().join("golden");
    for tier in ["small", "sme", "midsize"] {
        let bank = shipped(tier);
        // Every `<tier>-*.yaml`: the weak, middling and strong companies and
        // the borderline ones that pin level boundaries.
        let prefix = format!("{tier}-");
        let companies: Vec<_> = expect::files(&golden, ".yaml")
            .into_iter()
            .filter(|path| {
                path.file_name()
                    .is_some_and(|name| name.to_string_lossy().starts_with(&prefix))
            })
            .collect();
        assert!(
            companies.len() >= 6,
            "{tier}: expected weak, middling, strong and three borderline companies"
        );
        for path in companies {
            let file = SourceFile::new(
                path.display().to_string(),
                std::fs::read_to_string(&path).unwrap(),
            );
            let sheet = read_answer_sheet(&file, &bank);
            let Some(sheet) = sheet.value else {
                failures.push(render::render_all(&file, &sheet.diagnostics));
                continue;
            };
            let scores = score(&bank, &sheet.answers, sheet.profile.as_ref());
            let result = ResultDoc::new(
                &bank,
                &sheet.answers,
                &scores,
                sheet.profile,
                "2026-01-01",
                None,
            );
            if let Err(failure) =
                expect::check(&path.with_extension("expected"), &summary(&bank, &result))
            {
                failures.push(failure);
            }
        }
    }
    expect::all(failures);
}

/// Levels, gate findings and recommendations: what a reviewer checks.
fn summary(bank: &Bank, result: &ResultDoc) -> String {
    let mut out = String::new();
    for (dimension, outcome) in bank.catalogue.dimensions.iter().zip(&result.dimensions) {
        out.push_str(&format!(
            "{:<12} {:>6} L{}\n",
            dimension.id,
            outcome.score.map_or("-".to_owned(), |s| format!("{s:.1}")),
            outcome.level.map_or("-".to_owned(), |l| l.to_string())
        ));
    }
    out.push_str(&format!(
        "overall      {:>6} L{}\ncompleteness {}\n",
        result
            .overall
            .score
            .map_or("-".to_owned(), |s| format!("{s:.1}")),
        result
            .overall
            .level
            .map_or("-".to_owned(), |l| l.to_string()),
        result.completeness
    ));
    let findings: Vec<&str> = result
        .gates
        .iter()
        .filter(|g| g.finding)
        .map(|g| g.id.as_str())
        .collect();
    out.push_str(&format!("gate findings: {}\n", findings.join(", ")));
    out.push_str("recommendations:\n");
    for id in &result.recommendations {
        out.push_str(&format!("  {id}\n"));
    }
    out
}
