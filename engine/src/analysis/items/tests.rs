//! The analysis on datasets small enough to compute by hand.

use super::*;
use crate::model::answers::AnswerValue;
use crate::{SourceFile, load_bank, load_catalogue, score};

const CATALOGUE: &str = r#"
kind: catalogue
id: analysis
version: "1"
title: {ja: 分析, en: Analysis}
dimensions:
  - id: a
    name: {ja: 分野A, en: Area A}
    description: {ja: A, en: A}
    levels: [{ja: "1", en: "1"}, {ja: "2", en: "2"}, {ja: "3", en: "3"}, {ja: "4", en: "4"}, {ja: "5", en: "5"}]
  - id: b
    name: {ja: 分野B, en: Area B}
    description: {ja: B, en: B}
    levels: [{ja: "1", en: "1"}, {ja: "2", en: "2"}, {ja: "3", en: "3"}, {ja: "4", en: "4"}, {ja: "5", en: "5"}]
"#;

/// Dimension `a`: three ladders (q2 allows N/A) and an unscored multiple
/// choice; `b`: one yes/no item and an unscored number asked only after
/// "yes".
const BANK: &str = r#"
kind: bank
id: tiny
version: "1"
tier: sme
catalogue: analysis
title: {ja: 小さな質問票, en: A tiny bank}
questions:
  - {id: q1, dimension: a, kind: ladder, source: test, text: {ja: 一, en: One}, steps: [{ja: "1", en: "1"}, {ja: "2", en: "2"}, {ja: "3", en: "3"}, {ja: "4", en: "4"}, {ja: "5", en: "5"}]}
  - {id: q2, dimension: a, kind: ladder, allow_na: true, source: test, text: {ja: 二, en: Two}, steps: [{ja: "1", en: "1"}, {ja: "2", en: "2"}, {ja: "3", en: "3"}, {ja: "4", en: "4"}, {ja: "5", en: "5"}]}
  - {id: q3, dimension: a, kind: ladder, source: test, text: {ja: 三, en: Three}, steps: [{ja: "1", en: "1"}, {ja: "2", en: "2"}, {ja: "3", en: "3"}, {ja: "4", en: "4"}, {ja: "5", en: "5"}]}
  - id: note
    dimension: a
    kind: multiple
    weight: 0
    cap: 1
    source: test
    text: {ja: 課題, en: Issues}
    options:
      - {id: x, label: {ja: X, en: X}, score: 0}
      - {id: y, label: {ja: Y, en: Y}, score: 0}
      - {id: none, label: {ja: なし, en: None}, score: 0, exclusive: true}
  - {id: solo, dimension: b, kind: yes_no, source: test, text: {ja: はい, en: Yes}}
  - id: count
    dimension: b
    kind: number
    weight: 0
    source: test
    show_if: {question: solo, equals: "yes"}
    text: {ja: 人数, en: Count}
    bands: [{from: 0, score: 0}, {from: 5, score: 1}]
"#;

fn bank() -> Bank {
    let catalogue = load_catalogue(&SourceFile::new("catalogue.yaml", CATALOGUE));
    assert!(!catalogue.has_errors(), "{:?}", catalogue.diagnostics);
    let bank = load_bank(
        &SourceFile::new("tiny.yaml", BANK),
        &catalogue.value.unwrap(),
    );
    assert!(!bank.has_errors(), "{:?}", bank.diagnostics);
    bank.value.unwrap()
}

/// One respondent: `(id, value)` pairs as an answer file has them.
fn respondent(bank: &Bank, answers: &[(&str, &str)]) -> (Answers, Scores) {
    let values: BTreeMap<String, AnswerValue> = answers
        .iter()
        .map(|&(id, value)| (id.to_owned(), crate::analysis::survey::cell_value(value)))
        .collect();
    let (answers, diagnostics) = Answers::from_values(bank, &values);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let scores = score(bank, &answers, None);
    (answers, scores)
}

fn analyse(bank: &Bank, rows: &[&[(&str, &str)]]) -> Analysis {
    let mut builder = AnalysisBuilder::new();
    for row in rows {
        let (answers, scores) = respondent(bank, row);
        builder.add(bank, &answers, &scores);
    }
    builder.build()
}

