//! What each fuzz target feeds to the engine and what must hold afterwards.
//!
//! Shared by the cargo-fuzz targets (`fuzz_targets/`, nightly) and by the
//! replay of the committed corpus (`tests/it/fuzz_corpus.rs`, stable), so a
//! crash the fuzzer once found stays a failing test. Beyond "never panics",
//! each target checks what users rely on: a bank that loads is sound and
//! compiles; scores stay within 0–100 and levels within 1–5; what is written
//! reads back the same.

use std::sync::OnceLock;

use shindan_engine::table::read::{Records, decode as decode_text};
use shindan_engine::{
    Answer, Answers, Archive, Bank, Catalogue, Compiled, GateIndex, MAX_INFLATED_BYTES,
    OptionIndex, Profile, QuestionIndex, QuestionKind, Reference, ResultDoc, SourceFile,
    SurveyColumns, coverage, decode, encode_handoff, load_bank, load_catalogue, parse_handoff,
    read_answer_sheet, records_from_scored_csv, result_csv, score,
};

/// The banks inputs are read against: the shipped ones and the fixture
/// bank that has every kind of question.
struct Banks {
    catalogue: Catalogue,
    banks: Vec<Bank>,
}

fn banks() -> &'static Banks {
    static BANKS: OnceLock<Banks> = OnceLock::new();
    BANKS.get_or_init(|| {
        let load = |name: &str, text: &str| load_catalogue(&SourceFile::new(name, text)).value;
        let shipped = load(
            "catalogue.yaml",
            include_str!("../../question-banks/catalogue.yaml"),
        );
        let fixture = load(
            "fixture-catalogue.yaml",
            include_str!("../../tests/banks/catalogue.yaml"),
        );
        let (Some(catalogue), Some(fixture)) = (shipped, fixture) else {
            return Banks {
                catalogue: Catalogue::default(),
                banks: Vec::new(),
            };
        };
        let mut banks = Vec::new();
        for (name, text, catalogue) in [
            (
                "small.yaml",
                include_str!("../../question-banks/small.yaml"),
                &catalogue,
            ),
            (
                "sme.yaml",
                include_str!("../../question-banks/sme.yaml"),
                &catalogue,
            ),
            (
                "midsize.yaml",
                include_str!("../../question-banks/midsize.yaml"),
                &catalogue,
            ),
            (
                "every-kind.yaml",
                include_str!("../../tests/banks/valid/every-kind.yaml"),
                &fixture,
            ),
        ] {
            if let Some(bank) = load_bank(&SourceFile::new(name, text), catalogue).value {
                banks.push(bank);
            }
        }
        assert_eq!(banks.len(), 4, "the shipped and fixture banks load");
        Banks { catalogue, banks }
    })
}

fn bank_named(id: &str) -> Option<&'static Bank> {
    banks().banks.iter().find(|bank| bank.id == id)
}

/// Everything the app and the CLI do with a diagnosis, with the checks on
/// what comes out.
pub fn exercise(bank: &Bank, answers: &Answers, profile: Option<&Profile>) {
    let scores = score(bank, answers, profile);
    for dimension in &scores.dimensions {
        if let Some(score) = dimension.score {
            assert!((0.0..=100.0).contains(&score), "dimension score {score}");
        }
        if let Some(level) = dimension.level {
            assert!((1..=5).contains(&level), "level {level}");
        }
    }
    if let Some(overall) = scores.overall {
        assert!((0.0..=100.0).contains(&overall), "overall {overall}");
    }
    assert!((0.0..=1.0).contains(&scores.completeness));
    let result = ResultDoc::new(bank, answers, &scores, profile.cloned(), "2026-01-01", None);
    let _ = result_csv(&result, bank, shindan_engine::Lang::Ja);
    // The answers survive their file form.
    let (back, problems) = Answers::from_values(bank, &result.answers);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(&back, answers);
    // And the QR hand-off.
    let fragment = encode_handoff(bank, answers, profile);
    if let Ok(fragment) = fragment {
        let opened = parse_handoff(&fragment).and_then(|handoff| handoff.open(bank));
        match opened {
            Ok((back, back_profile)) => {
                assert_eq!(&back, answers);
                assert_eq!(back_profile.as_ref(), profile);
            }
            Err(error) => panic!("a fresh hand-off does not open: {error}"),
        }
    }
    let _ = coverage(bank);
}

