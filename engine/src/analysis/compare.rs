//! Before and after: what moved between two results of one company, for
//! the consultation that follows up a diagnosis (the call's 前後比較).

use crate::exchange::result::ResultDoc;
use crate::model::bank::Bank;
use crate::model::index::DimensionIndex;

/// Why `result` may be another company's than `reference`'s: a different
/// name, industry or prefecture. `None` when they agree (headcount and
/// capital may change between visits). Consultation asks before merging.
pub fn other_company(reference: &ResultDoc, result: &ResultDoc) -> Option<crate::Text> {
    let mut ja = Vec::new();
    let mut en = Vec::new();
    let label = |r: &ResultDoc| r.label.clone().unwrap_or_default();
    if label(reference).trim() != label(result).trim() {
        ja.push(format!(
            "名前が違います（「{}」と「{}」）",
            label(result),
            label(reference)
        ));
        en.push(format!(
            "the name differs (“{}” and “{}”)",
            label(result),
            label(reference)
        ));
    }
    match (&reference.profile, &result.profile) {
        (Some(a), Some(b)) => {
            let mut differs =
                |same: bool, what: (&str, &str), theirs: crate::Text, ours: crate::Text| {
                    if !same {
                        ja.push(format!(
                            "{}が違います（{}と{}）",
                            what.0, theirs.ja, ours.ja
                        ));
                        en.push(format!(
                            "the {} differs ({} and {})",
                            what.1, theirs.en, ours.en
                        ));
                    }
                };
            differs(
                a.industry == b.industry,
                ("業種", "industry"),
                b.industry.name(),
                a.industry.name(),
            );
            differs(
                a.prefecture == b.prefecture,
                ("所在地", "prefecture"),
                b.prefecture.name(),
                a.prefecture.name(),
            );
        }
        (None, None) => {}
        _ => {
            ja.push("一方に会社の情報がありません".to_owned());
            en.push("only one of them has a company profile".to_owned());
        }
    }
    (!ja.is_empty()).then(|| crate::Text::new(ja.join("、"), en.join("; ")))
}

/// Ids of the dimensions whose questions differ between two editions of a
/// bank (a question added, removed, reworded, or scored differently), in
/// the later edition's catalogue order. A comparison across editions says
/// so for these dimensions: part of the change is the instrument's own.
pub fn changed_dimensions(before: &Bank, after: &Bank) -> Vec<String> {
    after
        .catalogue
        .dimensions
        .iter()
        .filter(|dimension| {
            question_signature(before, &dimension.id) != question_signature(after, &dimension.id)
        })
        .map(|dimension| dimension.id.clone())
        .collect()
}

/// What a dimension asks and how it scores, as comparable text. `show_if`
/// is left out: its indices shift when other dimensions change.
fn question_signature(bank: &Bank, dimension_id: &str) -> Vec<String> {
    let Some(dimension) = bank
        .catalogue
        .dimensions
        .iter()
        .position(|dimension| dimension.id == dimension_id)
        .map(DimensionIndex::new)
    else {
        return Vec::new();
    };
    bank.questions
        .iter()
        .filter(|question| question.dimension == dimension)
        .map(|question| {
            format!(
                "{} {:?} {:?} {} {}",
                question.id, question.kind, question.text, question.weight, question.allow_na
            )
        })
        .collect()
}

/// One dimension's change.
#[derive(Debug, Clone, PartialEq)]
pub struct DimensionChange {
    /// Dimension id.
    pub id: String,
    /// Score and level before, if answered.
    pub before: (Option<f64>, Option<u8>),
    /// Score and level after, if answered.
    pub after: (Option<f64>, Option<u8>),
    /// After − before, when both were answered.
    pub delta: Option<f64>,
}

/// What moved between two results.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Per dimension, in the later result's order.
    pub dimensions: Vec<DimensionChange>,
    /// Overall score after − before, when both exist.
    pub overall_delta: Option<f64>,
    /// Recommendations of the earlier result that no longer apply.
    pub addressed: Vec<String>,
    /// Recommendations that apply now and did not before.
    pub new: Vec<String>,
    /// Recommendations that still apply.
    pub remaining: Vec<String>,
}