fn close(statistic: Statistic, expected: f64) {
    match statistic {
        Statistic::Value(value) => {
            assert!((value - expected).abs() < 1e-9, "{value} is not {expected}")
        }
        other => panic!("{other:?} is not {expected}"),
    }
}

fn question<'a>(group: &'a GroupAnalysis, id: &str) -> &'a QuestionAnalysis {
    group.questions.iter().find(|q| q.id == id).unwrap()
}

fn dimension<'a>(group: &'a GroupAnalysis, id: &str) -> &'a DimensionAnalysis {
    group.dimensions.iter().find(|d| d.id == id).unwrap()
}

/// Every figure of the analysis, for the "never NaN" checks.
fn statistics(analysis: &Analysis) -> Vec<Statistic> {
    let mut out = Vec::new();
    for group in &analysis.groups {
        for d in &group.dimensions {
            out.push(d.alpha);
            out.extend(d.alpha_if_dropped.iter().map(|a| a.alpha));
        }
        for q in &group.questions {
            out.extend([
                q.not_applicable_rate,
                q.skipped_rate,
                q.top_share,
                q.mean,
                q.floor,
                q.ceiling,
                q.item_rest,
            ]);
        }
    }
    out
}

/// The six respondents of the worked example. Ladder steps of q1, q2, q3
/// (— skipped, na not applicable):
///
/// | | q1 | q2 | q3 | note | solo | count |
/// |---|---|---|---|---|---|---|
/// | R1 | 1 | 2 | 1 | x | no | |
/// | R2 | 2 | 2 | 3 | x y | yes | 7 |
/// | R3 | 4 | 3 | 4 | x | yes | 2 |
/// | R4 | 5 | 5 | 4 | none | no | 3 (hidden: solo is no) |
/// | R5 | 3 | na | 2 | — | — | (hidden) |
/// | R6 | — | 3 | 3 | x | yes | — |
const ROWS: [&[(&str, &str)]; 6] = [
    &[
        ("q1", "1"),
        ("q2", "2"),
        ("q3", "1"),
        ("note", "x"),
        ("solo", "no"),
    ],
    &[
        ("q1", "2"),
        ("q2", "2"),
        ("q3", "3"),
        ("note", "x y"),
        ("solo", "yes"),
        ("count", "7"),
    ],
    &[
        ("q1", "4"),
        ("q2", "3"),
        ("q3", "4"),
        ("note", "x"),
        ("solo", "yes"),
        ("count", "2"),
    ],
    &[
        ("q1", "5"),
        ("q2", "5"),
        ("q3", "4"),
        ("note", "none"),
        ("solo", "no"),
        ("count", "3"),
    ],
    &[("q1", "3"), ("q2", "na"), ("q3", "2")],
    &[("q2", "3"), ("q3", "3"), ("note", "x"), ("solo", "yes")],
];

