//! The result sheet as plain data: everything the sheet decides from a
//! bank, its scores and the peer reference data — each area's level, its
//! meaning and where it stands among peers, the peers' band on the radar,
//! strengths and the weakest areas, the gate findings and the next steps
//! with the programs they route to — built by [`SheetView::new`], so that a
//! front end only lays it out and picks the language. It borrows the
//! bank's texts rather than copying them: it is built for one drawing.

use crate::analysis::reference::{Distribution, IndustryGroup, Reference};
use crate::{
    Bank, Catalogue, DimensionIndex, LevelScore, Profile, Program, ProgramIndex,
    RecommendationIndex, Scores, Text, Tier,
};

/// How many of the weakest areas the sheet names: the few to work on
/// first, not a ranking of everything.
pub const WEAKEST_SHOWN: usize = 3;

/// What the result sheet shows for one diagnosis.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetView<'a> {
    /// The bank answered (its id, version, tier and title head the sheet).
    pub bank: &'a Bank,
    /// The company as it described itself, if it did.
    pub profile: Option<&'a Profile>,
    /// Overall score and level.
    pub overall: LevelScore,
    /// Answered ÷ visible questions, 0–1.
    pub completeness: f64,
    /// One per catalogue dimension, in radar order.
    pub areas: Vec<Area<'a>>,
    /// The scores at which levels 2, 3, 4 and 5 begin (the radar's rings).
    pub level_thresholds: [f64; 4],
    /// Whom the company is compared with, if anyone.
    pub peers: Peers<'a>,
    /// Areas at level 4 or 5, strongest first.
    pub strengths: Vec<RankedArea<'a>>,
    /// Up to [`WEAKEST_SHOWN`] scored areas, weakest first.
    pub weakest: Vec<RankedArea<'a>>,
    /// The legal and basic checks; `None` when the bank has none or the
    /// edition is superseded (its law is no longer current).
    pub gates: Option<GateSection<'a>>,
    /// The next steps; `None` for a superseded edition, whose programs were
    /// revised since.
    pub next_steps: Option<NextSteps<'a>>,
    /// The day whose law the gates state, for a current edition.
    pub as_of: Option<Text>,
    /// The catalogue's licence or sources, printed with the sheet.
    pub attribution: Option<&'a Text>,
    /// Why a result of a superseded edition shows no gates or programs.
    pub superseded: Option<Text>,
}

/// One dimension's row.
#[derive(Debug, Clone, PartialEq)]
pub struct Area<'a> {
    /// Where it is in the catalogue (the questionnaire page that asks it).
    pub dimension: DimensionIndex,
    /// Dimension id.
    pub id: &'a str,
    /// Full name.
    pub name: &'a Text,
    /// The radar's short label.
    pub short: &'a Text,
    /// 0–100, one decimal; `None` when nothing was answered.
    pub score: Option<f64>,
    /// 1–5; `None` without a score.
    pub level: Option<u8>,
    /// What the level reached looks like (the catalogue's descriptor).
    pub meaning: Option<&'a Text>,
    /// The peers' middle half (25th and 75th percentile scores), when
    /// peers are compared and have figures for this area.
    pub peer_band: Option<(f64, f64)>,
    /// Where the company's score stands among those peers.
    pub standing: Option<Standing>,
}

/// A score placed among peers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Standing {
    /// 偏差値; `None` when every peer scored the same.
    pub deviation: Option<f64>,
    /// Share of peers scoring below, 0–100.
    pub percentile: f64,
}

/// Whom the sheet compares the company with.
#[derive(Debug, Clone, PartialEq)]
pub enum Peers<'a> {
    /// A published group of the company's tier and industry.
    Compared(PeerGroupSummary<'a>),
    /// Reference data the sheet may show has no group for this company
    /// (none of its tier and industry, one too small, or figures for
    /// another catalogue): the sheet says so rather than staying silent.
    NoGroup,
    /// Nothing is said: no reference data, or sample data outside a
    /// demonstration.
    NotShown,
}

/// The group compared with, as the sheet describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct PeerGroupSummary<'a> {
    /// Tier of the group.
    pub tier: Tier,
    /// Industry group.
    pub industry: IndustryGroup,
    /// Results in the group.
    pub n: usize,
    /// Edition of the reference data.
    pub edition: &'a str,
    /// The day it was built, `YYYY-MM-DD`.
    pub date: &'a str,
    /// Whether the figures are synthetic (the sheet then says "sample data").
    pub synthetic: bool,
}

