//! Tidy rules over the repository's own sources, run with `cargo test`:
//! every Rust file says what it is in a `//!` line, the web interface's
//! Japanese text lives in `web/src/messages.rs`, and the first-load web
//! build carries no YAML parser or CSV reader. Each rule lists every
//! offender with its path and says how to fix it.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::expect::repo;

/// The folders whose Rust sources are checked, from the repository root.
const SOURCE_DIRS: &[&str] = &["engine", "cli", "web", "tests", "xtask", "fuzz"];

/// Folders never walked: build output, installed tools and packages.
const SKIPPED_DIRS: &[&str] = &["target", "node_modules", ".tools", "dist"];

/// Every `.rs` file under `SOURCE_DIRS`, as repository-relative paths.
fn rust_sources() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in SOURCE_DIRS {
        walk(&repo(), Path::new(dir), &mut files);
    }
    files.sort();
    files
}

fn walk(root: &Path, relative: &Path, files: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(root.join(relative))
        .unwrap_or_else(|error| panic!("{}: {error}", relative.display()));
    for entry in entries {
        let entry = entry.unwrap();
        let name = entry.file_name();
        let path = relative.join(&name);
        if entry.file_type().unwrap().is_dir() {
            if !SKIPPED_DIRS.contains(&name.to_string_lossy().as_ref()) {
                walk(root, &path, files);
            }
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            files.push(path);
        }
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(repo().join(path))
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// Fails unless `offenders` is empty, naming each with the rule's advice.
fn report(offenders: &[String], advice: &str) {
    assert!(
        offenders.is_empty(),
        "{advice}\n{}",
        offenders
            .iter()
            .map(|offender| format!("  {offender}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn every_rust_file_opens_with_a_module_doc_line() {
    let files = rust_sources();
    assert!(files.len() > 100, "found only {} Rust files", files.len());
    let offenders: Vec<String> = files
        .iter()
        .filter(|path| !read(path).starts_with("//!"))
        .map(|path| path.display().to_string())
        .collect();
    report(
        &offenders,
        "these files do not open with a `//!` line; start each with one saying what the file is:",
    );
}

/// Where the web interface's fixed texts live, and the sources checked.
const MESSAGES: &str = "web/src/messages.rs";
const WEB_SOURCES: &str = "web/src";

/// Characters that make a literal Japanese text: kana letters (the
/// katakana middle dot `・` is a separator, not a word) and kanji.
const JAPANESE: &[(char, char)] = &[
    ('\u{3005}', '\u{3005}'), // 々
    ('\u{3041}', '\u{3096}'), // hiragana
    ('\u{309D}', '\u{309F}'), // hiragana iteration marks
    ('\u{30A1}', '\u{30FA}'), // katakana
    ('\u{30FC}', '\u{30FF}'), // ー and katakana iteration marks
    ('\u{3400}', '\u{4DBF}'), // CJK extension A
    ('\u{4E00}', '\u{9FFF}'), // CJK unified ideographs
    ('\u{F900}', '\u{FAFF}'), // CJK compatibility ideographs
    ('\u{FF66}', '\u{FF9D}'), // half-width katakana
];

fn is_japanese(c: char) -> bool {
    JAPANESE
        .iter()
        .any(|&(low, high)| (low..=high).contains(&c))
}

/// Test code: a file named `tests.rs` or under a `tests` folder (the
/// project's `#[cfg(test)] mod tests;` convention), and inline
/// `#[cfg(test)] mod … { … }` blocks (see `literals`).
fn is_test_file(path: &Path) -> bool {
    path.file_stem().is_some_and(|stem| stem == "tests")
        || path
            .parent()
            .is_some_and(|dir| dir.components().any(|part| part.as_os_str() == "tests"))
}

#[test]
fn web_interface_text_lives_in_messages() {
    let files: Vec<PathBuf> = rust_sources()
        .into_iter()
        .filter(|path| path.starts_with(WEB_SOURCES))
        .collect();
    assert!(
        files.iter().any(|path| path == Path::new(MESSAGES)),
        "{MESSAGES} not found"
    );
    let offenders: Vec<String> = files
        .iter()
        .filter(|path| *path != Path::new(MESSAGES) && !is_test_file(path))
        .flat_map(|path| {
            let text = read(path);
            japanese_literals(&text)
                .into_iter()
                .map(move |(line, literal)| format!("{}:{line}: {literal}", path.display()))
        })
        .collect();
    report(
        &offenders,
        &format!(
            "Japanese interface text outside {MESSAGES}; add a `Msg` with the Japanese and \
             English text there (`{{}}` for values, filled with `replacen`) and use it:"
        ),
    );
}

/// The string and character literals of non-test code in `source` that
/// hold Japanese, with their 1-based line.
fn japanese_literals(source: &str) -> Vec<(usize, String)> {
    literals(source)
        .into_iter()
        .filter(|(_, literal)| literal.chars().any(is_japanese))
        .collect()
}

/// The string and character literals of `source` outside comments and
/// `#[cfg(test)]` modules, with their 1-based line, as written (quotes
/// included).
fn literals(source: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = source.chars().collect();
    let mut found = Vec::new();
    // Code outside comments and literals, for finding test modules.
    let mut code = String::new();
    // (offset in `code`, line, literal)
    let mut positions = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let start = i;
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    line += usize::from(chars[i] == '\n');
                    i += 1;
                }
            }
            code.push(' ');
            continue;
        }
        // `r"…"`, `r#"…"#`, and the byte and C string forms `br`, `cr`.
        let starts_word = |at: usize| at == 0 || !is_identifier(chars[at - 1]);
        let raw_prefix =
            starts_word(i) || (i > 0 && matches!(chars[i - 1], 'b' | 'c') && starts_word(i - 1));
        let raw_hashes = (c == 'r' && raw_prefix)
            .then(|| chars[i + 1..].iter().take_while(|&&h| h == '#').count())
            .filter(|&hashes| chars.get(i + 1 + hashes) == Some(&'"'));
        if let Some(hashes) = raw_hashes {
            let closing: Vec<char> = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            i += 2 + hashes;
            while i < chars.len() && !chars[i..].starts_with(&closing) {
                i += 1;
            }
            i = (i + closing.len()).min(chars.len());
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i = (i + 1).min(chars.len());
        } else if c == '\'' && next == Some('\\') {
            // Past the escaped character, which may itself be a quote.
            i += 3;
            while i < chars.len() && chars[i] != '\'' {
                i += 1;
            }
            i = (i + 1).min(chars.len());
        } else if c == '\'' && chars.get(i + 2) == Some(&'\'') {
            i += 3;
        } else {
            code.push(c);
            line += usize::from(c == '\n');
            i += 1;
            continue;
        }
        let literal: String = chars[start..i].iter().collect();
        positions.push((code.len(), line, literal.clone()));
        line += literal.matches('\n').count();
        code.push_str("\"\"");
    }
    let test_modules = test_modules(&code);
    for (offset, line, literal) in positions {
        if !test_modules.iter().any(|range| range.contains(&offset)) {
            found.push((line, literal));
        }
    }
    found
}

fn is_identifier(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The byte ranges of `#[cfg(test)] mod name { … }` blocks in `code`
/// (comments and literals already removed).
fn test_modules(code: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    for (at, _) in code.match_indices("#[cfg(test)]") {
        let rest = &code[at..];
        let Some(open) = rest.find(['{', ';']) else {
            continue;
        };
        let item = &rest[..open];
        if rest.as_bytes()[open] != b'{' || !item.split_whitespace().any(|word| word == "mod") {
            continue;
        }
        let mut depth = 0;
        for (offset, c) in rest[open..].char_indices() {
            depth += i32::from(c == '{') - i32::from(c == '}');
            if depth == 0 {
                ranges.push(at..at + open + offset);
                break;
            }
        }
    }
    ranges
}

/// The scanner itself, on the shapes of Rust the rule must tell apart.
#[test]
fn the_interface_text_scanner_finds_literals_in_code_only() {
    let cases: &[(&str, &[(usize, &str)])] = &[
        ("let a = \"閉じる\";", &[(1, "\"閉じる\"")]),
        (
            "// \"閉じる\"\n/* \"閉じる\" /* nested */ */ let a = 1;",
            &[],
        ),
        ("/// \"閉じる\"\nfn f() {}", &[]),
        (
            "let a = r#\"本文 \"quoted\"\"#;",
            &[(1, "r#\"本文 \"quoted\"\"#")],
        ),
        ("let a = \"x\\\"\";\nlet b = '人';", &[(2, "'人'")]),
        (
            "let q = '\\'';\nlet b = b'x';\nlet c = br\"\\\";\nlet d = \"本\";",
            &[(4, "\"本\"")],
        ),
        (
            "fn f<'a>(x: &'a str) -> char { '、' }\nlet s = \"一\n二\";\nlet t = \"三\";",
            &[(2, "\"一\n二\""), (4, "\"三\"")],
        ),
        ("let a = \" ・ \";\nlet b = \"、\";", &[]),
        (
            "#[cfg(test)]\nmod tests {\n    const A: &str = \"テスト\";\n}\nconst B: &str = \"本番\";",
            &[(5, "\"本番\"")],
        ),
        (
            "#[cfg(test)]\nmod tests;\nconst B: &str = \"本番\";",
            &[(3, "\"本番\"")],
        ),
    ];
    for (source, expected) in cases {
        let expected: Vec<(usize, String)> = expected
            .iter()
            .map(|&(line, literal)| (line, literal.to_owned()))
            .collect();
        assert_eq!(japanese_literals(source), expected, "{source}");
    }
}

/// Crates only the tools build may carry: the YAML parser, the CSV reader
/// and the encodings it reads, the ZIP reader's inflater and checksum, the
/// diagnostics renderer (hundreds of KB of wasm on first load).
const TOOLS_ONLY_CRATES: &[&str] = &[
    "serde-saphyr",
    "csv-core",
    "encoding_rs",
    "encoding_rs_io",
    "zune-inflate",
    "crc32fast",
    "annotate-snippets",
];

#[test]
fn the_first_load_web_build_has_no_yaml_parser_or_csv_reader() {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(repo())
        .args([
            "tree",
            "--locked",
            "-p",
            "shindan-web",
            "-e",
            "normal",
            "--target",
            "wasm32-unknown-unknown",
            "--prefix",
            "none",
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "cargo tree failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let tree = String::from_utf8_lossy(&output.stdout);
    assert!(
        tree.lines().any(|line| line.starts_with("shindan-engine ")),
        "cargo tree did not list the engine:\n{tree}"
    );
    let mut offenders: Vec<String> = tree
        .lines()
        .filter(|line| {
            let name = line.split_whitespace().next().unwrap_or("");
            TOOLS_ONLY_CRATES.contains(&name)
        })
        .map(str::to_owned)
        .collect();
    offenders.sort();
    offenders.dedup();
    report(
        &offenders,
        "the first-load web build (shindan-web without `tools`) depends on tools-only crates; \
         enable the engine feature that brings them (`yaml`, `csv`) only through the web \
         crate's `tools` feature, and see `cargo tree -p shindan-web -e normal,features \
         --target wasm32-unknown-unknown -i CRATE` for the path:",
    );
}
