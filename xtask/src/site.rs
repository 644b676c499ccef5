//! The static site: the web crate built twice (the first-load build, split
//! into modules by `split.rs`, and the tools build for authors and
//! consultants, by wasm-pack), assembled with
//! `index.html`, `assets/` and the shipped banks compiled by `shindan
//! compile` (`banks/<tier>.bin`, fetched once a tier is known) into `dist/`,
//! which is everything the app needs at run time.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::lints::{self, Lints};
use crate::process::{cargo, cargo_binary, logged, run};
use crate::{install, publish, repo_root, split, stylesheet, target_dir};

/// One bundle of the web crate: where it goes inside the site, the thin
/// cdylib crate that links it (its features chosen there), and whether it
/// is split into modules (`split.rs`) or built by wasm-pack. Both build
/// with the release profile, so they share every dependency; a crate each
/// gives each linked wasm a name of its own, so neither build overwrites
/// the other's.
struct Bundle {
    dir: &'static str,
    crate_dir: &'static str,
    split: bool,
}

/// `pkg/` is what every visitor loads, split into modules; `pkg-tools/`
/// only `?mode=author`, `?mode=consult` and the dashboard.
const BUNDLES: &[Bundle] = &[
    Bundle {
        dir: "pkg",
        crate_dir: split::CRATE_DIR,
        split: true,
    },
    Bundle {
        dir: "pkg-tools",
        crate_dir: "web/tools",
        split: false,
    },
];

/// The banks the app ships, one per tier; the catalogue beside them is
/// found by `shindan compile` itself.
const SHIPPED_BANKS: &[&str] = &[
    "question-banks/small.yaml",
    "question-banks/sme.yaml",
    "question-banks/midsize.yaml",
    // Earlier editions, so that their results still open, print and compare.
    "question-banks/editions/2026.1/small.yaml",
    "question-banks/editions/2026.1/sme.yaml",
    "question-banks/editions/2026.1/midsize.yaml",
];

/// File name stem of the glue and wasm (`shindan.js`, `shindan_bg.wasm`).
pub const OUT_NAME: &str = "shindan";

/// The files the boot script loads, beyond what `index.html` links: the
/// glue, the main module and the link module the glue imports. The other
/// modules of `pkg/` come when the page asks for them.
pub const BOOT_FILES: &[&str] = &[
    "pkg/shindan.js",
    "pkg/shindan_bg.wasm",
    "pkg/__wasm_split.js",
];

pub fn dist_dir() -> PathBuf {
    repo_root().join("dist")
}

/// The `shindan` binary of the dev profile.
pub fn cli_path() -> PathBuf {
    target_dir().join("debug").join("shindan")
}

/// Builds the CLI (dev profile) and returns its path.
pub fn build_cli() -> Result<PathBuf, String> {
    cargo(&["build", "-q", "-p", "shindan-cli"])?;
    Ok(cli_path())
}

/// [`dist`] with the CLI built first: for `dist`, `serve` and `size`.
pub fn build() -> Result<PathBuf, String> {
    dist(&build_cli()?, Lints::Skip)
}

/// Builds both bundles and the compiled banks (with the `shindan` binary at
/// `cli`) and writes the site into a fresh `dist/`, printing each file and
/// its size. Returns the `dist/` path. With [`Lints::Deny`], clippy lints
/// the web crate in both builds as it compiles.
pub fn dist(cli: &Path, lints: Lints) -> Result<PathBuf, String> {
    // Removed first, so a failed build leaves no stale site for the size
    // check or the end-to-end tests to pass on.
    let dist = dist_dir();
    if dist.exists() {
        std::fs::remove_dir_all(&dist).map_err(|e| io_error("remove", &dist, &e))?;
    }
    let staging = repo_root().join("target").join("site");
    each_bundle_at_once(|bundle| {
        let out_dir = staging.join(bundle.dir);
        if bundle.split {
            split::build(&out_dir, lints)
        } else {
            wasm_pack_build(&out_dir, bundle, lints)
        }
    })?;
    create_dir(&dist)?;
    copy(&repo_root().join("index.html"), &dist.join("index.html"))?;
    copy_tree(&repo_root().join("assets"), &dist.join("assets"), &|_| true)?;
    for file in files_under(&dist.join("assets"))? {
        if file.ends_with(".css") {
            let path = dist.join("assets").join(file);
            let kept = stylesheet::without_comments(&read_text(&path)?);
            std::fs::write(&path, kept).map_err(|e| io_error("write", &path, &e))?;
        }
    }
    compile_banks(cli, &dist.join("banks"))?;
    for bundle in BUNDLES {
        // Only what the browser loads: not package.json, README, .gitignore.
        copy_tree(&staging.join(bundle.dir), &dist.join(bundle.dir), &|path| {
            path.extension()
                .is_some_and(|extension| extension == "js" || extension == "wasm")
        })?;
    }
    let bundle_files = BUNDLES.iter().flat_map(|bundle| {
        [
            format!("{}/{OUT_NAME}.js", bundle.dir),
            format!("{}/{OUT_NAME}_bg.wasm", bundle.dir),
        ]
    });
    let missing: Vec<String> = first_load_files(&dist)?
        .into_iter()
        .chain(bundle_files)
        .filter(|file| !dist.join(file).is_file())
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "index.html or the boot script needs files dist/ lacks: {missing:?}"
        ));
    }
    publish::finish(&dist)?;
    println!("wrote {}:", dist.display());
    for file in files_under(&dist)? {
        let bytes = dist
            .join(&file)
            .metadata()
            .map_err(|e| io_error("read", &dist.join(&file), &e))?
            .len();
        println!("{bytes:>12}  {file}");
    }
    Ok(dist)
}

