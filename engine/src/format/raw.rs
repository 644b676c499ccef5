//! The bank format as written: serde structs mirroring the YAML.
//!
//! **Invariant:** these are the only bank types that derive `Deserialize`.
//! Every field a person may get wrong keeps its location ([`Spanned`]), so
//! `validate` can point at it. Nothing here is checked yet: ids may dangle,
//! scores may be out of range. Optional fields are `Option` so that a missing
//! one is reported by `validate` with a hint rather than by serde.

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::format::source::Span;
use crate::model::profile::Prefecture;
use crate::model::tier::Tier;

/// A value with the byte range it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    /// The parsed value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let inner = serde_saphyr::Spanned::<T>::deserialize(deserializer)?;
        let span = inner.referenced.span();
        let start = span.byte_offset().unwrap_or(span.offset());
        let len = span.byte_len().unwrap_or(span.len());
        let start = u32::try_from(start).unwrap_or(u32::MAX);
        let end = start.saturating_add(u32::try_from(len).unwrap_or(0));
        Ok(Spanned {
            value: inner.value,
            span: Span::new(start, end),
        })
    }
}

#[cfg(feature = "schema")]
impl<T: schemars::JsonSchema> schemars::JsonSchema for Spanned<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }

    fn inline_schema() -> bool {
        T::inline_schema()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}

/// The first key of every file, read before the rest so that a catalogue
/// given where a bank is expected gets a clear message, not a list of
/// unknown fields.
#[derive(Debug)]
pub struct RawHeader {
    /// `catalogue` or `bank`.
    pub kind: Option<Spanned<String>>,
    /// Whether the file has a top-level `answers:` (an answers or result
    /// file, which has no `kind:`).
    pub answers: bool,
}

/// The `expecting` text of the header visitor, recognised in its error.
pub(crate) const ROOT_EXPECTED: &str = "a mapping of keys at the top of the file";

impl<'de> Deserialize<'de> for RawHeader {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct HeaderVisitor;
        impl<'de> Visitor<'de> for HeaderVisitor {
            type Value = RawHeader;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(ROOT_EXPECTED)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawHeader, A::Error> {
                let mut kind = None;
                let mut answers = false;
                while let Some(key) = map.next_key::<String>()? {
                    if key == "kind" {
                        kind = Some(map.next_value::<Spanned<String>>()?);
                    } else {
                        answers |= key == "answers";
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(RawHeader { kind, answers })
            }
        }
        deserializer.deserialize_any(HeaderVisitor)
    }
}

/// A text in Japanese and English.
#[derive(Debug, Clone, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawText {
    /// Japanese, shown first and required.
    pub ja: Option<String>,
    /// English; when absent the Japanese text is shown.
    pub en: Option<String>,
}

/// The shared catalogue: dimensions, support programs and indicators,
/// defined once for every tier.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawCatalogue {
    /// Always `catalogue`.
    #[cfg_attr(feature = "schema", schemars(extend("const" = "catalogue")))]
    pub kind: Spanned<String>,
    /// Stable id that banks refer to.
    pub id: Spanned<String>,
    /// Edition of the catalogue, e.g. `2026.1`.
    pub version: Spanned<String>,
    /// Name of the sheet.
    pub title: Spanned<RawText>,
    /// Four ascending scores (0–100) at which levels 2, 3, 4 and 5 begin.
    pub level_thresholds: Option<Spanned<Vec<Spanned<f64>>>>,
    /// The axes of the radar chart, shared by every tier.
    pub dimensions: Vec<RawDimension>,
    /// Public support programs that recommendations may point to.
    #[serde(default)]
    pub programs: Vec<RawProgram>,
    /// Indicators of the call for proposals that questions declare they cover.
    #[serde(default)]
    pub indicators: Vec<RawIndicator>,
    /// The statutory minimum wage per prefecture, shown with the gate that
    /// asks about it (`shows: minimum_wage`). Update it each autumn.
    pub minimum_wages: Option<RawMinimumWages>,
    /// How many minutes answering a tier's bank may take, checked by
    /// `shindan coverage` (the call's limit, or the author's own).
    pub time_targets: Option<RawTimeTargets>,
    /// Licence, authorship or sources of the instrument, printed on every
    /// result sheet.
    pub attribution: Option<Spanned<RawText>>,
}

