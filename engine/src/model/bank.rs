//! Validated domain types: what a loaded catalogue and bank are.
//!
//! **Invariant:** these types carry no spans. Every reference is an index
//! that `validate` has checked, so scoring never looks anything up by string
//! and never fails. They derive serde only for the `compiled` form, which the
//! build writes from checked banks; no person writes it.

use std::collections::BTreeMap;

use crate::model::index::{
    DimensionIndex, GateIndex, IndicatorIndex, OptionIndex, ProgramIndex, QuestionIndex,
};
use crate::model::profile::{Prefecture, Profile};
use crate::model::text::Text;
use crate::model::tier::{Industry, Tier};

#[cfg(feature = "compiled")]
mod depth;
mod invariants;
pub use invariants::{MAX_CONDITION_DEPTH, Unsound};

/// The most options a choice question may have (answers are a 64-bit set).
pub const MAX_OPTIONS: usize = 64;

/// Dimensions, programs and indicators shared by every tier.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "compiled", derive(serde::Serialize, serde::Deserialize))]
pub struct Catalogue {
    /// Stable id.
    pub id: String,
    /// Edition.
    pub version: String,
    /// Name of the sheet.
    pub title: Text,
    /// Scores (0–100) at which levels 2, 3, 4 and 5 begin.
    pub level_thresholds: [f64; 4],
    /// The axes, in radar order.
    pub dimensions: Vec<Dimension>,
    /// Support programs.
    pub programs: Vec<Program>,
    /// Indicators of the call for proposals.
    pub indicators: Vec<Indicator>,
    /// The statutory minimum wage per prefecture, for the gate that shows it.
    pub minimum_wages: Option<MinimumWages>,
    /// Minutes answering each tier's bank may take, if the catalogue sets them.
    pub time_targets: Option<TimeTargets>,
    /// Licence, authorship or sources, printed on the result sheet.
    pub attribution: Option<Text>,
}

/// Minutes per tier that answering a bank may take.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "compiled", derive(serde::Serialize, serde::Deserialize))]
pub struct TimeTargets {
    /// 小規模事業者.
    pub small: f64,
    /// 中小企業.
    pub sme: f64,
    /// 中堅.
    pub midsize: f64,
}

impl TimeTargets {
    /// The minutes for `tier`.
    pub fn of(self, tier: Tier) -> f64 {
        match tier {
            Tier::Small => self.small,
            Tier::Sme => self.sme,
            Tier::Midsize => self.midsize,
        }
    }
}

impl Catalogue {
    /// The name of the dimension `id`, or the id itself for one this
    /// catalogue does not have (a file from another edition).
    pub fn dimension_name(&self, id: &str, lang: crate::Lang) -> String {
        self.dimensions
            .iter()
            .find(|dimension| dimension.id == id)
            .map_or_else(
                || id.to_owned(),
                |dimension| dimension.name.get(lang).to_owned(),
            )
    }

    /// The level 1–5 of a score 0–100.
    pub fn level_of(&self, score: f64) -> u8 {
        let passed = self
            .level_thresholds
            .iter()
            .filter(|&&threshold| score >= threshold)
            .count();
        // At most four thresholds, so this is 1..=5.
        1 + passed as u8
    }

    /// The program to show in place of `program`: itself unless it is
    /// closed, else its fallback (followed until one is not closed).
    /// `None` when the chain ends in a closed program: a closed program is
    /// never recommended. Validation refuses fallback loops.
    pub fn route(&self, program: ProgramIndex) -> Option<ProgramIndex> {
        let mut current = program;
        for _ in 0..=self.programs.len() {
            let candidate = self.programs.get(current.get())?;
            if candidate.status != ProgramStatus::Closed {
                return Some(current);
            }
            current = candidate.fallback?;
        }
        None
    }

    /// The programs to show for a list of programs: each routed, duplicates
    /// and closed ones left out, in the given order.
    pub fn routed(&self, programs: &[ProgramIndex]) -> Vec<ProgramIndex> {
        let mut shown = Vec::with_capacity(programs.len());
        for &program in programs {
            if let Some(routed) = self.route(program)
                && !shown.contains(&routed)
            {
                shown.push(routed);
            }
        }
        shown
    }

