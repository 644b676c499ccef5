//! Raw → domain: checks every rule of the format and collects every problem.
//!
//! Each check pushes a [`Diagnostic`] and carries on, so an author sees all
//! problems at once. A part that cannot be built is `Err(Reported)`: the
//! proof that its error was pushed ([`reported`]), so nothing is left out of
//! a bank without a word. Later checks that depend on a failed part pass the
//! proof on rather than report echoes of the same error.
//!
//! Seams: primitives (ids, texts, weights), question kinds, conditions, and
//! the `show_if` graph ([`show_if`]).

mod reported;
mod show_if;

use std::collections::BTreeMap;

use crate::format::diag::{Code, Diagnostic};
use crate::format::raw::{
    ProfileField, QuestionKindName, RawBank, RawCatalogue, RawCondition, RawGateFigure,
    RawMinimumWages, RawOption, RawProgramStatus, RawQuestion, RawText, RawTimeTargets, Spanned,
};
use crate::format::source::{SourceFile, Span};
use crate::format::suggest::suggest;
use crate::model::bank::{
    AnswerTest, Band, Bank, Catalogue, Choice, Condition, Dimension, Gate, GateFigure, Indicator,
    Item, LegalBasis, MAX_OPTIONS, MinimumWage, MinimumWages, ProfileTest, Program, ProgramStatus,
    Question, QuestionIndex, QuestionKind, Recommendation, TimeTargets,
};
use crate::model::profile::Prefecture;
use crate::model::text::Text;
use crate::model::tier::Industry;
use reported::{Reported, Reports};
use show_if::ShowIfGraph;

/// Default score thresholds of levels 2–5: a ladder answered at step N scores
/// (N−1)/4 × 100 and so lands exactly on level N.
pub const DEFAULT_LEVEL_THRESHOLDS: [f64; 4] = [20.0, 40.0, 60.0, 80.0];

/// What a ladder's steps are called in messages.
const LADDER_STEPS: &str = "ladder steps";

/// Checks a raw catalogue.
pub(crate) fn catalogue(
    file: &SourceFile,
    raw: RawCatalogue,
) -> (Vec<Diagnostic>, Option<Catalogue>) {
    let mut v = Validator::new(file);
    let id = v.id(&raw.id, "id", &mut BTreeMap::new(), "catalogue");
    let title = v.text(&raw.title, "title");
    let level_thresholds = v.thresholds(raw.level_thresholds.as_ref());

    let mut seen = BTreeMap::new();
    let mut dimensions = Vec::new();
    for (index, dimension) in raw.dimensions.iter().enumerate() {
        let path = format!("dimensions[{index}]");
        let id = v.id(&dimension.id, &format!("{path}.id"), &mut seen, "dimension");
        let name = v.text(&dimension.name, &format!("{path}.name"));
        let short = match &dimension.short {
            Some(short) => v.text(short, &format!("{path}.short")),
            None => name.clone(),
        };
        let description = v.text(&dimension.description, &format!("{path}.description"));
        let weight = v.weight(dimension.weight.as_ref(), &format!("{path}.weight"), false);
        let levels = v.five_texts(
            &dimension.levels,
            &format!("{path}.levels"),
            "level descriptors",
        );
        dimensions.push(id.and_then(|id| {
            Ok(Dimension {
                id,
                name,
                short,
                description,
                weight,
                levels: levels?,
            })
        }));
    }
    if raw.dimensions.is_empty() {
        v.push(
            Diagnostic::error(Code::MissingField, "the catalogue defines no dimension")
                .at(raw.kind.span)
                .path("dimensions")
                .hint("add `dimensions:` with at least one dimension"),
        );
    }

    // Programs and indicators keep their places even when one is wrong
    // (fallbacks refer to programs by position); `problems` holds the proof
    // that the catalogue must then be refused.
    let mut problems: Result<(), Reported> = Ok(());
    let mut seen = BTreeMap::new();
    let mut programs = Vec::new();
    for (index, program) in raw.programs.iter().enumerate() {
        let path = format!("programs[{index}]");
        if let Err(reported) = v.id(&program.id, &format!("{path}.id"), &mut seen, "program") {
            problems = Err(reported);
        }
        let url = program.url.as_ref().and_then(|url| {
            if url.value.starts_with("https://") || url.value.starts_with("http://") {
                return Some(url.value.clone());
            }
            problems = Err(v.push(
                Diagnostic::error(
                    Code::InvalidValue,
                    format!("program link `{}` is not a web address", url.value),
                )
                .at(url.span)
                .path(format!("{path}.url"))
                .hint("links must start with `https://`"),
            ));
            None
        });
        if let Some(year) = &program.fiscal_year
            && !(2000..=2100).contains(&year.value)
        {
            v.push(
                Diagnostic::error(
                    Code::InvalidValue,
                    format!("fiscal year {} is not a year", year.value),
                )
                .at(year.span)
                .path(format!("{path}.fiscal_year"))
                .hint("write the western year the fiscal year starts in: 2026 for 令和8年度"),
            );
        }
        programs.push(Program {
            id: program.id.value.clone(),
            name: v.text(&program.name, &format!("{path}.name")),
            provider: v.text(&program.provider, &format!("{path}.provider")),
            offer: v.text(&program.offer, &format!("{path}.offer")),
            url,
            fiscal_year: program.fiscal_year.as_ref().map(|year| year.value),
            status: match program.status.as_ref().map(|status| status.value) {
                Some(RawProgramStatus::Planned) => ProgramStatus::Planned,
                Some(RawProgramStatus::Open) | None => ProgramStatus::Open,
                Some(RawProgramStatus::Closed) => ProgramStatus::Closed,
            },
            fallback: None,
        });
    }
    // Fallbacks once every id is known, so a program may fall back to a later one.
    let mut reported = vec![false; programs.len()];
    for (index, program) in raw.programs.iter().enumerate() {
        let Some(fallback) = &program.fallback else {
            continue;
        };
        let path = format!("programs[{index}].fallback");
        programs[index].fallback = programs.iter().position(|p| p.id == fallback.value);
        if programs[index].fallback.is_none() {
            let known: Vec<&str> = programs.iter().map(|p| p.id.as_str()).collect();
            v.push(
                Diagnostic::error(
                    Code::UnknownProgram,
                    format!(
                        "fallback program `{}` is not in the catalogue",
                        fallback.value
                    ),
                )
                .at(fallback.span)
                .path(path)
                .hint(suggest(&fallback.value, &known, "programs")),
            );
            reported[index] = true;
        } else if programs[index].fallback == Some(index) {
            reported[index] = true;
            v.push(
                Diagnostic::error(
                    Code::InvalidValue,
                    format!("program `{}` falls back to itself", fallback.value),
                )
                .at(fallback.span)
                .path(path)
                .hint("name a program that stays open, such as the consultation desk"),
            );
            programs[index].fallback = None;
        }
    }
    for (index, program) in raw.programs.iter().enumerate() {
        if programs[index].status == ProgramStatus::Closed && !reported[index] {
            let mut at = index;
            let mut steps = 0;
            while programs[at].status == ProgramStatus::Closed && steps <= programs.len() {
                match programs[at].fallback {
                    Some(next) => at = next,
                    None => break,
                }
                steps += 1;
            }
            if programs[at].status == ProgramStatus::Closed {
                let span = program
                    .fallback
                    .as_ref()
                    .map_or(program.id.span, |f| f.span);
                v.push(
                    Diagnostic::error(
                        Code::InvalidValue,
                        format!("program `{}` is closed and leads to no open program", program.id.value),
                    )
                    .at(span)
                    .path(format!("programs[{index}].fallback"))
                    .hint("give a closed program a `fallback:` that is planned or open; a closed program is never recommended"),
                );
            }
        }
    }

    let mut seen = BTreeMap::new();
    let mut indicators = Vec::new();
    for (index, indicator) in raw.indicators.iter().enumerate() {
        let path = format!("indicators[{index}]");
        if let Err(reported) = v.id(&indicator.id, &format!("{path}.id"), &mut seen, "indicator") {
            problems = Err(reported);
        }
        indicators.push(Indicator {
            id: indicator.id.value.clone(),
            name: v.text(&indicator.name, &format!("{path}.name")),
            tiers: indicator.tiers.iter().map(|tier| tier.value).collect(),
        });
    }

    let minimum_wages = raw
        .minimum_wages
        .as_ref()
        .map(|table| v.minimum_wages(table));
    let time_targets = match raw
        .time_targets
        .as_ref()
        .map(|targets| v.time_targets(targets))
    {
        Some(Err(reported)) => {
            problems = Err(reported);
            None
        }
        Some(Ok(targets)) => Some(targets),
        None => None,
    };
    let attribution = raw
        .attribution
        .as_ref()
        .map(|text| v.text(text, "attribution"));
    let catalogue = (|| {
        problems?;
        Ok(Catalogue {
            id: id?,
            version: raw.version.value,
            title,
            level_thresholds: level_thresholds?,
            dimensions: dimensions.into_iter().collect::<Result<_, _>>()?,
            programs,
            indicators,
            minimum_wages,
            time_targets,
            attribution,
        })
    })();
    v.finish(catalogue)
}