#[test]
fn alpha_and_item_rest_match_the_hand_computation() {
    // Complete cases of dimension `a` are R1–R4 (R5 said N/A to q2, R6
    // skipped q1: listwise deletion). α and r do not change when every item
    // is rescaled alike, so compute on steps rather than values (s − 1)/4:
    //
    //   q1: 1 2 4 5   mean 3, deviations −2 −1 1 2, SS 10, var 10/3
    //   q2: 2 2 3 5   mean 3, deviations −1 −1 0 2, SS 6,  var 2
    //   q3: 1 3 4 4   mean 3, deviations −2 0 1 1,  SS 6,  var 2
    //   T:  4 7 11 14 mean 9, deviations −5 −2 2 5, SS 58, var 58/3
    //
    //   α = 3/2 · (1 − (10/3 + 2 + 2) / (58/3)) = 3/2 · 36/58 = 27/29
    //
    // Item–rest (rest = sum of the other two):
    //   q1: rest 3 5 7 9, dev −3 −1 1 3, SS 20; Σ dev·dev = 6+1+1+6 = 14
    //       r = 14 / √(10·20) = 0.7·√2
    //   q2: rest 2 5 8 9, dev −4 −1 2 3, SS 30; Σ = 4+1+0+6 = 11
    //       r = 11 / √(6·30) = 11/√180
    //   q3: rest 3 4 7 10, dev −3 −2 1 4, SS 30; Σ = 6+0+1+4 = 11
    //       r = 11/√180
    //
    // α if dropped (two items: α = 2·(1 − (σ²ᵢ + σ²ⱼ)/(σ²ᵢ + σ²ⱼ + 2cᵢⱼ))):
    //   without q1: q2, q3: c = (2+0+0+2)/3 = 4/3 → 2·(1 − 4/(20/3)) = 0.8
    //   without q2: q1, q3: c = (4+0+1+2)/3 = 7/3 → 2·(1 − (16/3)/10) = 14/15
    //   without q3: q1, q2: c = (2+1+0+4)/3 = 7/3 → 14/15
    let bank = bank();
    let analysis = analyse(&bank, &ROWS);
    assert_eq!(analysis.groups.len(), 1);
    let group = &analysis.groups[0];
    assert_eq!(
        (group.tier, group.bank.as_deref(), group.version.as_deref()),
        (Tier::Sme, Some("tiny"), Some("1"))
    );
    assert_eq!(group.respondents, 6);
    let a = dimension(group, "a");
    assert_eq!(a.items, ["q1", "q2", "q3"], "`note` has weight 0");
    assert_eq!(a.complete, 4);
    close(a.alpha, 27.0 / 29.0);
    close(question(group, "q1").item_rest, 0.7 * 2f64.sqrt());
    close(question(group, "q2").item_rest, 11.0 / 180f64.sqrt());
    close(question(group, "q3").item_rest, 11.0 / 180f64.sqrt());
    let dropped: Vec<(&str, Statistic)> = a
        .alpha_if_dropped
        .iter()
        .map(|d| (d.question.as_str(), d.alpha))
        .collect();
    assert_eq!(dropped.len(), 3);
    close(dropped[0].1, 0.8);
    close(dropped[1].1, 14.0 / 15.0);
    close(dropped[2].1, 14.0 / 15.0);
    assert!(group.flags.is_empty(), "{:?}", group.flags);

    // The same figures straight from the matrix, in steps.
    let steps = [
        vec![1.0, 2.0, 1.0],
        vec![2.0, 2.0, 3.0],
        vec![4.0, 3.0, 4.0],
        vec![5.0, 5.0, 4.0],
    ];
    let covariance = Covariance::of(&steps);
    assert_eq!((covariance.n, covariance.k), (4, 3));
    let expected = [10.0 / 3.0, 7.0 / 3.0, 7.0 / 3.0, 2.0, 4.0 / 3.0, 2.0];
    let found = [
        covariance.at(0, 0),
        covariance.at(0, 1),
        covariance.at(0, 2),
        covariance.at(1, 1),
        covariance.at(1, 2),
        covariance.at(2, 2),
    ];
    for (found, expected) in found.iter().zip(expected) {
        assert!((found - expected).abs() < 1e-12, "{found} vs {expected}");
    }
    close(alpha(&covariance, &[0, 1, 2]), 27.0 / 29.0);
    close(alpha(&covariance, &[1, 2]), 0.8);
}