    /// The minimum wage in force in `prefecture`, if the catalogue has it.
    pub fn minimum_wage(&self, prefecture: Prefecture) -> Option<&MinimumWage> {
        self.minimum_wages
            .as_ref()?
            .rates
            .iter()
            .find(|rate| rate.prefecture == prefecture)
    }
}

/// The statutory minimum wages (地域別最低賃金) of the prefectures the sheet
/// serves, dated, so that the bureau updates one table each autumn.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "compiled", derive(serde::Serialize, serde::Deserialize))]
pub struct MinimumWages {
    /// The law, e.g. 最低賃金法 第4条.
    pub basis: String,
    /// Where the figures were read (公示, 労働局).
    pub source: String,
    /// One rate per prefecture.
    pub rates: Vec<MinimumWage>,
}

/// One prefecture's minimum wage.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "compiled", derive(serde::Serialize, serde::Deserialize))]
pub struct MinimumWage {
    /// The prefecture.
    pub prefecture: Prefecture,
    /// Yen per hour.
    pub yen_per_hour: u32,
    /// The day it took effect, `YYYY-MM-DD`.
    pub effective: String,
}

impl Program {
    /// Its fiscal year as the sheet names it (令和8年度 / FY2026), with
    /// "planned" when it has not opened yet.
    pub fn term(&self) -> Option<Text> {
        let year = self.fiscal_year?;
        let era = if year >= 2019 {
            match year - 2018 {
                1 => "令和元年度".to_owned(),
                n => format!("令和{n}年度"),
            }
        } else {
            format!("平成{}年度", year.saturating_sub(1988))
        };
        let planned = self.status == ProgramStatus::Planned;
        Some(Text::new(
            if planned {
                format!("{era}（予定）")
            } else {
                era
            },
            if planned {
                format!("FY{year} (planned)")
            } else {
                format!("FY{year}")
            },
        ))
    }
}

/// Whether a program can be joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, strum::IntoStaticStr)]
#[cfg_attr(feature = "compiled", derive(serde::Serialize, serde::Deserialize))]
#[strum(serialize_all = "snake_case")]
pub enum ProgramStatus {
    /// Announced for its fiscal year, not yet open.
    Planned = 0,
    /// Open now (or all year round).
    #[default]
    Open = 1,
    /// Ended: never recommended; its fallback is shown instead.
    Closed = 2,
}

