//! Routing of the shipped banks as the call intends: duties asked only of
//! companies they bind, 地域の人事部 first where the call names the gap, and
//! no closed program ever recommended.

use shindan_engine::{
    Answers, Bank, Industry, OptionIndex, Prefecture, Profile, ProgramIndex, ProgramStatus,
    QuestionIndex, gate_applicability, score, visibility,
};

use crate::calibration::uniform_answers;
use crate::shipped::shipped;

fn profile(industry: Industry, regular_employees: u32, prefecture: Prefecture) -> Profile {
    Profile {
        industry,
        regular_employees,
        capital_yen: None,
        prefecture,
    }
}

fn asked_gates(bank: &Bank, answers: &Answers, profile: &Profile) -> Vec<String> {
    let visible = visibility(bank, answers, Some(profile));
    gate_applicability(bank, answers, Some(profile), &visible)
        .into_iter()
        .zip(&bank.gates)
        .filter(|(applies, _)| *applies)
        .map(|(_, gate)| gate.id.clone())
        .collect()
}

#[test]
fn a_midsize_retailer_of_60_is_not_asked_the_duties_of_101_or_more() {
    let bank = shipped("midsize");
    let retailer = profile(Industry::Retail, 60, Prefecture::Fukuoka);
    let asked = asked_gates(&bank, &Answers::new(&bank), &retailer);
    for duty in [
        "g_women_action_plan",
        "g_women_disclosure",
        "g_next_generation",
        "g_male_leave_disclosure",
    ] {
        assert!(
            !asked.contains(&duty.to_owned()),
            "{duty} asked of a retailer of 60"
        );
    }
    // 60 workers are bound by the disability rate (37.5+) and the 50+ duties.
    for duty in ["g_disability", "g_stress_check", "g_industrial_physician"] {
        assert!(
            asked.contains(&duty.to_owned()),
            "{duty} not asked of a retailer of 60"
        );
    }
    let of_120 = asked_gates(
        &bank,
        &Answers::new(&bank),
        &profile(Industry::Retail, 120, Prefecture::Fukuoka),
    );
    assert!(of_120.contains(&"g_women_disclosure".to_owned()));
}

#[test]
fn construction_and_haulage_get_the_2024_overtime_caps_instead_of_the_general_ones() {
    for tier in ["small", "sme", "midsize"] {
        let bank = shipped(tier);
        let none = Answers::new(&bank);
        let builder = asked_gates(
            &bank,
            &none,
            &profile(Industry::Construction, 15, Prefecture::Saga),
        );
        let shop = asked_gates(
            &bank,
            &none,
            &profile(Industry::Retail, 4, Prefecture::Saga),
        );
        assert!(
            builder.contains(&"g_overtime_cap_2024".to_owned()),
            "{tier}"
        );
        assert!(!builder.contains(&"g_overtime_cap".to_owned()), "{tier}");
        assert!(shop.contains(&"g_overtime_cap".to_owned()), "{tier}");
        assert!(!shop.contains(&"g_overtime_cap_2024".to_owned()), "{tier}");
        assert!(
            !shop.contains(&"g_work_rules".to_owned()),
            "{tier}: 4 workers need no work rules"
        );
    }
}

#[test]
fn a_company_in_saga_nagasaki_or_oita_weak_on_support_sees_the_regional_hr_network_first() {
    for tier in ["small", "sme", "midsize"] {
        let bank = shipped(tier);
        let weak = uniform_answers(&bank, 0.0);
        for (prefecture, first) in [
            (Prefecture::Saga, Some("regional-hr")),
            (Prefecture::Nagasaki, Some("regional-hr")),
            (Prefecture::Oita, Some("regional-hr")),
            (Prefecture::Fukuoka, None),
        ] {
            let company = profile(Industry::Manufacturing, 10, prefecture);
            let scores = score(&bank, &weak, Some(&company));
            let first_step = scores.next_steps()[0];
            let programs = bank.catalogue.routed(&bank[first_step].programs);
            let first_program = bank.catalogue[programs[0]].id.as_str();
            match first {
                Some(expected) => assert_eq!(first_program, expected, "{tier} {prefecture:?}"),
                None => assert!(
                    scores
                        .recommendations
                        .iter()
                        .all(|&rule| !bank[rule].id.ends_with("support-regional-hr-first")),
                    "{tier}: the gap-region rule shown in Fukuoka"
                ),
            }
        }
    }
}