/// Checks a raw bank against its catalogue.
pub(crate) fn bank(
    file: &SourceFile,
    raw: RawBank,
    catalogue: &Catalogue,
) -> (Vec<Diagnostic>, Option<Bank>) {
    let mut v = Validator::new(file);
    let id = v.id(&raw.id, "id", &mut BTreeMap::new(), "bank");
    if raw.catalogue.value != catalogue.id {
        let (proof, index) = v.reports.error_kept(
            Diagnostic::error(
                Code::CatalogueMismatch,
                format!(
                    "the bank is written for catalogue `{}` but is loaded with `{}`",
                    raw.catalogue.value, catalogue.id
                ),
            )
            .at(raw.catalogue.span)
            .path("catalogue")
            .hint(format!(
                "set `catalogue: {}` or load the catalogue it was written for",
                catalogue.id
            )),
        );
        v.mismatch = Some(Mismatch {
            proof,
            index,
            unchecked: 0,
        });
    }
    let title = v.text(&raw.title, "title");
    let intro = raw.intro.as_ref().map(|intro| v.text(intro, "intro"));
    let superseded = raw.superseded_by.is_some();
    let as_of = match &raw.as_of {
        Some(date) => v.date(date, "as_of").map(Some),
        None if !raw.gates.is_empty() && !superseded => Err(v.push(
            Diagnostic::error(
                Code::MissingField,
                "the bank has gates but no `as_of:` date",
            )
            .at(raw.kind.span)
            .path("as_of")
            .hint("add `as_of: 2026-12-01`, the day whose law the gates state; the sheet shows it"),
        )),
        None => Ok(None),
    };

    // Ids first, so that conditions can refer to any question by id.
    let mut seen = BTreeMap::new();
    let mut items = BTreeMap::new();
    let ids =
        raw.questions
            .iter()
            .enumerate()
            .map(|(index, question)| {
                (
                    &question.id,
                    format!("questions[{index}].id"),
                    Item::Question(index),
                )
            })
            .chain(
                raw.gates.iter().enumerate().map(|(index, gate)| {
                    (&gate.id, format!("gates[{index}].id"), Item::Gate(index))
                }),
            );
    for (id, path, item) in ids {
        match v.id(id, &path, &mut seen, "question") {
            Ok(name) => {
                items.entry(name).or_insert(item);
            }
            // A well-formed id already seen: a duplicate, kept so that a
            // condition naming the id it was meant to have can say so.
            Err(proof) if seen.contains_key(&id.value) => {
                let index = v.reports.last_index();
                v.duplicated
                    .entry(id.value.clone())
                    .or_insert((index, proof));
            }
            Err(_) => {}
        }
    }

    let show_if = ShowIfGraph::new(&raw.questions, &items);
    let mut questions: Vec<Result<Question, Reported>> = Vec::with_capacity(raw.questions.len());
    for (index, question) in raw.questions.iter().enumerate() {
        let built = v.question(index, question, catalogue, &items, &questions, &show_if);
        questions.push(built);
    }

    for dimension in &catalogue.dimensions {
        let asked = raw
            .questions
            .iter()
            .any(|question| question.dimension.value == dimension.id);
        if !asked {
            v.push_catalogue_ref(
                Diagnostic::error(
                    Code::DimensionWithoutQuestions,
                    format!(
                        "dimension `{}` ({}) has no question in this bank",
                        dimension.id, dimension.name.ja
                    ),
                )
                .at(raw.tier.span)
                .path("questions")
                .hint("every tier scores every dimension so that results compare; add a question with this `dimension:`"),
            );
        }
    }

    let mut gates = Vec::new();
    for (index, gate) in raw.gates.iter().enumerate() {
        let path = format!("gates[{index}]");
        let law = v.required_law(
            !superseded,
            gate.basis.as_ref(),
            gate.effective.as_ref(),
            &gate.id,
            &path,
        );
        let applies_if = gate
            .applies_if
            .as_ref()
            .map(|condition| {
                let context = Context::Gate {
                    items: &items,
                    questions: &questions,
                };
                v.condition(condition, &format!("{path}.applies_if"), &context)
            })
            .transpose();
        let shows = gate.shows.as_ref().map(|figure| match figure.value {
            RawGateFigure::MinimumWage => {
                if catalogue.minimum_wages.is_none() {
                    v.push_catalogue_ref(
                        Diagnostic::error(
                            Code::MissingField,
                            "the gate shows the minimum wage, but the catalogue has no `minimum_wages:` table",
                        )
                        .at(figure.span)
                        .path(format!("{path}.shows"))
                        .hint("add `minimum_wages:` with one dated rate per prefecture to the catalogue"),
                    );
                }
                GateFigure::MinimumWage
            }
        });
        let text = v.text(&gate.text, &format!("{path}.text"));
        let explanation = v.text(&gate.explanation, &format!("{path}.explanation"));
        let help = v.text(&gate.help, &format!("{path}.help"));
        let programs = v.programs(
            &gate.programs,
            &catalogue.programs,
            &format!("{path}.programs"),
        );
        gates.push((|| {
            Ok(Gate {
                id: gate.id.value.clone(),
                text,
                explanation,
                help,
                law: law?,
                applies_if: applies_if?,
                shows,
                programs: programs?,
            })
        })());
    }

    let mut seen = BTreeMap::new();
    let mut recommendations = Vec::new();
    for (index, rule) in raw.recommendations.iter().enumerate() {
        let path = format!("recommendations[{index}]");
        let id = v.id(&rule.id, &format!("{path}.id"), &mut seen, "recommendation");
        let context = Context::Recommendation {
            catalogue,
            items: &items,
            questions: &questions,
        };
        let when = v.condition(&rule.when, &format!("{path}.when"), &context);
        let priority = match &rule.priority {
            Some(priority) if !(1..=5).contains(&priority.value) => {
                v.push(
                    Diagnostic::error(
                        Code::InvalidValue,
                        format!("priority {} is outside 1–5", priority.value),
                    )
                    .at(priority.span)
                    .path(format!("{path}.priority"))
                    .hint("1 is the most urgent, 5 the least; leave it out for 3"),
                );
                3
            }
            Some(priority) => priority.value,
            None => 3,
        };
        let text = v.text(&rule.text, &format!("{path}.text"));
        let programs = v.programs(
            &rule.programs,
            &catalogue.programs,
            &format!("{path}.programs"),
        );
        recommendations.push((|| {
            let when = when?;
            let mut dimensions = Vec::new();
            collect_dimensions(&when, &mut dimensions);
            Ok(Recommendation {
                id: id?,
                when,
                priority,
                text,
                programs: programs?,
                dimensions,
            })
        })());
    }

    v.explain_mismatch();
    let bank = (|| {
        Ok(Bank {
            id: id?,
            version: raw.version.value,
            tier: raw.tier.value,
            title,
            intro,
            as_of: as_of?,
            superseded_by: raw.superseded_by.map(|edition| edition.value),
            catalogue: catalogue.clone(),
            questions: questions.into_iter().collect::<Result<_, _>>()?,
            gates: gates.into_iter().collect::<Result<_, _>>()?,
            recommendations: recommendations.into_iter().collect::<Result<_, _>>()?,
            items,
        })
    })();
    v.finish(bank)
}

fn collect_dimensions(condition: &Condition, into: &mut Vec<usize>) {
    match condition {
        Condition::Level { dimension, .. } => {
            if !into.contains(dimension) {
                into.push(*dimension);
            }
        }
        Condition::All(all) | Condition::Any(all) => {
            for condition in all {
                collect_dimensions(condition, into);
            }
        }
        Condition::Not(inner) => collect_dimensions(inner, into),
        Condition::Answer { .. } | Condition::Profile(_) => {}
    }
}

