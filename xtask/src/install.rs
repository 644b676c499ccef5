//! Installs the tools the web build and its tests need, each idempotently:
//! a quick check first, the install only when the check fails, one line of
//! output either way. Versions are pinned because they must match each
//! other (wasm-bindgen-cli equals the `wasm-bindgen` in Cargo.lock) or were
//! measured to work together.
//!
//! Cargo tools go into `<repo>/.tools` rather than `~/.cargo/bin` so a
//! machine-wide install of another version can never be picked up.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

use sha2::{Digest, Sha256};

use crate::process::{Background, cargo_yielding, logged, probe, run, show_log_end};
use crate::repo_root;

/// Older wasm-opt (Debian ships 108) emits a wasm whose externref table
/// wasm-bindgen's glue cannot fill: the page stays blank.
const MIN_WASM_OPT: u32 = 120;

const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// A Japanese font for the browser: without one the sheet's text is drawn
/// in boxes of the wrong width, and the printed sheet's page count is not
/// what users see (with it, a worst-case small sheet took three A4 pages).
const JAPANESE_FONT: &str = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf";

/// Everything `dist`, `serve` and `size` need (not the browser).
pub fn for_build() -> Result<(), String> {
    wasm_target()?;
    cargo_tools(None)?;
    npm_packages()
}