/// An area named in the strengths or the weakest areas.
#[derive(Debug, Clone, PartialEq)]
pub struct RankedArea<'a> {
    /// Dimension id.
    pub id: &'a str,
    /// Full name.
    pub name: &'a Text,
    /// Its level.
    pub level: Option<u8>,
}

/// The gates as the sheet lists them.
#[derive(Debug, Clone, PartialEq)]
pub struct GateSection<'a> {
    /// Applicable gates answered "no".
    pub findings: Vec<Finding<'a>>,
    /// The questions of duties that do not bind this company.
    pub not_applicable: Vec<&'a Text>,
}

/// A gate answered "no", with what the company needs to act on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding<'a> {
    /// Gate id.
    pub id: &'a str,
    /// The yes/no question.
    pub text: &'a Text,
    /// Why it matters.
    pub explanation: &'a Text,
    /// A figure for this company (its prefecture's minimum wage), if the
    /// gate shows one.
    pub figure: Option<Text>,
    /// The law and the day it took effect.
    pub basis: Text,
    /// Where to get help.
    pub help: &'a Text,
}

/// The recommendations that apply, split where the sheet folds them.
#[derive(Debug, Clone, PartialEq)]
pub struct NextSteps<'a> {
    /// The first few, most urgent first.
    pub shown: Vec<Step<'a>>,
    /// The rest, under 「ほかの支援策」.
    pub more: Vec<Step<'a>>,
}

/// A next step and the programs that help with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Step<'a> {
    /// Recommendation id.
    pub id: &'a str,
    /// 1 (most urgent) to 5.
    pub priority: u8,
    /// The prompt and next step.
    pub text: &'a Text,
    /// Its programs, closed ones routed to their fallbacks.
    pub programs: Vec<StepProgram<'a>>,
}

/// A program as a next step shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct StepProgram<'a> {
    /// Program id.
    pub id: &'a str,
    /// Name.
    pub name: &'a Text,
    /// Its fiscal year, if it has one.
    pub term: Option<Text>,
    /// Who runs it.
    pub provider: &'a Text,
    /// What it offers.
    pub offer: &'a Text,
    /// Its address, only when it is `https://`: the sheet never links a
    /// company to a page an intermediary can alter.
    pub link: Option<&'a str>,
}