/// What a condition may refer to.
enum Context<'a> {
    /// `show_if` of question `at`: earlier answers only.
    ShowIf {
        at: QuestionIndex,
        id: &'a str,
        items: &'a BTreeMap<String, Item>,
        questions: &'a [Result<Question, Reported>],
        graph: &'a ShowIfGraph,
    },
    /// A recommendation: any answer and any dimension level.
    Recommendation {
        catalogue: &'a Catalogue,
        items: &'a BTreeMap<String, Item>,
        questions: &'a [Result<Question, Reported>],
    },
    /// A gate's `applies_if`: the profile and any answer, no level.
    Gate {
        items: &'a BTreeMap<String, Item>,
        questions: &'a [Result<Question, Reported>],
    },
}

struct Validator<'a> {
    file: &'a SourceFile,
    reports: Reports,
    /// The bank names another catalogue than the one it is checked against.
    mismatch: Option<Mismatch>,
    /// Question and gate ids given twice: where the (first) `duplicate-id`
    /// error is kept, and its proof.
    duplicated: BTreeMap<String, (usize, Reported)>,
}

/// A bank loaded with a catalogue it was not written for: its references to
/// dimensions, indicators and programs cannot be checked, and reporting each
/// one (hundreds in a real bank) would bury the one cause.
struct Mismatch {
    /// The `catalogue-mismatch` error, which stands for every reference.
    proof: Reported,
    /// Where that error is kept, to say how much it hides.
    index: usize,
    /// How many problems with catalogue references were held back.
    unchecked: usize,
}