pub fn wasm_target() -> Result<(), String> {
    const TARGET: &str = "wasm32-unknown-unknown";
    let installed = probe(Command::new("rustup").args(["target", "list", "--installed"]))
        .is_some_and(|list| list.lines().any(|line| line.trim() == TARGET));
    if installed {
        println!("install: rust target {TARGET} present");
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", TARGET]))?;
    println!("install: rust target {TARGET} added");
    Ok(())
}

/// The binaries `xtask/tools/Cargo.toml` builds, by package.
const CARGO_TOOLS: &[(&str, &[&str])] = &[
    (
        "wasm-bindgen-cli",
        &["wasm-bindgen", "wasm-bindgen-test-runner"],
    ),
    ("wasm-pack", &["wasm-pack"]),
    ("wasm_split_cli_support", &["wasm-split-cli"]),
];

/// wasm-bindgen-cli, wasm-pack and wasm-split-cli at the versions of
/// `xtask/tools/Cargo.lock`, built in one `cargo build` of that manifest
/// (so the crates they share compile once) and copied into `.tools/bin`;
/// the build folder is removed afterwards. Skipped when `.tools/bin` holds
/// every binary and a stamp of the same manifest and lockfile. With a
/// `log`, cargo's output goes there.
pub fn cargo_tools(log: Option<&Path>) -> Result<(), String> {
    let manifest_dir = repo_root().join("xtask").join("tools");
    let stamp = tools_stamp(&manifest_dir)?;
    let stamp_file = tools_dir().join("stamp");
    let binaries = CARGO_TOOLS.iter().flat_map(|(_, binaries)| binaries.iter());
    let present = binaries.clone().all(|binary| tool(binary).is_file());
    if present && std::fs::read_to_string(&stamp_file).is_ok_and(|found| found == stamp) {
        println!(
            "install: wasm-bindgen-cli, wasm-pack and wasm-split-cli present ({})",
            tools_dir().join("bin").display()
        );
        return Ok(());
    }
    let build = tools_dir().join("build");
    // Not needed before the web crate is compiled: that goes first.
    let mut command = cargo_yielding();
    command
        .args([
            "build",
            "--release",
            "--locked",
            "--bins",
            "--manifest-path",
        ])
        .arg(manifest_dir.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", &build);
    for (package, _) in CARGO_TOOLS {
        command.args(["--package", package]);
    }
    if let Some(log) = log {
        logged(&mut command, log)?;
    }
    run(&mut command).map_err(|message| match log {
        Some(log) => format!("{message} (its output: {})", log.display()),
        None => message,
    })?;
    let bin = tools_dir().join("bin");
    std::fs::create_dir_all(&bin)
        .map_err(|error| format!("cannot create {}: {error}", bin.display()))?;
    for binary in binaries {
        let built = build.join("release").join(binary);
        std::fs::copy(&built, tool(binary)).map_err(|error| {
            format!(
                "cannot copy {} into {}: {error}",
                built.display(),
                bin.display()
            )
        })?;
    }
    std::fs::write(&stamp_file, &stamp)
        .map_err(|error| format!("cannot write {}: {error}", stamp_file.display()))?;
    std::fs::remove_dir_all(&build)
        .map_err(|error| format!("cannot remove {}: {error}", build.display()))?;
    println!(
        "install: wasm-bindgen-cli, wasm-pack and wasm-split-cli built ({})",
        bin.display()
    );
    Ok(())
}

/// What the installed tools were built from: a hash of the manifest and
/// the lockfile.
fn tools_stamp(manifest_dir: &Path) -> Result<String, String> {
    let mut hash = Sha256::new();
    for file in ["Cargo.toml", "Cargo.lock"] {
        let path = manifest_dir.join(file);
        let bytes = std::fs::read(&path)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
        hash.update(&bytes);
    }
    Ok(format!("{:x}\n", hash.finalize()))
}

/// Starts the cargo tools' installs (`cargo_tools`) on another thread: on
/// a fresh machine they compile ~340 crates, which `cargo xtask test` hides
/// behind the host tests and the web crate's compilation (neither needs
/// them).
/// Output goes to `target/install-cargo-tools.log`; [`cargo_tools_joined`]
/// waits for them.
pub fn cargo_tools_in_background() {
    let log = cargo_tools_log();
    CARGO_TOOLS_JOB.start(move || cargo_tools(Some(&log)));
}

fn cargo_tools_log() -> PathBuf {
    repo_root().join("target").join("install-cargo-tools.log")
}

/// Waits for the background install (or installs now if none was started);
/// on failure, shows the end of its log.
pub fn cargo_tools_joined() -> Result<(), String> {
    CARGO_TOOLS_JOB
        .join(|| cargo_tools(None))
        .inspect_err(|_| show_log_end(&cargo_tools_log()))
}

static CARGO_TOOLS_JOB: Background = Background::new();

/// `npm ci` when `node_modules` is missing or older than the lockfile
/// (npm rewrites `node_modules/.package-lock.json` on every install).
pub fn npm_packages() -> Result<(), String> {
    let root = repo_root();
    let lockfile = root.join("package-lock.json");
    let installed = root.join("node_modules").join(".package-lock.json");
    let verb = if !lockfile.is_file() {
        "install"
    } else if modified(&installed).is_none_or(|done| Some(done) < modified(&lockfile)) {
        "ci"
    } else {
        println!("install: npm packages present (node_modules newer than package-lock.json)");
        return Ok(());
    };
    run(Command::new("npm")
        .args([verb, "--no-audit", "--no-fund"])
        .current_dir(root))?;
    println!("install: npm packages installed (npm {verb})");
    Ok(())
}

fn modified(path: &Path) -> Option<SystemTime> {
    path.metadata().and_then(|meta| meta.modified()).ok()
}

/// Debian's Chromium and the matching ChromeDriver: browser downloads
/// (Playwright's, wasm-pack's) do not work on every build machine.
pub fn chromium() -> Result<(), String> {
    chromium_logged(None)
}

/// Starts the Chromium install on another thread, so that on a fresh machine
/// apt (network and disk bound) runs while the Rust steps use the CPU. Its
/// output goes to `target/install-chromium.log`; [`chromium_joined`] waits
/// for it.
pub fn chromium_in_background() {
    let log = repo_root().join("target").join("install-chromium.log");
    CHROMIUM_JOB.start(move || chromium_logged(Some(&log)));
}

/// Waits for the background install (or installs now if none was started).
pub fn chromium_joined() -> Result<(), String> {
    CHROMIUM_JOB.join(chromium)
}

static CHROMIUM_JOB: Background = Background::new();

fn chromium_logged(log: Option<&Path>) -> Result<(), String> {
    if [CHROMIUM, CHROMEDRIVER, JAPANESE_FONT]
        .iter()
        .all(|path| Path::new(path).is_file())
    {
        println!(
            "install: chromium, chromedriver and a Japanese font present ({CHROMIUM}, {CHROMEDRIVER}, {JAPANESE_FONT})"
        );
        return Ok(());
    }
    if let Some(path) = log {
        // A fresh log for this install.
        let _ = std::fs::remove_file(path);
    }
    let root = probe(Command::new("id").arg("-u")).is_some_and(|uid| uid == "0");
    let apt = |args: &[&str]| {
        let mut command = if root {
            Command::new("apt-get")
        } else {
            let mut sudo = Command::new("sudo");
            sudo.arg("apt-get");
            sudo
        };
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        if let Some(path) = log {
            logged(&mut command, path)?;
        }
        run(&mut command).map_err(|message| match log {
            Some(path) => format!("{message} (its output: {})", path.display()),
            None => message,
        })
    };
    apt(&["update"])?;
    apt(&[
        "install",
        "-y",
        "chromium",
        "chromium-driver",
        "fonts-ipaexfont-gothic",
    ])?;
    println!("install: chromium, chromedriver and a Japanese font installed");
    Ok(())
}

/// `<repo>/.tools`, the root of the cargo-installed tools.
fn tools_dir() -> PathBuf {
    repo_root().join(".tools")
}

/// The path of a tool installed into `.tools`.
pub fn tool(binary: &str) -> PathBuf {
    tools_dir().join("bin").join(binary)
}

/// The `PATH` for child processes: npm's `.bin` first (wasm-opt from
/// binaryen, which wasm-pack picks up from `PATH`), then `.tools/bin`
/// (wasm-bindgen, wasm-bindgen-test-runner, wasm-pack), then the inherited
/// one. Fails if the wasm-opt that would be used is too old.
pub fn tool_path() -> Result<OsString, String> {
    let mut dirs = vec![
        repo_root().join("node_modules").join(".bin"),
        tools_dir().join("bin"),
    ];
    if let Some(inherited) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&inherited));
    }
    if let Some(wasm_opt) = dirs
        .iter()
        .map(|dir| dir.join("wasm-opt"))
        .find(|p| p.is_file())
    {
        let version = probe(Command::new(&wasm_opt).arg("--version")).unwrap_or_default();
        if wasm_opt_version(&version).is_none_or(|number| number < MIN_WASM_OPT) {
            return Err(format!(
                "{} reports {version:?}; need wasm-opt {MIN_WASM_OPT} or newer \
                 (older ones break wasm-bindgen's externref table); run `npm ci`",
                wasm_opt.display()
            ));
        }
    }
    std::env::join_paths(dirs).map_err(|error| format!("cannot build PATH: {error}"))
}