impl<'a> SheetView<'a> {
    /// The sheet of `scores` (of answers to `bank` by a company with
    /// `profile`), compared with peers from `reference` where the reference
    /// may be shown: for the bank's catalogue, a large enough group, and
    /// sample data only when `demo` asks for it.
    pub fn new(
        bank: &'a Bank,
        scores: &Scores,
        profile: Option<&'a Profile>,
        reference: Option<&'a Reference>,
        demo: bool,
    ) -> SheetView<'a> {
        let catalogue = &bank.catalogue;
        let current_edition = bank.superseded_by.is_none();
        let group = reference.zip(profile).and_then(|(reference, profile)| {
            reference.shown_group(catalogue, bank.tier, profile.industry, demo)
        });
        let peers = match (reference, group) {
            (Some(reference), Some(group)) => Peers::Compared(PeerGroupSummary {
                tier: group.tier,
                industry: group.industry,
                n: group.n,
                edition: &reference.edition,
                date: &reference.date,
                synthetic: reference.synthetic,
            }),
            (Some(reference), None) if !reference.synthetic || demo => Peers::NoGroup,
            _ => Peers::NotShown,
        };
        let areas = catalogue
            .dimensions
            .iter()
            .zip(&scores.dimensions)
            .enumerate()
            .map(|(index, (dimension, outcome))| {
                let peer = group.and_then(|group| group.dimensions.get(&dimension.id));
                Area {
                    dimension: DimensionIndex::new(index),
                    id: &dimension.id,
                    name: &dimension.name,
                    short: &dimension.short,
                    score: outcome.score,
                    level: outcome.level,
                    meaning: outcome.level.and_then(|level| {
                        let at = usize::from(level).saturating_sub(1);
                        dimension.levels.get(at)
                    }),
                    peer_band: peer.map(|peer| (peer.quantiles[2], peer.quantiles[4])),
                    standing: peer
                        .zip(outcome.score)
                        .map(|(peer, score)| standing(peer, score)),
                }
            })
            .collect();
        let ranked = |indices: Vec<DimensionIndex>| {
            indices
                .into_iter()
                .filter_map(|index| {
                    let dimension = catalogue.dimensions.get(index.get())?;
                    Some(RankedArea {
                        id: &dimension.id,
                        name: &dimension.name,
                        level: scores.dimensions.get(index.get())?.level,
                    })
                })
                .collect()
        };
        SheetView {
            bank,
            profile,
            overall: LevelScore {
                score: scores.overall,
                level: scores.overall_level,
            },
            completeness: scores.completeness,
            areas,
            level_thresholds: catalogue.level_thresholds,
            peers,
            strengths: ranked(scores.strengths()),
            weakest: ranked(scores.weakest(WEAKEST_SHOWN)),
            gates: (current_edition && !bank.gates.is_empty())
                .then(|| gate_section(bank, scores, profile)),
            next_steps: current_edition.then(|| NextSteps {
                shown: steps(bank, scores.next_steps()),
                more: steps(bank, scores.more_steps()),
            }),
            as_of: bank.as_of_note().filter(|_| current_edition),
            attribution: catalogue.attribution.as_ref(),
            superseded: bank.superseded_note(),
        }
    }

    /// Whether the company is placed among peers: the sheet then has their
    /// band on the radar and a column of standings.
    pub fn compares_peers(&self) -> bool {
        matches!(self.peers, Peers::Compared(_))
    }

    /// The peers' band for the radar, one (25th, 75th percentile) pair per
    /// area, when peers are compared; an area the peers have no figures
    /// for is drawn collapsed at the centre.
    pub fn peer_band(&self) -> Option<Vec<(f64, f64)>> {
        self.compares_peers().then(|| {
            self.areas
                .iter()
                .map(|area| area.peer_band.unwrap_or((0.0, 0.0)))
                .collect()
        })
    }
}

/// Where `score` stands in `peers`.
fn standing(peers: &Distribution, score: f64) -> Standing {
    Standing {
        deviation: peers.deviation_score(score),
        percentile: peers.percentile_rank(score),
    }
}

/// Findings, and the duties that do not bind the company, in bank order.
fn gate_section<'a>(bank: &'a Bank, scores: &Scores, profile: Option<&Profile>) -> GateSection<'a> {
    let findings = scores
        .gate_findings
        .iter()
        .filter_map(|&index| bank.gates.get(index.get()))
        .map(|gate| Finding {
            id: &gate.id,
            text: &gate.text,
            explanation: &gate.explanation,
            figure: gate.figure(&bank.catalogue, profile),
            basis: gate.law.cite(),
            help: &gate.help,
        })
        .collect();
    let not_applicable = bank
        .gates
        .iter()
        .zip(&scores.gates_applicable)
        .filter(|(_, applies)| !**applies)
        .map(|(gate, _)| &gate.text)
        .collect();
    GateSection {
        findings,
        not_applicable,
    }
}

/// The recommendations at `indices` with their routed programs.
fn steps<'a>(bank: &'a Bank, indices: &[RecommendationIndex]) -> Vec<Step<'a>> {
    indices
        .iter()
        .filter_map(|&index| bank.recommendations.get(index.get()))
        .map(|recommendation| Step {
            id: &recommendation.id,
            priority: recommendation.priority,
            text: &recommendation.text,
            programs: programs(&bank.catalogue, &recommendation.programs),
        })
        .collect()
}

/// The programs to show for `listed`: closed ones routed, each once.
fn programs<'a>(catalogue: &'a Catalogue, listed: &[ProgramIndex]) -> Vec<StepProgram<'a>> {
    catalogue
        .routed(listed)
        .into_iter()
        .filter_map(|index| catalogue.programs.get(index.get()))
        .map(step_program)
        .collect()
}

fn step_program(program: &Program) -> StepProgram<'_> {
    StepProgram {
        id: &program.id,
        name: &program.name,
        term: program.term(),
        provider: &program.provider,
        offer: &program.offer,
        link: program
            .url
            .as_deref()
            .filter(|url| url.starts_with("https://")),
    }
}

#[cfg(test)]
mod tests;