impl ProgramStatus {
    /// The name used in files.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

/// The law behind a statement, and the day the statement became true.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "compiled", derive(serde::Serialize, serde::Deserialize))]
pub struct LegalBasis {
    /// Law and article, e.g. 労働基準法 第89条.
    pub basis: String,
    /// The day it took effect, `YYYY-MM-DD`; `None` only in a superseded
    /// edition, which predates the rule.
    pub effective: Option<String>,
}

impl LegalBasis {
    /// The line the sheet prints under a legal statement.
    pub fn cite(&self) -> Text {
        match &self.effective {
            Some(effective) => {
                let date = crate::model::text::date_text(effective);
                Text::new(
                    format!("根拠: {}（{}から）", self.basis, date.ja),
                    format!("Basis: {} (since {})", self.basis, date.en),
                )
            }
            None => Text::new(
                format!("根拠: {}", self.basis),
                format!("Basis: {}", self.basis),
            ),
        }
    }
}

impl MinimumWage {
    /// The line the sheet prints with the minimum-wage gate.
    pub fn describe(&self) -> Text {
        let date = crate::model::text::date_text(&self.effective);
        let name = self.prefecture.name();
        Text::new(
            format!(
                "{}の最低賃金: 時間額{}円（{}発効）",
                name.ja,
                group_thousands(self.yen_per_hour),
                date.ja
            ),
            format!(
                "Minimum wage in {}: ¥{} an hour (since {})",
                name.en,
                group_thousands(self.yen_per_hour),
                date.en
            ),
        )
    }
}

fn group_thousands(value: u32) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// One axis of the diagnosis.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "compiled", derive(serde::Serialize, serde::Deserialize))]
pub struct Dimension {
    /// Stable id.
    pub id: String,
    /// Full name.
    pub name: Text,
    /// Short label for the radar chart.
    pub short: Text,
    /// What it looks at.
    pub description: Text,
    /// Weight in the overall score.
    pub weight: f64,
    /// Descriptors of levels 1 to 5.
    pub levels: [Text; 5],
}

/// A public support program.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "compiled", derive(serde::Serialize, serde::Deserialize))]
pub struct Program {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: Text,
    /// Who runs it.
    pub provider: Text,
    /// What it offers.
    pub offer: Text,
    /// An `https://` link, if any.
    pub url: Option<String>,
    /// The fiscal year (April–March) it runs in, e.g. 2026 for 令和8年度.
    pub fiscal_year: Option<u16>,
    /// Whether it can be joined.
    pub status: ProgramStatus,
    /// The program shown instead once this one is closed.
    pub fallback: Option<ProgramIndex>,
}

/// An indicator of the call for proposals.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "compiled", derive(serde::Serialize, serde::Deserialize))]
pub struct Indicator {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: Text,
    /// Tiers where a question must cover it.
    pub tiers: Vec<Tier>,
}

/// A question bank for one tier, with its catalogue.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "compiled", derive(serde::Serialize, serde::Deserialize))]
pub struct Bank {
    /// Stable id.
    pub id: String,
    /// Edition.
    pub version: String,
    /// The tier it is for.
    pub tier: Tier,
    /// Title.
    pub title: Text,
    /// Introduction, if any.
    pub intro: Option<Text>,
    /// The day whose law the gates state, `YYYY-MM-DD`.
    pub as_of: Option<String>,
    /// The edition that replaced this one, if it is kept only for old results.
    pub superseded_by: Option<String>,
    /// The shared catalogue it was validated against (stored once, not per
    /// bank, in the compiled form).
    #[cfg_attr(feature = "compiled", serde(skip))]
    pub catalogue: Catalogue,
    /// Scored questions in order.
    pub questions: Vec<Question>,
    /// Unscored compliance checks.
    pub gates: Vec<Gate>,
    /// Next-step rules.
    pub recommendations: Vec<Recommendation>,
    /// Where each question or gate id lives, for reading answers.
    pub(crate) items: BTreeMap<String, Item>,
}

/// What an answer id refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "compiled", derive(serde::Serialize, serde::Deserialize))]
pub(crate) enum Item {
    Question(QuestionIndex),
    Gate(GateIndex),
}

impl Bank {
    /// The name of its compiled file (`banks/<name>.bin`): the tier for the
    /// current edition, tier and version for a superseded one, so that both
    /// ship side by side.
    pub fn compiled_name(&self) -> String {
        compiled_name(
            self.tier,
            self.superseded_by.is_some().then_some(&*self.version),
        )
    }

    /// What the sheet says of a result of a superseded edition: its levels
    /// stand, its legal points and programs are those of a later edition.
    pub fn superseded_note(&self) -> Option<Text> {
        let newer = self.superseded_by.as_deref()?;
        Some(Text::new(
            format!(
                "この結果は{}版の質問票によるものです。法令の確認事項と支援策は{}版で見直したため、ここには示しません。最新版で診断し直すと、いまの確認事項と支援策が分かります。",
                self.version, newer
            ),
            format!(
                "This result answers edition {} of the question set. Legal points and support programs were revised in edition {}, so they are not shown here; a new diagnosis with the current edition shows them.",
                self.version, newer
            ),
        ))
    }

    /// The sentence the sheet shows about the edition's law, if it states any.
    pub fn as_of_note(&self) -> Option<Text> {
        let date = crate::model::text::date_text(self.as_of.as_deref()?);
        Some(Text::new(
            format!("この版は{}時点の法令に基づきます。", date.ja),
            format!("This edition states the law as of {}.", date.en),
        ))
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        match self.items.get(id) {
            Some(&Item::Question(index)) => self.questions.get(index.get()),
            _ => None,
        }
    }

