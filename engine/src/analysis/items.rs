//! Instrument analysis, for the people who own the banks: from many
//! companies' answers, how each question behaves and whether the questions
//! of a dimension measure one thing — per tier and bank edition.
//!
//! # What is computed, and how
//!
//! Every figure is computed on the **question value** *v* in 0–1 that
//! scoring uses (ladder step *s* → (*s* − 1)/4, yes → 1, an option's score,
//! a capped sum, a number's band; see [`score`](module@crate::model::score)). Weights are not
//! applied: they decide how a dimension's score combines its questions, not
//! whether the questions agree. A question of weight 0 (asked and recorded,
//! not scored) is counted and its answers shown, but it is not an item of
//! its dimension: it takes no part in α, and its mean, floor, ceiling and
//! item–rest correlation are "not scored".
//!
//! **Who counts where.** A question hidden by its `show_if` was not asked:
//! it counts as *hidden*, never as skipped, even if the file carries an
//! answer for it (scoring ignores that answer too). Of the respondents
//! *asked* a question, each *answered* it, said "not applicable" (N/A), or
//! *skipped* it (no answer).
//!
//! - **Per question, pairwise**: every respondent asked the question counts,
//!   whatever they did elsewhere. N/A rate = N/A ÷ asked, skipped rate =
//!   skipped ÷ asked; the answer distribution, mean, floor and ceiling
//!   shares and the top answer's share are over those who answered (N/A and
//!   skipped left out). Floor = the share at the lowest value the question
//!   can give, ceiling = the share at the highest. The top answer is the
//!   most frequent single answer — a step, yes or no, an option, a number's
//!   band, or for a multiple choice the exact set of options (its
//!   distribution counts each option, so a respondent may count under
//!   several).
//! - **Per dimension, listwise**: α, α if an item is dropped and the
//!   item–rest correlations use the dimension's *complete cases*, the
//!   respondents who answered (not N/A, not skipped, not hidden) every
//!   scored question of the dimension; everyone else is left out of these
//!   three figures. α if dropped uses the same respondents as α, so the two
//!   compare. The level distribution counts every respondent's level (or
//!   none, when the dimension has no score).
//!
//! A question asked only after a given answer (`show_if`) has complete
//! cases only among the respondents who gave that answer: there the
//! question it depends on does not vary (its item–rest correlation is "no
//! variance"), and α describes that subgroup. Read α with its number of
//! complete cases.
//!
//! With *n* complete cases, item values *xᵢ* (i = 1…k) and total
//! *T* = Σ *xᵢ*, with sample variances and covariances (divisor *n* − 1;
//! the divisor cancels in both formulas):
//!
//! - **Cronbach's α** = k/(k − 1) · (1 − Σ σ²ᵢ / σ²_T).
//! - **α if item j is dropped**: the same formula over the other k − 1 items.
//! - **Corrected item–total (item–rest) correlation** of item j: Pearson's
//!   r between *xⱼ* and the rest *R* = *T* − *xⱼ* (the sum of the OTHER
//!   items of its dimension), r = cov(*xⱼ*, *R*) / (σ_*xⱼ* · σ_*R*), where
//!   σ²_R = σ²_T − 2·cov(*xⱼ*, *T*) + σ²ⱼ and cov(*xⱼ*, *R*) = cov(*xⱼ*, *T*) − σ²ⱼ.
//!
//! Variances and covariances accumulate in one pass (Welford's update of
//! the co-moment matrix), so memory does not grow with the number of
//! respondents and a constant column gives an exact zero.
//!
//! **Not computable** is a value, never NaN and never a panic
//! ([`Statistic::NotComputable`] with its [`Uncomputable`] reason): fewer
//! than two items (α needs two; α if dropped needs three; item–rest needs
//! another item), fewer than two complete cases, no variance (σ²_T for α; the
//! item or its rest for r; a variance below 10⁻¹² counts as none), a share
//! of nobody, a question not scored, or an input that holds scores but no
//! answers (a scored survey CSV: only the level distribution can be read
//! from it).
//!
//! **Flags** ([`THRESHOLDS`]): a dimension with α below 0.6, a question
//! whose item–rest correlation is below 0.2, and a question whose top answer
//! is chosen by more than 80 % of those who answered it. A figure that is
//! not computable raises no flag.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::analysis::aggregate::Record;
use crate::exchange::table::CsvText;
use crate::model::answers::{Answer, Answers};
use crate::model::bank::{Bank, Catalogue, Question, QuestionKind};
use crate::model::index::{DimensionIndex, QuestionIndex};
use crate::model::score::{Scores, value};
use crate::model::text::Text;
use crate::model::tier::Tier;

/// A variance at or below this counts as none (values are 0–1).
const NO_VARIANCE: f64 = 1e-12;

/// A figure, or why it cannot be computed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Statistic {
    /// The figure (finite).
    Value(f64),
    /// It cannot be computed from these answers.
    NotComputable(Uncomputable),
}

