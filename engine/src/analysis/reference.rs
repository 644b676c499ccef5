//! Peer reference data: per tier × industry group, the distribution of
//! each dimension's score among results, so a company sees where it stands
//! (percentile, 偏差値) — as METI's 健康経営度調査 feedback sheet does.
//!
//! Conventions (written out because peers will compare figures):
//! - quantiles interpolate linearly between order statistics (Excel's
//!   PERCENTILE.INC, R type 7);
//! - the standard deviation is the population one (divide by n), as 偏差値
//!   customarily uses; 偏差値 = 50 + 10·(score − mean) / sd;
//! - a percentile rank is read off the stored quantiles (min, p10, p25,
//!   p50, p75, p90, max) by linear interpolation;
//! - groups with fewer results than the suppression minimum are left out.

use std::collections::BTreeMap;

use crate::model::names::ids;
use crate::model::tier::{Industry, Tier};

/// Industries pooled so that groups are large enough to publish.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    strum::EnumCount,
    strum::VariantArray,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[cfg_attr(feature = "compiled", derive(serde::Serialize, serde::Deserialize))]
#[strum(serialize_all = "snake_case")]
pub enum IndustryGroup {
    /// 製造業 (incl. rubber products).
    Manufacturing = 0,
    /// 建設業.
    Construction = 1,
    /// 卸売・小売業.
    Commerce = 2,
    /// 運輸・サービス業 (software, lodging, entertainment included).
    Services = 3,
    /// その他.
    Other = 4,
}

impl IndustryGroup {
    /// The group of an industry.
    pub fn of(industry: Industry) -> IndustryGroup {
        match industry {
            Industry::Manufacturing | Industry::Rubber => IndustryGroup::Manufacturing,
            Industry::Construction => IndustryGroup::Construction,
            Industry::Wholesale | Industry::Retail => IndustryGroup::Commerce,
            Industry::Transport
            | Industry::Services
            | Industry::Software
            | Industry::Lodging
            | Industry::Entertainment => IndustryGroup::Services,
            Industry::Other => IndustryGroup::Other,
        }
    }

    /// Display name.
    pub fn name(self) -> crate::Text {
        let (ja, en) = match self {
            IndustryGroup::Manufacturing => ("製造業", "manufacturing"),
            IndustryGroup::Construction => ("建設業", "construction"),
            IndustryGroup::Commerce => ("卸売・小売業", "wholesale and retail"),
            IndustryGroup::Services => ("運輸・サービス業", "transport and services"),
            IndustryGroup::Other => ("その他の業種", "other industries"),
        };
        crate::Text::new(ja, en)
    }
}

ids!(IndustryGroup);

/// The distribution of one dimension's scores in one group.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "compiled", derive(serde::Serialize, serde::Deserialize))]
pub struct Distribution {
    /// Number of results.
    pub n: usize,
    /// Mean.
    pub mean: f64,
    /// Population standard deviation.
    pub sd: f64,
    /// Smallest, 10th, 25th, 50th, 75th, 90th percentile, largest.
    pub quantiles: [f64; 7],
}

/// The percentiles stored with each distribution.
pub const QUANTILES: [f64; 7] = [0.0, 0.10, 0.25, 0.50, 0.75, 0.90, 1.0];

impl Distribution {
    /// Describes `values` (at least one).
    pub fn of(mut values: Vec<f64>) -> Option<Distribution> {
        if values.is_empty() {
            return None;
        }
        values.sort_by(f64::total_cmp);
        let n = values.len();
        let mean = values.iter().sum::<f64>() / n as f64;
        let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n as f64;
        Some(Distribution {
            n,
            mean,
            sd: variance.sqrt(),
            quantiles: QUANTILES.map(|q| quantile(&values, q)),
        })
    }

    /// 偏差値 of `score`: 50 + 10·z; none when every peer scored the same.
    pub fn deviation_score(&self, score: f64) -> Option<f64> {
        (self.sd > 0.0).then(|| 50.0 + 10.0 * (score - self.mean) / self.sd)
    }