/// Minutes per tier.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawTimeTargets {
    /// 小規模事業者.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 120)))]
    pub small: Spanned<f64>,
    /// 中小企業.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 120)))]
    pub sme: Spanned<f64>,
    /// 中堅.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 120)))]
    pub midsize: Spanned<f64>,
}

/// The dated minimum-wage table.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawMinimumWages {
    /// The law, e.g. `最低賃金法 第4条`.
    pub basis: Spanned<String>,
    /// Where the figures were read, e.g. the 労働局's 公示.
    pub source: Spanned<String>,
    /// One row per prefecture.
    pub rates: Vec<RawMinimumWage>,
}

/// One prefecture's minimum wage.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawMinimumWage {
    /// The prefecture id, e.g. `fukuoka`.
    pub prefecture: Spanned<Prefecture>,
    /// Yen per hour.
    pub yen_per_hour: Spanned<u32>,
    /// The day it took effect, `YYYY-MM-DD`.
    pub effective: Spanned<String>,
}

/// Whether a program can be joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RawProgramStatus {
    /// Announced for its fiscal year, not yet open.
    Planned,
    /// Open now.
    Open,
    /// Ended: never recommended; its `fallback` is shown instead.
    Closed,
}

/// A fact of the company profile a condition can test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, strum::IntoStaticStr)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ProfileField {
    /// 常時使用する従業員の数: `at_least`, `at_most`.
    RegularEmployees,
    /// 資本金 in yen: `at_least`, `at_most`.
    CapitalYen,
    /// Main industry: `equals`, `one_of` (industry ids).
    Industry,
    /// Prefecture: `equals`, `one_of` (prefecture ids).
    Prefecture,
}

impl ProfileField {
    /// The name used in files.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

/// One axis of the diagnosis.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawDimension {
    /// Stable id, e.g. `commitment`.
    pub id: Spanned<String>,
    /// Full name.
    pub name: Spanned<RawText>,
    /// Short label for the radar chart (defaults to the name).
    pub short: Option<Spanned<RawText>>,
    /// What the dimension looks at.
    pub description: Spanned<RawText>,
    /// Weight in the overall score (default 1).
    pub weight: Option<Spanned<f64>>,
    /// Exactly five descriptors, from level 1 to level 5.
    pub levels: Spanned<Vec<Spanned<RawText>>>,
}

/// A public support program.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawProgram {
    /// Stable id, e.g. `startpack`.
    pub id: Spanned<String>,
    /// Name of the program.
    pub name: Spanned<RawText>,
    /// Who runs it.
    pub provider: Spanned<RawText>,
    /// What it offers.
    pub offer: Spanned<RawText>,
    /// Where to learn more (`https://` only).
    pub url: Option<Spanned<String>>,
    /// The fiscal year it runs in (April–March), e.g. `2026` for 令和8年度.
    pub fiscal_year: Option<Spanned<u16>>,
    /// `planned`, `open` (default) or `closed`.
    pub status: Option<Spanned<RawProgramStatus>>,
    /// Id of the program shown instead once this one is closed.
    pub fallback: Option<Spanned<String>>,
}

/// An indicator or survey-item group of the call for proposals.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawIndicator {
    /// Stable id, e.g. `strategy-os`.
    pub id: Spanned<String>,
    /// Name as the call writes it.
    pub name: Spanned<RawText>,
    /// Tiers where it must be covered by at least one question.
    pub tiers: Vec<Spanned<Tier>>,
}