impl Statistic {
    /// The figure, if it could be computed.
    pub fn value(self) -> Option<f64> {
        match self {
            Statistic::Value(value) => Some(value),
            Statistic::NotComputable(_) => None,
        }
    }

    /// `part` ÷ `whole`; not computable for a share of nobody.
    fn share(part: usize, whole: usize) -> Statistic {
        if whole == 0 {
            Statistic::NotComputable(Uncomputable::NoRespondents)
        } else {
            Statistic::Value(part as f64 / whole as f64)
        }
    }

    /// A finite value, else "no variance" (cannot happen with values in 0–1,
    /// but a NaN must never reach a report).
    fn finite(value: f64) -> Statistic {
        if value.is_finite() {
            Statistic::Value(value)
        } else {
            Statistic::NotComputable(Uncomputable::NoVariance)
        }
    }
}

/// Why a figure cannot be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Uncomputable {
    /// A share of nobody: no respondent was asked the question, or none
    /// answered it.
    NoRespondents,
    /// Fewer than two complete cases.
    TooFewRespondents,
    /// Too few items: α needs two, α if one is dropped three, an item–rest
    /// correlation one other item.
    TooFewItems,
    /// A series that does not vary (every respondent gave the same value).
    NoVariance,
    /// The question has weight 0: it is not an item of its dimension.
    NotScored,
    /// The input holds scores, not answers (a scored survey CSV).
    ScoresOnly,
}

impl Uncomputable {
    /// What it means, for people.
    pub fn describe(self) -> Text {
        let (ja, en) = match self {
            Uncomputable::NoRespondents => ("回答なし", "no answers"),
            Uncomputable::TooFewRespondents => ("完答2件未満", "fewer than 2 complete cases"),
            Uncomputable::TooFewItems => ("設問数不足", "too few items"),
            Uncomputable::NoVariance => ("ばらつきなし", "no variance"),
            Uncomputable::NotScored => ("配点なし", "not scored"),
            Uncomputable::ScoresOnly => ("得点のみで回答なし", "scores only, no answers"),
        };
        Text::new(ja, en)
    }
}

/// Where a figure raises a flag.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Thresholds {
    /// A dimension's α below this is flagged.
    pub alpha_below: f64,
    /// A question's item–rest correlation below this is flagged.
    pub item_rest_below: f64,
    /// A top answer chosen by more than this share is flagged.
    pub top_share_above: f64,
}

/// The flag thresholds: α < 0.6, item–rest r < 0.2, one answer > 80 %.
pub const THRESHOLDS: Thresholds = Thresholds {
    alpha_below: 0.6,
    item_rest_below: 0.2,
    top_share_above: 0.8,
};

/// How far past a threshold a figure must be to raise its flag. A figure
/// exactly at a threshold (α = 0.6 from three answers) comes out a hair
/// above or below it depending on the order the answers were summed in,
/// and a count split over workers and merged sums in another order than
/// one count: without this margin the two would flag differently.
const FLAG_MARGIN: f64 = 1e-9;

/// Whether `value` is below `threshold` by more than rounding.
fn below(value: f64, threshold: f64) -> bool {
    value < threshold - FLAG_MARGIN
}

/// Whether `value` is above `threshold` by more than rounding.
fn above(value: f64, threshold: f64) -> bool {
    value > threshold + FLAG_MARGIN
}

/// The whole analysis: one entry per tier and bank edition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// The thresholds the flags used.
    pub thresholds: Thresholds,
    /// Per tier and bank edition, by tier, bank id and version.
    pub groups: Vec<GroupAnalysis>,
}

/// One tier and bank edition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupAnalysis {
    /// The tier.
    pub tier: Tier,
    /// Bank id; `None` for rows of a scored CSV, which record the tier only.
    pub bank: Option<String>,
    /// Bank version (edition); `None` when the input does not record it.
    pub version: Option<String>,
    /// Respondents counted.
    pub respondents: usize,
    /// Whether the input held answers (results); a scored CSV holds only
    /// scores, so only level distributions are known.
    pub answers: bool,
    /// Per dimension the bank asks about, in catalogue order.
    pub dimensions: Vec<DimensionAnalysis>,
    /// Per question, in bank order (empty without answers).
    pub questions: Vec<QuestionAnalysis>,
    /// Weak points, dimension by dimension.
    pub flags: Vec<Flag>,
}

/// One dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionAnalysis {
    /// Dimension id.
    pub id: String,
    /// Its items: the ids of its scored questions (weight above 0).
    pub items: Vec<String>,
    /// Complete cases: respondents who answered every item (α's n).
    pub complete: usize,
    /// Cronbach's α.
    pub alpha: Statistic,
    /// α without each item, in item order.
    pub alpha_if_dropped: Vec<ItemAlpha>,
    /// Respondents at levels 1 to 5.
    pub levels: [usize; 5],
    /// Respondents with no level (nothing answered in the dimension).
    pub no_level: usize,
}

