//! `shindan tier`: the legal size category and default bank of a company.

use serde_json::json;
use shindan_engine::{Industry, classify};

use crate::choice::Choice;
use crate::{Failure, Format};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The main business, as far as the size limits differ.
    #[arg(long, value_enum, value_name = "ID")]
    industry: Choice<Industry>,
    /// 常時使用する従業員の数 (regular employees).
    #[arg(long, value_name = "N")]
    employees: u32,
    /// 資本金 in yen; leave it out if there is none.
    #[arg(long, value_name = "YEN")]
    capital: Option<u64>,
    /// How the result is printed.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub fn run(args: Args) -> Result<(), Failure> {
    let Args {
        industry: Choice(industry),
        employees,
        capital,
        format,
    } = args;
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