impl<'a> Validator<'a> {
    fn new(file: &'a SourceFile) -> Validator<'a> {
        Validator {
            file,
            reports: Reports::default(),
            mismatch: None,
            duplicated: BTreeMap::new(),
        }
    }

    /// Records an error; the proof lets the caller leave its part out.
    fn push(&mut self, diagnostic: Diagnostic) -> Reported {
        self.reports.error(diagnostic)
    }

    /// Records an error about a reference into the catalogue, unless the
    /// bank names another catalogue: then the mismatch is the cause, and its
    /// error stands for this one.
    fn push_catalogue_ref(&mut self, diagnostic: Diagnostic) -> Reported {
        match &mut self.mismatch {
            Some(mismatch) => {
                mismatch.unchecked += 1;
                mismatch.proof
            }
            None => self.reports.error(diagnostic),
        }
    }

    /// Says on the mismatch error how many problems it held back.
    fn explain_mismatch(&mut self) {
        let Some(mismatch) = &self.mismatch else {
            return;
        };
        let unchecked = mismatch.unchecked;
        if unchecked > 0 {
            self.reports.amend(mismatch.index, |diagnostic| {
                diagnostic.notes.push(if unchecked == 1 {
                    "1 more problem with a dimension, indicator or program follows from this and is not shown".to_owned()
                } else {
                    format!("{unchecked} more problems with dimensions, indicators or programs follow from this and are not shown")
                });
            });
        }
    }

    fn finish<T>(self, value: Result<T, Reported>) -> (Vec<Diagnostic>, Option<T>) {
        self.reports.finish(value)
    }

    fn at(&self, span: Span) -> String {
        self.file.line_col(span.start).to_string()
    }

    /// Checks an id's spelling and uniqueness among `seen`.
    fn id(
        &mut self,
        id: &Spanned<String>,
        path: &str,
        seen: &mut BTreeMap<String, Span>,
        what: &str,
    ) -> Result<String, Reported> {
        let name = &id.value;
        let well_formed = name
            .chars()
            .next()
            .is_some_and(|first| first.is_ascii_lowercase() || first.is_ascii_digit())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
        if !well_formed {
            return Err(self.push(
                Diagnostic::error(Code::InvalidId, format!("{what} id `{name}` is not a valid id"))
                    .at(id.span)
                    .path(path)
                    .hint("ids use lowercase letters a–z, digits, `_` and `-`, and start with a letter or digit"),
            ));
        }
        if name == "na" {
            return Err(self.push(
                Diagnostic::error(Code::InvalidId, format!("{what} id `na` is reserved"))
                    .at(id.span)
                    .path(path)
                    .hint("`na` is the answer \"not applicable\"; choose another id"),
            ));
        }
        if let Some(&first) = seen.get(name) {
            let first_at = self.at(first);
            return Err(self.push(
                Diagnostic::error(
                    Code::DuplicateId,
                    format!("{what} id `{name}` is used twice"),
                )
                .at(id.span)
                .path(path)
                .hint(format!(
                    "first defined at {first_at}; give each {what} its own id"
                )),
            ));
        }
        seen.insert(name.clone(), id.span);
        Ok(name.clone())
    }

    fn text(&mut self, text: &Spanned<RawText>, path: &str) -> Text {
        let RawText { ja, en } = &text.value;
        let ja = ja.as_deref().map(str::trim).filter(|ja| !ja.is_empty());
        let en = en.as_deref().map(str::trim).filter(|en| !en.is_empty());
        if let Some(ja) = ja
            && !is_japanese(ja)
        {
            self.reports.warning(
                Diagnostic::warning(Code::JaNotJapanese, "the `ja` text has no Japanese in it")
                .at(text.span)
                .path(path)
                .hint("write the Japanese under `ja:` and the English under `en:`; Japanese readers see `ja:` first"),
            );
        }
        match (ja, en) {
            (Some(ja), Some(en)) => Text::new(ja, en),
            (Some(ja), None) => {
                self.reports.warning(
                    Diagnostic::warning(Code::MissingEn, "text has no English version")
                        .at(text.span)
                        .path(path)
                        .hint("add `en:`; until then English readers see the Japanese"),
                );
                Text::new(ja, ja)
            }
            (None, _) => {
                self.push(
                    Diagnostic::error(Code::MissingJa, "text has no Japanese version")
                        .at(text.span)
                        .path(path)
                        .hint("add `ja:`; Japanese is shown first and is required"),
                );
                Text::default()
            }
        }
    }

    fn five_texts(
        &mut self,
        list: &Spanned<Vec<Spanned<RawText>>>,
        path: &str,
        what: &str,
    ) -> Result<[Text; 5], Reported> {
        let texts: Vec<Text> = list
            .value
            .iter()
            .enumerate()
            .map(|(index, text)| self.text(text, &format!("{path}[{index}]")))
            .collect();
        let count = texts.len();
        <[Text; 5]>::try_from(texts).map_err(|_| {
            let diagnostic = if count == 4 && what == LADDER_STEPS {
                Diagnostic::error(
                    Code::LadderSteps,
                    "4 ladder steps given, 5 needed: a four-point scale is a `single` question with scored options",
                )
                .hint("write `kind: single` and turn the steps into `options:` with `id`, `label` and `score` (e.g. 0, 0.33, 0.67, 1)")
                .hint("or, to keep the ladder, add the missing step: one line per level, from level 1 (lowest) to level 5 (highest)")
            } else {
                Diagnostic::error(Code::LadderSteps, format!("{count} {what} given, 5 needed"))
                    .hint("write one line per level, from level 1 (lowest) to level 5 (highest)")
            };
            let diagnostic = diagnostic.at(list.span).path(path);
            self.push(diagnostic)
        })
    }

    /// A weight in 0–100; zero only where `unscored_allowed` (a question that
    /// is asked and recorded for the survey but scores nothing).
    fn weight(&mut self, weight: Option<&Spanned<f64>>, path: &str, unscored_allowed: bool) -> f64 {
        let Some(weight) = weight else { return 1.0 };
        let lowest_ok = if unscored_allowed {
            weight.value >= 0.0
        } else {
            weight.value > 0.0
        };
        if weight.value.is_finite() && lowest_ok && weight.value <= 100.0 {
            return weight.value;
        }
        let (message, hint) = if unscored_allowed {
            (
                format!("weight {} is not a number from 0 to 100", weight.value),
                "use a weight from 0 to 100 (1 is normal; 0 asks and records the question without scoring it)",
            )
        } else {
            (
                format!("weight {} is not a positive number up to 100", weight.value),
                "use a weight greater than 0 (1 is normal)",
            )
        };
        self.push(
            Diagnostic::error(Code::InvalidWeight, message)
                .at(weight.span)
                .path(path)
                .hint(hint),
        );
        1.0
    }

    fn score(&mut self, score: &Spanned<f64>, path: &str) -> f64 {
        if (0.0..=1.0).contains(&score.value) {
            return score.value;
        }
        self.push(
            Diagnostic::error(
                Code::ScoreOutOfRange,
                format!("score {} is outside 0–1", score.value),
            )
            .at(score.span)
            .path(path)
            .hint("scores run from 0 (weakest answer) to 1 (strongest); e.g. 0, 0.5, 1"),
        );
        0.0
    }

    fn thresholds(
        &mut self,
        raw: Option<&Spanned<Vec<Spanned<f64>>>>,
    ) -> Result<[f64; 4], Reported> {
        let Some(raw) = raw else {
            return Ok(DEFAULT_LEVEL_THRESHOLDS);
        };
        let values: Vec<f64> = raw.value.iter().map(|value| value.value).collect();
        let Ok(thresholds) = <[f64; 4]>::try_from(values) else {
            return Err(self.push(
                Diagnostic::error(
                    Code::InvalidValue,
                    format!("{} level thresholds given, 4 needed", raw.value.len()),
                )
                .at(raw.span)
                .path("level_thresholds")
                .hint("give the scores at which levels 2, 3, 4 and 5 begin, e.g. [20, 40, 60, 80]"),
            ));
        };
        let mut problem = Ok(());
        for (index, pair) in raw.value.windows(2).enumerate() {
            if pair[1].value <= pair[0].value {
                problem = Err(self.push(
                    Diagnostic::error(
                        Code::ThresholdsNotAscending,
                        format!(
                            "level threshold {} is not above the one before it ({})",
                            pair[1].value, pair[0].value
                        ),
                    )
                    .at(pair[1].span)
                    .path(format!("level_thresholds[{}]", index + 1))
                    .hint("thresholds must rise strictly, e.g. [20, 40, 60, 80]"),
                ));
            }
        }
        for (index, value) in raw.value.iter().enumerate() {
            if !(value.value > 0.0 && value.value <= 100.0) {
                problem = Err(self.push(
                    Diagnostic::error(
                        Code::ScoreOutOfRange,
                        format!("level threshold {} is outside 0–100", value.value),
                    )
                    .at(value.span)
                    .path(format!("level_thresholds[{index}]"))
                    .hint("dimension scores run from 0 to 100"),
                ));
            }
        }
        problem.map(|()| thresholds)
    }

    fn source(
        &mut self,
        source: Option<&Spanned<String>>,
        id: &Spanned<String>,
        path: &str,
        what: &str,
    ) -> String {
        match source {
            Some(source) if !source.value.trim().is_empty() => source.value.trim().to_owned(),
            _ => {
                self.push(
                    Diagnostic::error(Code::MissingField, format!("{what} `{}` names no source", id.value))
                        .at(id.span)
                        .path(format!("{path}.source"))
                        .hint("add `source:` with the guideline, survey item or section of the call it comes from"),
                );
                String::new()
            }
        }
    }

    fn programs(
        &mut self,
        ids: &[Spanned<String>],
        programs: &[Program],
        path: &str,
    ) -> Result<Vec<usize>, Reported> {
        let mut found = Ok(Vec::new());
        for (index, id) in ids.iter().enumerate() {
            match programs.iter().position(|program| program.id == id.value) {
                Some(program) => {
                    if let Ok(found) = &mut found {
                        found.push(program);
                    }
                }
                None => {
                    let known: Vec<&str> = programs.iter().map(|p| p.id.as_str()).collect();
                    found = Err(self.push_catalogue_ref(
                        Diagnostic::error(
                            Code::UnknownProgram,
                            format!("support program `{}` is not in the catalogue", id.value),
                        )
                        .at(id.span)
                        .path(format!("{path}[{index}]"))
                        .hint(suggest(&id.value, &known, "programs")),
                    ));
                }
            }
        }
        found
    }

    fn question(
        &mut self,
        index: usize,
        raw: &RawQuestion,
        catalogue: &Catalogue,
        items: &BTreeMap<String, Item>,
        earlier: &[Result<Question, Reported>],
        graph: &ShowIfGraph,
    ) -> Result<Question, Reported> {
        let path = format!("questions[{index}]");
        let errors_before = self.reports.error_count();
        let dimension = catalogue
            .dimensions
            .iter()
            .position(|dimension| dimension.id == raw.dimension.value)
            .ok_or_else(|| {
                let known: Vec<&str> = catalogue.dimensions.iter().map(|d| d.id.as_str()).collect();
                self.push_catalogue_ref(
                    Diagnostic::error(
                        Code::UnknownDimension,
                        format!(
                            "dimension `{}` is not in the catalogue",
                            raw.dimension.value
                        ),
                    )
                    .at(raw.dimension.span)
                    .path(format!("{path}.dimension"))
                    .hint(suggest(&raw.dimension.value, &known, "dimensions")),
                )
            });
        let text = self.text(&raw.text, &format!("{path}.text"));
        let help = raw
            .help
            .as_ref()
            .map(|help| self.text(help, &format!("{path}.help")));
        let source = self.source(raw.source.as_ref(), &raw.id, &path, "question");
        let law = self.law(raw.basis.as_ref(), raw.effective.as_ref(), &raw.id, &path);
        if let Some(help_raw) = &raw.help
            && matches!(law, Ok(None))
            && help.as_ref().is_some_and(|help| states_law(&help.ja))
        {
            self.reports.warning(
                Diagnostic::warning(
                    Code::LawWithoutBasis,
                    format!("the help of `{}` states law but names no basis", raw.id.value),
                )
                .at(help_raw.span)
                .path(format!("{path}.help"))
                .hint("add `basis:` (law and article) and `effective:` (the date it took effect), or leave the law to a gate"),
            );
        }
        let weight = self.weight(raw.weight.as_ref(), &format!("{path}.weight"), true);
        let kind = self.kind(raw, &path);
        let mut covers = Ok(Vec::with_capacity(raw.covers.len()));
        for (at, id) in raw.covers.iter().enumerate() {
            match catalogue
                .indicators
                .iter()
                .position(|indicator| indicator.id == id.value)
            {
                Some(found) => {
                    if let Ok(covers) = &mut covers {
                        covers.push(found);
                    }
                }
                None => {
                    let known: Vec<&str> =
                        catalogue.indicators.iter().map(|i| i.id.as_str()).collect();
                    covers = Err(self.push_catalogue_ref(
                        Diagnostic::error(
                            Code::UnknownIndicator,
                            format!("indicator `{}` is not in the catalogue", id.value),
                        )
                        .at(id.span)
                        .path(format!("{path}.covers[{at}]"))
                        .hint(suggest(&id.value, &known, "indicators")),
                    ));
                }
            }
        }
        let show_if = raw
            .show_if
            .as_ref()
            .map(|show_if| {
                let context = Context::ShowIf {
                    at: index,
                    id: &raw.id.value,
                    items,
                    questions: earlier,
                    graph,
                };
                self.condition(show_if, &format!("{path}.show_if"), &context)
            })
            .transpose();
        let question = Question {
            id: raw.id.value.clone(),
            dimension: dimension?,
            kind: kind?,
            text,
            help,
            source,
            law: law?,
            weight,
            allow_na: raw.allow_na,
            show_if: show_if?,
            covers: covers?,
        };
        // A placeholder (a text without Japanese, a weight out of range)
        // was reported within this question: leave it out as well.
        if self.reports.error_count() > errors_before {
            self.reports.any_error()?;
        }
        Ok(question)
    }

    /// Checks that exactly the fields of the question's kind are present.
    fn kind(&mut self, raw: &RawQuestion, path: &str) -> Result<QuestionKind, Reported> {
        use QuestionKindName as K;
        let kind = raw.kind.value;
        let present: [(&str, Option<Span>, &[K]); 6] = [
            ("steps", raw.steps.as_ref().map(|s| s.span), &[K::Ladder]),
            (
                "options",
                raw.options.as_ref().map(|s| s.span),
                &[K::Single, K::Multiple],
            ),
            ("cap", raw.cap.as_ref().map(|s| s.span), &[K::Multiple]),
            ("bands", raw.bands.as_ref().map(|s| s.span), &[K::Number]),
            ("unit", raw.unit.as_ref().map(|s| s.span), &[K::Number]),
            ("min", raw.min.as_ref().map(|s| s.span), &[K::Number]),
        ];
        let kind_name = kind_name(kind);
        let mut fields = Ok(());
        let max_field = raw
            .max
            .as_ref()
            .map(|s| ("max", s.span, [K::Number].as_slice()));
        for (field, span, kinds) in present
            .iter()
            .filter_map(|&(field, span, kinds)| span.map(|span| (field, span, kinds)))
            .chain(max_field)
        {
            if !kinds.contains(&kind) {
                fields = Err(self.push(
                    Diagnostic::error(
                        Code::KindFields,
                        format!("`{field}` is not used by a `{kind_name}` question"),
                    )
                    .at(span)
                    .path(format!("{path}.{field}"))
                    .hint(format!(
                        "remove `{field}`, or change `kind:` to a kind that uses it"
                    )),
                ));
            }
        }
        let needs = |field: &str| {
            Diagnostic::error(
                Code::KindFields,
                format!("a `{kind_name}` question needs `{field}`"),
            )
            .at(raw.kind.span)
            .path(format!("{path}.{field}"))
        };
        let built = match kind {
            K::Ladder => match &raw.steps {
                Some(steps) => self
                    .five_texts(steps, &format!("{path}.steps"), LADDER_STEPS)
                    .map(|steps| QuestionKind::Ladder { steps }),
                None => Err(self
                    .push(needs("steps").hint("list five steps, from 1 (lowest) to 5 (highest)"))),
            },
            K::YesNo => Ok(QuestionKind::YesNo),
            K::Single | K::Multiple => match &raw.options {
                Some(options) => {
                    let choices = self.options(options, kind, &format!("{path}.options"));
                    match kind {
                        K::Single => choices.map(|options| QuestionKind::Single { options }),
                        _ => choices.and_then(|options| {
                            let cap = match &raw.cap {
                                Some(cap) if !(cap.value.is_finite() && cap.value > 0.0) => {
                                    return Err(self.push(
                                        Diagnostic::error(Code::InvalidWeight, format!("cap {} is not a positive number", cap.value))
                                            .at(cap.span)
                                            .path(format!("{path}.cap"))
                                            .hint("the cap is the summed option score that counts as full marks, e.g. 1"),
                                    ));
                                }
                                Some(cap) => cap.value,
                                None => options.iter().map(|option| option.score).sum::<f64>(),
                            };
                            if cap > 0.0 {
                                return Ok(QuestionKind::Multiple { options, cap });
                            }
                            // Without `cap:` the cap is the options' summed
                            // score; when every option scores 0 nothing could
                            // ever count.
                            let span = options_span(raw).unwrap_or(raw.kind.span);
                            Err(self.push(
                                Diagnostic::error(
                                    Code::InvalidWeight,
                                    format!("every option of `{}` scores 0 and no `cap:` is given, so no answer could count", raw.id.value),
                                )
                                .at(span)
                                .path(format!("{path}.options"))
                                .hint("give the options that count a score above 0; to ask without scoring, set `weight: 0` and `cap: 1`"),
                            ))
                        }),
                    }
                }
                None => Err(self.push(
                    needs("options").hint("list the options, each with `id`, `label` and `score`"),
                )),
            },
            K::Number => match &raw.bands {
                Some(bands) => {
                    self.bands(bands, &format!("{path}.bands"))
                        .map(|bands| QuestionKind::Number {
                            bands,
                            unit: raw
                                .unit
                                .as_ref()
                                .map(|unit| self.text(unit, &format!("{path}.unit"))),
                            min: raw.min.as_ref().map(|min| min.value),
                            max: raw.max.as_ref().map(|max| max.value),
                        })
                }
                None => Err(self.push(needs("bands").hint(
                    "list score bands, e.g. `- {from: 0, score: 0}` and `- {from: 5, score: 1}`",
                ))),
            },
        };
        if let (Some(min), Some(max)) = (&raw.min, &raw.max)
            && min.value > max.value
        {
            return Err(self.push(
                Diagnostic::error(
                    Code::ThresholdsNotAscending,
                    format!("min {} is above max {}", min.value, max.value),
                )
                .at(max.span)
                .path(format!("{path}.max"))
                .hint("swap them"),
            ));
        }
        fields.and(built)
    }

    fn options(
        &mut self,
        options: &Spanned<Vec<RawOption>>,
        kind: QuestionKindName,
        path: &str,
    ) -> Result<Vec<Choice>, Reported> {
        let count = options.value.len();
        let mut ok = Ok(());
        if !(2..=MAX_OPTIONS).contains(&count) {
            ok = Err(self.push(
                Diagnostic::error(
                    Code::OptionCount,
                    format!("a choice question needs 2 to {MAX_OPTIONS} options; {count} given"),
                )
                .at(options.span)
                .path(path)
                .hint("for a single yes/no, use `kind: yes_no`"),
            ));
        }
        let mut seen = BTreeMap::new();
        let mut choices = Vec::with_capacity(count);
        for (index, option) in options.value.iter().enumerate() {
            let option_path = format!("{path}[{index}]");
            if let Err(reported) = self.id(
                &option.id,
                &format!("{option_path}.id"),
                &mut seen,
                "option",
            ) {
                ok = Err(reported);
            }
            if option.exclusive && kind != QuestionKindName::Multiple {
                ok = Err(self.push(
                    Diagnostic::error(
                        Code::KindFields,
                        "`exclusive` is only used by `multiple` questions",
                    )
                    .at(option.id.span)
                    .path(format!("{option_path}.exclusive"))
                    .hint("a `single` question's options exclude each other already; remove it"),
                ));
            }
            choices.push(Choice {
                id: option.id.value.clone(),
                label: self.text(&option.label, &format!("{option_path}.label")),
                score: self.score(&option.score, &format!("{option_path}.score")),
                exclusive: option.exclusive,
            });
        }
        ok.map(|()| choices)
    }

    fn bands(
        &mut self,
        bands: &Spanned<Vec<crate::format::raw::RawBand>>,
        path: &str,
    ) -> Result<Vec<Band>, Reported> {
        if bands.value.is_empty() {
            return Err(self.push(
                Diagnostic::error(
                    Code::KindFields,
                    "a `number` question needs at least one band",
                )
                .at(bands.span)
                .path(path)
                .hint("e.g. `- {from: 0, score: 0}` and `- {from: 5, score: 1}`"),
            ));
        }
        let mut ok = Ok(());
        let mut built = Vec::new();
        for (index, band) in bands.value.iter().enumerate() {
            let score = self.score(&band.score, &format!("{path}[{index}].score"));
            if let Some(previous) = built.last().map(|band: &Band| band.from)
                && band.from.value <= previous
            {
                ok = Err(self.push(
                    Diagnostic::error(
                        Code::ThresholdsNotAscending,
                        format!(
                            "band from {} is not above the band before it ({previous})",
                            band.from.value
                        ),
                    )
                    .at(band.from.span)
                    .path(format!("{path}[{index}].from"))
                    .hint("list bands by rising `from`"),
                ));
            }
            built.push(Band {
                from: band.from.value,
                score,
            });
        }
        ok.map(|()| built)
    }

    fn condition(
        &mut self,
        raw: &Spanned<RawCondition>,
        path: &str,
        context: &Context<'_>,
    ) -> Result<Condition, Reported> {
        let condition = &raw.value;
        let subjects: Vec<&str> = [
            ("question", condition.question.is_some()),
            ("dimension", condition.dimension.is_some()),
            ("profile", condition.profile.is_some()),
            ("all", condition.all.is_some()),
            ("any", condition.any.is_some()),
            ("not", condition.not.is_some()),
        ]
        .into_iter()
        .filter_map(|(name, present)| present.then_some(name))
        .collect();
        if subjects.len() != 1 {
            let found = if subjects.is_empty() {
                "none".to_owned()
            } else {
                subjects
                    .iter()
                    .map(|s| format!("`{s}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            return Err(self.push(
                Diagnostic::error(Code::InvalidCondition, format!("a condition needs exactly one subject; found {found}"))
                    .at(raw.span)
                    .path(path)
                    .hint("use one of `question`, `dimension`, `profile`, `all`, `any`, `not`; combine several with `all:` or `any:`"),
            ));
        }
        let tests: Vec<(&str, Span)> = [
            ("equals", condition.equals.as_ref().map(|t| t.span)),
            (
                "one_of",
                condition
                    .one_of
                    .as_ref()
                    .and_then(|t| t.first())
                    .map(|t| t.span),
            ),
            ("includes", condition.includes.as_ref().map(|t| t.span)),
            ("at_least", condition.at_least.as_ref().map(|t| t.span)),
            ("at_most", condition.at_most.as_ref().map(|t| t.span)),
            (
                "level_at_least",
                condition.level_at_least.as_ref().map(|t| t.span),
            ),
            (
                "level_at_most",
                condition.level_at_most.as_ref().map(|t| t.span),
            ),
        ]
        .into_iter()
        .filter_map(|(name, span)| span.map(|span| (name, span)))
        .collect();

        if let Some(list) = condition.all.as_ref().or(condition.any.as_ref()) {
            let name = if condition.all.is_some() {
                "all"
            } else {
                "any"
            };
            if let Some(&(test, span)) = tests.first() {
                return self.misplaced_test(test, span, path, name);
            }
            if list.is_empty() {
                return Err(self.push(
                    Diagnostic::error(
                        Code::InvalidCondition,
                        format!("`{name}` lists no condition"),
                    )
                    .at(raw.span)
                    .path(format!("{path}.{name}"))
                    .hint("list at least one condition, or remove it"),
                ));
            }
            // Every part is checked, so that all their problems are shown.
            let parts: Vec<Result<Condition, Reported>> = list
                .iter()
                .enumerate()
                .map(|(index, part)| {
                    self.condition(part, &format!("{path}.{name}[{index}]"), context)
                })
                .collect();
            let parts = parts.into_iter().collect::<Result<Vec<_>, _>>()?;
            return Ok(if name == "all" {
                Condition::All(parts)
            } else {
                Condition::Any(parts)
            });
        }
        if let Some(inner) = &condition.not {
            if let Some(&(test, span)) = tests.first() {
                return self.misplaced_test(test, span, path, "not");
            }
            return self
                .condition(inner, &format!("{path}.not"), context)
                .map(|inner| Condition::Not(Box::new(inner)));
        }
        if let Some(field) = &condition.profile {
            return self.profile_condition(condition, field, &tests, path);
        }
        if let Some(dimension) = &condition.dimension {
            let Context::Recommendation { catalogue, .. } = context else {
                let what = match context {
                    Context::Gate { .. } => "`applies_if` can only test the profile and answers",
                    _ => "`show_if` can only test earlier answers and the profile",
                };
                return Err(self.push(
                    Diagnostic::error(
                        Code::InvalidCondition,
                        format!("{what}, not dimension levels"),
                    )
                    .at(dimension.span)
                    .path(format!("{path}.dimension"))
                    .hint("levels exist only after scoring; use `question:` or `profile:` here"),
                ));
            };
            return self.level_condition(condition, dimension, &tests, catalogue, path);
        }
        // Exactly one subject, and not any of the others: the question.
        let Some(question) = condition.question.as_ref() else {
            return Err(self.push(
                Diagnostic::error(Code::InvalidCondition, "a condition needs a subject")
                    .at(raw.span)
                    .path(path)
                    .hint("use one of `question`, `dimension`, `profile`, `all`, `any`, `not`"),
            ));
        };
        let (items, questions) = match context {
            Context::ShowIf {
                items, questions, ..
            }
            | Context::Recommendation {
                items, questions, ..
            }
            | Context::Gate { items, questions } => (*items, *questions),
        };
        let index = match items.get(&question.value) {
            Some(&Item::Question(index)) => index,
            Some(&Item::Gate(_)) => {
                return Err(self.push(
                    Diagnostic::error(
                        Code::InvalidCondition,
                        format!(
                            "`{}` is a gate; conditions test scored questions",
                            question.value
                        ),
                    )
                    .at(question.span)
                    .path(format!("{path}.question"))
                    .hint("gate findings are reported on their own"),
                ));
            }
            None => {
                let known: Vec<&str> = items.keys().map(String::as_str).collect();
                if let Some(proof) = self.meant_duplicate(question, &known) {
                    return Err(proof);
                }
                return Err(self.push(
                    Diagnostic::error(
                        Code::UnknownQuestion,
                        format!("question `{}` does not exist in this bank", question.value),
                    )
                    .at(question.span)
                    .path(format!("{path}.question"))
                    .hint(suggest(&question.value, &known, "questions")),
                ));
            }
        };
        if let Context::ShowIf { at, id, graph, .. } = context
            && index >= *at
        {
            return Err(self.later_reference(*at, id, index, question, path, graph));
        }
        // The referenced question had errors of its own: they are reported
        // there, and its proof stands for this condition too.
        let target = match questions.get(index) {
            Some(Ok(target)) => target,
            Some(Err(reported)) => return Err(*reported),
            None => {
                return Err(self.push(
                    Diagnostic::error(
                        Code::ShowIfForward,
                        format!(
                            "`show_if` refers to `{}`, which is asked later",
                            question.value
                        ),
                    )
                    .at(question.span)
                    .path(format!("{path}.question")),
                ));
            }
        };
        self.answer_test(condition, question, target, &tests, path)
            .map(|test| Condition::Answer {
                question: index,
                test,
            })
    }

    /// A condition naming a question no one has, close to an id given
    /// twice: most likely the copy was meant to get this id. Said on the
    /// `duplicate-id` error, whose proof then stands for this reference,
    /// rather than as "did you mean" the duplicated id.
    fn meant_duplicate(&mut self, question: &Spanned<String>, known: &[&str]) -> Option<Reported> {
        let nearest = crate::format::suggest::nearest(&question.value, known)?;
        let &(index, proof) = self.duplicated.get(nearest)?;
        let at = self.at(question.span);
        let name = &question.value;
        self.reports.amend(index, |diagnostic| {
            diagnostic.hints.push(format!(
                "the condition at {at} names `{name}`, which no question has: if this is `{name}`, rename it"
            ));
        });
        Some(proof)
    }

    /// A `show_if` reference from question `from` to `to`, not asked
    /// before it: a loop when `to` depends back on `from`.
    fn later_reference(
        &mut self,
        from: QuestionIndex,
        from_id: &str,
        to: QuestionIndex,
        question: &Spanned<String>,
        path: &str,
        graph: &ShowIfGraph,
    ) -> Reported {
        let diagnostic = if graph.loops(from, to) {
            Diagnostic::error(
                Code::ShowIfCycle,
                if from == to {
                    format!("the `show_if` of `{}` refers to the question itself", question.value)
                } else {
                    format!(
                        "the `show_if` conditions of `{from_id}` and `{}` depend on each other",
                        question.value
                    )
                },
            )
            .hint("a question can only depend on questions asked before it; remove one of the conditions")
        } else {
            Diagnostic::error(
                Code::ShowIfForward,
                format!(
                    "`show_if` refers to `{}`, which is asked later",
                    question.value
                ),
            )
            .hint(format!(
                "move `{}` above this question, or test an earlier question",
                question.value
            ))
        };
        self.push(
            diagnostic
                .at(question.span)
                .path(format!("{path}.question")),
        )
    }

    fn misplaced_test(
        &mut self,
        test: &str,
        span: Span,
        path: &str,
        subject: &str,
    ) -> Result<Condition, Reported> {
        Err(self.push(
            Diagnostic::error(
                Code::ConditionMismatch,
                format!("`{test}` does not apply to `{subject}`"),
            )
            .at(span)
            .path(format!("{path}.{test}"))
            .hint(format!(
                "put `{test}` inside one of the conditions listed under `{subject}`"
            )),
        ))
    }

    fn level_condition(
        &mut self,
        condition: &RawCondition,
        dimension: &Spanned<String>,
        tests: &[(&str, Span)],
        catalogue: &Catalogue,
        path: &str,
    ) -> Result<Condition, Reported> {
        let Some(index) = catalogue
            .dimensions
            .iter()
            .position(|d| d.id == dimension.value)
        else {
            let known: Vec<&str> = catalogue.dimensions.iter().map(|d| d.id.as_str()).collect();
            return Err(self.push_catalogue_ref(
                Diagnostic::error(
                    Code::UnknownDimension,
                    format!("dimension `{}` is not in the catalogue", dimension.value),
                )
                .at(dimension.span)
                .path(format!("{path}.dimension"))
                .hint(suggest(&dimension.value, &known, "dimensions")),
            ));
        };
        let mut ok = Ok(());
        for &(test, span) in tests {
            if !test.starts_with("level_") {
                ok = Err(self.push(
                    Diagnostic::error(
                        Code::ConditionMismatch,
                        format!("`{test}` tests an answer, not a dimension"),
                    )
                    .at(span)
                    .path(format!("{path}.{test}"))
                    .hint("for a dimension use `level_at_most` or `level_at_least`"),
                ));
            }
        }
        let mut bound = |value: &Option<Spanned<u8>>, name: &str, default: u8| match value {
            Some(level) if !(1..=5).contains(&level.value) => {
                ok = Err(self.push(
                    Diagnostic::error(
                        Code::InvalidValue,
                        format!("level {} is outside 1–5", level.value),
                    )
                    .at(level.span)
                    .path(format!("{path}.{name}"))
                    .hint("levels run from 1 to 5"),
                ));
                default
            }
            Some(level) => level.value,
            None => default,
        };
        let at_least = bound(&condition.level_at_least, "level_at_least", 1);
        let at_most = bound(&condition.level_at_most, "level_at_most", 5);
        if condition.level_at_least.is_none() && condition.level_at_most.is_none() {
            ok = Err(self.push(
                Diagnostic::error(
                    Code::InvalidCondition,
                    format!("the condition on `{}` has no test", dimension.value),
                )
                .at(dimension.span)
                .path(path)
                .hint("add `level_at_most: 2` (weak) or `level_at_least: 4` (strong)"),
            ));
        }
        ok.map(|()| Condition::Level {
            dimension: index,
            at_least,
            at_most,
        })
    }

    fn answer_test(
        &mut self,
        condition: &RawCondition,
        question: &Spanned<String>,
        target: &Question,
        tests: &[(&str, Span)],
        path: &str,
    ) -> Result<AnswerTest, Reported> {
        let allowed: &[&str] = match target.kind {
            QuestionKind::YesNo => &["equals"],
            QuestionKind::Single { .. } => &["equals", "one_of"],
            QuestionKind::Multiple { .. } => &["includes"],
            QuestionKind::Ladder { .. } | QuestionKind::Number { .. } => &["at_least", "at_most"],
        };
        let kind = target.kind.name();
        let allowed_list = allowed
            .iter()
            .map(|t| format!("`{t}`"))
            .collect::<Vec<_>>()
            .join(" or ");
        let mut ok = Ok(());
        for &(test, span) in tests {
            if !allowed.contains(&test) {
                ok = Err(self.push(
                    Diagnostic::error(
                        Code::ConditionMismatch,
                        format!(
                            "`{test}` does not fit `{}`, a `{kind}` question",
                            question.value
                        ),
                    )
                    .at(span)
                    .path(format!("{path}.{test}"))
                    .hint(format!("a `{kind}` question is tested with {allowed_list}")),
                ));
            }
        }
        let no_test = |this: &mut Self| {
            this.push(
                Diagnostic::error(
                    Code::InvalidCondition,
                    format!("the condition on `{}` has no test", question.value),
                )
                .at(question.span)
                .path(path)
                .hint(format!("add {allowed_list}")),
            )
        };
        if tests.is_empty() {
            return Err(no_test(self));
        }
        ok?;
        let option = |this: &mut Self, id: &Spanned<String>, at: &str| {
            let options = target.kind.options();
            options
                .iter()
                .position(|option| option.id == id.value)
                .ok_or_else(|| {
                    let known: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
                    this.push(
                        Diagnostic::error(
                            Code::UnknownOption,
                            format!("question `{}` has no option `{}`", question.value, id.value),
                        )
                        .at(id.span)
                        .path(at.to_owned())
                        .hint(suggest(&id.value, &known, "options")),
                    )
                })
        };
        match target.kind {
            QuestionKind::YesNo => {
                let Some(equals) = condition.equals.as_ref() else {
                    return Err(no_test(self));
                };
                match equals.value.as_str() {
                    "yes" | "true" => Ok(AnswerTest::Is(true)),
                    "no" | "false" => Ok(AnswerTest::Is(false)),
                    other => Err(self.push(
                        Diagnostic::error(
                            Code::InvalidValue,
                            format!("`{other}` is not an answer to a yes/no question"),
                        )
                        .at(equals.span)
                        .path(format!("{path}.equals"))
                        .hint("use `equals: \"yes\"` or `equals: \"no\"`"),
                    )),
                }
            }
            QuestionKind::Single { .. } => {
                let ids = match self.listed_ids(condition, question.span, path)? {
                    Some(ids) => ids,
                    None => return Err(no_test(self)),
                };
                let mut mask = Ok(0u64);
                for (id, at) in ids {
                    match option(self, id, &at) {
                        Ok(bit) => {
                            if let Ok(mask) = &mut mask {
                                *mask |= 1 << bit;
                            }
                        }
                        Err(reported) => mask = Err(reported),
                    }
                }
                mask.map(AnswerTest::OneOf)
            }
            QuestionKind::Multiple { .. } => {
                let Some(includes) = condition.includes.as_ref() else {
                    return Err(no_test(self));
                };
                option(self, includes, &format!("{path}.includes")).map(AnswerTest::Includes)
            }
            QuestionKind::Ladder { .. } | QuestionKind::Number { .. } => Ok(AnswerTest::Between {
                min: condition
                    .at_least
                    .as_ref()
                    .map_or(f64::NEG_INFINITY, |v| v.value),
                max: condition
                    .at_most
                    .as_ref()
                    .map_or(f64::INFINITY, |v| v.value),
            }),
        }
    }

    /// A test on the company profile: numbers for headcount and capital,
    /// ids for industry and prefecture.
    fn profile_condition(
        &mut self,
        condition: &RawCondition,
        field: &Spanned<ProfileField>,
        tests: &[(&str, Span)],
        path: &str,
    ) -> Result<Condition, Reported> {
        let numeric = matches!(
            field.value,
            ProfileField::RegularEmployees | ProfileField::CapitalYen
        );
        let allowed: &[&str] = if numeric {
            &["at_least", "at_most"]
        } else {
            &["equals", "one_of"]
        };
        let name = field.value.name();
        let allowed_list = allowed
            .iter()
            .map(|t| format!("`{t}`"))
            .collect::<Vec<_>>()
            .join(" or ");
        let mut ok = Ok(());
        for &(test, span) in tests {
            if !allowed.contains(&test) {
                ok = Err(self.push(
                    Diagnostic::error(
                        Code::ConditionMismatch,
                        format!("`{test}` does not fit the profile's `{name}`"),
                    )
                    .at(span)
                    .path(format!("{path}.{test}"))
                    .hint(format!("`profile: {name}` is tested with {allowed_list}")),
                ));
            }
        }
        let no_test = |this: &mut Self| {
            this.push(
                Diagnostic::error(
                    Code::InvalidCondition,
                    format!("the condition on the profile's `{name}` has no test"),
                )
                .at(field.span)
                .path(path)
                .hint(format!("add {allowed_list}")),
            )
        };
        if tests.is_empty() {
            return Err(no_test(self));
        }
        ok?;
        if numeric {
            let min = condition
                .at_least
                .as_ref()
                .map_or(f64::NEG_INFINITY, |v| v.value);
            let max = condition
                .at_most
                .as_ref()
                .map_or(f64::INFINITY, |v| v.value);
            return Ok(Condition::Profile(match field.value {
                ProfileField::RegularEmployees => ProfileTest::RegularEmployees { min, max },
                _ => ProfileTest::CapitalYen { min, max },
            }));
        }
        let ids = match self.listed_ids(condition, field.span, path)? {
            Some(ids) => ids,
            None => return Err(no_test(self)),
        };
        let known: Vec<&str> = if field.value == ProfileField::Industry {
            Industry::ALL.iter().map(|i| i.as_str()).collect()
        } else {
            Prefecture::ALL.iter().map(|p| p.as_str()).collect()
        };
        let mut mask = 0u32;
        for (id, at) in ids {
            match known.iter().position(|&k| k == id.value) {
                Some(bit) => mask |= 1 << bit,
                None => {
                    let what = if field.value == ProfileField::Industry {
                        "industries"
                    } else {
                        "prefectures"
                    };
                    ok = Err(self.push(
                        Diagnostic::error(
                            Code::InvalidValue,
                            format!("`{}` is not a {name} id", id.value),
                        )
                        .at(id.span)
                        .path(at)
                        .hint(suggest(&id.value, &known, what)),
                    ));
                }
            }
        }
        ok.map(|()| {
            Condition::Profile(if field.value == ProfileField::Industry {
                ProfileTest::Industry(mask)
            } else {
                ProfileTest::Prefecture(mask)
            })
        })
    }

    /// The ids a condition lists with `equals` or `one_of`, each with its
    /// path; `None` when it gives neither (the caller says what to add).
    fn listed_ids<'c>(
        &mut self,
        condition: &'c RawCondition,
        at: Span,
        path: &str,
    ) -> Result<Option<Vec<ListedId<'c>>>, Reported> {
        match (&condition.equals, &condition.one_of) {
            (Some(equals), None) => Ok(Some(vec![(equals, format!("{path}.equals"))])),
            (None, Some(list)) => Ok(Some(
                list.iter()
                    .enumerate()
                    .map(|(i, id)| (id, format!("{path}.one_of[{i}]")))
                    .collect(),
            )),
            (None, None) => Ok(None),
            (Some(_), Some(_)) => Err(self.push(
                Diagnostic::error(
                    Code::InvalidCondition,
                    "use either `equals` or `one_of`, not both",
                )
                .at(at)
                .path(path)
                .hint("`one_of: [a, b]` covers `equals: a` too"),
            )),
        }
    }

