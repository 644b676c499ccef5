//! Company-size classification under 中小企業基本法 第2条.
//!
//! A company is an SME (中小企業者) when its capital **or** its regular
//! employees (常時使用する従業員) are within its industry's limit; either
//! suffices, and capital may be unknown (a sole proprietor has none). Among
//! SMEs, a 小規模企業者 has at most 20 employees, or 5 in commerce and
//! services. A company that is not an SME and has at most 2,000 employees is
//! a 中堅企業 (産業競争力強化法, in force 2024-09-02); above that it is large.
//! The 政令 exceptions (rubber products, software, lodging, entertainment)
//! are their own industries here. みなし大企業 (SMEs controlled by a large
//! company) are not detected: the sheet does not ask about shareholders.

use serde::{Deserialize, Serialize};

use crate::model::names::ids;
use crate::model::text::Text;

/// The question bank a company answers.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumCount,
    strum::VariantArray,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Tier {
    /// 小規模事業者: questions about the owner's own practice.
    Small = 0,
    /// 中小企業: questions about systems.
    Sme = 1,
    /// 中堅・一定規模以上: questions about governance, KPIs and disclosure.
    Midsize = 2,
}

ids!(Tier);

impl Tier {
    /// Display name.
    pub fn name(self) -> Text {
        match self {
            Tier::Small => Text::new("小規模事業者", "Small business"),
            Tier::Sme => Text::new("中小企業", "SME"),
            Tier::Midsize => Text::new("中堅・一定規模以上の企業", "Midsize and larger"),
        }
    }
}

/// The main business, as far as the size limits differ.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumCount,
    strum::VariantArray,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Industry {
    /// 製造業
    Manufacturing = 0,
    /// 建設業
    Construction = 1,
    /// 運輸業
    Transport = 2,
    /// 卸売業
    Wholesale = 3,
    /// 小売業 (飲食店を含む)
    Retail = 4,
    /// サービス業
    Services = 5,
    /// ゴム製品製造業 (政令)
    Rubber = 6,
    /// ソフトウェア業・情報処理サービス業 (政令)
    Software = 7,
    /// 旅館業 (政令)
    Lodging = 8,
    /// 娯楽業 (政令)
    Entertainment = 9,
    /// その他の業種
    Other = 10,
}

ids!(Industry);

/// Legal limits of one industry.
struct Limits {
    capital_yen: u64,
    employees: u32,
    small_employees: u32,
}

impl Industry {
    /// Display name.
    pub fn name(self) -> Text {
        match self {
            Industry::Manufacturing => Text::new("製造業", "Manufacturing"),
            Industry::Construction => Text::new("建設業", "Construction"),
            Industry::Transport => Text::new("運輸業", "Transport"),
            Industry::Wholesale => Text::new("卸売業", "Wholesale"),
            Industry::Retail => Text::new("小売業（飲食店を含む）", "Retail (incl. restaurants)"),
            Industry::Services => Text::new("サービス業", "Services"),
            Industry::Rubber => Text::new("ゴム製品製造業", "Rubber products"),
            Industry::Software => Text::new(
                "ソフトウェア業・情報処理サービス業",
                "Software and information services",
            ),
            Industry::Lodging => Text::new("旅館業", "Lodging (ryokan and hotels)"),
            Industry::Entertainment => Text::new("娯楽業", "Entertainment"),
            Industry::Other => Text::new("その他の業種", "Other industries"),
        }
    }

    fn limits(self) -> Limits {
        let (capital_yen, employees, small_employees) = match self {
            Industry::Manufacturing
            | Industry::Construction
            | Industry::Transport
            | Industry::Other => (300_000_000, 300, 20),
            // The 政令 raises the SME limits; for 小規模 it stays a service (≤ 5).
            Industry::Software => (300_000_000, 300, 5),
            Industry::Wholesale => (100_000_000, 100, 5),
            Industry::Retail => (50_000_000, 50, 5),
            Industry::Services => (50_000_000, 100, 5),
            Industry::Rubber => (300_000_000, 900, 20),
            Industry::Lodging => (50_000_000, 200, 20),
            Industry::Entertainment => (50_000_000, 100, 20),
        };
        Limits {
            capital_yen,
            employees,
            small_employees,
        }
    }
}