/// α without one item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemAlpha {
    /// The item dropped.
    pub question: String,
    /// α of the others.
    pub alpha: Statistic,
}

/// One question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionAnalysis {
    /// Question id.
    pub id: String,
    /// Its dimension's id.
    pub dimension: String,
    /// `ladder`, `yes_no`, `single`, `multiple` or `number`.
    pub kind: String,
    /// Whether it has a weight above 0 (is an item of its dimension).
    pub scored: bool,
    /// Whether it is asked only when its `show_if` holds: its dimension's
    /// complete cases are then only respondents it was shown to.
    pub conditional: bool,
    /// Respondents it was shown to.
    pub asked: usize,
    /// Respondents its `show_if` hid it from.
    pub hidden: usize,
    /// Respondents who gave an answer other than N/A.
    pub answered: usize,
    /// Respondents who answered "not applicable".
    pub not_applicable: usize,
    /// Respondents asked who gave no answer.
    pub skipped: usize,
    /// N/A ÷ asked.
    pub not_applicable_rate: Statistic,
    /// Skipped ÷ asked.
    pub skipped_rate: Statistic,
    /// Answers by step, yes/no, option or band (ids as in answer files;
    /// a number's band as `from+`, e.g. `3+`), in the question's order.
    pub distribution: Vec<AnswerCount>,
    /// Whether one respondent may count under several answers (multiple
    /// choice).
    pub combined: bool,
    /// The most frequent answer (for a multiple choice, the exact set,
    /// option ids joined by spaces; `[]` for none), if any.
    pub top_answer: Option<String>,
    /// Its share of those who answered.
    pub top_share: Statistic,
    /// Mean question value (0–1) of those who answered.
    pub mean: Statistic,
    /// Share of those who answered at the question's lowest value.
    pub floor: Statistic,
    /// Share of those who answered at the question's highest value.
    pub ceiling: Statistic,
    /// Corrected item–total correlation: with the sum of the other items
    /// of its dimension, over complete cases.
    pub item_rest: Statistic,
}

/// How many gave one answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerCount {
    /// The answer.
    pub answer: String,
    /// Respondents.
    pub count: usize,
}

/// A weak point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flag {
    /// What is weak.
    pub kind: FlagKind,
    /// The dimension.
    pub dimension: String,
    /// The question, for a question's flag.
    pub question: Option<String>,
    /// The figure that raised it.
    pub value: f64,
}

/// Kinds of weak point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum FlagKind {
    /// The dimension's α is below [`Thresholds::alpha_below`].
    LowAlpha,
    /// The question's item–rest correlation is below
    /// [`Thresholds::item_rest_below`].
    LowItemRest,
    /// The question's top answer is chosen by more than
    /// [`Thresholds::top_share_above`].
    DominantAnswer,
}

impl FlagKind {
    /// The flag's id in CSV cells (as in JSON).
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// Collects respondents one at a time, then computes the [`Analysis`].
/// Memory grows with the banks' size, not with the number of respondents.
/// Serializable and [mergeable](AnalysisBuilder::merge), so a count split
/// over workers comes back together.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AnalysisBuilder {
    groups: Vec<GroupTally>,
}

impl AnalysisBuilder {
    /// An empty builder.
    pub fn new() -> AnalysisBuilder {
        AnalysisBuilder::default()
    }

    /// Counts one respondent of `bank`: their checked answers and the
    /// scores of those answers (whose `visible` says what was asked).
    pub fn add(&mut self, bank: &Bank, answers: &Answers, scores: &Scores) {
        let key = (
            bank.tier,
            Some(bank.id.as_str()),
            Some(bank.version.as_str()),
        );
        let group = match self.groups.iter().position(|g| g.is(key)) {
            Some(at) => &mut self.groups[at],
            None => {
                self.groups.push(GroupTally::of_bank(bank));
                let last = self.groups.len() - 1;
                &mut self.groups[last]
            }
        };
        group.respondents += 1;
        let asked = |index: usize| scores.visible.get(index).copied().unwrap_or(false);
        for ((index, question), tally) in
            bank.questions.iter().enumerate().zip(&mut group.questions)
        {
            tally.count(
                question,
                asked(index),
                answers.question(QuestionIndex::new(index)),
            );
        }
        for (index, tally) in group.dimensions.iter_mut().enumerate() {
            tally.count_level(scores.dimensions.get(index).and_then(|d| d.level));
            let row: Option<Vec<f64>> = tally
                .items
                .iter()
                .map(|&at| {
                    let question = bank.questions.get(at)?;
                    let answer = answers
                        .question(QuestionIndex::new(at))
                        .filter(|_| asked(at))?;
                    value(question, answer).filter(|v| v.is_finite())
                })
                .collect();
            if let Some(row) = row {
                tally.moments.add(&row);
            }
        }
    }