    /// The share of peers (0–100) scoring below `score`, read off the
    /// stored quantiles.
    pub fn percentile_rank(&self, score: f64) -> f64 {
        let q = &self.quantiles;
        if score <= q[0] {
            return 0.0;
        }
        if score >= q[6] {
            return 100.0;
        }
        for i in 0..6 {
            let (low, high) = (q[i], q[i + 1]);
            if score <= high {
                let (p_low, p_high) = (QUANTILES[i] * 100.0, QUANTILES[i + 1] * 100.0);
                return if high > low {
                    p_low + (p_high - p_low) * (score - low) / (high - low)
                } else {
                    p_high
                };
            }
        }
        100.0
    }
}

/// Quantile `q` (0–1) of sorted values, interpolating linearly (type 7).
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let position = q.clamp(0.0, 1.0) * (sorted.len() - 1) as f64;
    let below = position.floor() as usize;
    let above = position.ceil() as usize;
    sorted[below] + (sorted[above] - sorted[below]) * (position - below as f64)
}

/// One published group.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "compiled", derive(serde::Serialize, serde::Deserialize))]
pub struct PeerGroup {
    /// Tier.
    pub tier: Tier,
    /// Industry group.
    pub industry: IndustryGroup,
    /// Results in the group.
    pub n: usize,
    /// Per dimension id.
    pub dimensions: BTreeMap<String, Distribution>,
}

/// The smallest peer group a result sheet shows.
pub const MIN_SHOWN_GROUP: usize = 30;

/// A reference data set, ready to write.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "compiled", derive(serde::Serialize, serde::Deserialize))]
pub struct Reference {
    /// The catalogue the scores were computed on: dimension ids and levels
    /// mean something only there, so a bank on another catalogue (or
    /// another edition of it) is never compared with these peers.
    pub catalogue: CatalogueKey,
    /// Edition, e.g. `2026`.
    pub edition: String,
    /// Date built, `YYYY-MM-DD`.
    pub date: String,
    /// Where the results came from.
    pub source: String,
    /// Whether the results are synthetic (the app then says "sample data").
    pub synthetic: bool,
    /// Groups with fewer results are not published.
    pub min_group: usize,
    /// Published groups.
    pub groups: Vec<PeerGroup>,
    /// How many groups were suppressed.
    pub suppressed: usize,
}

/// A catalogue's id and edition.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    any(feature = "compiled", feature = "yaml"),
    derive(serde::Deserialize),
    serde(deny_unknown_fields)
)]
#[cfg_attr(
    any(feature = "compiled", feature = "yaml-write"),
    derive(serde::Serialize)
)]
pub struct CatalogueKey {
    /// The catalogue's `id`.
    pub id: String,
    /// Its `version`.
    pub version: String,
}

impl CatalogueKey {
    /// The key of `catalogue`.
    pub fn of(catalogue: &crate::Catalogue) -> CatalogueKey {
        CatalogueKey {
            id: catalogue.id.clone(),
            version: catalogue.version.clone(),
        }
    }
}

/// Results counted in a group, and their scores by dimension id.
type GroupScores = (usize, BTreeMap<String, Vec<f64>>);

/// Collects scores by group, then publishes the groups large enough.
#[derive(Debug, Default)]
pub struct ReferenceBuilder {
    scores: BTreeMap<(Tier, IndustryGroup), GroupScores>,
}

impl ReferenceBuilder {
    /// Adds one result: its tier, industry and dimension scores by id.
    pub fn add<'a>(
        &mut self,
        tier: Tier,
        industry: Industry,
        dimensions: impl IntoIterator<Item = (&'a str, Option<f64>)>,
    ) {
        let (count, group) = self
            .scores
            .entry((tier, IndustryGroup::of(industry)))
            .or_default();
        *count += 1;
        for (id, score) in dimensions {
            if let Some(score) = score {
                group.entry(id.to_owned()).or_default().push(score);
            }
        }
    }

    /// The reference data, suppressing groups under `min_group` results.
    pub fn build(
        self,
        catalogue: CatalogueKey,
        edition: &str,
        date: &str,
        source: &str,
        synthetic: bool,
        min_group: usize,
    ) -> Reference {
        let mut groups = Vec::new();
        let mut suppressed = 0;
        for ((tier, industry), (n, dimensions)) in self.scores {
            if n < min_group {
                suppressed += 1;
                continue;
            }
            let dimensions = dimensions
                .into_iter()
                .filter(|(_, values)| values.len() >= min_group)
                .filter_map(|(id, values)| Distribution::of(values).map(|d| (id, d)))
                .collect();
            groups.push(PeerGroup {
                tier,
                industry,
                n,
                dimensions,
            });
        }
        Reference {
            catalogue,
            edition: edition.to_owned(),
            date: date.to_owned(),
            source: source.to_owned(),
            synthetic,
            min_group,
            groups,
            suppressed,
        }
    }
}

