//! The sheet's decisions on the fixture bank with every question kind:
//! levels and meanings, the weakest areas, routed next steps, gates, a
//! superseded edition and the peer comparison against hand-built reference
//! data whose figures are known.

use super::*;
use crate::analysis::reference::{CatalogueKey, ReferenceBuilder};
use crate::{AnswerSheet, Lang, SourceFile, load_bank, load_catalogue, read_answer_sheet, score};
use crate::{Industry, NEXT_STEPS_SHOWN};

const CATALOGUE: &str = include_str!("../../../../tests/banks/catalogue.yaml");
const BANK: &str = include_str!("../../../../tests/banks/valid/every-kind.yaml");
/// Kumamoto, services, 4 employees: the work-rules duty does not bind.
const MIDDLING: &str =
    include_str!("../../../../tests/banks/valid/every-kind.answers.middling.yaml");
/// Saga, manufacturing, 12 employees: work rules are a finding.
const SAGA: &str = include_str!("../../../../tests/banks/valid/every-kind.answers.saga.yaml");

fn bank() -> Bank {
    let catalogue = load_catalogue(&SourceFile::new("catalogue.yaml", CATALOGUE));
    assert!(!catalogue.has_errors(), "{:?}", catalogue.diagnostics);
    let catalogue = catalogue.value.unwrap();
    let bank = load_bank(&SourceFile::new("every-kind.yaml", BANK), &catalogue);
    assert!(!bank.has_errors(), "{:?}", bank.diagnostics);
    bank.value.unwrap()
}

fn answers(bank: &Bank, yaml: &str) -> AnswerSheet {
    let sheet = read_answer_sheet(&SourceFile::new("answers.yaml", yaml), bank);
    assert!(!sheet.has_errors(), "{:?}", sheet.diagnostics);
    sheet.value.unwrap()
}

/// The sheet of `answers` on `bank`, compared with `reference` if given.
fn view<'a>(
    bank: &'a Bank,
    answers: &'a AnswerSheet,
    reference: Option<&'a Reference>,
    demo: bool,
) -> SheetView<'a> {
    let scores = score(bank, &answers.answers, answers.profile.as_ref());
    SheetView::new(bank, &scores, answers.profile.as_ref(), reference, demo)
}

#[test]
fn areas_are_the_engines_scores_with_the_meaning_of_their_level() {
    let bank = bank();
    let sheet = answers(&bank, MIDDLING);
    let scores = score(&bank, &sheet.answers, sheet.profile.as_ref());
    let view = view(&bank, &sheet, None, false);
    assert_eq!(view.areas.len(), bank.catalogue.dimensions.len());
    for ((area, dimension), outcome) in view
        .areas
        .iter()
        .zip(&bank.catalogue.dimensions)
        .zip(&scores.dimensions)
    {
        assert_eq!(area.id, dimension.id);
        assert_eq!((area.score, area.level), (outcome.score, outcome.level));
        let level = area
            .level
            .expect("every area of the middling answers is scored");
        assert_eq!(
            area.meaning,
            Some(&dimension.levels[usize::from(level) - 1])
        );
    }
    assert_eq!(view.overall.score, scores.overall);
    assert_eq!(view.completeness, scores.completeness);
    assert_eq!(view.profile, sheet.profile.as_ref());
}

#[test]
fn an_unanswered_area_has_no_level_and_no_meaning() {
    let bank = bank();
    let sheet = answers(&bank, "answers: {ladder: 3}");
    let view = view(&bank, &sheet, None, false);
    let hiring = &view.areas[1];
    assert_eq!(
        (hiring.score, hiring.level, hiring.meaning),
        (None, None, None)
    );
    let weakest: Vec<&str> = view.weakest.iter().map(|area| area.id).collect();
    assert_eq!(weakest, ["commitment"]);
}

#[test]
fn the_weakest_come_first_and_strengths_start_at_level_four() {
    let bank = bank();
    // commitment 100 (level 5), hiring 0 (level 1).
    let sheet = answers(
        &bank,
        "answers: {ladder: 5, has_staff: 'yes', staff_count: 5, single: low, multiple: [none], number: 0}",
    );
    let view = view(&bank, &sheet, None, false);
    let weakest: Vec<&str> = view.weakest.iter().map(|area| area.id).collect();
    assert_eq!(weakest, ["hiring", "commitment"]);
    assert_eq!(view.weakest[0].level, Some(1));
    let strengths: Vec<&str> = view.strengths.iter().map(|area| area.id).collect();
    assert_eq!(strengths, ["commitment"]);
    assert_eq!(
        view.strengths[0].name.get(Lang::Ja),
        "経営層のコミットメント"
    );
}