/// One question bank, for one company-size tier.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawBank {
    /// Always `bank`.
    #[cfg_attr(feature = "schema", schemars(extend("const" = "bank")))]
    pub kind: Spanned<String>,
    /// Stable id, e.g. `small`.
    pub id: Spanned<String>,
    /// Edition, e.g. `2026.1`; recorded in every result.
    pub version: Spanned<String>,
    /// `small`, `sme` or `midsize`.
    pub tier: Spanned<Tier>,
    /// Id of the catalogue whose dimensions and programs it uses.
    pub catalogue: Spanned<String>,
    /// Title shown above the questions.
    pub title: Spanned<RawText>,
    /// A short introduction shown before the first question.
    pub intro: Option<Spanned<RawText>>,
    /// The day whose law the gates state, `YYYY-MM-DD`; required with gates.
    pub as_of: Option<Spanned<String>>,
    /// The edition that replaced this one. A superseded edition is kept only
    /// so that its results open, print and compare: the sheet shows no gates
    /// or next steps for it, and its gates need no `effective` date.
    pub superseded_by: Option<Spanned<String>>,
    /// Scored questions, in the order they are asked.
    pub questions: Vec<RawQuestion>,
    /// Unscored compliance checks, reported apart from scores.
    #[serde(default)]
    pub gates: Vec<RawGate>,
    /// Next steps chosen by conditions over levels and answers.
    #[serde(default)]
    pub recommendations: Vec<RawRecommendation>,
}

/// The kinds of question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, strum::IntoStaticStr)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum QuestionKindName {
    /// Five described steps; the answer is the step 1–5.
    Ladder,
    /// Yes or no.
    YesNo,
    /// One of several options, each with a score.
    Single,
    /// Any of several options; scores add up to a cap.
    Multiple,
    /// A number, scored by bands.
    Number,
}

/// One scored question.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    /// Stable id; answers refer to it.
    pub id: Spanned<String>,
    /// Id of the catalogue dimension it scores.
    pub dimension: Spanned<String>,
    /// Kind of question.
    pub kind: Spanned<QuestionKindName>,
    /// The question.
    pub text: Spanned<RawText>,
    /// Explanation of terms, shown on request.
    pub help: Option<Spanned<RawText>>,
    /// The guideline, survey item or section of the call it comes from.
    pub source: Option<Spanned<String>>,
    /// The law a legal statement in its help rests on (with `effective`).
    pub basis: Option<Spanned<String>>,
    /// The day that law took effect, `YYYY-MM-DD` (with `basis`).
    pub effective: Option<Spanned<String>>,
    /// Weight within its dimension (default 1; 0 asks and records the
    /// question without scoring it).
    pub weight: Option<Spanned<f64>>,
    /// Whether "not applicable" may be answered.
    #[serde(default)]
    pub allow_na: bool,
    /// Ask only when this condition over earlier answers holds.
    pub show_if: Option<Spanned<RawCondition>>,
    /// Ids of the catalogue indicators this question covers.
    #[serde(default)]
    pub covers: Vec<Spanned<String>>,
    /// `ladder`: the five steps, from 1 to 5.
    pub steps: Option<Spanned<Vec<Spanned<RawText>>>>,
    /// `single` and `multiple`: the options.
    pub options: Option<Spanned<Vec<RawOption>>>,
    /// `multiple`: the sum of option scores that counts as full marks.
    pub cap: Option<Spanned<f64>>,
    /// `number`: score bands by lower bound.
    pub bands: Option<Spanned<Vec<RawBand>>>,
    /// `number`: unit shown after the field.
    pub unit: Option<Spanned<RawText>>,
    /// `number`: smallest answer accepted.
    pub min: Option<Spanned<f64>>,
    /// `number`: largest answer accepted.
    pub max: Option<Spanned<f64>>,
}