    /// Counts one row of a scored survey CSV: its levels only, from its
    /// dimension scores by `catalogue`'s thresholds (the row records no
    /// answers and no bank version).
    pub fn add_scores(&mut self, catalogue: &Catalogue, record: &Record) {
        let key = (record.tier, None, None);
        let group = match self.groups.iter().position(|g| g.is(key)) {
            Some(at) => &mut self.groups[at],
            None => {
                self.groups
                    .push(GroupTally::of_catalogue(record.tier, catalogue));
                let last = self.groups.len() - 1;
                &mut self.groups[last]
            }
        };
        group.respondents += 1;
        for tally in &mut group.dimensions {
            let score = record
                .scores
                .iter()
                .find(|(id, _)| *id == tally.id)
                .map(|&(_, score)| score);
            if score.is_some() {
                tally.asked = true;
            }
            tally.count_level(score.map(|score| catalogue.level_of(score)));
        }
    }

    /// Adds everyone `other` counted, as if each had been added here (the
    /// same counts; sums and co-moments equal up to rounding): a count
    /// split over workers comes back together. Groups meet by tier, bank
    /// and edition, and those of one edition have one shape.
    pub fn merge(&mut self, other: AnalysisBuilder) {
        for group in other.groups {
            let key = (group.tier, group.bank.as_deref(), group.version.as_deref());
            match self.groups.iter_mut().find(|mine| mine.is(key)) {
                Some(mine) => mine.merge(group),
                None => self.groups.push(group),
            }
        }
    }

    /// The analysis of everyone counted.
    pub fn build(self) -> Analysis {
        let mut groups: Vec<GroupAnalysis> =
            self.groups.into_iter().map(GroupTally::finish).collect();
        groups.sort_by(|a, b| (a.tier, &a.bank, &a.version).cmp(&(b.tier, &b.bank, &b.version)));
        Analysis {
            thresholds: THRESHOLDS,
            groups,
        }
    }
}

/// One group being counted.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct GroupTally {
    tier: Tier,
    bank: Option<String>,
    version: Option<String>,
    answers: bool,
    respondents: usize,
    questions: Vec<QuestionTally>,
    dimensions: Vec<DimensionTally>,
}

impl GroupTally {
    fn is(&self, (tier, bank, version): (Tier, Option<&str>, Option<&str>)) -> bool {
        self.tier == tier && self.bank.as_deref() == bank && self.version.as_deref() == version
    }

    fn merge(&mut self, other: GroupTally) {
        self.respondents += other.respondents;
        for (mine, theirs) in self.questions.iter_mut().zip(other.questions) {
            mine.merge(theirs);
        }
        for (mine, theirs) in self.dimensions.iter_mut().zip(other.dimensions) {
            mine.merge(theirs);
        }
    }

    fn of_bank(bank: &Bank) -> GroupTally {
        let dimensions = bank
            .catalogue
            .dimensions
            .iter()
            .enumerate()
            .map(|(index, dimension)| {
                let mine = |q: &&Question| q.dimension == DimensionIndex::new(index);
                let items: Vec<usize> = bank
                    .questions
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| mine(q) && q.weight > 0.0)
                    .map(|(at, _)| at)
                    .collect();
                DimensionTally {
                    id: dimension.id.clone(),
                    asked: bank.questions.iter().any(|q| mine(&q)),
                    moments: CoMoments::new(items.len()),
                    items,
                    levels: [0; 5],
                    no_level: 0,
                }
            })
            .collect();
        GroupTally {
            tier: bank.tier,
            bank: Some(bank.id.clone()),
            version: Some(bank.version.clone()),
            answers: true,
            respondents: 0,
            questions: bank
                .questions
                .iter()
                .map(|q| QuestionTally::new(bank, q))
                .collect(),
            dimensions,
        }
    }

    fn of_catalogue(tier: Tier, catalogue: &Catalogue) -> GroupTally {
        GroupTally {
            tier,
            bank: None,
            version: None,
            answers: false,
            respondents: 0,
            questions: Vec::new(),
            dimensions: catalogue
                .dimensions
                .iter()
                .map(|dimension| DimensionTally {
                    id: dimension.id.clone(),
                    asked: false,
                    items: Vec::new(),
                    moments: CoMoments::new(0),
                    levels: [0; 5],
                    no_level: 0,
                })
                .collect(),
        }
    }

    fn finish(self) -> GroupAnalysis {
        let mut questions: Vec<QuestionAnalysis> =
            self.questions.iter().map(QuestionTally::finish).collect();
        let mut dimensions = Vec::new();
        let mut flags = Vec::new();
        for tally in self.dimensions.iter().filter(|d| d.asked) {
            let covariance = tally.moments.covariance();
            let all: Vec<usize> = (0..tally.items.len()).collect();
            let whole = if self.answers {
                alpha(&covariance, &all)
            } else {
                Statistic::NotComputable(Uncomputable::ScoresOnly)
            };
            let mut alpha_if_dropped = Vec::new();
            for (position, &at) in tally.items.iter().enumerate() {
                let others: Vec<usize> = all.iter().copied().filter(|&i| i != position).collect();
                if let Some(question) = questions.get_mut(at) {
                    question.item_rest = item_rest(&covariance, position);
                    alpha_if_dropped.push(ItemAlpha {
                        question: question.id.clone(),
                        alpha: alpha(&covariance, &others),
                    });
                }
            }
            if let Statistic::Value(value) = whole
                && below(value, THRESHOLDS.alpha_below)
            {
                flags.push(Flag {
                    kind: FlagKind::LowAlpha,
                    dimension: tally.id.clone(),
                    question: None,
                    value,
                });
            }
            for question in questions.iter().filter(|q| q.dimension == tally.id) {
                if let Statistic::Value(value) = question.item_rest
                    && below(value, THRESHOLDS.item_rest_below)
                {
                    flags.push(Flag {
                        kind: FlagKind::LowItemRest,
                        dimension: tally.id.clone(),
                        question: Some(question.id.clone()),
                        value,
                    });
                }
                if let Statistic::Value(value) = question.top_share
                    && above(value, THRESHOLDS.top_share_above)
                {
                    flags.push(Flag {
                        kind: FlagKind::DominantAnswer,
                        dimension: tally.id.clone(),
                        question: Some(question.id.clone()),
                        value,
                    });
                }
            }
            dimensions.push(DimensionAnalysis {
                id: tally.id.clone(),
                items: alpha_if_dropped
                    .iter()
                    .map(|a| a.question.clone())
                    .collect(),
                complete: covariance.n,
                alpha: whole,
                alpha_if_dropped,
                levels: tally.levels,
                no_level: tally.no_level,
            });
        }
        GroupAnalysis {
            tier: self.tier,
            bank: self.bank,
            version: self.version,
            respondents: self.respondents,
            answers: self.answers,
            dimensions,
            questions,
            flags,
        }
    }
}