#[test]
fn next_steps_route_a_closed_program_to_its_fallback_once() {
    let bank = bank();
    let sheet = answers(&bank, SAGA);
    let steps = view(&bank, &sheet, None, false)
        .next_steps
        .expect("a current edition has next steps");
    let saga = steps
        .shown
        .iter()
        .find(|step| step.id == "saga-first")
        .expect("the Saga rule applies");
    // seminar-2025 is closed and falls back to the portal, listed anyway.
    let programs: Vec<&str> = saga.programs.iter().map(|program| program.id).collect();
    assert_eq!(programs, ["portal"]);
    let portal = &saga.programs[0];
    assert_eq!(portal.link, Some("https://hr.kyushu.meti.go.jp/"));
    assert_eq!(
        portal.term.as_ref().map(|term| term.get(Lang::En)),
        Some("FY2026")
    );
    assert_eq!(saga.priority, 1);
}

#[test]
fn a_program_without_https_is_shown_without_a_link() {
    let mut bank = bank();
    for program in &mut bank.catalogue.programs {
        program.url = Some("http://hr.kyushu.meti.go.jp/".to_owned());
    }
    let sheet = answers(&bank, SAGA);
    let steps = view(&bank, &sheet, None, false).next_steps.unwrap();
    let programs: Vec<&StepProgram> = steps.shown.iter().flat_map(|s| &s.programs).collect();
    assert!(!programs.is_empty());
    assert!(programs.iter().all(|program| program.link.is_none()));
}

#[test]
fn steps_past_the_first_few_are_folded_in_order() {
    let mut bank = bank();
    // More rules like `hiring-weak`, so that more apply than are shown.
    let template = bank
        .recommendations
        .iter()
        .find(|r| r.id == "hiring-weak")
        .cloned()
        .unwrap();
    for copy in 0..NEXT_STEPS_SHOWN {
        let mut rule = template.clone();
        rule.id = format!("hiring-weak-{copy}");
        bank.recommendations.push(rule);
    }
    // Hiring at level 1: every copy applies.
    let sheet = answers(
        &bank,
        "answers: {ladder: 2, single: low, multiple: [none], number: 0}",
    );
    let scores = score(&bank, &sheet.answers, sheet.profile.as_ref());
    let steps = view(&bank, &sheet, None, false).next_steps.unwrap();
    assert_eq!(steps.shown.len(), NEXT_STEPS_SHOWN);
    assert!(!steps.more.is_empty());
    let shown: Vec<&str> = steps
        .shown
        .iter()
        .chain(&steps.more)
        .map(|step| step.id)
        .collect();
    let applying: Vec<&str> = scores
        .recommendations
        .iter()
        .map(|&index| bank[index].id.as_str())
        .collect();
    assert_eq!(shown, applying);
}

#[test]
fn a_finding_cites_its_law_and_a_duty_that_does_not_bind_is_listed_apart() {
    let bank = bank();
    let saga = answers(&bank, SAGA);
    let gates = view(&bank, &saga, None, false).gates.unwrap();
    let findings: Vec<&str> = gates.findings.iter().map(|finding| finding.id).collect();
    assert_eq!(findings, ["rules"]);
    assert!(
        gates.findings[0]
            .basis
            .get(Lang::Ja)
            .contains("労働基準法 第89条")
    );
    assert!(gates.not_applicable.is_empty());
    // Four employees: the work-rules duty does not bind.
    let middling = answers(&bank, MIDDLING);
    let gates = view(&bank, &middling, None, false).gates.unwrap();
    assert!(gates.findings.is_empty());
    assert_eq!(gates.not_applicable, [&bank.gates[0].text]);
}

#[test]
fn the_minimum_wage_finding_shows_the_companys_prefecture() {
    let bank = bank();
    let sheet = answers(&bank, &SAGA.replace("wage: \"yes\"", "wage: \"no\""));
    let gates = view(&bank, &sheet, None, false).gates.unwrap();
    let wage = gates.findings.iter().find(|f| f.id == "wage").unwrap();
    let figure = wage
        .figure
        .as_ref()
        .expect("Saga's rate is in the catalogue");
    assert!(figure.get(Lang::Ja).contains("1,030"), "{figure:?}");
}