impl Reference {
    /// The published group of a tier and industry, if any.
    pub fn group(&self, tier: Tier, industry: Industry) -> Option<&PeerGroup> {
        let industry = IndustryGroup::of(industry);
        self.groups
            .iter()
            .find(|group| group.tier == tier && group.industry == industry)
    }

    /// The group a result sheet may compare a company with: none for a bank
    /// on another catalogue or edition of it, none from synthetic data
    /// unless a demonstration asks for it, and none smaller than
    /// [`MIN_SHOWN_GROUP`] (or the file's own minimum, if larger), so that
    /// no company is told it stands among unrelated, made-up or too few
    /// peers.
    pub fn shown_group(
        &self,
        catalogue: &crate::Catalogue,
        tier: Tier,
        industry: Industry,
        demo: bool,
    ) -> Option<&PeerGroup> {
        if self.catalogue != CatalogueKey::of(catalogue) || (self.synthetic && !demo) {
            return None;
        }
        self.group(tier, industry)
            .filter(|group| group.n >= self.min_group.max(MIN_SHOWN_GROUP))
    }

    /// Reads a reference file written by [`Reference::to_yaml`] (or by hand
    /// in its shape).
    #[cfg(feature = "yaml")]
    pub fn read(file: &crate::SourceFile) -> crate::Checked<Reference> {
        use crate::{Checked, Code, Diagnostic, Span};
        let raw: raw::Reference = match crate::format::yaml::parse(file) {
            Ok(raw) => raw,
            Err(diagnostic) => return Checked::failed(vec![diagnostic]),
        };
        let mut problems = Vec::new();
        if raw.kind != "reference" {
            problems.push(
                Diagnostic::error(
                    Code::WrongKind,
                    format!("`{}` is not a reference file", raw.kind),
                )
                .at(Span::new(0, 0))
                .path("kind")
                .hint("a reference file starts with `kind: reference`"),
            );
        }
        let mut groups = Vec::new();
        for (index, group) in raw.groups.into_iter().enumerate() {
            let Some(industry) = IndustryGroup::from_id(&group.industry) else {
                let known: Vec<&str> = IndustryGroup::ALL.iter().map(|g| g.as_str()).collect();
                problems.push(
                    Diagnostic::error(
                        Code::InvalidValue,
                        format!("`{}` is not an industry group", group.industry),
                    )
                    .at(Span::new(0, 0))
                    .path(format!("groups[{index}].industry"))
                    .hint(format!("use one of {}", known.join(", "))),
                );
                continue;
            };
            let dimensions = group
                .dimensions
                .into_iter()
                .map(|(id, d)| {
                    let quantiles = [d.min, d.p10, d.p25, d.p50, d.p75, d.p90, d.max];
                    (
                        id,
                        Distribution {
                            n: d.n,
                            mean: d.mean,
                            sd: d.sd,
                            quantiles,
                        },
                    )
                })
                .collect();
            groups.push(PeerGroup {
                tier: group.tier,
                industry,
                n: group.n,
                dimensions,
            });
        }
        let reference = Reference {
            catalogue: raw.catalogue,
            edition: raw.edition,
            date: raw.date,
            source: raw.source,
            synthetic: raw.synthetic,
            min_group: raw.suppression.min_group,
            groups,
            suppressed: raw.suppression.suppressed_groups,
        };
        Checked::new(problems, || reference)
    }

    /// The compact form the browser fetches.
    #[cfg(feature = "compiled")]
    pub fn to_bytes(&self) -> Result<Vec<u8>, crate::CompiledError> {
        crate::exchange::compiled::encode(self)
    }

    /// Reads the compact form back.
    #[cfg(feature = "compiled")]
    pub fn from_bytes(bytes: &[u8]) -> Result<Reference, crate::CompiledError> {
        crate::exchange::compiled::decode(bytes)
    }