/// One dimension being counted.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct DimensionTally {
    id: String,
    /// Whether the bank asks about it (or, for scores, any row scored it).
    asked: bool,
    /// Indices of its scored questions in the bank.
    items: Vec<usize>,
    moments: CoMoments,
    levels: [usize; 5],
    no_level: usize,
}

impl DimensionTally {
    fn merge(&mut self, other: DimensionTally) {
        self.asked |= other.asked;
        for (mine, theirs) in self.levels.iter_mut().zip(other.levels) {
            *mine += theirs;
        }
        self.no_level += other.no_level;
        self.moments.merge(other.moments);
    }

    fn count_level(&mut self, level: Option<u8>) {
        match level.and_then(|l| self.levels.get_mut(usize::from(l).wrapping_sub(1))) {
            Some(count) => *count += 1,
            None => self.no_level += 1,
        }
    }
}

/// One question being counted.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct QuestionTally {
    id: String,
    dimension: String,
    kind: String,
    scored: bool,
    conditional: bool,
    labels: Vec<String>,
    combined: bool,
    /// The lowest and highest value the question can give.
    lowest: f64,
    highest: f64,
    asked: usize,
    hidden: usize,
    answered: usize,
    not_applicable: usize,
    /// Per label.
    counts: Vec<usize>,
    /// Multiple choice: per exact set of options.
    sets: BTreeMap<u64, usize>,
    sum: f64,
    floor: usize,
    ceiling: usize,
}

impl QuestionTally {
    fn new(bank: &Bank, question: &Question) -> QuestionTally {
        let (labels, lowest, highest): (Vec<String>, f64, f64) = match &question.kind {
            QuestionKind::Ladder { .. } => ((1..=5).map(|s| s.to_string()).collect(), 0.0, 1.0),
            QuestionKind::YesNo => (vec!["yes".to_owned(), "no".to_owned()], 0.0, 1.0),
            QuestionKind::Single { options } => (
                options.iter().map(|o| o.id.clone()).collect(),
                options
                    .iter()
                    .map(|o| o.score)
                    .fold(f64::INFINITY, f64::min),
                options
                    .iter()
                    .map(|o| o.score)
                    .fold(f64::NEG_INFINITY, f64::max),
            ),
            QuestionKind::Multiple { options, cap } => {
                // Choosing nothing gives 0; the most is the better of every
                // combinable option together and the best exclusive one.
                let together: f64 = options
                    .iter()
                    .filter(|o| !o.exclusive)
                    .map(|o| o.score)
                    .sum();
                let alone = options
                    .iter()
                    .filter(|o| o.exclusive)
                    .map(|o| o.score)
                    .fold(0.0, f64::max);
                (
                    options.iter().map(|o| o.id.clone()).collect(),
                    0.0,
                    together.max(alone).min(*cap) / cap,
                )
            }
            QuestionKind::Number { bands, .. } => (
                bands.iter().map(|b| format!("{}+", b.from)).collect(),
                bands.iter().map(|b| b.score).fold(f64::INFINITY, f64::min),
                bands
                    .iter()
                    .map(|b| b.score)
                    .fold(f64::NEG_INFINITY, f64::max),
            ),
        };
        QuestionTally {
            id: question.id.clone(),
            dimension: bank
                .catalogue
                .dimensions
                .get(question.dimension.get())
                .map(|d| d.id.clone())
                .unwrap_or_default(),
            kind: question.kind.name().to_owned(),
            scored: question.weight > 0.0,
            conditional: question.show_if.is_some(),
            combined: matches!(question.kind, QuestionKind::Multiple { .. }),
            counts: vec![0; labels.len()],
            labels,
            lowest,
            highest,
            asked: 0,
            hidden: 0,
            answered: 0,
            not_applicable: 0,
            sets: BTreeMap::new(),
            sum: 0.0,
            floor: 0,
            ceiling: 0,
        }
    }

