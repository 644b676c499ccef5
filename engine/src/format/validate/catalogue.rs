//! A catalogue: dimensions, programs and their fallbacks, indicators,
//! level thresholds, time targets and the minimum-wage table.

use std::collections::BTreeMap;

use super::{DEFAULT_LEVEL_THRESHOLDS, Reported, Validator};
use crate::format::diag::{Code, Diagnostic};
use crate::format::raw::{
    RawCatalogue, RawMinimumWages, RawProgramStatus, RawTimeTargets, Spanned,
};
use crate::format::suggest::suggest;
use crate::model::bank::{
    Catalogue, Dimension, Indicator, MinimumWage, MinimumWages, Program, ProgramStatus, TimeTargets,
};
use crate::model::index::ProgramIndex;

/// Checks a raw catalogue.
pub(crate) fn catalogue(raw: RawCatalogue) -> (Vec<Diagnostic>, Option<Catalogue>) {
    let mut v = Validator::new();
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
        programs[index].fallback = programs
            .iter()
            .position(|p| p.id == fallback.value)
            .map(ProgramIndex::new);
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
        } else if programs[index].fallback == Some(ProgramIndex::new(index)) {
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
                    Some(next) => at = next.get(),
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

impl Validator {
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