    /// A `YYYY-MM-DD` date that exists in the calendar.
    fn date(&mut self, date: &Spanned<String>, path: &str) -> Result<String, Reported> {
        if is_calendar_date(&date.value) {
            return Ok(date.value.clone());
        }
        Err(self.push(
            Diagnostic::error(
                Code::InvalidValue,
                format!("`{}` is not a date", date.value),
            )
            .at(date.span)
            .path(path)
            .hint("write dates as YYYY-MM-DD, e.g. 2026-10-01"),
        ))
    }

    /// A question's legal basis and the day it took effect: both or neither.
    fn law(
        &mut self,
        basis: Option<&Spanned<String>>,
        effective: Option<&Spanned<String>>,
        id: &Spanned<String>,
        path: &str,
    ) -> Result<Option<LegalBasis>, Reported> {
        if basis.is_none() && effective.is_none() {
            return Ok(None);
        }
        self.required_law(true, basis, effective, id, path)
            .map(Some)
    }

    /// A gate's legal basis and the day it took effect, both required (the
    /// date only where `dated`: a superseded edition predates the rule).
    fn required_law(
        &mut self,
        dated: bool,
        basis: Option<&Spanned<String>>,
        effective: Option<&Spanned<String>>,
        id: &Spanned<String>,
        path: &str,
    ) -> Result<LegalBasis, Reported> {
        let basis_text = basis
            .map(|basis| basis.value.trim())
            .filter(|basis| !basis.is_empty())
            .ok_or_else(|| {
                let span = effective.map_or(id.span, |e| e.span);
                self.push(
                    Diagnostic::error(
                        Code::MissingField,
                        format!("`{}` states law but names no `basis:`", id.value),
                    )
                    .at(span)
                    .path(format!("{path}.basis"))
                    .hint("add `basis:` with the law and article, e.g. `basis: 労働基準法 第89条`"),
                )
            });
        let date = match effective {
            Some(effective) => self.date(effective, &format!("{path}.effective")).map(Some),
            None if !dated => Ok(None),
            None => {
                let span = basis.map_or(id.span, |b| b.span);
                Err(self.push(
                    Diagnostic::error(
                        Code::MissingField,
                        format!("`{}` states law but gives no `effective:` date", id.value),
                    )
                    .at(span)
                    .path(format!("{path}.effective"))
                    .hint("add `effective:` with the day the duty took effect, e.g. `effective: 2024-04-01`"),
                ))
            }
        };
        Ok(LegalBasis {
            basis: basis_text?.to_owned(),
            effective: date?,
        })
    }