#[test]
fn counts_rates_and_distributions_are_pairwise() {
    let bank = bank();
    let analysis = analyse(&bank, &ROWS);
    let group = &analysis.groups[0];

    // q1: everyone asked; R6 skipped; answers 1 2 4 5 3.
    let q1 = question(group, "q1");
    assert_eq!(
        (
            q1.asked,
            q1.hidden,
            q1.answered,
            q1.not_applicable,
            q1.skipped
        ),
        (6, 0, 5, 0, 1)
    );
    close(q1.skipped_rate, 1.0 / 6.0);
    close(q1.not_applicable_rate, 0.0);
    let counts: Vec<usize> = q1.distribution.iter().map(|a| a.count).collect();
    assert_eq!(counts, [1, 1, 1, 1, 1]);
    close(q1.floor, 0.2);
    close(q1.ceiling, 0.2);
    // values 0, .25, .75, 1, .5
    close(q1.mean, 0.5);

    // q2: R5 said N/A; answers 2 2 3 5 3 → "2" first of the tied most frequent.
    let q2 = question(group, "q2");
    assert_eq!((q2.answered, q2.not_applicable, q2.skipped), (5, 1, 0));
    close(q2.not_applicable_rate, 1.0 / 6.0);
    assert_eq!(q2.top_answer.as_deref(), Some("2"));
    close(q2.top_share, 0.4);
    close(q2.floor, 0.0);

    // note: unscored multiple choice; R5 skipped it. Options counted one
    // by one; the top answer is the exact set.
    let note = question(group, "note");
    assert!(note.combined && !note.scored);
    let counts: Vec<(&str, usize)> = note
        .distribution
        .iter()
        .map(|a| (a.answer.as_str(), a.count))
        .collect();
    assert_eq!(counts, [("x", 4), ("y", 1), ("none", 1)]);
    assert_eq!(note.top_answer.as_deref(), Some("x"));
    close(note.top_share, 0.6);
    for figure in [note.mean, note.floor, note.ceiling, note.item_rest] {
        assert_eq!(figure, Statistic::NotComputable(Uncomputable::NotScored));
    }

    // count: asked only after solo = yes (R2, R3, R6); R4's answer was to
    // a hidden question and is not counted; R6 skipped it.
    let count = question(group, "count");
    assert!(count.conditional && !question(group, "solo").conditional);
    assert_eq!(
        (count.asked, count.hidden, count.answered, count.skipped),
        (3, 3, 2, 1)
    );
    let bands: Vec<(&str, usize)> = count
        .distribution
        .iter()
        .map(|a| (a.answer.as_str(), a.count))
        .collect();
    assert_eq!(bands, [("0+", 1), ("5+", 1)]);

    // solo: the only item of `b`.
    let solo = question(group, "solo");
    close(solo.floor, 0.4);
    close(solo.ceiling, 0.6);
    assert_eq!(
        solo.item_rest,
        Statistic::NotComputable(Uncomputable::TooFewItems)
    );
    let b = dimension(group, "b");
    assert_eq!(b.alpha, Statistic::NotComputable(Uncomputable::TooFewItems));
    assert_eq!(
        b.alpha_if_dropped[0].alpha,
        Statistic::NotComputable(Uncomputable::TooFewItems)
    );

    // Levels: a scores 8.3, 33.3, 66.7, 91.7, 37.5, 50 → 1 2 4 5 2 3;
    // b: no, yes, yes, no, —, yes → 1 5 5 1 none 5.
    let a = dimension(group, "a");
    assert_eq!((a.levels, a.no_level), ([1, 2, 1, 1, 1], 0));
    assert_eq!((b.levels, b.no_level), ([2, 0, 0, 0, 3], 1));
}

#[test]
fn no_variance_gives_not_computable_and_a_dominant_answer() {
    let bank = bank();
    let same: &[(&str, &str)] = &[("q1", "3"), ("q2", "3"), ("q3", "3"), ("solo", "yes")];
    let analysis = analyse(&bank, &[same, same, same]);
    let group = &analysis.groups[0];
    let a = dimension(group, "a");
    assert_eq!(a.complete, 3);
    assert_eq!(a.alpha, Statistic::NotComputable(Uncomputable::NoVariance));
    for id in ["q1", "q2", "q3"] {
        let q = question(group, id);
        assert_eq!(
            q.item_rest,
            Statistic::NotComputable(Uncomputable::NoVariance)
        );
        close(q.top_share, 1.0);
    }
    let dominant: Vec<&str> = group
        .flags
        .iter()
        .filter(|f| f.kind == FlagKind::DominantAnswer)
        .filter_map(|f| f.question.as_deref())
        .collect();
    assert_eq!(dominant, ["q1", "q2", "q3", "solo"]);
    assert!(group.flags.iter().all(|f| f.kind != FlagKind::LowAlpha));
    assert!(
        statistics(&analysis)
            .iter()
            .all(|s| s.value().is_none_or(f64::is_finite))
    );
}

#[test]
fn one_respondent_or_nobody_is_not_computable() {
    let bank = bank();
    let analysis = analyse(&bank, &[ROWS[0]]);
    let group = &analysis.groups[0];
    let a = dimension(group, "a");
    assert_eq!(
        a.alpha,
        Statistic::NotComputable(Uncomputable::TooFewRespondents)
    );
    assert_eq!(
        question(group, "q1").item_rest,
        Statistic::NotComputable(Uncomputable::TooFewRespondents)
    );
    // `count` was hidden from the only respondent: a share of nobody.
    let count = question(group, "count");
    assert_eq!(count.asked, 0);
    for figure in [
        count.skipped_rate,
        count.not_applicable_rate,
        count.top_share,
    ] {
        assert_eq!(
            figure,
            Statistic::NotComputable(Uncomputable::NoRespondents)
        );
    }
    assert_eq!(count.top_answer, None);

    let nobody = AnalysisBuilder::new().build();
    assert!(nobody.groups.is_empty());
    let empty = Covariance::of(&[]);
    assert_eq!(
        alpha(&empty, &[]),
        Statistic::NotComputable(Uncomputable::TooFewItems)
    );
    assert_eq!(
        item_rest(&empty, 0),
        Statistic::NotComputable(Uncomputable::TooFewItems)
    );
}