#[test]
fn no_recommendation_or_gate_ever_shows_a_closed_program() {
    for tier in ["small", "sme", "midsize"] {
        let bank = shipped(tier);
        let catalogue = &bank.catalogue;
        let lists = bank
            .recommendations
            .iter()
            .map(|rule| &rule.programs)
            .chain(bank.gates.iter().map(|gate| &gate.programs));
        for programs in lists {
            let shown = catalogue.routed(programs);
            assert!(!shown.is_empty(), "{tier}: a rule routes to no program");
            for program in shown {
                assert_ne!(catalogue[program].status, ProgramStatus::Closed);
            }
        }
    }
}

#[test]
fn start_pack_is_offered_only_to_companies_that_intend_to_grow() {
    for tier in ["sme", "midsize"] {
        let bank = shipped(tier);
        let start_pack = bank
            .catalogue
            .programs
            .iter()
            .position(|program| program.id == "start-pack")
            .map(ProgramIndex::new)
            .expect("the catalogue has the start pack");
        let growth = bank
            .questions
            .iter()
            .position(|question| question.id == "growth_intent")
            .map(QuestionIndex::new)
            .expect("the bank asks about growth");
        let company = profile(Industry::Manufacturing, 120, Prefecture::Fukuoka);
        for (intent, offered) in [("expand", true), ("steady", false), ("handover", false)] {
            let mut answers = uniform_answers(&bank, 0.25);
            let option = bank[growth]
                .kind
                .options()
                .iter()
                .position(|option| option.id == intent)
                .map(OptionIndex::new)
                .expect("growth option");
            answers
                .set_question(&bank, growth, Some(shindan_engine::Answer::Choice(option)))
                .expect("valid");
            let scores = score(&bank, &answers, Some(&company));
            let shown = scores.recommendations.iter().any(|&rule| {
                bank.catalogue
                    .routed(&bank[rule].programs)
                    .contains(&start_pack)
            });
            assert_eq!(shown, offered, "{tier}: growth intent {intent}");
        }
    }
}

#[test]
fn editions_side_by_side_name_the_dimensions_whose_questions_changed() {
    use shindan_engine::{SourceFile, changed_dimensions, load_bank, load_catalogue};
    let dir = crate::expect::repo().join("question-banks/editions/2026.1");
    let read = |name: &str| {
        SourceFile::new(
            name,
            std::fs::read_to_string(dir.join(name)).expect("edition file"),
        )
    };
    let catalogue = load_catalogue(&read("catalogue.yaml"))
        .into_result()
        .expect("2026.1 catalogue");
    for tier in ["small", "sme", "midsize"] {
        let old = load_bank(&read(&format!("{tier}.yaml")), &catalogue)
            .into_result()
            .expect("2026.1 bank");
        assert_eq!(old.version, "2026.1");
        assert_eq!(old.superseded_by.as_deref(), Some("2026.2"));
        let new = shipped(tier);
        let changed = changed_dimensions(&old, &new);
        // Every dimension was recalibrated in 2026.2 (CHANGELOG).
        assert!(!changed.is_empty(), "{tier}");
        assert!(changed_dimensions(&new, &new).is_empty(), "{tier}");
    }
}

#[test]
fn synthetic_or_small_peer_groups_are_not_shown_to_real_users() {
    use shindan_engine::{Reference, SourceFile};
    let path = crate::expect::repo().join("question-banks/reference.yaml");
    let file = SourceFile::new(
        "reference.yaml",
        std::fs::read_to_string(path).expect("reference file"),
    );
    let mut reference = Reference::read(&file).into_result().expect("reference");
    assert!(reference.synthetic);
    let (tier, industry) = (shindan_engine::Tier::Small, Industry::Retail);
    let catalogue = shipped("small").catalogue.clone();
    assert!(
        reference
            .shown_group(&catalogue, tier, industry, false)
            .is_none()
    );
    assert!(
        reference
            .shown_group(&catalogue, tier, industry, true)
            .is_some()
    );
    reference.synthetic = false;
    assert!(
        reference
            .shown_group(&catalogue, tier, industry, false)
            .is_some()
    );
    // A bank on another catalogue, or another edition of it, has no peers here.
    let mut other = catalogue.clone();
    other.version = "2026.1".to_owned();
    assert!(
        reference
            .shown_group(&other, tier, industry, false)
            .is_none()
    );
    other.version = catalogue.version.clone();
    other.id = "another-sheet".to_owned();
    assert!(
        reference
            .shown_group(&other, tier, industry, false)
            .is_none()
    );
    for group in &mut reference.groups {
        group.n = 29;
    }
    assert!(
        reference
            .shown_group(&catalogue, tier, industry, false)
            .is_none()
    );
}