    /// Minutes per tier: each a number from 1 to 120.
    fn time_targets(&mut self, raw: &RawTimeTargets) -> Result<TimeTargets, Reported> {
        let mut minutes = |value: &Spanned<f64>, tier: &str| {
            if value.value.is_finite() && (1.0..=120.0).contains(&value.value) {
                Ok(value.value)
            } else {
                Err(self.push(
                    Diagnostic::error(
                        Code::InvalidValue,
                        format!(
                            "{} minutes is not a time a company can be asked for",
                            value.value
                        ),
                    )
                    .at(value.span)
                    .path(format!("time_targets.{tier}"))
                    .hint("give the minutes answering this tier's bank may take, from 1 to 120"),
                ))
            }
        };
        let small = minutes(&raw.small, "small");
        let sme = minutes(&raw.sme, "sme");
        let midsize = minutes(&raw.midsize, "midsize");
        Ok(TimeTargets {
            small: small?,
            sme: sme?,
            midsize: midsize?,
        })
    }

    fn minimum_wages(&mut self, table: &RawMinimumWages) -> MinimumWages {
        let mut rates: Vec<MinimumWage> = Vec::new();
        for (index, rate) in table.rates.iter().enumerate() {
            let path = format!("minimum_wages.rates[{index}]");
            if rates.iter().any(|r| r.prefecture == rate.prefecture.value) {
                self.push(
                    Diagnostic::error(
                        Code::DuplicateId,
                        format!(
                            "the minimum wage of `{}` is given twice",
                            rate.prefecture.value.as_str()
                        ),
                    )
                    .at(rate.prefecture.span)
                    .path(format!("{path}.prefecture"))
                    .hint("keep one row per prefecture: the rate in force"),
                );
                continue;
            }
            // A bad date is reported; the catalogue is then refused whole.
            let Ok(effective) = self.date(&rate.effective, &format!("{path}.effective")) else {
                continue;
            };
            rates.push(MinimumWage {
                prefecture: rate.prefecture.value,
                yen_per_hour: rate.yen_per_hour.value,
                effective,
            });
        }
        MinimumWages {
            basis: table.basis.value.trim().to_owned(),
            source: table.source.value.trim().to_owned(),
            rates,
        }
    }
}

