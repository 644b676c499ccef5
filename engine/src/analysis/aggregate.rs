//! The analysts' dashboard: many results summarised per group — tier,
//! industry group or prefecture — with each dimension's distribution
//! (quartiles and a histogram of scores), small groups suppressed so no
//! company can be picked out.

use std::collections::BTreeMap;
use std::fmt;

use crate::analysis::reference::{Distribution, IndustryGroup};
use crate::exchange::result::ResultDoc;
use crate::exchange::table::CsvText;
use crate::format::echo::echo;
use crate::model::bank::Catalogue;
use crate::model::profile::Prefecture;
use crate::model::tier::{Industry, Tier};

/// What one result contributes (serializable: a dashboard worker hands
/// its records to the page).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Record {
    /// Tier of the bank answered.
    pub tier: Tier,
    /// Industry, if the profile gave it.
    pub industry: Option<Industry>,
    /// Prefecture, if the profile gave it.
    pub prefecture: Option<Prefecture>,
    /// Score per dimension id (answered dimensions only).
    pub scores: Vec<(String, f64)>,
}

impl Record {
    /// The record of a result file, re-checked against `catalogue`: a
    /// result naming a dimension the catalogue lacks, or a score that is not
    /// a number from 0 to 100, is refused rather than counted.
    pub fn of(result: &ResultDoc, catalogue: &Catalogue) -> Result<Record, ScoreProblem> {
        let mut scores = Vec::with_capacity(result.dimensions.len());
        for dimension in &result.dimensions {
            if let Some(score) = dimension.score {
                check_score(catalogue, &dimension.id, score)?;
                scores.push((dimension.id.clone(), score));
            } else if !catalogue.dimensions.iter().any(|d| d.id == dimension.id) {
                return Err(ScoreProblem::UnknownDimension(dimension.id.clone()));
            }
        }
        Ok(Record {
            tier: result.bank.tier,
            industry: result.profile.as_ref().map(|p| p.industry),
            prefecture: result.profile.as_ref().map(|p| p.prefecture),
            scores,
        })
    }
}

/// Why a dimension score from outside cannot be counted.
#[derive(Debug, Clone, PartialEq)]
pub enum ScoreProblem {
    /// The catalogue has no such dimension.
    UnknownDimension(String),
    /// Not a number.
    NotANumber,
    /// NaN, infinite, below 0 or above 100.
    OutOfRange(f64),
}

impl fmt::Display for ScoreProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScoreProblem::UnknownDimension(id) => {
                write!(f, "the catalogue has no dimension `{}`", echo(id))
            }
            ScoreProblem::NotANumber => f.write_str("a score must be a number from 0 to 100"),
            ScoreProblem::OutOfRange(score) => {
                let shown = echo(&score.to_string());
                write!(f, "a score must be from 0 to 100, not {shown}")
            }
        }
    }
}

impl std::error::Error for ScoreProblem {}

/// Whether `score` can be a score of dimension `id` of `catalogue`.
pub fn check_score(catalogue: &Catalogue, id: &str, score: f64) -> Result<(), ScoreProblem> {
    if !catalogue.dimensions.iter().any(|d| d.id == id) {
        Err(ScoreProblem::UnknownDimension(id.to_owned()))
    } else if !(0.0..=100.0).contains(&score) {
        Err(ScoreProblem::OutOfRange(score))
    } else {
        Ok(())
    }
}

/// How records are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    /// One group of everything.
    All,
    /// By tier.
    Tier,
    /// By industry group.
    Industry,
    /// By prefecture.
    Prefecture,
}

impl GroupBy {
    /// The name people read for a group key (never the raw id): 中小企業,
    /// 製造業, 佐賀県 … An unknown key is shown as written.
    pub fn label(self, key: &str) -> crate::Text {
        // Tier, industry group and prefecture ids are the serde names.
        let found = match self {
            GroupBy::All => Some(crate::Text::new("全体", "All")),
            GroupBy::Tier => Tier::from_id(key).map(Tier::name),
            GroupBy::Industry => IndustryGroup::from_id(key).map(IndustryGroup::name),
            GroupBy::Prefecture => Prefecture::from_id(key).map(Prefecture::name),
        };
        found.unwrap_or_else(|| crate::Text::new(key, key))
    }

    /// The group a record falls in (None: the record lacks that field).
    fn key(self, record: &Record) -> Option<String> {
        match self {
            GroupBy::All => Some("all".to_owned()),
            GroupBy::Tier => Some(record.tier.as_str().to_owned()),
            GroupBy::Industry => record
                .industry
                .map(|i| IndustryGroup::of(i).as_str().to_owned()),
            GroupBy::Prefecture => record.prefecture.map(|p| p.as_str().to_owned()),
        }
    }
}

/// Histogram bins of a 0–100 score: [0,20), [20,40), … [80,100].
pub const BINS: usize = 5;

/// One dimension in one group.
#[derive(Debug, Clone, PartialEq)]
pub struct DimensionSummary {
    /// Dimension id.
    pub id: String,
    /// n, mean, sd, quantiles.
    pub distribution: Distribution,
    /// Counts per score bin.
    pub histogram: [usize; BINS],
}

/// One published group.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupSummary {
    /// Group id (`all`, a tier, an industry group or a prefecture).
    pub key: String,
    /// Results in it.
    pub n: usize,
    /// Per dimension, in first-seen order.
    pub dimensions: Vec<DimensionSummary>,
}

/// The dashboard's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Groups with at least the minimum number of results.
    pub groups: Vec<GroupSummary>,
    /// Groups left out, and how many results they held together.
    pub suppressed: (usize, usize),
    /// Records without the grouping field.
    pub ungrouped: usize,
}

