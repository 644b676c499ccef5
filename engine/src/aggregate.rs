//! The analysts' dashboard: many results summarised per group — tier,
//! industry group or prefecture — with each dimension's distribution
//! (quartiles and a histogram of scores), small groups suppressed so no
//! company can be picked out.

use std::collections::BTreeMap;

use crate::profile::Prefecture;
use crate::reference::{Distribution, IndustryGroup};
use crate::result::ResultDoc;
use crate::tier::{Industry, Tier};

/// What one result contributes.
#[derive(Debug, Clone, PartialEq)]
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
    /// The record of a result file.
    pub fn of(result: &ResultDoc) -> Record {
        Record {
            tier: result.bank.tier,
            industry: result.profile.as_ref().map(|p| p.industry),
            prefecture: result.profile.as_ref().map(|p| p.prefecture),
            scores: result
                .dimensions
                .iter()
                .filter_map(|d| d.score.map(|score| (d.id.clone(), score)))
                .collect(),
        }
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
    /// The published figures as CSV rows (no byte-order mark).
    pub fn to_csv(&self) -> String {
        let mut out = String::from(
            "group,n,dimension,dimension_n,mean,sd,p25,median,p75,bin_0_20,bin_20_40,bin_40_60,bin_60_80,bin_80_100\r\n",
        );
        for group in &self.groups {
            for d in &group.dimensions {
                let q = d.distribution.quantiles;
                let bins: Vec<String> = d.histogram.iter().map(usize::to_string).collect();
                out.push_str(&format!(
                    "{},{},{},{},{:.1},{:.1},{:.1},{:.1},{:.1},{}\r\n",
                    group.key,
                    group.n,
                    d.id,
                    d.distribution.n,
                    d.distribution.mean,
                    d.distribution.sd,
                    q[2],
                    q[3],
                    q[4],
                    bins.join(",")
                ));
            }
        }
        out
    }
}

/// Records from a scored survey CSV (`shindan score --responses`): each
/// row's tier, industry, prefecture and `<dimension>_score` columns. Rows
/// that cannot be read are returned as `line: reason`.
pub fn records_from_scored_csv(text: &str) -> (Vec<Record>, Vec<String>) {
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    let Some(header) = lines.next() else {
        return (Vec::new(), vec!["1: the file is empty".to_owned()]);
    };
    let header: Vec<&str> = header.split(',').collect();
    let column = |name: &str| header.iter().position(|h| *h == name);
    let (Some(tier_at), industry_at, prefecture_at) =
        (column("tier"), column("industry"), column("prefecture"))
    else {
        return (
            Vec::new(),
            vec![
                "1: no `tier` column; is this a scored survey (shindan score --responses)?"
                    .to_owned(),
            ],
        );
    };
    let score_columns: Vec<(usize, &str)> = header
        .iter()
        .enumerate()
        .filter_map(|(at, name)| {
            name.strip_suffix("_score")
                .filter(|id| *id != "overall")
                .map(|id| (at, id))
        })
        .collect();
    let (mut records, mut problems) = (Vec::new(), Vec::new());
    for (index, line) in lines.enumerate() {
        let number = index + 2;
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split(',').collect();
        if fields.len() != header.len() {
            problems.push(format!(
                "{number}: {} fields, the header has {}",
                fields.len(),
                header.len()
            ));
            continue;
        }
        let Some(tier) = Tier::ALL
            .into_iter()
            .find(|t| t.as_str() == fields[tier_at])
        else {
            problems.push(format!("{number}: tier `{}` is not known", fields[tier_at]));
            continue;
        };
        let industry = industry_at.and_then(|at| Industry::from_id(fields[at]));
        let prefecture = prefecture_at.and_then(|at| {
            Prefecture::ALL
                .into_iter()
                .find(|p| p.as_str() == fields[at])
        });
        let scores = score_columns
            .iter()
            .filter_map(|&(at, id)| {
                fields[at]
                    .parse::<f64>()
                    .ok()
                    .map(|score| (id.to_owned(), score))
            })
            .collect();
        records.push(Record {
            tier,
            industry,
            prefecture,
            scores,
        });
    }
    (records, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn scored_csv_rows_become_records() {
        let text = "\u{feff}respondent,bank,tier,industry,prefecture,overall_score,hiring_score,hiring_level\nA,small,small,retail,saga,40.0,25.0,2\nB,small,small\nC,small,giant,retail,saga,1,1,1\n";
        let (records, problems) = records_from_scored_csv(text);
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].scores, [("hiring".to_owned(), 25.0)]);
        assert_eq!(problems.len(), 2);
        assert!(problems[0].starts_with("3: 3 fields"), "{problems:?}");
    }
}