#[test]
fn a_superseded_edition_shows_neither_gates_nor_steps_nor_its_law_date() {
    let mut bank = bank();
    let sheet = answers(&bank, SAGA);
    let current = view(&bank, &sheet, None, false);
    assert!(current.as_of.is_some() && current.superseded.is_none());
    bank.superseded_by = Some("2".to_owned());
    let view = view(&bank, &sheet, None, false);
    assert_eq!(
        (view.gates, view.next_steps, view.as_of),
        (None, None, None)
    );
    assert!(view.superseded.is_some());
    assert_eq!(view.attribution, bank.catalogue.attribution.as_ref());
}

/// Reference data with one group, small × services, of 41 companies whose
/// commitment scores are 0, 2.5, … 100 (quartiles 25 and 75, mean 50,
/// population sd √875) and who have no hiring figures.
fn reference(bank: &Bank, synthetic: bool) -> Reference {
    let mut builder = ReferenceBuilder::default();
    for step in 0..=40 {
        let score = f64::from(step) * 2.5;
        builder.add(
            Tier::Small,
            Industry::Services,
            [("commitment", Some(score)), ("hiring", None)],
        );
    }
    builder.build(
        CatalogueKey::of(&bank.catalogue),
        "2026",
        "2026-11-01",
        "hand-built",
        synthetic,
        30,
    )
}

#[test]
fn peers_of_the_same_tier_and_industry_give_a_band_and_a_standing() {
    let bank = bank();
    let reference = reference(&bank, false);
    // The middling company is small × services.
    let sheet = answers(&bank, MIDDLING);
    let view = view(&bank, &sheet, Some(&reference), false);
    let Peers::Compared(group) = &view.peers else {
        panic!("compared with {:?}", view.peers);
    };
    assert_eq!(
        (group.tier, group.industry, group.n),
        (Tier::Small, IndustryGroup::Services, 41)
    );
    assert_eq!((group.edition, group.synthetic), ("2026", false));
    let commitment = &view.areas[0];
    assert_eq!(commitment.peer_band, Some((25.0, 75.0)));
    let score = commitment.score.unwrap();
    let standing = commitment.standing.unwrap();
    // Evenly spread peers: the share below a score is the score itself.
    assert!((standing.percentile - score).abs() < 1e-9, "{standing:?}");
    let deviation = 50.0 + 10.0 * (score - 50.0) / 875f64.sqrt();
    assert!(
        (standing.deviation.unwrap() - deviation).abs() < 1e-9,
        "{standing:?}"
    );
    // The peers have no hiring figures: no band there, drawn at the centre.
    assert_eq!(
        (view.areas[1].peer_band, view.areas[1].standing),
        (None, None)
    );
    assert_eq!(view.peer_band(), Some(vec![(25.0, 75.0), (0.0, 0.0)]));
    assert!(view.compares_peers());
}

#[test]
fn sample_data_is_compared_only_in_a_demonstration() {
    let bank = bank();
    let sample = reference(&bank, true);
    let middling = answers(&bank, MIDDLING);
    let quiet = view(&bank, &middling, Some(&sample), false);
    assert_eq!(quiet.peers, Peers::NotShown);
    assert_eq!(quiet.peer_band(), None);
    assert!(!quiet.compares_peers());
    assert!(
        quiet
            .areas
            .iter()
            .all(|area| area.standing.is_none() && area.peer_band.is_none())
    );
    let demo = view(&bank, &middling, Some(&sample), true);
    assert!(matches!(&demo.peers, Peers::Compared(group) if group.synthetic));
    // Sample data with no group for this company says nothing either.
    let saga = answers(&bank, SAGA);
    assert_eq!(
        view(&bank, &saga, Some(&sample), false).peers,
        Peers::NotShown
    );
}

#[test]
fn real_data_without_a_group_for_the_company_says_so() {
    let bank = bank();
    let real = reference(&bank, false);
    // Saga's company is in manufacturing: no group.
    let saga = answers(&bank, SAGA);
    let view_saga = view(&bank, &saga, Some(&real), false);
    assert_eq!(view_saga.peers, Peers::NoGroup);
    assert_eq!(view_saga.peer_band(), None);
    // Without a profile there is no group to look up.
    let bare = answers(&bank, "answers: {ladder: 3}");
    assert_eq!(view(&bank, &bare, Some(&real), false).peers, Peers::NoGroup);
    // Figures for another catalogue are never compared.
    let mut other = real.clone();
    other.catalogue.version = "2".to_owned();
    let middling = answers(&bank, MIDDLING);
    assert_eq!(
        view(&bank, &middling, Some(&other), false).peers,
        Peers::NoGroup
    );
}