/// Which records to count; `None` lets every value through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Filter {
    /// Only this tier.
    pub tier: Option<Tier>,
    /// Only this industry group.
    pub industry: Option<IndustryGroup>,
    /// Only this prefecture.
    pub prefecture: Option<Prefecture>,
}

impl Filter {
    fn admits(&self, record: &Record) -> bool {
        self.tier.is_none_or(|tier| record.tier == tier)
            && self
                .industry
                .is_none_or(|group| record.industry.map(IndustryGroup::of) == Some(group))
            && self
                .prefecture
                .is_none_or(|prefecture| record.prefecture == Some(prefecture))
    }
}

/// Summarises the `records` the filter admits, grouped, leaving out groups
/// with fewer than `min_group` results.
pub fn summarise(records: &[Record], filter: Filter, by: GroupBy, min_group: usize) -> Summary {
    let mut groups: BTreeMap<String, Vec<&Record>> = BTreeMap::new();
    let mut ungrouped = 0;
    for record in records.iter().filter(|r| filter.admits(r)) {
        match by.key(record) {
            Some(key) => groups.entry(key).or_default().push(record),
            None => ungrouped += 1,
        }
    }
    let mut published = Vec::new();
    let mut suppressed = (0, 0);
    for (key, members) in groups {
        if members.len() < min_group.max(1) {
            suppressed.0 += 1;
            suppressed.1 += members.len();
            continue;
        }
        let mut by_dimension: Vec<(String, Vec<f64>)> = Vec::new();
        for record in &members {
            for (id, score) in &record.scores {
                match by_dimension.iter_mut().find(|(known, _)| known == id) {
                    Some((_, scores)) => scores.push(*score),
                    None => by_dimension.push((id.clone(), vec![*score])),
                }
            }
        }
        let dimensions = by_dimension
            .into_iter()
            .filter_map(|(id, scores)| {
                let mut histogram = [0; BINS];
                for score in &scores {
                    let bin = ((score / 100.0 * BINS as f64) as usize).min(BINS - 1);
                    histogram[bin] += 1;
                }
                Distribution::of(scores).map(|distribution| DimensionSummary {
                    id,
                    distribution,
                    histogram,
                })
            })
            .collect();
        published.push(GroupSummary {
            key,
            n: members.len(),
            dimensions,
        });
    }
    Summary {
        groups: published,
        suppressed,
        ungrouped,
    }
}

impl Summary {
    /// The published figures as a CSV file (byte-order mark first).
    pub fn to_csv(&self) -> String {
        let mut out = CsvText::new();
        out.row([
            "group",
            "n",
            "dimension",
            "dimension_n",
            "mean",
            "sd",
            "p25",
            "median",
            "p75",
            "bin_0_20",
            "bin_20_40",
            "bin_40_60",
            "bin_60_80",
            "bin_80_100",
        ]);
        for group in &self.groups {
            for d in &group.dimensions {
                let q = d.distribution.quantiles;
                let mut cells = vec![
                    group.key.clone(),
                    group.n.to_string(),
                    d.id.clone(),
                    d.distribution.n.to_string(),
                ];
                cells.extend(
                    [d.distribution.mean, d.distribution.sd, q[2], q[3], q[4]]
                        .map(|value| format!("{value:.1}")),
                );
                cells.extend(d.histogram.iter().map(usize::to_string));
                out.row(cells);
            }
        }
        out.into_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_named_for_people_not_by_id() {
        use crate::Lang;
        assert_eq!(GroupBy::Tier.label("sme").get(Lang::Ja), "中小企業");
        assert_eq!(GroupBy::Prefecture.label("fukuoka").get(Lang::Ja), "福岡県");
        assert_eq!(
            GroupBy::Prefecture.label("fukuoka").get(Lang::En),
            "Fukuoka"
        );
        assert_eq!(GroupBy::All.label("all").get(Lang::Ja), "全体");
        assert_ne!(
            GroupBy::Industry.label("commerce").get(Lang::Ja),
            "commerce"
        );
    }

    fn record(tier: Tier, prefecture: Prefecture, score: f64) -> Record {
        Record {
            tier,
            industry: Some(Industry::Retail),
            prefecture: Some(prefecture),
            scores: vec![("hiring".to_owned(), score)],
        }
    }

    #[test]
    fn groups_quartiles_histograms_and_suppression() {
        let mut records: Vec<Record> = (0..12)
            .map(|i| record(Tier::Small, Prefecture::Saga, f64::from(i) * 9.0))
            .collect();
        records.extend((0..4).map(|i| record(Tier::Small, Prefecture::Oita, f64::from(i))));
        records.push(record(Tier::Sme, Prefecture::Saga, 50.0));
        let small = Filter {
            tier: Some(Tier::Small),
            ..Filter::default()
        };
        let summary = summarise(&records, small, GroupBy::Prefecture, 10);
        assert_eq!(summary.groups.len(), 1);
        assert_eq!(summary.suppressed, (1, 4));
        let saga = &summary.groups[0];
        assert_eq!((saga.key.as_str(), saga.n), ("saga", 12));
        // scores 0, 9, …, 99: bins [0,20) 0 9 18 → 3; [20,40) 27 36 → 2; …
        assert_eq!(saga.dimensions[0].histogram, [3, 2, 2, 2, 3]);
        assert_eq!(saga.dimensions[0].distribution.quantiles[3], 49.5);
        let saga_retail = Filter {
            industry: Some(IndustryGroup::Commerce),
            prefecture: Some(Prefecture::Saga),
            ..Filter::default()
        };
        assert_eq!(
            summarise(&records, saga_retail, GroupBy::All, 1).groups[0].n,
            13
        );
        let csv = summary.to_csv();
        assert!(csv.contains("saga,12,hiring,12,49.5,"), "{csv}");
        assert!(!csv.contains("oita"));
    }
}