/// Answers chosen by `seed`, one byte per question, each fitting its kind.
pub fn answers_from(bank: &Bank, seed: &[u8]) -> Answers {
    let mut answers = Answers::new(bank);
    if seed.is_empty() {
        return answers;
    }
    for (index, question) in bank.questions.iter().enumerate() {
        let byte = seed[index % seed.len()];
        let answer = match &question.kind {
            _ if byte == 0xff && question.allow_na => Answer::NotApplicable,
            QuestionKind::Ladder { .. } => Answer::Step(1 + byte % 5),
            QuestionKind::YesNo => Answer::YesNo(byte.is_multiple_of(2)),
            QuestionKind::Single { options } => {
                Answer::Choice(OptionIndex::new(usize::from(byte) % options.len()))
            }
            QuestionKind::Multiple { options, .. } => {
                let mask = options
                    .iter()
                    .enumerate()
                    .filter(|&(bit, option)| {
                        !option.exclusive && byte.rotate_left(bit as u32) & 1 == 1
                    })
                    .fold(0u64, |mask, (bit, _)| mask | 1 << bit);
                Answer::Choices(mask)
            }
            QuestionKind::Number { bands, min, .. } => {
                let band = bands[usize::from(byte) % bands.len()].from;
                Answer::Number(min.map_or(band, |min| band.max(min)))
            }
        };
        let _ = answers.set_question(bank, QuestionIndex::new(index), Some(answer));
    }
    for index in 0..bank.gates.len() {
        answers.set_gate(
            GateIndex::new(index),
            Some(seed[index % seed.len()].is_multiple_of(2)),
        );
    }
    answers
}

/// Bank and catalogue YAML: a bank that loads is sound, compiles, reads
/// back the same and scores within range.
pub fn bank(data: &[u8]) {
    let Ok(file) = decode("fuzz.yaml", data) else {
        return;
    };
    if let Some(catalogue) = load_catalogue(&file).value {
        assert_eq!(catalogue.check_invariants(), Ok(()));
    }
    let Some(bank) = load_bank(&file, &banks().catalogue).value else {
        return;
    };
    assert_eq!(bank.check_invariants(), Ok(()));
    let compiled = Compiled::new(bank.catalogue.clone(), vec![bank.clone()]);
    let bytes = compiled.to_bytes();
    let back = bytes.as_deref().map(Compiled::from_bytes);
    assert!(
        matches!(back, Ok(Ok(_))),
        "a loaded bank compiles and reads back"
    );
    exercise(&bank, &Answers::new(&bank), None);
    exercise(&bank, &answers_from(&bank, data), None);
}

/// Compiled bank bytes, as the browser fetches them: refused or sound.
pub fn compiled(data: &[u8]) {
    let Ok(compiled) = Compiled::from_bytes(data) else {
        return;
    };
    for bank in &compiled.banks {
        assert_eq!(bank.check_invariants(), Ok(()));
        exercise(bank, &Answers::new(bank), None);
        exercise(bank, &answers_from(bank, data), None);
    }
}

/// Answers files (YAML or JSON) against every bank.
pub fn answers(data: &[u8]) {
    let Ok(file) = decode("answers.yaml", data) else {
        return;
    };
    for bank in &banks().banks {
        if let Some(sheet) = read_answer_sheet(&file, bank).value {
            exercise(bank, &sheet.answers, sheet.profile.as_ref());
        }
    }
}

/// A result file as the browser imports it.
pub fn result_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(result) = ResultDoc::from_json(text) else {
        return;
    };
    if let Some(bank) = bank_named(&result.bank.id) {
        let (answers, _) = Answers::from_values(bank, &result.answers);
        exercise(bank, &answers, result.profile.as_ref());
    }
}

