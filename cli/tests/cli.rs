//! The real `shindan` binary on real files: exit codes, outputs, formats.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed unwrap is a failed test"
)]

use std::path::PathBuf;

use shindan_engine::{Compiled, Industry, Tier};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn shindan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shindan"))
        .args(args)
        .current_dir(repo())
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

const CATALOGUE: &str = "tests/banks/catalogue.yaml";
const BANK: &str = "tests/banks/valid/every-kind.yaml";
const ANSWERS: &str = "tests/banks/valid/every-kind.answers.middling.yaml";

#[test]
fn validate_exits_0_on_clean_files_and_1_with_every_problem() {
    let clean = shindan(&["validate", "--catalogue", CATALOGUE, CATALOGUE, BANK]);
    assert_eq!(clean.status.code(), Some(0), "{}", stderr(&clean));
    assert!(
        stdout(&clean)
            .contains("bank `every-kind` 1 (small): 6 questions, 2 gates, 4 recommendations")
    );

    let broken = shindan(&[
        "validate",
        "--catalogue",
        CATALOGUE,
        "tests/banks/invalid/many-problems.yaml",
        "tests/banks/invalid/duplicate-id.yaml",
    ]);
    assert_eq!(broken.status.code(), Some(1));
    let text = stderr(&broken);
    assert!(
        text.contains("tests/banks/invalid/many-problems.yaml:9:16: error[unknown-dimension]"),
        "{text}"
    );
    assert!(
        text.contains("= hint: did you mean `commitment`?"),
        "{text}"
    );
    assert!(
        text.contains("tests/banks/invalid/duplicate-id.yaml:13:9: error[duplicate-id]"),
        "{text}"
    );
    assert!(text.contains("5 error(s), 0 warning(s)"), "{text}");
}