    pub(crate) fn item(&self, id: &str) -> Option<Item> {
        self.items.get(id).copied()
    }
}

/// The compiled file name of a tier's current bank (`edition: None`) or of
/// one of its superseded editions.
pub fn compiled_name(tier: Tier, edition: Option<&str>) -> String {
    match edition {
        None => tier.as_str().to_owned(),
        Some(version) => format!("{}-{version}", tier.as_str()),
    }
}

/// A scored question.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "compiled", derive(serde::Serialize, serde::Deserialize))]
pub struct Question {
    /// Stable id.
    pub id: String,
    /// The dimension it scores.
    pub dimension: DimensionIndex,
    /// Kind and kind-specific data.
    pub kind: QuestionKind,
    /// The question.
    pub text: Text,
    /// Help, if any.
    pub help: Option<Text>,
    /// Its basis (guideline, survey item, section of the call).
    pub source: String,
    /// The law its help text states, if it states one.
    pub law: Option<LegalBasis>,
    /// Weight within its dimension; 0 asks and records it without scoring.
    pub weight: f64,
    /// Whether "not applicable" may be answered.
    pub allow_na: bool,
    /// Asked only when this holds.
    pub show_if: Option<Condition>,
    /// The catalogue indicators it covers.
    pub covers: Vec<IndicatorIndex>,
}

/// Kinds of question and what each needs.
#[derive(Debug, Clone, PartialEq, strum::IntoStaticStr)]
#[cfg_attr(feature = "compiled", derive(serde::Serialize, serde::Deserialize))]
#[strum(serialize_all = "snake_case")]
pub enum QuestionKind {
    /// Five described steps.
    Ladder {
        /// Steps 1 to 5.
        steps: [Text; 5],
    },
    /// Yes (1) or no (0).
    YesNo,
    /// One option.
    Single {
        /// The options.
        options: Vec<Choice>,
    },
    /// Any options; the summed score is capped.
    Multiple {
        /// The options.
        options: Vec<Choice>,
        /// The sum that counts as full marks.
        cap: f64,
    },
    /// A number, scored by bands.
    Number {
        /// Bands by ascending lower bound; the first also covers anything lower.
        bands: Vec<Band>,
        /// Unit, if any.
        unit: Option<Text>,
        /// Smallest answer accepted.
        min: Option<f64>,
        /// Largest answer accepted.
        max: Option<f64>,
    },
}

impl QuestionKind {
    /// The name used in files.
    pub fn name(&self) -> &'static str {
        self.into()
    }

    /// The options of a choice question; empty otherwise.
    pub fn options(&self) -> &[Choice] {
        match self {
            QuestionKind::Single { options } | QuestionKind::Multiple { options, .. } => options,
            _ => &[],
        }
    }
}

/// An option of a choice question.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "compiled", derive(serde::Serialize, serde::Deserialize))]
pub struct Choice {
    /// Stable id.
    pub id: String,
    /// Label.
    pub label: Text,
    /// Score 0–1.
    pub score: f64,
    /// Excludes every other option.
    pub exclusive: bool,
}

/// A scoring band of a number question.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "compiled", derive(serde::Serialize, serde::Deserialize))]
pub struct Band {
    /// Inclusive lower bound.
    pub from: f64,
    /// Score 0–1.
    pub score: f64,
}

/// An unscored compliance check.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "compiled", derive(serde::Serialize, serde::Deserialize))]
pub struct Gate {
    /// Stable id.
    pub id: String,
    /// The yes/no question.
    pub text: Text,
    /// Why it matters.
    pub explanation: Text,
    /// Where to get help.
    pub help: Text,
    /// The duty's law and the day it took effect.
    pub law: LegalBasis,
    /// Asked only of companies it binds; `None` binds every company.
    pub applies_if: Option<Condition>,
    /// A figure the sheet shows with it.
    pub shows: Option<GateFigure>,
    /// Programs that help.
    pub programs: Vec<ProgramIndex>,
}

impl Gate {
    /// The figure this gate shows for a company (its prefecture's minimum
    /// wage), when the gate has one and the catalogue and profile know it.
    pub fn figure(&self, catalogue: &Catalogue, profile: Option<&Profile>) -> Option<Text> {
        match self.shows? {
            GateFigure::MinimumWage => catalogue
                .minimum_wage(profile?.prefecture)
                .map(MinimumWage::describe),
        }
    }
}