/// The release number in `wasm-opt --version` output, e.g.
/// `wasm-opt version 132 (version_132)`.
fn wasm_opt_version(line: &str) -> Option<u32> {
    line.split_whitespace().nth(2)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `"=x.y.z"` pin of `dependency` in a manifest's text.
    fn pin<'a>(manifest: &'a str, dependency: &str) -> Option<&'a str> {
        manifest.lines().find_map(|line| {
            line.strip_prefix(dependency)?
                .trim_start()
                .strip_prefix("= \"=")?
                .strip_suffix('"')
        })
    }

    #[test]
    fn the_wasm_bindgen_cli_built_matches_the_web_crates_wasm_bindgen() {
        let read = |path: &[&str]| {
            let file = path
                .iter()
                .fold(repo_root().to_path_buf(), |dir, part| dir.join(part));
            std::fs::read_to_string(&file).unwrap_or_default()
        };
        let tools = read(&["xtask", "tools", "Cargo.toml"]);
        let web = read(&["web", "Cargo.toml"]);
        let cli = pin(&tools, "wasm-bindgen-cli");
        assert!(
            cli.is_some(),
            "xtask/tools/Cargo.toml pins no wasm-bindgen-cli"
        );
        assert_eq!(cli, pin(&web, "wasm-bindgen"));
    }

    #[test]
    fn reads_wasm_opt_versions() {
        assert_eq!(
            wasm_opt_version("wasm-opt version 132 (version_132)"),
            Some(132)
        );
        assert_eq!(wasm_opt_version("wasm-opt version 108"), Some(108));
        assert_eq!(wasm_opt_version("something else"), None);
    }
}