/// An option of a choice question.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawOption {
    /// Stable id; answers refer to it.
    pub id: Spanned<String>,
    /// What the user sees.
    pub label: Spanned<RawText>,
    /// Score 0–1.
    pub score: Spanned<f64>,
    /// `multiple`: choosing it excludes every other option ("none of these").
    #[serde(default)]
    pub exclusive: bool,
}

/// A scoring band of a number question: answers from `from` upwards (until
/// the next band) score `score`.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawBand {
    /// Lower bound, inclusive.
    pub from: Spanned<f64>,
    /// Score 0–1.
    pub score: Spanned<f64>,
}

/// An unscored compliance check.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawGate {
    /// Stable id; answers refer to it.
    pub id: Spanned<String>,
    /// The yes/no question.
    pub text: Spanned<RawText>,
    /// One line on why it matters.
    pub explanation: Spanned<RawText>,
    /// Where to get help when the answer is no.
    pub help: Spanned<RawText>,
    /// The law and article of the one duty it checks, e.g. `労働基準法 第89条`.
    pub basis: Option<Spanned<String>>,
    /// The day the duty, as stated, took effect: `YYYY-MM-DD`.
    pub effective: Option<Spanned<String>>,
    /// Asked only of companies this holds for (profile or answers); a gate
    /// that does not apply is not asked and not counted.
    pub applies_if: Option<Spanned<RawCondition>>,
    /// A figure shown with the gate: `minimum_wage` (the company's prefecture).
    pub shows: Option<Spanned<RawGateFigure>>,
    /// Support programs that help.
    #[serde(default)]
    pub programs: Vec<Spanned<String>>,
}

/// A figure looked up for the company and shown with a gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RawGateFigure {
    /// The minimum wage of the company's prefecture, from the catalogue.
    MinimumWage,
}

/// A next step, shown when its condition holds.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawRecommendation {
    /// Stable id, recorded in results.
    pub id: Spanned<String>,
    /// When to show it.
    pub when: Spanned<RawCondition>,
    /// 1 (most urgent) to 5; default 3.
    pub priority: Option<Spanned<u8>>,
    /// The prompt for reflection and the next step.
    pub text: Spanned<RawText>,
    /// Ids of support programs that fit.
    #[serde(default)]
    pub programs: Vec<Spanned<String>>,
}

/// A condition. Exactly one subject: `question`, `dimension`, `all`, `any`
/// or `not`; a `question` takes tests that fit its kind.
#[derive(Debug, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawCondition {
    /// Test an earlier answer.
    pub question: Option<Spanned<String>>,
    /// Test a dimension's level (recommendations only).
    pub dimension: Option<Spanned<String>>,
    /// Test a fact of the company profile.
    pub profile: Option<Spanned<ProfileField>>,
    /// Every condition holds.
    pub all: Option<Vec<Spanned<RawCondition>>>,
    /// At least one condition holds.
    pub any: Option<Vec<Spanned<RawCondition>>>,
    /// The condition does not hold.
    pub not: Option<Box<Spanned<RawCondition>>>,
    /// `yes_no`: `yes` or `no`; `single`: an option id; `profile:
    /// industry`/`prefecture`: an id.
    pub equals: Option<Spanned<String>>,
    /// `single`: any of these option ids; `profile: industry`/`prefecture`: ids.
    pub one_of: Option<Vec<Spanned<String>>>,
    /// `multiple`: this option id is among the chosen.
    pub includes: Option<Spanned<String>>,
    /// `ladder`, `number`, `profile: regular_employees`/`capital_yen`: at least this.
    pub at_least: Option<Spanned<f64>>,
    /// `ladder`, `number`, `profile: regular_employees`/`capital_yen`: at most this.
    pub at_most: Option<Spanned<f64>>,
    /// `dimension`: its level is at least this (1–5).
    pub level_at_least: Option<Spanned<u8>>,
    /// `dimension`: its level is at most this (1–5).
    pub level_at_most: Option<Spanned<u8>>,
}