/// Compares an earlier and a later result (of the same company and tier).
pub fn compare(before: &ResultDoc, after: &ResultDoc) -> Comparison {
    let dimensions = after
        .dimensions
        .iter()
        .map(|now| {
            let then = before.dimensions.iter().find(|d| d.id == now.id);
            let before = then.map_or((None, None), |d| (d.score, d.level));
            DimensionChange {
                id: now.id.clone(),
                before,
                after: (now.score, now.level),
                delta: before.0.zip(now.score).map(|(a, b)| round1(b - a)),
            }
        })
        .collect();
    let partition = |ids: &[String], of: &[String], keep: bool| -> Vec<String> {
        ids.iter()
            .filter(|id| of.contains(id) == keep)
            .cloned()
            .collect()
    };
    Comparison {
        dimensions,
        overall_delta: before
            .overall
            .score
            .zip(after.overall.score)
            .map(|(a, b)| round1(b - a)),
        addressed: partition(&before.recommendations, &after.recommendations, false),
        new: partition(&after.recommendations, &before.recommendations, false),
        remaining: partition(&after.recommendations, &before.recommendations, true),
    }
}

/// Scores are shown to 0.1; so are their differences.
fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{BankRef, DimensionResult, LevelScore, Tier};

    fn result(scores: &[(&str, Option<f64>)], recommendations: &[&str]) -> ResultDoc {
        ResultDoc {
            schema: 1,
            engine: "test".into(),
            bank: BankRef {
                id: "small".into(),
                version: "1".into(),
                tier: Tier::Small,
            },
            date: "2026-01-01".into(),
            label: None,
            profile: None,
            answers: Default::default(),
            dimensions: scores
                .iter()
                .map(|&(id, score)| DimensionResult {
                    id: id.into(),
                    score,
                    level: score.map(|_| 2),
                })
                .collect(),
            overall: LevelScore {
                score: Some(40.0),
                level: Some(2),
            },
            completeness: 1.0,
            gates: Vec::new(),
            recommendations: recommendations.iter().map(|&id| id.to_owned()).collect(),
            notes: Default::default(),
            plan: Default::default(),
        }
    }

    #[test]
    fn deltas_and_addressed_recommendations() {
        let before = result(
            &[("hiring", Some(25.0)), ("culture", None)],
            &["a", "b", "c"],
        );
        let mut after = result(
            &[("hiring", Some(41.7)), ("culture", Some(50.0))],
            &["b", "d"],
        );
        after.overall.score = Some(45.56);
        let comparison = compare(&before, &after);
        assert_eq!(comparison.dimensions[0].delta, Some(16.7));
        assert_eq!(comparison.dimensions[1].delta, None, "not answered before");
        assert_eq!(comparison.overall_delta, Some(5.6));
        assert_eq!(comparison.addressed, ["a", "c"]);
        assert_eq!(comparison.new, ["d"]);
        assert_eq!(comparison.remaining, ["b"]);
    }

    #[test]
    fn another_company_is_named_by_what_differs() {
        let profile = |prefecture| crate::Profile {
            industry: crate::Industry::Retail,
            regular_employees: 4,
            capital_yen: None,
            prefecture,
        };
        let mut latest = result(&[], &[]);
        latest.label = Some("山田商店".into());
        latest.profile = Some(profile(crate::Prefecture::Fukuoka));
        let mut same = latest.clone();
        same.profile.as_mut().unwrap().regular_employees = 9;
        assert_eq!(other_company(&latest, &same), None, "headcount may change");
        let mut moved = latest.clone();
        moved.profile = Some(profile(crate::Prefecture::Saga));
        moved.label = Some("山田商会".into());
        let why = other_company(&latest, &moved).expect("differs");
        assert!(why.ja.contains("名前が違います"), "{}", why.ja);
        assert!(
            why.ja.contains("所在地が違います（佐賀県と福岡県）"),
            "{}",
            why.ja
        );
    }
}
