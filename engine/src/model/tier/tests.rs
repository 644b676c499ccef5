//! Every boundary of 中小企業基本法 第2条 and the 政令 exceptions, as a table.

use super::*;

const M: u64 = 1_000_000;

/// (industry, employees, capital, expected category)
const TABLE: &[(Industry, u32, Option<u64>, Category)] = &[
    // Manufacturing-type limits: ¥300M / 300, small ≤ 20.
    (Industry::Manufacturing, 0, None, Category::SmallBusiness),
    (Industry::Manufacturing, 20, None, Category::SmallBusiness),
    (Industry::Manufacturing, 21, None, Category::Sme),
    (Industry::Manufacturing, 300, None, Category::Sme),
    (Industry::Manufacturing, 301, None, Category::Midsize),
    (Industry::Manufacturing, 301, Some(300 * M), Category::Sme),
    (
        Industry::Manufacturing,
        301,
        Some(300 * M + 1),
        Category::Midsize,
    ),
    (
        Industry::Manufacturing,
        2_000,
        Some(1_000 * M),
        Category::Midsize,
    ),
    (
        Industry::Manufacturing,
        2_001,
        Some(1_000 * M),
        Category::Large,
    ),
    (Industry::Manufacturing, 5_000, Some(300 * M), Category::Sme),
    (
        Industry::Construction,
        20,
        Some(10 * M),
        Category::SmallBusiness,
    ),
    (
        Industry::Construction,
        301,
        Some(301 * M),
        Category::Midsize,
    ),
    (Industry::Transport, 300, Some(900 * M), Category::Sme),
    (Industry::Transport, 21, None, Category::Sme),
    (Industry::Other, 20, None, Category::SmallBusiness),
    (Industry::Other, 301, None, Category::Midsize),
    // Wholesale: ¥100M / 100, small ≤ 5.
    (Industry::Wholesale, 5, None, Category::SmallBusiness),
    (Industry::Wholesale, 6, None, Category::Sme),
    (Industry::Wholesale, 100, None, Category::Sme),
    (Industry::Wholesale, 101, None, Category::Midsize),
    (Industry::Wholesale, 101, Some(100 * M), Category::Sme),
    (
        Industry::Wholesale,
        101,
        Some(100 * M + 1),
        Category::Midsize,
    ),
    // Retail incl. restaurants: ¥50M / 50, small ≤ 5.
    (Industry::Retail, 5, None, Category::SmallBusiness),
    (Industry::Retail, 6, None, Category::Sme),
    (Industry::Retail, 50, None, Category::Sme),
    (Industry::Retail, 51, None, Category::Midsize),
    (Industry::Retail, 51, Some(50 * M), Category::Sme),
    (Industry::Retail, 51, Some(50 * M + 1), Category::Midsize),
    // Services: ¥50M / 100, small ≤ 5.
    (Industry::Services, 5, None, Category::SmallBusiness),
    (Industry::Services, 6, None, Category::Sme),
    (Industry::Services, 100, None, Category::Sme),
    (Industry::Services, 101, None, Category::Midsize),
    (Industry::Services, 101, Some(50 * M), Category::Sme),
    (Industry::Services, 101, Some(50 * M + 1), Category::Midsize),
    // 政令: rubber products ¥300M / 900, small ≤ 20.
    (Industry::Rubber, 20, None, Category::SmallBusiness),
    (Industry::Rubber, 21, None, Category::Sme),
    (Industry::Rubber, 900, None, Category::Sme),
    (Industry::Rubber, 901, None, Category::Midsize),
    (Industry::Rubber, 901, Some(300 * M), Category::Sme),
    (Industry::Rubber, 901, Some(300 * M + 1), Category::Midsize),
    // 政令: software and information services ¥300M / 300; a service, so small ≤ 5.
    (Industry::Software, 5, None, Category::SmallBusiness),
    (Industry::Software, 6, None, Category::Sme),
    (Industry::Software, 300, None, Category::Sme),
    (Industry::Software, 301, None, Category::Midsize),
    (Industry::Software, 301, Some(300 * M), Category::Sme),
    // 政令: lodging ¥50M / 200, small ≤ 20.
    (Industry::Lodging, 20, None, Category::SmallBusiness),
    (Industry::Lodging, 21, None, Category::Sme),
    (Industry::Lodging, 200, None, Category::Sme),
    (Industry::Lodging, 201, None, Category::Midsize),
    (Industry::Lodging, 201, Some(50 * M), Category::Sme),
    (Industry::Lodging, 201, Some(50 * M + 1), Category::Midsize),
    // 政令: entertainment — services limits, small ≤ 20.
    (Industry::Entertainment, 20, None, Category::SmallBusiness),
    (Industry::Entertainment, 21, None, Category::Sme),
    (Industry::Entertainment, 100, None, Category::Sme),
    (Industry::Entertainment, 101, None, Category::Midsize),
    (Industry::Entertainment, 101, Some(50 * M), Category::Sme),
    (Industry::Entertainment, 2_001, None, Category::Large),
];

#[test]
fn every_boundary_matches_the_law() {
    let mut failures = Vec::new();
    for &(industry, employees, capital, expected) in TABLE {
        let got = classify(industry, employees, capital);
        if got.category != expected {
            failures.push(format!(
                "{industry:?} employees={employees} capital={capital:?}: expected {expected:?}, got {:?}",
                got.category
            ));
        }
        let tier = match expected {
            Category::SmallBusiness => Tier::Small,
            Category::Sme => Tier::Sme,
            Category::Midsize | Category::Large => Tier::Midsize,
        };
        assert_eq!(got.tier, tier, "{industry:?} {employees}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn reasons_name_the_rule_that_applied() {
    let by_capital = classify(Industry::Wholesale, 150, Some(80 * M));
    assert_eq!(
        by_capital.reason.ja,
        "卸売業で資本金が1億円以下のため、中小企業者に当たります（中小企業基本法第2条第1項）。"
    );
    let retail = classify(Industry::Retail, 60, Some(60 * M));
    assert!(
        retail.reason.ja.contains("5,000万円"),
        "{}",
        retail.reason.ja
    );
    assert!(
        retail.reason.en.contains("not an SME"),
        "{}",
        retail.reason.en
    );
    let small = classify(Industry::Services, 3, None);
    assert!(small.reason.ja.contains("5人以下"), "{}", small.reason.ja);
}

#[test]
fn industry_ids_round_trip() {
    for industry in Industry::ALL {
        assert_eq!(Industry::from_id(industry.as_str()), Some(industry));
    }
    assert_eq!(Industry::from_id("farming"), None);
}