/// Checks the shipped banks and writes them in the compiled form the app
/// fetches: a broken bank fails the build instead of the visitor's page.
fn compile_banks(cli: &Path, out_dir: &Path) -> Result<(), String> {
    run(Command::new(cli)
        .arg("compile")
        .args(SHIPPED_BANKS)
        .args(["--reference", "question-banks/reference.yaml", "--out-dir"])
        .arg(out_dir))
}

/// Runs, for each bundle, the `cargo build` that `wasm-pack build` runs (in
/// the bundle's crate, `--lib --release`, the target in
/// `CARGO_BUILD_TARGET`), one after the other (one build folder, one lock):
/// `cargo xtask test` does it while the cargo tools still build, and the
/// site build then finds every crate compiled. With a `log`, cargo's output
/// goes there. `lints` must be what [`dist`] gets, or cargo sees another
/// build.
pub fn compile_bundles(lints: Lints, log: Option<&Path>) -> Result<(), String> {
    BUNDLES.iter().try_for_each(|bundle| {
        let mut command = web_cargo(bundle.crate_dir, &["build", "--lib", "--release"]);
        lints::apply(&mut command, lints)?;
        if let Some(log) = log {
            logged(&mut command, log)?;
        }
        run(&mut command)
    })
}

/// Runs `task` for both bundles at once: cargo's build lock lets one
/// compile while the other waits, and then one's wasm-split, wasm-bindgen
/// and wasm-opt run beside the other's single-threaded LTO link.
fn each_bundle_at_once(task: impl Fn(&Bundle) -> Result<(), String> + Sync) -> Result<(), String> {
    std::thread::scope(|scope| {
        let task = &task;
        let builds: Vec<_> = BUNDLES
            .iter()
            .map(|bundle| scope.spawn(move || task(bundle)))
            .collect();
        builds.into_iter().try_for_each(|build| {
            build
                .join()
                .map_err(|_| "a wasm build stopped unexpectedly".to_owned())?
        })
    })
}

/// `cargo` in `crate_dir` (relative to the repository) for the browser, as
/// wasm-pack runs it.
pub fn web_cargo(crate_dir: &str, args: &[&str]) -> Command {
    let mut command = Command::new(cargo_binary());
    command
        .current_dir(repo_root().join(crate_dir))
        .args(args)
        .env("CARGO_BUILD_TARGET", "wasm32-unknown-unknown");
    command
}

/// A build for browsers. `--mode no-install` stops wasm-pack from
/// downloading wasm-bindgen or wasm-opt: it uses those on the tool PATH.
fn wasm_pack_build(out_dir: &Path, bundle: &Bundle, lints: Lints) -> Result<(), String> {
    let mut command = Command::new(install::tool("wasm-pack"));
    command
        .args([
            "build",
            "--release",
            "--target",
            "web",
            "--mode",
            "no-install",
            "--no-typescript",
            "--no-pack",
            "--out-name",
            OUT_NAME,
            "--out-dir",
        ])
        .arg(out_dir)
        .arg(bundle.crate_dir);
    lints::apply(&mut command, lints)?;
    // A stale file (a renamed snippet, an old build) must not reach dist/.
    if out_dir.exists() {
        std::fs::remove_dir_all(out_dir).map_err(|e| io_error("remove", out_dir, &e))?;
    }
    run(command.env("PATH", install::tool_path()?))
}

/// The site-relative paths of the files a first visit downloads: the local
/// `href`/`src` targets in `index.html`, local `url(...)` targets in the
/// stylesheets it links, and the boot files. Sorted, without duplicates.
pub fn first_load_files(dist: &Path) -> Result<Vec<String>, String> {
    let html = read_text(&dist.join("index.html"))?;
    let mut files = Vec::new();
    for reference in attribute_values(&html, &["href", "src"]) {
        if let Some(file) = local_file(&reference) {
            files.push(file);
        }
    }
    let stylesheets: Vec<String> = files
        .iter()
        .filter(|file| file.ends_with(".css"))
        .cloned()
        .collect();
    for sheet in stylesheets {
        let Ok(css) = read_text(&dist.join(&sheet)) else {
            continue; // reported as missing by the caller
        };
        let base = sheet.rsplit_once('/').map_or("", |(dir, _)| dir);
        for reference in css_urls(&css) {
            if let Some(file) = local_file(&reference) {
                let joined = if base.is_empty() || reference.starts_with('/') {
                    file
                } else {
                    format!("{base}/{file}")
                };
                files.push(joined);
            }
        }
    }
    files.extend(BOOT_FILES.iter().map(|file| (*file).to_owned()));
    files.sort();
    files.dedup();
    Ok(files)
}