#[test]
fn validate_json_lists_records_for_tools() {
    let output = shindan(&[
        "validate",
        "--format",
        "json",
        "--catalogue",
        CATALOGUE,
        "tests/banks/invalid/duplicate-id.yaml",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let records: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let first = &records[0];
    assert_eq!(first["code"], "duplicate-id");
    assert_eq!(first["line"], 13);
    assert_eq!(first["column"], 9);
    assert_eq!(first["path"], "questions[1].id");
    assert_eq!(first["severity"], "error");
    // Where the id was first defined, as a related place with its label.
    let related = &first["related"][0];
    assert_eq!(related["line"], 8);
    assert_eq!(related["column"], 9);
    assert_eq!(related["label"], "first defined here");
}

#[test]
fn warnings_fail_only_when_denied() {
    // A bank whose only problem is a warning.
    let file = "tests/banks/warnings/missing-en.yaml";
    let allowed = shindan(&["validate", "--catalogue", CATALOGUE, file]);
    let text = stderr(&allowed);
    assert_eq!(allowed.status.code(), Some(0), "{text}");
    assert!(text.contains("warning[missing-en]"), "{text}");
    assert!(text.contains("0 error(s), 1 warning(s)"), "{text}");

    let denied = shindan(&[
        "validate",
        "--catalogue",
        CATALOGUE,
        "--deny-warnings",
        file,
    ]);
    let text = stderr(&denied);
    assert_eq!(denied.status.code(), Some(1), "{text}");
    assert!(text.contains("warning[missing-en]"), "{text}");
}

#[test]
fn tier_follows_the_law_and_speaks_json() {
    let output = shindan(&[
        "tier",
        "--industry",
        "wholesale",
        "--employees",
        "101",
        "--capital",
        "100000000",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(value["category"], "sme");
    assert_eq!(value["tier"], "sme");
    let large = shindan(&[
        "tier",
        "--industry",
        "services",
        "--employees",
        "2001",
        "--format",
        "json",
    ]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&large)).unwrap();
    assert_eq!(value["category"], "large");
    assert_eq!(value["tier"], "midsize");
    let text = shindan(&["tier", "--industry", "retail", "--employees", "5"]);
    assert!(stdout(&text).contains("category: small_business"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(shindan(&[]).status.code(), Some(2));
    assert_eq!(shindan(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(
        shindan(&["tier", "--industry", "farming", "--employees", "3"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        shindan(&["tier", "--industry", "retail", "--employees", "many"])
            .status
            .code(),
        Some(2)
    );
    let missing = shindan(&["validate", "no/such/file.yaml"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("cannot read no/such/file.yaml"));
}

#[test]
fn usage_errors_show_the_usage_and_exit_2() {
    for (args, says) in [
        (&["tier", "--industry", "retail"][..], "--employees <N>"),
        (&["validate"][..], "<FILE>..."),
        (
            &[
                "score",
                "--bank",
                BANK,
                "--answers",
                ANSWERS,
                "--format",
                "csv",
            ][..],
            "with --answers, --format is text or json",
        ),
        (
            &["score", "--bank", BANK, "--answers", ANSWERS, "--strict"][..],
            "'--answers <FILE>' cannot be used with '--strict'",
        ),
    ] {
        let output = shindan(args);
        let text = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {text}");
        assert!(text.contains(says), "{args:?}: {text}");
        assert!(text.contains("Usage: shindan "), "{args:?}: {text}");
        assert!(stdout(&output).is_empty(), "{args:?}");
    }
}

#[test]
fn misspellings_are_refused_with_the_right_spelling() {
    for (args, tip) in [
        (
            &["tier", "--industry", "retal", "--employees", "3"][..],
            "tip: a similar value exists: 'retail'",
        ),
        (
            &["valdate", CATALOGUE][..],
            "tip: a similar subcommand exists: 'validate'",
        ),
        (
            &["validate", "--deny-warning", CATALOGUE][..],
            "tip: a similar argument exists: '--deny-warnings'",
        ),
        (
            &["tier", "--industy", "retail", "--employees", "3"][..],
            "tip: a similar argument exists: '--industry'",
        ),
    ] {
        let output = shindan(args);
        let text = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {text}");
        assert!(text.contains(tip), "{args:?}: {text}");
    }
}

#[test]
fn help_lists_every_command() {
    let output = shindan(&["--help"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    for command in [
        "validate",
        "tier",
        "score",
        "sample",
        "reference",
        "analyze",
        "compile",
        "coverage",
        "schema",
        "completions",
    ] {
        assert!(
            text.contains(&format!("\n  {command} ")),
            "{command}: {text}"
        );
    }
    assert!(text.contains("exit status: 0 ok, 1 the input has problems, 2 usage errors"));
}

#[test]
fn tier_help_names_every_industry_of_the_engine_in_japanese() {
    let output = shindan(&["tier", "--help"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    for industry in Industry::ALL {
        let line = text
            .lines()
            .find(|line| {
                line.trim_start()
                    .starts_with(&format!("- {}:", industry.as_str()))
            })
            .unwrap_or_else(|| panic!("{}: {text}", industry.as_str()));
        assert!(line.ends_with(&industry.name().ja), "{line}");
    }
}

#[test]
fn completions_are_generated_for_each_shell() {
    let bash = shindan(&["completions", "bash"]);
    assert_eq!(bash.status.code(), Some(0), "{}", stderr(&bash));
    let script = stdout(&bash);
    assert!(script.contains("_shindan()"), "{script}");
    assert!(script.contains("complete -F _shindan"), "{script}");
    // Every shell knows the commands and flags; those whose scripts list
    // values know the industries too.
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = shindan(&["completions", shell]);
        assert_eq!(output.status.code(), Some(0), "{shell}");
        let script = stdout(&output);
        for word in ["shindan", "validate", "deny-warnings"] {
            assert!(script.contains(word), "{shell}, {word}: {script}");
        }
        if ["bash", "zsh", "fish"].contains(&shell) {
            assert!(script.contains("retail"), "{shell}: {script}");
        }
    }
    assert_eq!(shindan(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn score_prints_the_documented_numbers() {
    let args = [
        "score",
        "--bank",
        BANK,
        "--catalogue",
        CATALOGUE,
        "--answers",
        ANSWERS,
        "--date",
        "2026-01-01",
    ];
    let json = shindan(&[&args[..], &["--format", "json"]].concat());
    assert_eq!(json.status.code(), Some(0), "{}", stderr(&json));
    // The engine's golden result for the same answers (tests/banks/valid).
    let expected = std::fs::read_to_string(
        repo().join("tests/banks/valid/every-kind.answers.middling.expected.json"),
    )
    .unwrap();
    assert_eq!(stdout(&json), expected);

    let table = stdout(&shindan(&args));
    // commitment: ladder 2 → 0.25, has_staff yes → 1, staff_count 1 → 0.5 (weight 2): 2.25 / 4.
    assert!(
        table.contains("経営層のコミットメント   56.3      3"),
        "{table}"
    );
    assert!(
        table.contains("この版は2026年12月1日時点の法令に基づきます。"),
        "{table}"
    );
    // 4 workers: the work-rules duty (10 or more) does not bind this company.
    assert!(!table.contains("gate findings"), "{table}");
    assert!(
        table.contains("not applicable (該当しません): rules"),
        "{table}"
    );

    let saga = shindan(&[
        "score",
        "--bank",
        BANK,
        "--catalogue",
        CATALOGUE,
        "--answers",
        "tests/banks/valid/every-kind.answers.saga.yaml",
    ]);
    let table = stdout(&saga);
    assert!(table.contains("gate findings:\n  - rules:"), "{table}");
    assert!(
        table.contains("根拠: 労働基準法 第89条（2000年1月1日から）"),
        "{table}"
    );
    // The closed seminar is routed to its fallback, the desk, listed once.
    assert_eq!(table.matches("→ 人材課題相談窓口").count(), 1, "{table}");
    assert!(!table.contains("昨年度のセミナー"), "{table}");
}

#[test]
fn score_names_every_bad_answer() {
    let output = shindan(&[
        "score",
        "--bank",
        BANK,
        "--catalogue",
        CATALOGUE,
        "--answers",
        "tests/banks/invalid/invalid-answer.answers.yaml",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(
        text.contains("error[unknown-question]: bank `every-kind` has no question `ghost`"),
        "{text}"
    );
    assert!(
        text.contains("error[invalid-answer]: the number 7 does not answer `ladder`"),
        "{text}"
    );
}

#[test]
fn a_catalogue_given_as_a_bank_is_named_as_such() {
    let output = shindan(&[
        "score",
        "--bank",
        CATALOGUE,
        "--catalogue",
        CATALOGUE,
        "--answers",
        ANSWERS,
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output)
            .contains("error[wrong-kind]: this is a catalogue file; a bank was expected")
    );
}

#[test]
fn schema_describes_both_file_kinds() {
    let output = shindan(&["schema"]);
    assert_eq!(output.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let defs = &schema["$defs"];
    assert_eq!(defs["RawBank"]["properties"]["kind"]["const"], "bank");
    assert_eq!(
        defs["RawCatalogue"]["properties"]["kind"]["const"],
        "catalogue"
    );
    assert!(defs["RawQuestion"]["properties"]["show_if"].is_object());
}

#[test]
fn compile_writes_one_file_per_tier_and_nothing_for_a_broken_bank() {
    let out = std::env::temp_dir().join(format!("shindan-compile-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let out_arg = out.to_str().unwrap();
    let compiled = shindan(&[
        "compile",
        "question-banks/small.yaml",
        "question-banks/midsize.yaml",
        "--out-dir",
        out_arg,
    ]);
    assert_eq!(compiled.status.code(), Some(0), "{}", stderr(&compiled));
    for (tier, name) in [(Tier::Small, "small"), (Tier::Midsize, "midsize")] {
        let bytes = std::fs::read(out.join(format!("{name}.bin"))).unwrap();
        let compiled = Compiled::from_bytes(&bytes).unwrap();
        assert_eq!(compiled.banks[0].tier, tier);
        assert_eq!(compiled.banks[0].catalogue.id, "kyushu-hr");
    }
    assert!(!out.join("sme.bin").exists());

    let broken = shindan(&[
        "compile",
        "--catalogue",
        CATALOGUE,
        "tests/banks/invalid/duplicate-id.yaml",
        "--out-dir",
        out_arg,
    ]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(
        stderr(&broken).contains("error[duplicate-id]"),
        "{}",
        stderr(&broken)
    );
    let files = std::fs::read_dir(&out).unwrap().count();
    assert_eq!(files, 2, "nothing is written for a broken bank");
    let _ = std::fs::remove_dir_all(&out);
}

/// A write that fails leaves neither an empty nor a cut-short `.bin`, and
/// says so; the file the site ships is always the whole compiled bank.
#[test]
fn compile_never_leaves_an_empty_or_partial_bin() {
    let out = temp_dir("compile-blocked");
    // The target name is taken by a folder: the final rename must fail.
    std::fs::create_dir_all(out.join("small.bin").join("blocker")).unwrap();
    let out_arg = out.to_str().unwrap();
    let blocked = shindan(&["compile", "question-banks/small.yaml", "--out-dir", out_arg]);
    assert_ne!(blocked.status.code(), Some(0));
    assert!(
        stderr(&blocked).contains("cannot write"),
        "{}",
        stderr(&blocked)
    );
    let names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["small.bin"], "no partial file is left behind");
    assert!(out.join("small.bin").is_dir());

    let fine = temp_dir("compile-fine");
    let written = shindan(&[
        "compile",
        "question-banks/small.yaml",
        "--out-dir",
        fine.to_str().unwrap(),
    ]);
    assert_eq!(written.status.code(), Some(0), "{}", stderr(&written));
    let bytes = std::fs::read(fine.join("small.bin")).unwrap();
    assert!(bytes.len() > 1000, "{} bytes", bytes.len());
    Compiled::from_bytes(&bytes).unwrap();
    let _ = std::fs::remove_dir_all(&out);
    let _ = std::fs::remove_dir_all(&fine);
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("shindan-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn sample_is_deterministic_for_a_seed() {
    let args = [
        "sample",
        "--bank",
        "question-banks/small.yaml",
        "--rows",
        "50",
        "--seed",
        "9",
    ];
    let first = shindan(&args);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert_eq!(stdout(&first), stdout(&shindan(&args)));
    let text = stdout(&first);
    assert_eq!(text.lines().count(), 51);
    assert!(text.starts_with(
            "\u{feff}respondent,industry,regular_employees,capital_yen,prefecture,business_issues,growth_intent,s_talk_people,"
        ));
    let other = shindan(&[
        "sample",
        "--bank",
        "question-banks/small.yaml",
        "--rows",
        "50",
        "--seed",
        "10",
    ]);
    assert_ne!(stdout(&other), text);
}

#[test]
fn a_survey_is_scored_row_by_row_and_bad_rows_are_skipped_with_their_line() {
    let dir = temp_dir("batch");
    let sample = shindan(&[
        "sample",
        "--bank",
        "question-banks/small.yaml",
        "--rows",
        "20",
    ]);
    let mut lines: Vec<String> = stdout(&sample).lines().map(str::to_owned).collect();
    lines[0] = lines[0].trim_start_matches('\u{feff}').to_owned();
    // Row 3 gets an industry the law does not know, whatever was sampled.
    let (respondent, rest) = lines[3].split_once(',').unwrap();
    let (_, rest) = rest.split_once(',').unwrap();
    lines[3] = format!("{respondent},mining,{rest}");
    lines[7] = "S000007,retail,3".to_owned();
    lines.insert(
        10,
        "\"S000010,quoted\",retail,3,,saga".to_owned()
            + &",".repeat(lines[1].matches(',').count() - 4),
    );
    let path = dir.join("survey.csv");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let path_arg = path.to_str().unwrap();
    let scored = shindan(&[
        "score",
        "--bank",
        "question-banks/small.yaml",
        "--responses",
        path_arg,
    ]);
    assert_eq!(scored.status.code(), Some(0), "{}", stderr(&scored));
    let errors = stderr(&scored);
    assert!(
        errors.contains(&format!("{path_arg}:8: error: 3 fields, the header has")),
        "{errors}"
    );
    assert!(
        errors.contains(&format!("{path_arg}:4: error: industry `mining`")),
        "{errors}"
    );
    let out = stdout(&scored);
    assert!(out.starts_with(
        "\u{feff}respondent,bank,tier,industry,prefecture,regular_employees,overall_score"
    ));
    let rows = out.lines().count() - 1;
    // 20 sampled rows and 1 inserted, less the 2 broken ones.
    assert_eq!(rows, 21 - 2, "{out}");
    assert!(errors.contains("19 rows scored, 2 skipped"), "{errors}");
    // The comma in the respondent is kept, quoted, as a whole cell.
    assert!(
        out.contains("\n\"S000010,quoted\",small,small,retail,saga,3,"),
        "{out}"
    );

    let strict = shindan(&[
        "score",
        "--bank",
        "question-banks/small.yaml",
        "--responses",
        path_arg,
        "--strict",
    ]);
    assert_eq!(strict.status.code(), Some(1));

    let jsonl = shindan(&[
        "score",
        "--bank",
        "question-banks/small.yaml",
        "--responses",
        path_arg,
        "--format",
        "jsonl",
        "--date",
        "2026-11-26",
    ]);
    let results: Vec<serde_json::Value> = stdout(&jsonl)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(results.len(), 19);
    assert_eq!(results[0]["schema"], 1);
    assert_eq!(results[0]["label"], "S000001");
    // The inserted row, after the seven good rows sampled before it.
    assert_eq!(results[7]["label"], "S000010,quoted");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn reference_build_publishes_large_groups_only() {
    let dir = temp_dir("reference");
    let sample = shindan(&[
        "sample",
        "--bank",
        "question-banks/sme.yaml",
        "--rows",
        "120",
        "--seed",
        "4",
    ]);
    let survey = dir.join("survey.csv");
    std::fs::write(&survey, stdout(&sample)).unwrap();
    let jsonl = shindan(&[
        "score",
        "--bank",
        "question-banks/sme.yaml",
        "--responses",
        survey.to_str().unwrap(),
        "--format",
        "jsonl",
    ]);
    let results = dir.join("results.jsonl");
    std::fs::write(&results, stdout(&jsonl) + "{broken\n").unwrap();
    let out = dir.join("reference.yaml");
    let built = shindan(&[
        "reference",
        "build",
        results.to_str().unwrap(),
        "--bank",
        "question-banks/sme.yaml",
        "-o",
        out.to_str().unwrap(),
        "--min-group",
        "30",
        "--synthetic",
    ]);
    assert_eq!(built.status.code(), Some(0), "{}", stderr(&built));
    assert!(
        stderr(&built).contains("results.jsonl:121: error:"),
        "{}",
        stderr(&built)
    );
    let yaml = std::fs::read_to_string(&out).unwrap();
    assert!(yaml.contains("synthetic: true"));
    assert!(yaml.contains("min_group: 30"));
    assert!(yaml.contains("- tier: sme"), "{yaml}");
    assert!(!yaml.contains("suppressed_groups: 0"), "{yaml}");
    for block in yaml.split("- tier: ").skip(1) {
        let n: usize = block
            .split("\"n\": ")
            .nth(1)
            .unwrap()
            .split('\n')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(n >= 30, "a group of {n} was published");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A sampled survey of `rows` rows as lines (BOM dropped), for editing.
fn survey_lines(rows: &str) -> Vec<String> {
    let sample = shindan(&[
        "sample",
        "--bank",
        "question-banks/small.yaml",
        "--rows",
        rows,
    ]);
    let mut lines: Vec<String> = stdout(&sample).lines().map(str::to_owned).collect();
    lines[0] = lines[0].trim_start_matches('\u{feff}').to_owned();
    lines
}

fn score_responses(path: &std::path::Path) -> Output {
    shindan(&[
        "score",
        "--bank",
        "question-banks/small.yaml",
        "--responses",
        path.to_str().unwrap(),
    ])
}

#[test]
fn r_c2_formula_respondents_are_written_inert() {
    let dir = temp_dir("formula");
    let mut lines = survey_lines("6");
    let hostile = [
        "\"=cmd|' /C calc'!A0\"",
        "@SUM(1+1)*cmd|x",
        "+1+1",
        "-2+3",
        "\"\t=1+1\"",
        "\"=HYPERLINK(\"\"http://evil.example/\"\")\"",
    ];
    for (line, respondent) in lines.iter_mut().skip(1).zip(hostile) {
        let rest = line.split_once(',').unwrap().1.to_owned();
        *line = format!("{respondent},{rest}");
    }
    let path = dir.join("survey.csv");
    std::fs::write(&path, lines.join("\r\n")).unwrap();
    let scored = score_responses(&path);
    assert_eq!(scored.status.code(), Some(0), "{}", stderr(&scored));
    let out = stdout(&scored);
    assert!(out.starts_with('\u{feff}'), "Excel needs the BOM");
    let respondents: Vec<&str> = out
        .lines()
        .skip(1)
        .map(|line| line.split(",small,").next().unwrap())
        .collect();
    assert_eq!(
        respondents,
        [
            "'=cmd|' /C calc'!A0",
            "'@SUM(1+1)*cmd|x",
            "'+1+1",
            "'-2+3",
            // Cells are trimmed when read, so the tab is gone.
            "'=1+1",
            "\"'=HYPERLINK(\"\"http://evil.example/\"\")\"",
        ]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn r_c13_a_cp932_survey_from_excel_scores_completely() {
    let path = repo().join("cli/tests/data/survey-cp932.csv");
    let bytes = std::fs::read(&path).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err(), "the fixture is CP932");
    let scored = score_responses(&path);
    let errors = stderr(&scored);
    assert_eq!(scored.status.code(), Some(0), "{errors}");
    assert!(
        errors.contains("6 rows scored, 0 skipped (read as CP932 (Shift_JIS))"),
        "{errors}"
    );
    let out = stdout(&scored);
    for name in [
        "山田商店",
        "株式会社九州テック",
        "佐賀の髙橋工務店",
        "①番館",
        "ﾊﾝｶｸ商事",
        "鈴木・田中 合同",
    ] {
        assert!(out.contains(&format!("\n{name},small,")), "{name}: {out}");
    }
    // The same survey as UTF-16 (Excel's "Unicode text") reads too (C14).
    let dir = temp_dir("utf16");
    let text = String::from_utf8_lossy(&shindan_engine_decode(&bytes)).into_owned();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let utf16_path = dir.join("survey.csv");
    std::fs::write(&utf16_path, utf16).unwrap();
    let scored = score_responses(&utf16_path);
    assert!(
        stderr(&scored).contains("6 rows scored, 0 skipped (read as UTF-16LE)"),
        "{}",
        stderr(&scored)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

fn shindan_engine_decode(bytes: &[u8]) -> Vec<u8> {
    shindan_engine::table::read::decode(bytes).0.into_bytes()
}

#[test]
fn r_c10_a_stray_quote_is_one_bad_row() {
    let dir = temp_dir("stray");
    let mut lines = survey_lines("2000");
    lines[2] = format!("\"{}", lines[2]);
    // A bare quote inside an unquoted field is text (C12).
    lines[5] = lines[5].replacen("S000005", "O\"Brien", 1);
    let path = dir.join("survey.csv");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let scored = score_responses(&path);
    let errors = stderr(&scored);
    assert!(
        errors.contains(&format!(
            "{}:3: error: a quoted field runs over several lines, to line 6",
            path.display()
        )),
        "{errors}"
    );
    assert!(errors.contains("1999 rows scored, 1 skipped"), "{errors}");
    assert!(stdout(&scored).contains("\n\"O\"\"Brien\",small,"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn r_c16_a_duplicate_column_is_refused() {
    let dir = temp_dir("duplicate");
    let mut lines = survey_lines("3");
    lines[0] = lines[0].replacen("industry", "respondent", 1);
    let path = dir.join("survey.csv");
    std::fs::write(&path, lines.join("\n")).unwrap();
    let scored = score_responses(&path);
    assert_eq!(scored.status.code(), Some(1));
    assert!(stderr(&scored).contains(":1: error: the header names column `respondent` twice"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn r_c15_control_characters_are_echoed_escaped() {
    let dir = temp_dir("escape");
    let mut lines = survey_lines("2");
    lines[1] = lines[1].replacen(
        lines[1].split(',').nth(1).unwrap(),
        "\u{1b}]0;PWNED\u{7}\u{1b}[2J",
        1,
    );
    let path = dir.join("survey.csv");
    std::fs::write(&path, lines.join("\n")).unwrap();
    let errors = stderr(&score_responses(&path));
    assert!(!errors.contains('\u{1b}'), "{errors}");
    assert!(
        errors.contains("industry `\\u{1b}]0;PWNED\\u{7}\\u{1b}[2J` is not known"),
        "{errors}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Runs `args` with standard output closed before anything is read, as
/// `| head -c0` would.
fn with_closed_stdout(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_shindan"))
        .args(args)
        .current_dir(repo())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

#[test]
fn r_p1_a_closed_pipe_ends_quietly() {
    for args in [
        &[
            "validate",
            "--format",
            "json",
            "--catalogue",
            CATALOGUE,
            CATALOGUE,
            BANK,
        ][..],
        &[
            "score",
            "--bank",
            BANK,
            "--catalogue",
            CATALOGUE,
            "--answers",
            ANSWERS,
            "--format",
            "json",
        ],
        &[
            "score",
            "--bank",
            "question-banks/small.yaml",
            "--responses",
            "cli/tests/data/survey-cp932.csv",
        ],
        &["schema"],
        &["completions", "bash"],
    ] {
        let output = with_closed_stdout(args);
        let errors = stderr(&output);
        assert!(!errors.contains("panicked"), "{args:?}: {errors}");
        assert_eq!(output.status.code(), Some(0), "{args:?}: {errors}");
    }
}

#[test]
fn r_r1_r2_reference_build_refuses_results_whose_scores_do_not_match() {
    let dir = temp_dir("poison");
    let survey = dir.join("survey.csv");
    let sample = shindan(&[
        "sample",
        "--bank",
        "question-banks/small.yaml",
        "--rows",
        "12",
    ]);
    std::fs::write(&survey, stdout(&sample)).unwrap();
    let jsonl = stdout(&shindan(&[
        "score",
        "--bank",
        "question-banks/small.yaml",
        "--responses",
        survey.to_str().unwrap(),
        "--format",
        "jsonl",
    ]));
    let mut lines: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    // R1: an extra dimension whose id carries YAML; R2: a score of 1e308.
    lines[0]["dimensions"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "id": "x: 1}\n  - tier: small\n    industry: commerce\n    n: 999",
            "score": 99.0,
            "level": 5
        }));
    lines[1]["dimensions"][0]["score"] = serde_json::json!(1e308);
    lines[2]["dimensions"][0]["score"] = serde_json::json!(100.0);
    let results = dir.join("results.jsonl");
    let text: Vec<String> = lines.iter().map(|v| v.to_string()).collect();
    std::fs::write(&results, text.join("\n")).unwrap();
    let out = dir.join("reference.yaml");
    let built = shindan(&[
        "reference",
        "build",
        results.to_str().unwrap(),
        "--bank",
        "question-banks/small.yaml",
        "-o",
        out.to_str().unwrap(),
        "--min-group",
        "1",
    ]);
    let errors = stderr(&built);
    assert_eq!(built.status.code(), Some(0), "{errors}");
    for line in 1..=3 {
        assert!(
            errors.contains(&format!(
                "results.jsonl:{line}: error: its scores do not match its answers; skipped"
            )),
            "{errors}"
        );
    }
    let yaml = std::fs::read_to_string(&out).unwrap();
    assert!(!yaml.contains("999"), "{yaml}");
    assert!(!yaml.contains("inf"), "{yaml}");
    let checked = shindan(&["validate", out.to_str().unwrap()]);
    assert_eq!(checked.status.code(), Some(0), "{}", stderr(&checked));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn r_a1_twenty_thousand_unknown_ids_are_refused_briefly() {
    let dir = temp_dir("unknown-ids");
    let ids: Vec<String> = (0..20_000)
        .map(|i| format!("\"unknown_{i:05}\": 1"))
        .collect();
    let path = dir.join("answers.json");
    std::fs::write(&path, format!("{{\"answers\": {{{}}}}}", ids.join(", "))).unwrap();
    let output = shindan(&[
        "score",
        "--bank",
        "question-banks/small.yaml",
        "--answers",
        path.to_str().unwrap(),
    ]);
    let errors = stderr(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        errors.contains("and 19950 more problems with answers, not shown"),
        "{errors}"
    );
    assert!(errors.len() < 50_000, "{} bytes", errors.len());
    // How fast: `refuse_twenty_thousand_unknown_answers` in `cargo xtask bench`.
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn r_a6_escape_sequences_in_answers_are_shown_escaped() {
    let dir = temp_dir("escape-answers");
    let path = dir.join("answers.yaml");
    std::fs::write(
        &path,
        "answers:\n  \"\\e]0;PWNED\\a\\e[2J\": \"\\e[31mred\"\n",
    )
    .unwrap();
    let output = shindan(&[
        "score",
        "--bank",
        "question-banks/small.yaml",
        "--answers",
        path.to_str().unwrap(),
    ]);
    let errors = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{errors}");
    assert!(
        !errors.contains('\u{1b}') && !errors.contains('\u{7}'),
        "{errors}"
    );
    assert!(errors.contains("\\u{1b}]0;PWNED"), "{errors}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn r_date_an_impossible_date_is_refused() {
    let output = shindan(&[
        "score",
        "--bank",
        BANK,
        "--catalogue",
        CATALOGUE,
        "--answers",
        ANSWERS,
        "--date",
        "2026-13-45",
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
}

#[test]
fn validate_reports_a_catalogue_once_and_skips_answers_files_with_a_note() {
    // The catalogue is needed by the first bank before it is listed itself:
    // its error is still shown and counted once.
    let dir = temp_dir("validate-once");
    let catalogue = std::fs::read_to_string(repo().join(CATALOGUE))
        .unwrap()
        .replacen("  - id: commitment", "  - id: Commitment", 1);
    std::fs::write(dir.join("catalogue.yaml"), catalogue).unwrap();
    std::fs::copy(repo().join(BANK), dir.join("small.yaml")).unwrap();
    std::fs::copy(repo().join(BANK), dir.join("sme.yaml")).unwrap();
    std::fs::copy(repo().join(ANSWERS), dir.join("answers.yaml")).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_shindan"))
        .args([
            "validate",
            "answers.yaml",
            "small.yaml",
            "catalogue.yaml",
            "sme.yaml",
        ])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "\
answers.yaml: skipped: an answers file (`answers:` and no `kind:`) does not name its bank; check it with `shindan score --bank BANK --answers answers.yaml`
catalogue.yaml:8:9: error[invalid-id]: dimension id `Commitment` is not a valid id
  |
8 |   - id: Commitment
  |         ^^^^^^^^^^
  |
  = at: dimensions[0].id
  = hint: ids use lowercase letters a–z, digits, `_` and `-`, and start with a letter or digit

small.yaml: not checked: its catalogue catalogue.yaml has errors (shown above)
sme.yaml: not checked: its catalogue catalogue.yaml has errors (shown above)
1 error(s), 0 warning(s)
"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