/// An id listed in a condition, with the path to point at it.
type ListedId<'c> = (&'c Spanned<String>, String);

/// Whether a text meant as Japanese can be: it has kana or kanji, or no
/// Latin word of three lowercase letters or more. So `DX`, `AI`, `KPI`, `%`,
/// `2026` and web addresses pass (they read the same in both languages);
/// `Question` or `hours` do not.
fn is_japanese(text: &str) -> bool {
    let japanese = |c: char| {
        matches!(c,
            '\u{3005}'..='\u{3007}'          // 々 〆 〇
            | '\u{3040}'..='\u{30FF}'        // hiragana, katakana
            | '\u{31F0}'..='\u{31FF}'        // katakana extensions
            | '\u{3400}'..='\u{4DBF}'        // kanji, extension A
            | '\u{4E00}'..='\u{9FFF}'        // kanji
            | '\u{F900}'..='\u{FAFF}'        // compatibility kanji
            | '\u{FF66}'..='\u{FF9F}'        // half-width katakana
            | '\u{20000}'..='\u{3FFFF}') // kanji, extensions B onwards
    };
    if text.chars().any(japanese) {
        return true;
    }
    let address = text.contains("://") || text.starts_with("www.");
    let longest_word = text
        .split(|c: char| !c.is_ascii_lowercase())
        .map(str::len)
        .max()
        .unwrap_or(0);
    address || longest_word < 3
}