/// The legal size category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Category {
    /// 小規模企業者
    SmallBusiness,
    /// 中小企業者 (other than 小規模)
    Sme,
    /// 中堅企業: not an SME, at most 2,000 employees.
    Midsize,
    /// Not an SME, more than 2,000 employees.
    Large,
}

impl Category {
    /// The id used in output.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// The outcome of [`classify`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classification {
    /// The legal category.
    pub category: Category,
    /// The bank to answer by default (large companies answer `midsize`).
    pub tier: Tier,
    /// Why, in one line.
    pub reason: Text,
}

/// Upper limit of employees for a 中堅企業.
const MIDSIZE_MAX_EMPLOYEES: u32 = 2_000;

/// Classifies a company by its main industry, regular employees and, if
/// known, capital in yen.
pub fn classify(
    industry: Industry,
    regular_employees: u32,
    capital_yen: Option<u64>,
) -> Classification {
    let limits = industry.limits();
    let industry_ja = industry.name().ja;
    let industry_en = industry.name().en;
    let by_employees = regular_employees <= limits.employees;
    let by_capital = capital_yen.is_some_and(|capital| capital <= limits.capital_yen);
    let employee_limit = limits.employees;
    let capital_text = format_oku(limits.capital_yen);
    let capital_en = limits.capital_yen / 1_000_000;

    if regular_employees <= limits.small_employees {
        let small = limits.small_employees;
        return Classification {
            category: Category::SmallBusiness,
            tier: Tier::Small,
            reason: Text::new(
                format!(
                    "{industry_ja}で常時使用する従業員が{small}人以下のため、小規模企業者に当たります（中小企業基本法第2条第5項）。"
                ),
                format!(
                    "{industry_en} with at most {small} regular employees: a small business (SME Basic Act, art. 2(5))."
                ),
            ),
        };
    }
    if by_employees || by_capital {
        let (why_ja, why_en) = if by_employees {
            (
                format!("常時使用する従業員が{employee_limit}人以下"),
                format!("at most {employee_limit} regular employees"),
            )
        } else {
            (
                format!("資本金が{capital_text}以下"),
                format!("capital of at most ¥{capital_en} million"),
            )
        };
        return Classification {
            category: Category::Sme,
            tier: Tier::Sme,
            reason: Text::new(
                format!(
                    "{industry_ja}で{why_ja}のため、中小企業者に当たります（中小企業基本法第2条第1項）。"
                ),
                format!("{industry_en} with {why_en}: an SME (SME Basic Act, art. 2(1))."),
            ),
        };
    }
    let over_ja = match capital_yen {
        Some(_) => format!("資本金が{capital_text}を超え、従業員も{employee_limit}人を超える"),
        None => format!("従業員が{employee_limit}人を超え、資本金が不明な"),
    };
    let over_en = match capital_yen {
        Some(_) => format!(
            "more than ¥{capital_en} million capital and more than {employee_limit} employees"
        ),
        None => format!("more than {employee_limit} employees and no capital given"),
    };
    if regular_employees <= MIDSIZE_MAX_EMPLOYEES {
        Classification {
            category: Category::Midsize,
            tier: Tier::Midsize,
            reason: Text::new(
                format!(
                    "{industry_ja}で{over_ja}ため中小企業者ではなく、従業員2,000人以下の中堅企業に当たります（産業競争力強化法）。"
                ),
                format!(
                    "{industry_en} with {over_en}: not an SME; with at most 2,000 employees a midsize company (Industrial Competitiveness Enhancement Act)."
                ),
            ),
        }
    } else {
        Classification {
            category: Category::Large,
            tier: Tier::Midsize,
            reason: Text::new(
                format!(
                    "{industry_ja}で{over_ja}うえ従業員が2,000人を超えるため大企業に当たります。中堅・一定規模以上の設問でお答えください。"
                ),
                format!(
                    "{industry_en} with {over_en} and over 2,000 employees: a large company; it answers the midsize questions."
                ),
            ),
        }
    }
}

/// `300_000_000` → `3億円`, `50_000_000` → `5,000万円`.
fn format_oku(yen: u64) -> String {
    let man = yen / 10_000;
    if man.is_multiple_of(10_000) {
        format!("{}億円", man / 10_000)
    } else {
        let thousands = man / 1_000;
        let rest = man % 1_000;
        if thousands > 0 {
            format!("{thousands},{rest:03}万円")
        } else {
            format!("{man}万円")
        }
    }
}

#[cfg(test)]
mod tests;