/// Values of `name="..."` / `name='...'` attributes, a scan good enough for
/// the project's own hand-written `index.html`.
fn attribute_values(html: &str, names: &[&str]) -> Vec<String> {
    let mut values = Vec::new();
    let lower = html.to_ascii_lowercase();
    for name in names {
        let pattern = format!("{name}=");
        let mut from = 0;
        while let Some(found) = lower[from..].find(&pattern) {
            let start = from + found;
            from = start + pattern.len();
            // Skip e.g. `data-src=`: the name must start the attribute.
            let preceded_by_space = lower[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_whitespace);
            if !preceded_by_space {
                continue;
            }
            if let Some(value) = quoted(&html[from..]) {
                values.push(value.to_owned());
            }
        }
    }
    values
}

/// The targets of `url(...)` in a stylesheet.
fn css_urls(css: &str) -> Vec<String> {
    let mut urls = Vec::new();
    let mut rest = css;
    while let Some(found) = rest.find("url(") {
        rest = &rest[found + 4..];
        let inner = rest.split(')').next().unwrap_or("").trim();
        let value = quoted(inner).unwrap_or(inner);
        urls.push(value.to_owned());
    }
    urls
}

/// The text inside a leading pair of matching quotes.
fn quoted(text: &str) -> Option<&str> {
    let quote = text.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let body = &text[1..];
    body.find(quote).map(|end| &body[..end])
}

/// A reference as a site-relative file path, or `None` for data, remote and
/// fragment-only references.
fn local_file(reference: &str) -> Option<String> {
    let reference = reference.trim();
    let remote = ["data:", "http:", "https:", "mailto:", "javascript:", "//"]
        .iter()
        .any(|prefix| reference.to_ascii_lowercase().starts_with(prefix));
    if remote || reference.is_empty() || reference.starts_with('#') {
        return None;
    }
    let path = reference.split(['?', '#']).next().unwrap_or("");
    let path = path.trim_start_matches("./").trim_start_matches('/');
    if path.is_empty() {
        Some("index.html".to_owned())
    } else {
        Some(path.to_owned())
    }
}

/// Every file under `root`, as sorted `/`-separated relative paths.
pub fn files_under(root: &Path) -> Result<Vec<String>, String> {
    fn walk(dir: &Path, prefix: &str, files: &mut Vec<String>) -> Result<(), String> {
        for entry in std::fs::read_dir(dir).map_err(|e| io_error("list", dir, &e))? {
            let entry = entry.map_err(|e| io_error("list", dir, &e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let relative = if prefix.is_empty() {
                name
            } else {
                format!("{prefix}/{name}")
            };
            if entry.path().is_dir() {
                walk(&entry.path(), &relative, files)?;
            } else {
                files.push(relative);
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    walk(root, "", &mut files)?;
    files.sort();
    Ok(files)
}

/// Copies the files under `from` that `keep` accepts, keeping the layout.
fn copy_tree(from: &Path, to: &Path, keep: &dyn Fn(&Path) -> bool) -> Result<(), String> {
    if !from.is_dir() {
        return Err(format!("{} is missing", from.display()));
    }
    for file in files_under(from)? {
        let source = from.join(&file);
        if keep(&source) {
            copy(&source, &to.join(&file))?;
        }
    }
    Ok(())
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    if let Some(parent) = to.parent() {
        create_dir(parent)?;
    }
    std::fs::copy(from, to)
        .map(drop)
        .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
}

fn create_dir(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| io_error("create", dir, &e))
}

fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| io_error("read", path, &e))
}

pub fn io_error(verb: &str, path: &Path, error: &std::io::Error) -> String {
    format!("cannot {verb} {}: {error}", path.display())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_local_references_only() {
        let html = r##"<link rel="icon" href="data:,"><link rel="stylesheet" href="./assets/app.css?v=1">
            <script type="module" src='/assets/boot.js'></script><a href="https://example.org">x</a>
            <img data-src="assets/lazy.png"><a href="#top">top</a>"##;
        let files: Vec<String> = attribute_values(html, &["href", "src"])
            .iter()
            .filter_map(|reference| local_file(reference))
            .collect();
        assert_eq!(files, ["assets/app.css", "assets/boot.js"]);
    }

    #[test]
    fn finds_stylesheet_urls() {
        let css = r#"@font-face { src: url("font.woff2") } .a { background: url(img/x.svg) }"#;
        assert_eq!(css_urls(css), ["font.woff2", "img/x.svg"]);
    }
}