/// A ZIP archive of result files, as the dashboard and `shindan analyze`
/// read it: never a panic; an entry read is within the limit asked and
/// within what the archive declares in all; each text read is then read
/// as a result file.
pub fn zip(data: &[u8]) {
    const MAX_ENTRY: u64 = 64 * 1024;
    let Ok(archive) = Archive::read(data) else {
        return;
    };
    let declared: u64 = archive.entries().iter().map(|entry| entry.size).sum();
    assert!(
        declared <= MAX_INFLATED_BYTES,
        "an archive over the limit was read"
    );
    for entry in archive.entries() {
        if let Ok(text) = archive.text(entry, MAX_ENTRY) {
            assert!(
                entry.size <= MAX_ENTRY,
                "an entry over the limit was inflated"
            );
            result_json(text.as_bytes());
        }
    }
}

/// The `#r…` fragment of the QR hand-off: as given, and (so that the
/// fuzzer gets past the checksum) the bytes after a first byte sealed as
/// an `r1` or `r2` payload with a valid checksum.
pub fn handoff(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        open_fragment(text);
    }
    if let Some((&first, payload)) = data.split_first() {
        let prefix = if first % 2 == 0 { "r2." } else { "r1." };
        open_fragment(&seal(prefix, payload));
    }
}

fn open_fragment(text: &str) {
    let Ok(handoff) = parse_handoff(text) else {
        return;
    };
    for bank in banks()
        .banks
        .iter()
        .filter(|bank| bank.tier == handoff.tier)
    {
        if let Ok((answers, profile)) = handoff.open(bank) {
            exercise(bank, &answers, profile.as_ref());
        }
    }
}

/// What the app puts in a link: prefix, then base64url (no padding) of
/// the payload followed by its FNV-1a-32, little-endian.
fn seal(prefix: &str, payload: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let checksum = payload.iter().fold(0x811c_9dc5_u32, |hash, &byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    let mut bytes = payload.to_vec();
    bytes.extend_from_slice(&checksum.to_le_bytes());
    let mut out = String::from(prefix);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// Survey CSV rows (any encoding) scored against every bank, and the
/// scored CSV the dashboard reads.
pub fn survey_csv(data: &[u8]) {
    let (text, _) = decode_text(data);
    for bank in &banks().banks {
        let mut records = Records::new(text.as_bytes());
        let Some(Ok(header)) = records.next() else {
            continue;
        };
        let Ok(columns) = SurveyColumns::new(bank, &header.fields()) else {
            continue;
        };
        records.expect_fields(columns.len());
        for record in records.take(64).flatten() {
            if let Ok(row) = columns.read(bank, &record.fields()) {
                exercise(bank, &row.answers, row.profile.as_ref());
            }
        }
    }
    let _ = records_from_scored_csv(data, &banks().catalogue);
}

/// Peer reference data, as YAML and as the compiled bytes the app fetches.
pub fn reference(data: &[u8]) {
    if let Ok(reference) = Reference::from_bytes(data) {
        look_up(&reference);
    }
    let Ok(file) = decode("reference.yaml", data) else {
        return;
    };
    if let Some(reference) = Reference::read(&file).value {
        let bytes = reference.to_bytes();
        let back = bytes.as_deref().map(Reference::from_bytes);
        assert!(
            matches!(back, Ok(Ok(_))),
            "reference data compiles and reads back"
        );
        look_up(&reference);
    }
}

fn look_up(reference: &Reference) {
    for tier in shindan_engine::Tier::ALL {
        for industry in shindan_engine::Industry::ALL {
            if let Some(group) = reference.group(tier, industry) {
                for distribution in group.dimensions.values() {
                    for score in [0.0, 37.5, 100.0] {
                        let rank = distribution.percentile_rank(score);
                        assert!(
                            rank.is_nan() || (0.0..=100.0).contains(&rank),
                            "rank {rank}"
                        );
                        let _ = distribution.deviation_score(score);
                    }
                }
            }
        }
    }
}