/// A figure looked up for the company and shown with a gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "compiled", derive(serde::Serialize, serde::Deserialize))]
pub enum GateFigure {
    /// The minimum wage of the company's prefecture (catalogue table).
    MinimumWage = 0,
}

/// A next step.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "compiled", derive(serde::Serialize, serde::Deserialize))]
pub struct Recommendation {
    /// Stable id.
    pub id: String,
    /// When it applies.
    pub when: Condition,
    /// 1 (most urgent) to 5.
    pub priority: u8,
    /// The prompt and next step.
    pub text: Text,
    /// Programs that fit.
    pub programs: Vec<ProgramIndex>,
    /// The dimensions its condition looks at, for ordering and grouping.
    pub dimensions: Vec<DimensionIndex>,
}

/// A checked condition. Read from compiled bytes with a depth limit
/// ([`MAX_CONDITION_DEPTH`]): a run of `Not` tags would otherwise recurse
/// until the browser's stack runs out.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "compiled", derive(serde::Serialize))]
pub enum Condition {
    /// A test on an answer.
    Answer {
        /// The question answered.
        question: QuestionIndex,
        /// The test.
        test: AnswerTest,
    },
    /// A dimension's level lies within `at_least..=at_most`.
    Level {
        /// The dimension.
        dimension: DimensionIndex,
        /// Lowest level that matches.
        at_least: u8,
        /// Highest level that matches.
        at_most: u8,
    },
    /// A fact of the company profile.
    Profile(ProfileTest),
    /// Every one holds.
    All(Vec<Condition>),
    /// At least one holds.
    Any(Vec<Condition>),
    /// It does not hold.
    Not(Box<Condition>),
}

/// A test on one answer. A missing, hidden or "not applicable" answer
/// passes no test.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "compiled", derive(serde::Serialize, serde::Deserialize))]
pub enum AnswerTest {
    /// A yes/no answer equals this.
    Is(bool),
    /// A single choice is one of these options (a bit set).
    OneOf(u64),
    /// A multiple choice includes this option.
    Includes(OptionIndex),
    /// A ladder step or number lies within `min..=max`.
    Between {
        /// Lower bound, inclusive (−∞ when the bank gives none).
        min: f64,
        /// Upper bound, inclusive (+∞ when the bank gives none).
        max: f64,
    },
}

/// A test on the company profile. With no profile known, no test passes.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "compiled", derive(serde::Serialize, serde::Deserialize))]
pub enum ProfileTest {
    /// 常時使用する従業員の数 within `min..=max`.
    RegularEmployees {
        /// Lower bound, inclusive.
        min: f64,
        /// Upper bound, inclusive.
        max: f64,
    },
    /// 資本金 in yen within `min..=max`; a profile without capital passes none.
    CapitalYen {
        /// Lower bound, inclusive.
        min: f64,
        /// Upper bound, inclusive.
        max: f64,
    },
    /// The industry is one of these (bit i = `Industry::ALL[i]`).
    Industry(u32),
    /// The prefecture is one of these (bit i = `Prefecture::ALL[i]`).
    Prefecture(u32),
}

impl ProfileTest {
    /// Whether `profile` passes.
    pub fn holds(&self, profile: &Profile) -> bool {
        match *self {
            ProfileTest::RegularEmployees { min, max } => {
                (min..=max).contains(&f64::from(profile.regular_employees))
            }
            ProfileTest::CapitalYen { min, max } => profile
                .capital_yen
                .is_some_and(|yen| (min..=max).contains(&(yen as f64))),
            ProfileTest::Industry(mask) => Industry::ALL
                .iter()
                .position(|&industry| industry == profile.industry)
                .is_some_and(|bit| mask & (1 << bit) != 0),
            ProfileTest::Prefecture(mask) => Prefecture::ALL
                .iter()
                .position(|&prefecture| prefecture == profile.prefecture)
                .is_some_and(|bit| mask & (1 << bit) != 0),
        }
    }
}