    /// The reference file (YAML), figures rounded to 0.1. Written through
    /// serde, so no id or text can add a line of its own; a figure that is
    /// not finite is refused.
    #[cfg(feature = "yaml-write")]
    pub fn to_yaml(&self) -> Result<String, ReferenceWriteError> {
        let round = |value: f64| -> Result<f64, ReferenceWriteError> {
            if value.is_finite() {
                Ok((value * 10.0).round() / 10.0)
            } else {
                Err(ReferenceWriteError::NotFinite)
            }
        };
        let mut groups = Vec::with_capacity(self.groups.len());
        for group in &self.groups {
            let mut dimensions = BTreeMap::new();
            for (id, d) in &group.dimensions {
                let q = d.quantiles;
                dimensions.insert(
                    id.clone(),
                    raw::Distribution {
                        n: d.n,
                        mean: round(d.mean)?,
                        sd: round(d.sd)?,
                        min: round(q[0])?,
                        p10: round(q[1])?,
                        p25: round(q[2])?,
                        p50: round(q[3])?,
                        p75: round(q[4])?,
                        p90: round(q[5])?,
                        max: round(q[6])?,
                    },
                );
            }
            groups.push(raw::Group {
                tier: group.tier,
                industry: group.industry.as_str().to_owned(),
                n: group.n,
                dimensions,
            });
        }
        let file = raw::Reference {
            kind: "reference".to_owned(),
            catalogue: self.catalogue.clone(),
            edition: self.edition.clone(),
            date: self.date.clone(),
            source: self.source.clone(),
            synthetic: self.synthetic,
            suppression: raw::Suppression {
                min_group: self.min_group,
                suppressed_groups: self.suppressed,
            },
            groups,
        };
        serde_saphyr::to_string(&file).map_err(|error| ReferenceWriteError::Yaml(error.to_string()))
    }
}

/// Why reference data cannot be written.
#[cfg(feature = "yaml-write")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReferenceWriteError {
    /// A figure is NaN or infinite (the inputs were not checked).
    NotFinite,
    /// The YAML writer failed.
    Yaml(String),
}

#[cfg(feature = "yaml-write")]
impl std::fmt::Display for ReferenceWriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReferenceWriteError::NotFinite => f.write_str("a figure is not a finite number"),
            ReferenceWriteError::Yaml(error) => write!(f, "cannot write YAML: {error}"),
        }
    }
}

#[cfg(feature = "yaml-write")]
impl std::error::Error for ReferenceWriteError {}

/// The reference file as written.
#[cfg(feature = "yaml")]
mod raw {
    use std::collections::BTreeMap;

    use serde::Deserialize;
    #[cfg(feature = "yaml-write")]
    use serde::Serialize;

    use crate::model::tier::Tier;

    #[derive(Deserialize)]
    #[cfg_attr(feature = "yaml-write", derive(Serialize))]
    #[serde(deny_unknown_fields)]
    pub struct Reference {
        pub kind: String,
        pub catalogue: super::CatalogueKey,
        pub edition: String,
        pub date: String,
        pub source: String,
        #[serde(default)]
        pub synthetic: bool,
        pub suppression: Suppression,
        pub groups: Vec<Group>,
    }

    #[derive(Deserialize)]
    #[cfg_attr(feature = "yaml-write", derive(Serialize))]
    #[serde(deny_unknown_fields)]
    pub struct Suppression {
        pub min_group: usize,
        #[serde(default)]
        pub suppressed_groups: usize,
    }

    #[derive(Deserialize)]
    #[cfg_attr(feature = "yaml-write", derive(Serialize))]
    #[serde(deny_unknown_fields)]
    pub struct Group {
        pub tier: Tier,
        pub industry: String,
        pub n: usize,
        pub dimensions: BTreeMap<String, Distribution>,
    }

    #[derive(Deserialize)]
    #[cfg_attr(feature = "yaml-write", derive(Serialize))]
    #[serde(deny_unknown_fields)]
    pub struct Distribution {
        pub n: usize,
        pub mean: f64,
        pub sd: f64,
        pub min: f64,
        pub p10: f64,
        pub p25: f64,
        pub p50: f64,
        pub p75: f64,
        pub p90: f64,
        pub max: f64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn test_key() -> CatalogueKey {
        CatalogueKey {
            id: "kyushu-hr".to_owned(),
            version: "2026.2".to_owned(),
        }
    }

