//! The tag postcard writes for every enum variant in compiled banks,
//! reference data and hand-off links is the variant's position. These
//! tables pin each tag to the variant's meaning (its id in files), so
//! reordering, inserting or removing a variant fails here rather than
//! silently changing what stored bytes mean.

use super::encode;
use crate::analysis::reference::IndustryGroup;
use crate::model::bank::{
    AnswerTest, Condition, GateFigure, Item, ProfileTest, ProgramStatus, QuestionKind,
};
use crate::model::index::{DimensionIndex, GateIndex, OptionIndex, QuestionIndex};
use crate::model::profile::Prefecture;
use crate::model::text::Text;
use crate::model::tier::{Industry, Tier};

fn tag<T: serde::Serialize>(value: &T) -> u8 {
    encode(value).expect("encodes")[0]
}

#[test]
fn tiers() {
    let pinned = [("small", 0), ("sme", 1), ("midsize", 2)];
    assert_eq!(Tier::ALL.len(), pinned.len());
    for (tier, (id, byte)) in Tier::ALL.into_iter().zip(pinned) {
        assert_eq!((tier.as_str(), tag(&tier)), (id, byte));
        assert_eq!(tier as u8, byte, "the explicit discriminant matches");
    }
}

#[test]
fn industries() {
    let pinned = [
        ("manufacturing", 0),
        ("construction", 1),
        ("transport", 2),
        ("wholesale", 3),
        ("retail", 4),
        ("services", 5),
        ("rubber", 6),
        ("software", 7),
        ("lodging", 8),
        ("entertainment", 9),
        ("other", 10),
    ];
    assert_eq!(Industry::ALL.len(), pinned.len());
    for (industry, (id, byte)) in Industry::ALL.into_iter().zip(pinned) {
        assert_eq!((industry.as_str(), tag(&industry)), (id, byte));
        assert_eq!(industry as u8, byte);
    }
}

#[test]
fn prefectures() {
    let pinned = [
        ("fukuoka", 0),
        ("saga", 1),
        ("nagasaki", 2),
        ("kumamoto", 3),
        ("oita", 4),
        ("miyazaki", 5),
        ("kagoshima", 6),
        ("other", 7),
    ];
    assert_eq!(Prefecture::ALL.len(), pinned.len());
    for (prefecture, (id, byte)) in Prefecture::ALL.into_iter().zip(pinned) {
        assert_eq!((prefecture.as_str(), tag(&prefecture)), (id, byte));
        assert_eq!(prefecture as u8, byte);
    }
}

#[test]
fn industry_groups_statuses_and_figures() {
    let groups = [
        (IndustryGroup::Manufacturing, "manufacturing", 0),
        (IndustryGroup::Construction, "construction", 1),
        (IndustryGroup::Commerce, "commerce", 2),
        (IndustryGroup::Services, "services", 3),
        (IndustryGroup::Other, "other", 4),
    ];
    for (group, id, byte) in groups {
        assert_eq!((group.as_str(), tag(&group), group as u8), (id, byte, byte));
        assert_eq!(IndustryGroup::from_id(id), Some(group));
    }
    let statuses = [
        (ProgramStatus::Planned, "planned", 0),
        (ProgramStatus::Open, "open", 1),
        (ProgramStatus::Closed, "closed", 2),
    ];
    for (status, id, byte) in statuses {
        assert_eq!(
            (status.name(), tag(&status), status as u8),
            (id, byte, byte)
        );
    }
    assert_eq!(tag(&GateFigure::MinimumWage), 0);
}

/// Enums with data: one sample of each variant, its pinned tag given by an
/// exhaustive match (a new variant will not compile until it is pinned).
#[test]
fn enums_with_data() {
    let kinds = [
        QuestionKind::Ladder {
            steps: Default::default(),
        },
        QuestionKind::YesNo,
        QuestionKind::Single {
            options: Vec::new(),
        },
        QuestionKind::Multiple {
            options: Vec::new(),
            cap: 1.0,
        },
        QuestionKind::Number {
            bands: Vec::new(),
            unit: Some(Text::new("人", "people")),
            min: None,
            max: None,
        },
    ];
    for kind in &kinds {
        let pinned = match kind {
            QuestionKind::Ladder { .. } => 0,
            QuestionKind::YesNo => 1,
            QuestionKind::Single { .. } => 2,
            QuestionKind::Multiple { .. } => 3,
            QuestionKind::Number { .. } => 4,
        };
        assert_eq!(tag(kind), pinned, "{}", kind.name());
    }

    let tests = [
        AnswerTest::Is(true),
        AnswerTest::OneOf(3),
        AnswerTest::Includes(OptionIndex::new(1)),
        AnswerTest::Between { min: 1.0, max: 2.0 },
    ];
    for test in &tests {
        let pinned = match test {
            AnswerTest::Is(_) => 0,
            AnswerTest::OneOf(_) => 1,
            AnswerTest::Includes(_) => 2,
            AnswerTest::Between { .. } => 3,
        };
        assert_eq!(tag(test), pinned, "{test:?}");
    }

    let profile_tests = [
        ProfileTest::RegularEmployees { min: 0.0, max: 5.0 },
        ProfileTest::CapitalYen { min: 0.0, max: 5.0 },
        ProfileTest::Industry(1),
        ProfileTest::Prefecture(1),
    ];
    for test in &profile_tests {
        let pinned = match test {
            ProfileTest::RegularEmployees { .. } => 0,
            ProfileTest::CapitalYen { .. } => 1,
            ProfileTest::Industry(_) => 2,
            ProfileTest::Prefecture(_) => 3,
        };
        assert_eq!(tag(test), pinned, "{test:?}");
    }

    let leaf = Condition::Profile(ProfileTest::Industry(1));
    let conditions = [
        Condition::Answer {
            question: QuestionIndex::new(0),
            test: AnswerTest::Is(true),
        },
        Condition::Level {
            dimension: DimensionIndex::new(0),
            at_least: 1,
            at_most: 2,
        },
        leaf.clone(),
        Condition::All(vec![leaf.clone()]),
        Condition::Any(vec![leaf.clone()]),
        Condition::Not(Box::new(leaf)),
    ];
    for condition in &conditions {
        let pinned = match condition {
            Condition::Answer { .. } => 0,
            Condition::Level { .. } => 1,
            Condition::Profile(_) => 2,
            Condition::All(_) => 3,
            Condition::Any(_) => 4,
            Condition::Not(_) => 5,
        };
        assert_eq!(tag(condition), pinned, "{condition:?}");
    }

    for item in [
        Item::Question(QuestionIndex::new(3)),
        Item::Gate(GateIndex::new(3)),
    ] {
        let pinned = match item {
            Item::Question(_) => 0,
            Item::Gate(_) => 1,
        };
        assert_eq!(encode(&item).expect("encodes"), [pinned, 3]);
    }
}
