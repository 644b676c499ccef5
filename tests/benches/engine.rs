//! Speed of the engine on the shipped banks, reported by `cargo xtask bench`.
//!
//! Targets (native, this 2-core machine): parse + validate the midsize bank
//! ≤ 2 ms; score one response ≤ 20 µs; every hostile file rejected in well
//! under a second. Each figure is the median of repeated runs.

use std::hint::black_box;
use std::time::{Duration, Instant};

use shindan_engine::{
    SourceFile, document_kind, load_bank, load_catalogue, read_answer_sheet, score,
};

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time<T>(repeat: usize, mut work: impl FnMut() -> T) -> Duration {
    let runs = (0..repeat)
        .map(|_| {
            let start = Instant::now();
            black_box(work());
            start.elapsed()
        })
        .collect();
    median(runs)
}

fn read(path: &str) -> String {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    std::fs::read_to_string(format!("{root}/{path}")).unwrap_or_else(|error| {
        eprintln!("cannot read {path}: {error}");
        std::process::exit(1)
    })
}

fn main() {
    let catalogue_text = read("question-banks/catalogue.yaml");
    let Some(catalogue) =
        load_catalogue(&SourceFile::new("catalogue.yaml", catalogue_text.clone())).value
    else {
        eprintln!("question-banks/catalogue.yaml has errors; run `shindan validate`");
        std::process::exit(1)
    };
    println!("{:<44} {:>12}", "benchmark", "median");
    let catalogue_time = time(200, || {
        load_catalogue(&SourceFile::new("catalogue.yaml", catalogue_text.as_str()))
    });
    println!(
        "{:<44} {:>12?}",
        "parse + validate catalogue", catalogue_time
    );
    for tier in ["small", "sme", "midsize"] {
        let text = read(&format!("question-banks/{tier}.yaml"));
        let load = time(200, || {
            load_bank(&SourceFile::new("bank.yaml", text.as_str()), &catalogue)
        });
        println!(
            "{:<44} {:>12?}",
            format!("parse + validate {tier} bank ({} KiB)", text.len() / 1024),
            load
        );
        let Some(bank) = load_bank(&SourceFile::new("bank.yaml", text.as_str()), &catalogue).value
        else {
            eprintln!("question-banks/{tier}.yaml has errors");
            std::process::exit(1)
        };
        let answers = read(&format!("tests/golden/{tier}-middling.yaml"));
        let Some(sheet) = read_answer_sheet(&SourceFile::new("answers.yaml", answers), &bank).value
        else {
            eprintln!("tests/golden/{tier}-middling.yaml has errors");
            std::process::exit(1)
        };
        let per_response = time(51, || {
            for _ in 0..1_000 {
                black_box(score(
                    &bank,
                    black_box(&sheet.answers),
                    sheet.profile.as_ref(),
                ));
            }
        }) / 1_000;
        println!(
            "{:<44} {:>12?}",
            format!("score one {tier} response"),
            per_response
        );
    }
    // Review V1: the `show_if` loop check was cubic (2,000 links: 60 s in
    // a debug CLI). Parsing alone is timed too, to show the checks' share.
    let fixture_text = read("tests/banks/catalogue.yaml");
    let Some(fixture) = load_catalogue(&SourceFile::new("catalogue.yaml", fixture_text)).value
    else {
        eprintln!("tests/banks/catalogue.yaml has errors");
        std::process::exit(1)
    };
    for links in [1_000, 2_000, 4_000] {
        let text = shindan_tests::show_if_chain(links, false);
        let parse = time(5, || {
            document_kind(&SourceFile::new("chain.yaml", text.as_str())).is_ok()
        });
        let load = time(5, || {
            load_bank(&SourceFile::new("chain.yaml", text.as_str()), &fixture)
                .diagnostics
                .len()
        });
        println!(
            "{:<44} {:>12?} (parse alone {:?})",
            format!("validate a {links}-link show_if chain"),
            load,
            parse
        );
    }
    let hostile: Vec<(&str, Vec<u8>)> = vec![
        (
            "20,000-deep flow nesting",
            format!(
                "kind: bank\nq: {}{}\n",
                "[".repeat(20_000),
                "]".repeat(20_000)
            )
            .into_bytes(),
        ),
        (
            "20,000-deep block sequence",
            format!("kind: bank\nq:\n  {}x\n", "- ".repeat(20_000)).into_bytes(),
        ),
        ("billion laughs (9 × 9 aliases)", {
            let mut text =
                String::from("kind: bank\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
            for (previous, name) in "abcdefgh".chars().zip("bcdefghi".chars()) {
                text.push_str(&format!(
                    "{name}: &{name} [{}]\n",
                    vec![format!("*{previous}"); 9].join(", ")
                ));
            }
            text.into_bytes()
        }),
        (
            "2 MiB + 1 file",
            vec![b'x'; shindan_engine::MAX_FILE_BYTES + 1],
        ),
        (
            "4 KiB random bytes",
            (0..4096u32)
                .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
                .collect(),
        ),
    ];
    for (name, bytes) in hostile {
        let rejects = || match shindan_engine::decode("hostile.yaml", &bytes) {
            Ok(file) => document_kind(&file).is_err(),
            Err(_) => true,
        };
        let elapsed = time(5, rejects);
        let rejected = rejects();
        println!(
            "{:<44} {:>12?} {}",
            format!("reject {name}"),
            elapsed,
            if rejected { "rejected" } else { "ACCEPTED" }
        );
    }
}