    fn merge(&mut self, other: QuestionTally) {
        self.asked += other.asked;
        self.hidden += other.hidden;
        self.answered += other.answered;
        self.not_applicable += other.not_applicable;
        for (mine, theirs) in self.counts.iter_mut().zip(other.counts) {
            *mine += theirs;
        }
        for (set, count) in other.sets {
            *self.sets.entry(set).or_default() += count;
        }
        self.sum += other.sum;
        self.floor += other.floor;
        self.ceiling += other.ceiling;
    }

    fn count(&mut self, question: &Question, asked: bool, answer: Option<Answer>) {
        if !asked {
            self.hidden += 1;
            return;
        }
        self.asked += 1;
        let Some(answer) = answer else {
            return;
        };
        let at = match (&question.kind, answer) {
            (_, Answer::NotApplicable) => {
                self.not_applicable += 1;
                return;
            }
            (_, Answer::Step(step)) => Some(usize::from(step).wrapping_sub(1)),
            (_, Answer::YesNo(yes)) => Some(if yes { 0 } else { 1 }),
            (_, Answer::Choice(index)) => Some(index.get()),
            (_, Answer::Choices(mask)) => {
                for (at, count) in self.counts.iter_mut().enumerate().take(64) {
                    if mask & (1 << at) != 0 {
                        *count += 1;
                    }
                }
                *self.sets.entry(mask).or_default() += 1;
                None
            }
            (QuestionKind::Number { bands, .. }, Answer::Number(number)) => {
                Some(bands.iter().rposition(|b| b.from <= number).unwrap_or(0))
            }
            (_, Answer::Number(_)) => None,
        };
        if let Some(count) = at.and_then(|at| self.counts.get_mut(at)) {
            *count += 1;
        }
        self.answered += 1;
        if let Some(v) = value(question, answer).filter(|v| v.is_finite()) {
            self.sum += v;
            if v <= self.lowest + NO_VARIANCE {
                self.floor += 1;
            }
            if v >= self.highest - NO_VARIANCE {
                self.ceiling += 1;
            }
        }
    }

    fn finish(&self) -> QuestionAnalysis {
        let top = if self.combined {
            let mut best: Option<(u64, usize)> = None;
            for (&mask, &count) in &self.sets {
                if best.is_none_or(|(_, most)| count > most) {
                    best = Some((mask, count));
                }
            }
            best.map(|(mask, count)| {
                let ids: Vec<&str> = self
                    .labels
                    .iter()
                    .enumerate()
                    .filter(|&(at, _)| at < 64 && mask & (1 << at) != 0)
                    .map(|(_, id)| id.as_str())
                    .collect();
                let shown = if ids.is_empty() {
                    "[]".to_owned()
                } else {
                    ids.join(" ")
                };
                (shown, count)
            })
        } else {
            let mut best: Option<(usize, usize)> = None;
            for (at, &count) in self.counts.iter().enumerate() {
                if count > 0 && best.is_none_or(|(_, most)| count > most) {
                    best = Some((at, count));
                }
            }
            best.and_then(|(at, count)| Some((self.labels.get(at)?.clone(), count)))
        };
        let scored = |figure: Statistic| {
            if self.scored {
                figure
            } else {
                Statistic::NotComputable(Uncomputable::NotScored)
            }
        };
        let mean = if self.answered == 0 {
            Statistic::NotComputable(Uncomputable::NoRespondents)
        } else {
            Statistic::finite(self.sum / self.answered as f64)
        };
        QuestionAnalysis {
            id: self.id.clone(),
            dimension: self.dimension.clone(),
            kind: self.kind.clone(),
            scored: self.scored,
            conditional: self.conditional,
            asked: self.asked,
            hidden: self.hidden,
            answered: self.answered,
            not_applicable: self.not_applicable,
            skipped: self.asked - self.answered - self.not_applicable,
            not_applicable_rate: Statistic::share(self.not_applicable, self.asked),
            skipped_rate: Statistic::share(
                self.asked - self.answered - self.not_applicable,
                self.asked,
            ),
            distribution: self
                .labels
                .iter()
                .zip(&self.counts)
                .map(|(answer, &count)| AnswerCount {
                    answer: answer.clone(),
                    count,
                })
                .collect(),
            combined: self.combined,
            top_share: Statistic::share(top.as_ref().map_or(0, |t| t.1), self.answered),
            top_answer: top.map(|t| t.0),
            mean: scored(mean),
            floor: scored(Statistic::share(self.floor, self.answered)),
            ceiling: scored(Statistic::share(self.ceiling, self.answered)),
            item_rest: scored(Statistic::NotComputable(Uncomputable::TooFewItems)),
        }
    }
}