#[test]
fn items_that_disagree_are_flagged() {
    // q1 and q2 run against each other, q3 barely moves:
    //   q1: 1 5 1 5, q2: 5 1 5 1, q3: 3 3 4 4 (steps).
    //   var q1 = var q2 = 16/3, var q3 = 1/3, cov(q1,q2) = −16/3, others 0.
    //   σ²_T = 16/3 + 16/3 + 1/3 − 32/3 = 1/3
    //   α = 3/2 · (1 − (33/3)/(1/3)) = 3/2 · (1 − 33) = −48
    //   q3's rest q1 + q2 = 6 every time: no variance.
    let bank = bank();
    let rows: [&[(&str, &str)]; 4] = [
        &[("q1", "1"), ("q2", "5"), ("q3", "3")],
        &[("q1", "5"), ("q2", "1"), ("q3", "3")],
        &[("q1", "1"), ("q2", "5"), ("q3", "4")],
        &[("q1", "5"), ("q2", "1"), ("q3", "4")],
    ];
    let analysis = analyse(&bank, &rows);
    let group = &analysis.groups[0];
    close(dimension(group, "a").alpha, -48.0);
    assert_eq!(
        question(group, "q3").item_rest,
        Statistic::NotComputable(Uncomputable::NoVariance)
    );
    let flags: Vec<(FlagKind, Option<&str>)> = group
        .flags
        .iter()
        .map(|f| (f.kind, f.question.as_deref()))
        .collect();
    assert_eq!(
        flags,
        [
            (FlagKind::LowAlpha, None),
            (FlagKind::LowItemRest, Some("q1")),
            (FlagKind::LowItemRest, Some("q2")),
        ]
    );
    // q1 against q2 + q3: q2 + q3 = 8 4 9 5, and q1 falls as q2 rises.
    assert!(question(group, "q1").item_rest.value().unwrap() < 0.0);
}

#[test]
fn scored_rows_give_levels_only() {
    let bank = bank();
    let record = |scores: Vec<(&str, f64)>| Record {
        tier: Tier::Sme,
        industry: None,
        prefecture: None,
        scores: scores
            .into_iter()
            .map(|(id, score)| (id.to_owned(), score))
            .collect(),
    };
    let mut builder = AnalysisBuilder::new();
    builder.add_scores(&bank.catalogue, &record(vec![("a", 19.9)]));
    builder.add_scores(&bank.catalogue, &record(vec![("a", 20.0), ("b", 80.0)]));
    let analysis = builder.build();
    let group = &analysis.groups[0];
    assert_eq!(
        (group.bank.as_deref(), group.version.as_deref()),
        (None, None)
    );
    assert!(!group.answers && group.questions.is_empty());
    let a = dimension(group, "a");
    assert_eq!((a.levels, a.no_level), ([1, 1, 0, 0, 0], 0));
    assert_eq!(a.alpha, Statistic::NotComputable(Uncomputable::ScoresOnly));
    let b = dimension(group, "b");
    assert_eq!((b.levels, b.no_level), ([0, 0, 0, 0, 1], 1));
}

#[test]
fn groups_are_kept_apart_by_tier_and_edition() {
    let bank = bank();
    let mut newer = bank.clone();
    newer.version = "2".to_owned();
    let mut builder = AnalysisBuilder::new();
    for (bank, rows) in [(&newer, &ROWS[..2]), (&bank, &ROWS[..])] {
        for row in rows {
            let (answers, scores) = respondent(bank, row);
            builder.add(bank, &answers, &scores);
        }
    }
    let analysis = builder.build();
    let found: Vec<(Option<&str>, usize)> = analysis
        .groups
        .iter()
        .map(|g| (g.version.as_deref(), g.respondents))
        .collect();
    assert_eq!(found, [(Some("1"), 6), (Some("2"), 2)]);
}