/// Whether a Japanese text reads as a statement of law (an obligation, a
/// statute or its entry into force): such help must cite its basis.
fn states_law(ja: &str) -> bool {
    ["法律", "義務", "施行", "法第", "法 第", "法令"]
        .iter()
        .any(|word| ja.contains(word))
}

/// Whether `text` is `YYYY-MM-DD` and names a day that exists.
pub(crate) fn is_calendar_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return false;
    };
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// Where a question's `options:` list is written.
fn options_span(raw: &RawQuestion) -> Option<Span> {
    raw.options.as_ref().map(|options| options.span)
}

fn kind_name(kind: QuestionKindName) -> &'static str {
    match kind {
        QuestionKindName::Ladder => "ladder",
        QuestionKindName::YesNo => "yes_no",
        QuestionKindName::Single => "single",
        QuestionKindName::Multiple => "multiple",
        QuestionKindName::Number => "number",
    }
}

#[cfg(test)]
mod tests {
    use super::is_japanese;

    #[test]
    fn ja_texts_are_japanese_unless_they_hold_only_latin_words() {
        for text in [
            "質問",
            "ハローワーク",
            "DX",
            "AI・IoT",
            "KPI",
            "%",
            "2026",
            "https://hr.kyushu.meti.go.jp/",
            "Yes",
            "人々",
        ] {
            assert!(is_japanese(text), "{text}");
        }
        for text in ["Question", "How many people?", "hours", "Do you have rules"] {
            assert!(!is_japanese(text), "{text}");
        }
    }
}