/// Running means and co-moments of k series (Welford): after n rows,
/// `m[i·k + j]` = Σ (xᵢ − x̄ᵢ)(xⱼ − x̄ⱼ).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct CoMoments {
    n: usize,
    mean: Vec<f64>,
    m: Vec<f64>,
}

impl CoMoments {
    fn new(k: usize) -> CoMoments {
        CoMoments {
            n: 0,
            mean: vec![0.0; k],
            m: vec![0.0; k * k],
        }
    }

    fn add(&mut self, row: &[f64]) {
        let k = self.mean.len();
        if row.len() != k {
            return;
        }
        self.n += 1;
        let n = self.n as f64;
        let before: Vec<f64> = row.iter().zip(&self.mean).map(|(x, m)| x - m).collect();
        for (mean, delta) in self.mean.iter_mut().zip(&before) {
            *mean += delta / n;
        }
        for (i, delta) in before.iter().enumerate() {
            for (j, (x, mean)) in row.iter().zip(&self.mean).enumerate() {
                self.m[i * k + j] += delta * (x - mean);
            }
        }
    }

    /// Takes in the rows `other` saw (Chan, Golub and LeVeque's pairwise
    /// update): the co-moments of both sets of rows together.
    fn merge(&mut self, other: CoMoments) {
        let k = self.mean.len();
        if other.n == 0 || other.mean.len() != k {
            return;
        }
        if self.n == 0 {
            *self = other;
            return;
        }
        let (mine, theirs) = (self.n as f64, other.n as f64);
        let both = mine + theirs;
        let delta: Vec<f64> = other
            .mean
            .iter()
            .zip(&self.mean)
            .map(|(b, a)| b - a)
            .collect();
        for (i, di) in delta.iter().enumerate() {
            for (j, dj) in delta.iter().enumerate() {
                self.m[i * k + j] += other.m[i * k + j] + di * dj * mine * theirs / both;
            }
        }
        for (mean, d) in self.mean.iter_mut().zip(&delta) {
            *mean += d * theirs / both;
        }
        self.n += other.n;
    }

    fn covariance(&self) -> Covariance {
        let divisor = self.n.saturating_sub(1).max(1) as f64;
        Covariance {
            n: self.n,
            k: self.mean.len(),
            c: self.m.iter().map(|m| m / divisor).collect(),
        }
    }
}

/// The sample covariance matrix of a dimension's items over its complete
/// cases.
#[derive(Debug, Clone, PartialEq)]
pub struct Covariance {
    /// Complete cases.
    pub n: usize,
    /// Items.
    pub k: usize,
    /// Row-major k × k.
    pub c: Vec<f64>,
}

impl Covariance {
    /// The sample covariance matrix of `rows` (each with one value per item).
    pub fn of(rows: &[Vec<f64>]) -> Covariance {
        let mut moments = CoMoments::new(rows.first().map_or(0, Vec::len));
        for row in rows {
            moments.add(row);
        }
        moments.covariance()
    }

    fn at(&self, i: usize, j: usize) -> f64 {
        self.c.get(i * self.k + j).copied().unwrap_or(0.0)
    }
}

/// Cronbach's α of the items `items` (positions in the matrix):
/// k/(k − 1) · (1 − Σ σ²ᵢ / σ²_T).
pub fn alpha(covariance: &Covariance, items: &[usize]) -> Statistic {
    let k = items.len();
    if k < 2 {
        return Statistic::NotComputable(Uncomputable::TooFewItems);
    }
    if covariance.n < 2 {
        return Statistic::NotComputable(Uncomputable::TooFewRespondents);
    }
    let variances: f64 = items.iter().map(|&i| covariance.at(i, i)).sum();
    let total: f64 = items
        .iter()
        .flat_map(|&i| items.iter().map(move |&j| (i, j)))
        .map(|(i, j)| covariance.at(i, j))
        .sum();
    if total <= NO_VARIANCE {
        return Statistic::NotComputable(Uncomputable::NoVariance);
    }
    let k = k as f64;
    Statistic::finite((k / (k - 1.0) * (1.0 - variances / total)).min(1.0))
}

