//! `shindan tier`: the legal size category and default bank of a company.

use lexopt::prelude::*;
use serde_json::json;
use shindan_engine::{Industry, classify};

use crate::{Failure, Format, unexpected};

const HELP: &str = "\
usage: shindan tier --industry ID --employees N [--capital YEN] [--format text|json]

industries: manufacturing construction transport wholesale retail services
            rubber software lodging entertainment other
N is 常時使用する従業員の数; YEN is 資本金 (leave it out if there is none).";

pub fn run(mut parser: lexopt::Parser) -> Result<(), Failure> {
    let mut industry = None;
    let mut employees = None;
    let mut capital = None;
    let mut format = Format::Text;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("industry") => {
                let id = parser.value()?.string()?;
                industry = Some(Industry::from_id(&id).ok_or_else(|| {
                    let known: Vec<&str> = Industry::ALL.iter().map(|i| i.as_str()).collect();
                    Failure::Usage(format!(
                        "unknown industry `{id}` (use one of: {})",
                        known.join(", ")
                    ))
                })?);
            }
            Long("employees") => employees = Some(parser.value()?.parse::<u32>()?),
            Long("capital") => capital = Some(parser.value()?.parse::<u64>()?),
            Long("format") => format = Format::parse(&parser.value()?.string()?)?,
            Long("help") | Short('h') => {
                crate::say!("{HELP}");
                return Ok(());
            }
            other => return Err(unexpected(other)),
        }
    }
    let industry = industry.ok_or_else(|| Failure::Usage("--industry is required".to_owned()))?;
    let employees =
        employees.ok_or_else(|| Failure::Usage("--employees is required".to_owned()))?;
    let result = classify(industry, employees, capital);
    match format {
        Format::Json => {
            let value = json!({
                "industry": industry.as_str(),
                "regular_employees": employees,
                "capital_yen": capital,
                "category": result.category.as_str(),
                "tier": result.tier.as_str(),
                "reason": {"ja": result.reason.ja, "en": result.reason.en},
            });
            crate::say!("{}", crate::pretty_json(&value)?);
        }
        Format::Text => {
            crate::say!("category: {}", result.category.as_str());
            crate::say!(
                "tier:     {} ({})",
                result.tier.as_str(),
                result.tier.name().ja
            );
            crate::say!("reason:   {}", result.reason.ja);
            crate::say!("          {}", result.reason.en);
        }
    }
    Ok(())
}
