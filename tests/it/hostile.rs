//! Hostile inputs too big to commit, generated here: each is rejected with
//! a clear, located error (their speed is measured by `cargo xtask bench`).

use shindan_engine::{MAX_FILE_BYTES, document_kind, render};

use crate::expect::{self, root};

fn check(name: &str, bytes: &[u8]) -> Result<(), String> {
    let rendered = match shindan_engine::decode(name, bytes) {
        Ok(file) => match document_kind(&file) {
            Ok(kind) => return Err(format!("{name}: accepted as {kind:?}")),
            Err(diagnostic) => render::render(&file, &diagnostic),
        },
        Err(undecodable) => render::render(&undecodable.file, &undecodable.diagnostic),
    };
    expect::check(
        &root()
            .join("banks/hostile")
            .join(format!("{name}.expected")),
        &rendered,
    )
}

#[test]
fn hostile_files_are_rejected_with_a_clear_error() {
    let mut big = b"kind: bank\nfiller: \"".to_vec();
    big.resize(MAX_FILE_BYTES + 1024, b'x');
    let deep_mapping: String = (0..500)
        .map(|depth| format!("{}a:\n", " ".repeat(depth)))
        .collect();
    let wide_aliases = format!(
        "kind: bank\nbase: &x [1]\nrefs: [{}]\n",
        vec!["*x"; 5_000].join(", ")
    );
    let failures: Vec<String> = [
        check("too-large.yaml", &big),
        check("deep-mapping.yaml", deep_mapping.as_bytes()),
        check("many-aliases.yaml", wide_aliases.as_bytes()),
    ]
    .into_iter()
    .filter_map(Result::err)
    .collect();
    expect::all(failures);
}

/// Review V1/U1: the `show_if` loop check was cubic (a chain of 2,000
/// references took a minute). Every reference must still be reported,
/// each as what it is; the time is in BENCHMARKS.md (`cargo xtask bench`).
#[test]
fn a_long_show_if_chain_is_reported_reference_by_reference() {
    use shindan_engine::{Code, SourceFile, load_bank};
    let catalogue = crate::fixtures::fixture_catalogue();
    let count = |text: String| {
        let checked = load_bank(&SourceFile::new("chain.yaml", text), &catalogue);
        let of = |code: Code| {
            checked
                .diagnostics
                .iter()
                .filter(|diagnostic| diagnostic.code == code)
                .count()
        };
        (
            of(Code::ShowIfForward),
            of(Code::ShowIfCycle),
            checked.diagnostics.len(),
        )
    };
    // An open chain: 4,000 forward references and one loop of two.
    assert_eq!(
        count(shindan_tests::show_if_chain(4_000, false)),
        (4_000, 1, 4_001)
    );
    // Closed into one loop: every forward reference is part of it.
    assert_eq!(
        count(shindan_tests::show_if_chain(4_000, true)),
        (0, 4_001, 4_001)
    );
}