#[test]
fn csv_and_json_say_not_computable_in_words() {
    let bank = bank();
    let analysis = analyse(&bank, &ROWS);
    let csv = analysis.to_csv();
    assert!(csv.starts_with(crate::exchange::table::BOM));
    assert!(csv.contains("\r\n"));
    assert!(
        csv.contains("sme,tiny,1,dimension,a,,,,6,,,,,,,,,,,,,,4,0.931,,1,2,1,1,1,0,\r\n"),
        "{csv}"
    );
    assert!(csv.contains(",not computable: too few items,"), "{csv}");
    assert!(csv.contains("0+:1 5+:1"), "{csv}");
    let json = serde_json::to_value(&analysis).unwrap();
    assert_eq!(
        json["groups"][0]["dimensions"][1]["alpha"],
        serde_json::json!({"not_computable": "too_few_items"})
    );
    assert_eq!(json["thresholds"]["alpha_below"], serde_json::json!(0.6));
    let text = json.to_string();
    assert!(!text.contains("NaN") && !text.contains("\"value\":null"));
    let back: Analysis = serde_json::from_value(json).unwrap();
    assert_eq!(back, analysis);
}

/// Whether two JSON values are the same but for numbers equal up to
/// rounding (relative 1e-9).
fn nearly_equal(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0)
        }
        (Value::Array(xs), Value::Array(ys)) => {
            xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| nearly_equal(x, y))
        }
        (Value::Object(xs), Value::Object(ys)) => {
            xs.len() == ys.len()
                && xs
                    .iter()
                    .all(|(key, x)| ys.get(key).is_some_and(|y| nearly_equal(x, y)))
        }
        _ => a == b,
    }
}

/// One generated respondent of the tiny bank, any answer possibly left
/// out, and which of two editions they answered.
fn any_respondent() -> impl proptest::strategy::Strategy<Value = (bool, Vec<(&'static str, String)>)>
{
    use proptest::prelude::*;
    let ladder = |na: bool| {
        prop_oneof![
            Just(None),
            (1..=5u8).prop_map(|step| Some(step.to_string())),
            Just(na.then(|| "na".to_owned())),
        ]
    };
    let note = prop::sample::select(vec![None, Some("x"), Some("y"), Some("x y"), Some("none")]);
    let solo = prop::sample::select(vec![None, Some("yes"), Some("no")]);
    let count = prop::option::of(0..12u8);
    (
        any::<bool>(),
        ladder(false),
        ladder(true),
        ladder(false),
        note,
        solo,
        count,
    )
        .prop_map(|(newer, q1, q2, q3, note, solo, count)| {
            let row = [
                ("q1", q1),
                ("q2", q2),
                ("q3", q3),
                ("note", note.map(str::to_owned)),
                ("solo", solo.map(str::to_owned)),
                ("count", count.map(|n| n.to_string())),
            ];
            let row = row
                .into_iter()
                .filter_map(|(id, value)| Some((id, value?)))
                .collect();
            (newer, row)
        })
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// A count split in two at any point, each half sent as JSON (as a
    /// dashboard worker hands its part over) and merged, analyses as the
    /// whole counted in one go.
    #[test]
    fn a_count_split_and_merged_is_the_count_in_one_go(
        people in proptest::collection::vec(any_respondent(), 0..40),
        split in 0..40usize,
    ) {
        let bank = bank();
        let mut newer = bank.clone();
        newer.version = "2".to_owned();
        let count = |people: &[(bool, Vec<(&str, String)>)]| {
            let mut builder = AnalysisBuilder::new();
            for (is_newer, row) in people {
                let row: Vec<(&str, &str)> = row.iter().map(|(id, v)| (*id, v.as_str())).collect();
                let bank = if *is_newer { &newer } else { &bank };
                let (answers, scores) = respondent(bank, &row);
                builder.add(bank, &answers, &scores);
            }
            builder
        };
        let split = split.min(people.len());
        let whole = count(&people).build();
        let mut first = count(&people[..split]);
        let sent = serde_json::to_string(&count(&people[split..])).unwrap();
        first.merge(serde_json::from_str(&sent).unwrap());
        let merged = first.build();
        let (whole, merged) = (serde_json::to_value(&whole).unwrap(), serde_json::to_value(&merged).unwrap());
        proptest::prop_assert!(nearly_equal(&whole, &merged), "{whole}\n{merged}");
    }
}
