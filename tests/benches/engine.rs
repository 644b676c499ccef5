//! Speed of the engine on the shipped banks, reported by `cargo xtask bench`.
//!
//! Targets (native, this 2-core machine): parse + validate the midsize bank
//! ≤ 2 ms; score one response ≤ 20 µs; every hostile file rejected in well
//! under a second. divan warms each benchmark up and times sub-µs work in
//! batches, so the medians it prints are not clock resolution.

use std::sync::LazyLock;

use divan::{Bencher, black_box};
use shindan_engine::{
    AnswerSheet, Bank, Catalogue, SourceFile, document_kind, load_bank, load_catalogue,
    read_answer_sheet, score,
};

fn main() {
    divan::main();
}

/// The tiers of the shipped banks, smallest first.
const TIERS: [&str; 3] = ["small", "sme", "midsize"];

/// A benchmark cannot run without its input: say which file and stop, so
/// `cargo xtask bench` fails instead of timing nothing.
fn fail(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(1)
}

fn read(path: &str) -> String {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    std::fs::read_to_string(format!("{root}/{path}"))
        .unwrap_or_else(|error| fail(&format!("cannot read {path}: {error}")))
}

static CATALOGUE_TEXT: LazyLock<String> = LazyLock::new(|| read("question-banks/catalogue.yaml"));

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| {
    load_catalogue(&SourceFile::new("catalogue.yaml", CATALOGUE_TEXT.as_str()))
        .value
        .unwrap_or_else(|| fail("question-banks/catalogue.yaml has errors; run `shindan validate`"))
});

fn bank_text(tier: &str) -> String {
    read(&format!("question-banks/{tier}.yaml"))
}

fn bank(tier: &str) -> Bank {
    load_bank(&SourceFile::new("bank.yaml", bank_text(tier)), &CATALOGUE)
        .value
        .unwrap_or_else(|| fail(&format!("question-banks/{tier}.yaml has errors")))
}

/// The golden company of `tier` that answers in the middle of each scale.
fn middling(tier: &str, bank: &Bank) -> AnswerSheet {
    let path = format!("tests/golden/{tier}-middling.yaml");
    read_answer_sheet(&SourceFile::new("answers.yaml", read(&path)), bank)
        .value
        .unwrap_or_else(|| fail(&format!("{path} has errors")))
}

#[divan::bench]
fn parse_and_validate_catalogue(bencher: Bencher) {
    let text = CATALOGUE_TEXT.as_str();
    bencher.bench(|| load_catalogue(&SourceFile::new("catalogue.yaml", black_box(text))));
}

#[divan::bench(args = TIERS)]
fn parse_and_validate_bank(bencher: Bencher, tier: &str) {
    let text = bank_text(tier);
    let catalogue = &*CATALOGUE;
    bencher.bench(|| {
        load_bank(
            &SourceFile::new("bank.yaml", black_box(text.as_str())),
            catalogue,
        )
    });
}

#[divan::bench(args = TIERS)]
fn score_one_response(bencher: Bencher, tier: &str) {
    let bank = bank(tier);
    let sheet = middling(tier, &bank);
    bencher.bench(|| {
        score(
            &bank,
            black_box(&sheet.answers),
            black_box(sheet.profile.as_ref()),
        )
    });
}

/// Review V1: the `show_if` loop check was cubic (2,000 links: 60 s in a
/// debug CLI). `parse_show_if_chain` times parsing alone, to show the
/// checks' share.
const CHAIN_LINKS: [usize; 3] = [1_000, 2_000, 4_000];

static FIXTURE_CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| {
    load_catalogue(&SourceFile::new(
        "catalogue.yaml",
        read("tests/banks/catalogue.yaml"),
    ))
    .value
    .unwrap_or_else(|| fail("tests/banks/catalogue.yaml has errors"))
});

#[divan::bench(args = CHAIN_LINKS, sample_count = 10)]
fn validate_show_if_chain(bencher: Bencher, links: usize) {
    let text = shindan_tests::show_if_chain(links, false);
    let catalogue = &*FIXTURE_CATALOGUE;
    bencher.bench(|| {
        load_bank(
            &SourceFile::new("chain.yaml", black_box(text.as_str())),
            catalogue,
        )
    });
}

#[divan::bench(args = CHAIN_LINKS, sample_count = 10)]
fn parse_show_if_chain(bencher: Bencher, links: usize) {
    let text = shindan_tests::show_if_chain(links, false);
    bencher.bench(|| document_kind(&SourceFile::new("chain.yaml", black_box(text.as_str()))));
}

/// Files built to exhaust a parser, each of which must be refused.
const HOSTILE: [&str; 5] = [
    "20,000-deep flow nesting",
    "20,000-deep block sequence",
    "billion laughs (9 × 9 aliases)",
    "2 MiB + 1 file",
    "4 KiB random bytes",
];

fn hostile(name: &str) -> Vec<u8> {
    match name {
        "20,000-deep flow nesting" => format!(
            "kind: bank\nq: {}{}\n",
            "[".repeat(20_000),
            "]".repeat(20_000)
        )
        .into_bytes(),
        "20,000-deep block sequence" => {
            format!("kind: bank\nq:\n  {}x\n", "- ".repeat(20_000)).into_bytes()
        }
        "billion laughs (9 × 9 aliases)" => {
            let mut text =
                String::from("kind: bank\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
            for (previous, name) in "abcdefgh".chars().zip("bcdefghi".chars()) {
                text.push_str(&format!(
                    "{name}: &{name} [{}]\n",
                    vec![format!("*{previous}"); 9].join(", ")
                ));
            }
            text.into_bytes()
        }
        "2 MiB + 1 file" => vec![b'x'; shindan_engine::MAX_FILE_BYTES + 1],
        "4 KiB random bytes" => (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect(),
        other => fail(&format!("no hostile input named {other:?}")),
    }
}

/// Whether the engine refuses `bytes` as a bank file.
fn rejects(bytes: &[u8]) -> bool {
    match shindan_engine::decode("hostile.yaml", bytes) {
        Ok(file) => document_kind(&file).is_err(),
        Err(_) => true,
    }
}

#[divan::bench(args = HOSTILE, sample_count = 20)]
fn reject(bencher: Bencher, name: &str) {
    let bytes = hostile(name);
    if !rejects(&bytes) {
        fail(&format!("the engine accepted the hostile input {name:?}"));
    }
    bencher.bench(|| rejects(black_box(&bytes)));
}

/// An answers file naming 20,000 questions the bank does not have (review
/// R-A1): refused, with a short report, in far less than a second.
#[divan::bench(sample_count = 20)]
fn refuse_twenty_thousand_unknown_answers(bencher: Bencher) {
    let bank = bank("small");
    let ids: Vec<String> = (0..20_000)
        .map(|i| format!("\"unknown_{i:05}\": 1"))
        .collect();
    let text = format!("{{\"answers\": {{{}}}}}", ids.join(", "));
    let file = SourceFile::new("answers.json", text);
    if !read_answer_sheet(&file, &bank).has_errors() {
        fail("an answers file of 20,000 unknown questions was accepted");
    }
    bencher.bench(|| read_answer_sheet(black_box(&file), &bank));
}
