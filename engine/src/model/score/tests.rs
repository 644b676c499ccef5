//! The scoring formula on a small bank with every question kind.

use super::*;
use crate::{SourceFile, load_bank, load_catalogue, read_answer_sheet};

const CATALOGUE: &str = include_str!("../../../../tests/banks/catalogue.yaml");
const BANK: &str = include_str!("../../../../tests/banks/valid/every-kind.yaml");

fn bank() -> Bank {
    let catalogue = load_catalogue(&SourceFile::new("catalogue.yaml", CATALOGUE));
    assert!(!catalogue.has_errors(), "{:?}", catalogue.diagnostics);
    let catalogue = catalogue.value.unwrap();
    let bank = load_bank(&SourceFile::new("every-kind.yaml", BANK), &catalogue);
    assert!(!bank.has_errors(), "{:?}", bank.diagnostics);
    bank.value.unwrap()
}

fn scores(answers_yaml: &str) -> Scores {
    let bank = bank();
    let sheet = read_answer_sheet(&SourceFile::new("answers.yaml", answers_yaml), &bank);
    assert!(!sheet.has_errors(), "{:?}", sheet.diagnostics);
    let sheet = sheet.value.unwrap();
    score(&bank, &sheet.answers, sheet.profile.as_ref())
}

#[test]
fn ladder_step_lands_on_its_level() {
    for step in 1..=5u8 {
        let result = scores(&format!("answers: {{ladder: {step}}}"));
        assert_eq!(result.dimensions[0].score, Some(f64::from(step - 1) * 25.0));
        assert_eq!(result.dimensions[0].level, Some(step));
    }
}

#[test]
fn not_applicable_and_hidden_leave_numerator_and_denominator() {
    // yes_no `has_staff` = no hides `staff_count`; the ladder gives 50, N/A is left out.
    let result = scores("answers: {ladder: 3, has_staff: 'no', staff_count: 40, single: na}");
    assert!(
        !result.visible[3],
        "staff_count is hidden when has_staff is no"
    );
    // dimension `commitment`: ladder (w1, 0.5) + has_staff (w1, 0) → 25.
    assert_eq!(result.dimensions[0].score, Some(25.0));
    // dimension `hiring`: single is N/A, multiple unanswered → no score.
    assert_eq!(result.dimensions[1].score, None);
    assert_eq!(result.dimensions[1].level, None);
    // visible: ladder, has_staff, single, multiple, number = 5; answered 3 (incl. N/A).
    assert_eq!(result.completeness, 0.6);
}

#[test]
fn multiple_choice_is_capped_and_numbers_use_bands() {
    let result = scores(
        "answers: {ladder: 5, has_staff: 'yes', staff_count: 3, single: mid, multiple: [a, b, c], number: 12}",
    );
    // commitment: ladder 1 (w1) + has_staff 1 (w1) + staff_count band from 1 → 0.5 (w2) = (1+1+1)/4.
    assert_eq!(result.dimensions[0].score, Some(75.0));
    // hiring: single mid 0.5 (w1) + multiple min(1.5,1)/1 = 1 (w1) + number 12 → band 10 → 1 (w1) = 2.5/3.
    assert_eq!(result.dimensions[1].score, Some(83.3));
    assert_eq!(result.dimensions[1].level, Some(5));
    // overall: hiring has weight 2 in the catalogue: (75 + 2 × 83.3) / 3.
    assert_eq!(result.overall, Some(80.5));
    assert_eq!(result.completeness, 1.0);
}

#[test]
fn gates_and_recommendations_follow_answers_and_levels() {
    // No profile: the work-rules duty (10 or more workers) binds nobody known.
    let unknown = scores("answers: {ladder: 1, has_staff: 'no', rules: 'no'}");
    assert!(unknown.gate_findings.is_empty());
    assert_eq!(unknown.gates_applicable, [false, true]);
    let weak = scores(
        "profile: {industry: manufacturing, regular_employees: 12, prefecture: saga}\n\
         answers: {ladder: 1, has_staff: 'no', rules: 'no'}",
    );
    let bank = bank();
    assert_eq!(weak.gate_findings, vec![GateIndex::new(0)]);
    let ids: Vec<&str> = weak
        .recommendations
        .iter()
        .map(|&i| bank[i].id.as_str())
        .collect();
    assert_eq!(ids, ["saga-first", "talk-about-people", "first-hire"]);
    let strong = scores("answers: {ladder: 5, has_staff: 'yes', staff_count: 9, rules: 'yes'}");
    assert!(strong.gate_findings.is_empty());
    assert!(strong.recommendations.is_empty());
}

#[test]
fn weakest_and_strengths_order_by_score() {
    let result = scores("answers: {ladder: 5, has_staff: 'yes', single: low, multiple: [a]}");
    let dimensions = |positions: &[usize]| -> Vec<DimensionIndex> {
        positions.iter().copied().map(DimensionIndex::new).collect()
    };
    assert_eq!(result.weakest(3), dimensions(&[1, 0]));
    assert_eq!(result.strengths(), dimensions(&[0]));
}

#[test]
fn the_minimum_wage_gate_shows_the_rate_of_the_companys_prefecture() {
    let bank = bank();
    let wage = bank.gates.iter().find(|gate| gate.id == "wage").unwrap();
    let saga = crate::Profile {
        industry: crate::Industry::Retail,
        regular_employees: 3,
        capital_yen: None,
        prefecture: crate::Prefecture::Saga,
    };
    assert_eq!(
        wage.figure(&bank.catalogue, Some(&saga)),
        Some(crate::Text::new(
            "佐賀県の最低賃金: 時間額1,030円（2025年11月21日発効）",
            "Minimum wage in Saga: ¥1,030 an hour (since 21 November 2025)"
        ))
    );
    let elsewhere = crate::Profile {
        prefecture: crate::Prefecture::Other,
        ..saga
    };
    assert_eq!(wage.figure(&bank.catalogue, Some(&elsewhere)), None);
    assert_eq!(wage.figure(&bank.catalogue, None), None);
}