/// Pearson's r between item `item` and the sum of the other items.
pub fn item_rest(covariance: &Covariance, item: usize) -> Statistic {
    if covariance.k < 2 {
        return Statistic::NotComputable(Uncomputable::TooFewItems);
    }
    if covariance.n < 2 {
        return Statistic::NotComputable(Uncomputable::TooFewRespondents);
    }
    let others = (0..covariance.k).filter(|&j| j != item);
    let variance = covariance.at(item, item);
    let with_rest: f64 = others.clone().map(|j| covariance.at(item, j)).sum();
    let rest: f64 = others
        .clone()
        .flat_map(|i| others.clone().map(move |j| (i, j)))
        .map(|(i, j)| covariance.at(i, j))
        .sum();
    if variance <= NO_VARIANCE || rest <= NO_VARIANCE {
        return Statistic::NotComputable(Uncomputable::NoVariance);
    }
    Statistic::finite((with_rest / (variance * rest).sqrt()).clamp(-1.0, 1.0))
}

impl Analysis {
    /// The analysis as one CSV table for spreadsheets (byte-order mark
    /// first, through [`crate::exchange::table`]): a row per dimension, then a row
    /// per question of it. Figures have three decimals; one that cannot be
    /// computed reads `not computable: <reason>`.
    pub fn to_csv(&self) -> String {
        let mut out = CsvText::new();
        let mut header: Vec<String> = [
            "tier",
            "bank",
            "version",
            "row",
            "dimension",
            "question",
            "kind",
            "conditional",
            "respondents",
            "asked",
            "answered",
            "not_applicable",
            "skipped",
            "not_applicable_rate",
            "skipped_rate",
            "mean",
            "floor",
            "ceiling",
            "top_answer",
            "top_share",
            "distribution",
            "item_rest",
            "complete",
            "alpha",
            "alpha_if_dropped",
        ]
        .map(str::to_owned)
        .to_vec();
        header.extend((1..=5).map(|level| format!("level_{level}")));
        header.push("no_level".to_owned());
        header.push("flags".to_owned());
        out.row(header);
        for group in &self.groups {
            let lead = [
                group.tier.as_str().to_owned(),
                group.bank.clone().unwrap_or_default(),
                group.version.clone().unwrap_or_default(),
            ];
            for dimension in &group.dimensions {
                let flags = flag_cell(&group.flags, &dimension.id, None);
                let mut cells = lead.to_vec();
                cells.extend([
                    "dimension".to_owned(),
                    dimension.id.clone(),
                    String::new(),
                    String::new(),
                    String::new(),
                    group.respondents.to_string(),
                ]);
                cells.extend(std::iter::repeat_n(String::new(), 13));
                cells.extend([
                    dimension.complete.to_string(),
                    figure(dimension.alpha),
                    String::new(),
                ]);
                cells.extend(dimension.levels.iter().map(usize::to_string));
                cells.push(dimension.no_level.to_string());
                cells.push(flags);
                out.row(cells);
                for question in group
                    .questions
                    .iter()
                    .filter(|q| q.dimension == dimension.id)
                {
                    let dropped = dimension
                        .alpha_if_dropped
                        .iter()
                        .find(|a| a.question == question.id)
                        .map(|a| figure(a.alpha))
                        .unwrap_or_default();
                    let distribution: Vec<String> = question
                        .distribution
                        .iter()
                        .map(|a| format!("{}:{}", a.answer, a.count))
                        .collect();
                    let mut cells = lead.to_vec();
                    cells.extend([
                        "question".to_owned(),
                        question.dimension.clone(),
                        question.id.clone(),
                        question.kind.clone(),
                        if question.conditional { "yes" } else { "" }.to_owned(),
                        group.respondents.to_string(),
                        question.asked.to_string(),
                        question.answered.to_string(),
                        question.not_applicable.to_string(),
                        question.skipped.to_string(),
                        figure(question.not_applicable_rate),
                        figure(question.skipped_rate),
                        figure(question.mean),
                        figure(question.floor),
                        figure(question.ceiling),
                        question.top_answer.clone().unwrap_or_default(),
                        figure(question.top_share),
                        distribution.join(" "),
                        figure(question.item_rest),
                        String::new(),
                        String::new(),
                        dropped,
                    ]);
                    cells.extend(std::iter::repeat_n(String::new(), 6));
                    cells.push(flag_cell(&group.flags, &dimension.id, Some(&question.id)));
                    out.row(cells);
                }
            }
        }
        out.into_string()
    }
}

/// A figure in a CSV cell.
fn figure(statistic: Statistic) -> String {
    match statistic {
        Statistic::Value(value) => format!("{value:.3}"),
        Statistic::NotComputable(why) => format!("not computable: {}", why.describe().en),
    }
}

/// The flags of a dimension (`question` None) or of one question.
fn flag_cell(flags: &[Flag], dimension: &str, question: Option<&str>) -> String {
    flags
        .iter()
        .filter(|f| f.dimension == dimension && f.question.as_deref() == question)
        .map(|f| f.kind.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