    /// Figures worked by hand for 10, 20, 30, 40, 50.
    #[test]
    fn arithmetic_against_hand_computed_values() {
        let d = Distribution::of(vec![50.0, 10.0, 40.0, 20.0, 30.0]).expect("values");
        assert_eq!(d.n, 5);
        assert_eq!(d.mean, 30.0);
        // population variance = (400 + 100 + 0 + 100 + 400) / 5 = 200
        assert!((d.sd - 200f64.sqrt()).abs() < 1e-12);
        // type 7: p10 at position 0.4 → 10 + 0.4·10 = 14; p25 at 1.0 → 20
        assert_eq!(d.quantiles, [10.0, 14.0, 20.0, 30.0, 40.0, 46.0, 50.0]);
        // 偏差値 of 44.142…: z = 14.142 / 14.142 = 1 → 60
        let one_sd_up = 30.0 + 200f64.sqrt();
        assert!((d.deviation_score(one_sd_up).expect("sd > 0") - 60.0).abs() < 1e-9);
        assert_eq!(d.deviation_score(30.0), Some(50.0));
        // 25 lies halfway between p25 (20) and p50 (30) → 37.5
        assert_eq!(d.percentile_rank(25.0), 37.5);
        assert_eq!(d.percentile_rank(5.0), 0.0);
        assert_eq!(d.percentile_rank(48.0), 95.0);
        assert_eq!(d.percentile_rank(60.0), 100.0);
    }

    #[test]
    fn equal_scores_have_no_deviation_score() {
        let d = Distribution::of(vec![40.0; 12]).expect("values");
        assert_eq!(d.sd, 0.0);
        assert_eq!(d.deviation_score(40.0), None);
    }

    #[test]
    fn small_groups_are_suppressed() {
        let mut builder = ReferenceBuilder::default();
        for i in 0..12 {
            builder.add(
                Tier::Small,
                Industry::Retail,
                [("hiring", Some(f64::from(i)))],
            );
        }
        for i in 0..3 {
            builder.add(
                Tier::Sme,
                Industry::Construction,
                [("hiring", Some(f64::from(i)))],
            );
        }
        let reference = builder.build(test_key(), "2026", "2026-11-26", "test", true, 10);
        assert_eq!(reference.groups.len(), 1);
        assert_eq!(reference.suppressed, 1);
        assert_eq!(reference.groups[0].industry, IndustryGroup::Commerce);
        #[cfg(feature = "yaml-write")]
        {
            let yaml = reference.to_yaml().expect("writes");
            assert!(yaml.contains("min_group: 10"), "{yaml}");
            assert!(yaml.contains("suppressed_groups: 1"), "{yaml}");
            assert!(!yaml.contains("construction"));
            let back = Reference::read(&crate::SourceFile::new("reference.yaml", yaml))
                .into_result()
                .expect("reads back");
            assert_eq!(back.groups.len(), 1);
            assert_eq!(back.groups[0].dimensions["hiring"].n, 12);
            assert_eq!(
                back.group(Tier::Small, Industry::Wholesale).map(|g| g.n),
                Some(12)
            );
        }
    }

    /// Review R1: an id carrying YAML stays one key, and a figure that is
    /// not finite is refused rather than written as `inf`.
    #[cfg(feature = "yaml-write")]
    #[test]
    fn ids_cannot_write_yaml_and_figures_must_be_finite() {
        let mut builder = ReferenceBuilder::default();
        let hostile = "x: 1}\n  - tier: small\n    industry: commerce\n    n: 999";
        for i in 0..10 {
            builder.add(
                Tier::Small,
                Industry::Retail,
                [(hostile, Some(f64::from(i)))],
            );
        }
        let reference = builder.build(
            test_key(),
            "2026",
            "2026-11-26",
            "a \"source\"\nkind: bank",
            false,
            10,
        );
        let yaml = reference.to_yaml().expect("writes");
        let back = Reference::read(&crate::SourceFile::new("reference.yaml", yaml.clone()))
            .into_result()
            .expect("reads back");
        assert_eq!(back.groups.len(), 1, "{yaml}");
        assert!(back.groups[0].dimensions.contains_key(hostile), "{yaml}");
        assert_eq!(back.source, "a \"source\"\nkind: bank");
        let mut builder = ReferenceBuilder::default();
        for _ in 0..10 {
            builder.add(
                Tier::Small,
                Industry::Retail,
                [("hiring", Some(f64::INFINITY))],
            );
        }
        let reference = builder.build(test_key(), "2026", "2026-11-26", "test", false, 10);
        assert_eq!(reference.to_yaml(), Err(ReferenceWriteError::NotFinite));
    }
}
