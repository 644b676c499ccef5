//! The first-load bundle (`pkg/`), built in steps wasm-pack cannot take:
//! the web crate is linked with feature `split` by `web/first-load`, cut by
//! wasm-split-cli
//! into a main module (the frame and the landing page) and the modules of
//! `web/src/deferred.rs` with the chunks they share, then the main module
//! goes through wasm-bindgen and every module through wasm-opt. This is
//! what Leptos' own build tool does for `#[lazy]`; the splitter must see
//! the linker's output before wasm-bindgen rewrites it.
//!
//! The splitter's link module (`__wasm_split.js`) fetches the other modules
//! itself. It is rewritten here so that each fetch carries the sha384 the
//! boot script holds for that file (as the main module's does), and so that
//! the offline page can hand it the modules it carries inside.

use std::path::Path;
use std::process::Command;

use crate::lints::{self, Lints};
use crate::process::run;
use crate::site::{OUT_NAME, io_error, web_cargo};
use crate::{install, target_dir};

/// The crate that links the first-load bundle (with `--emit-relocs`, which
/// the splitter follows).
pub const CRATE_DIR: &str = "web/first-load";

/// The linked wasm, as cargo names it after that crate.
const LINKED_WASM: &str = "shindan_web_first_load.wasm";

/// The link module's name, as the splitter writes it and the glue imports it.
pub const LINK_MODULE: &str = "__wasm_split.js";

/// wasm-opt for the first load: what users wait for, so optimised for size;
/// the features are those Rust's wasm32 target emits.
const WASM_OPT_ARGS: &[&str] = &[
    "-Oz",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// What the splitter's link module fetches a module with.
const SPLITTER_FETCH: &str = "fetch(new URL(";

/// Replaces [`SPLITTER_FETCH`]: the module from the offline page if it
/// carries it (`globalThis.shindanModules`), else fetched with the sha384 of
/// the boot script's table; a module the table lacks is refused.
const CHECKED_FETCH: &str = r#"// `cargo xtask dist`: every module is fetched with its sha384 from the boot
// script's table, or taken from the offline page that carries it.
const fetchChecked = (url) => {
  const file = `pkg/${url.pathname.split("/").pop()}`;
  const carried = globalThis.shindanModules?.[file];
  if (carried) {
    return Promise.resolve(new Response(carried, { headers: { "content-type": "application/wasm" } }));
  }
  const integrity = globalThis.shindanIntegrity?.[file];
  if (!integrity) {
    return Promise.reject(new Error(`${file}: no integrity hash`));
  }
  return fetch(url, { integrity });
};
"#;

/// Links the first-load bundle and writes it split, bound and optimised to
/// `out_dir`.
pub fn build(out_dir: &Path, lints: Lints) -> Result<(), String> {
    let mut command = web_cargo(CRATE_DIR, &["build", "--lib", "--release"]);
    lints::apply(&mut command, lints)?;
    run(&mut command)?;

    let linked = target_dir()
        .join("wasm32-unknown-unknown")
        .join("release")
        .join(LINKED_WASM);
    let split_dir = out_dir.with_extension("split");
    for dir in [&split_dir, out_dir] {
        if dir.exists() {
            std::fs::remove_dir_all(dir).map_err(|e| io_error("remove", dir, &e))?;
        }
        std::fs::create_dir_all(dir).map_err(|e| io_error("create", dir, &e))?;
    }
    let path = install::tool_path()?;
    run(Command::new(install::tool("wasm-split-cli"))
        .arg(&linked)
        .arg(&split_dir)
        .args(["--out-name", OUT_NAME])
        .env("PATH", &path))?;
    run(Command::new(install::tool("wasm-bindgen"))
        .args([
            "--target",
            "web",
            // The split-off modules import the main module's functions by
            // their linker names.
            "--keep-lld-exports",
            "--no-demangle",
            "--no-typescript",
            "--out-name",
            OUT_NAME,
            "--out-dir",
        ])
        .arg(out_dir)
        .arg(split_dir.join(format!("{OUT_NAME}.wasm")))
        .env("PATH", &path))?;
    let mut modules = vec![format!("{OUT_NAME}_bg.wasm")];
    for entry in std::fs::read_dir(&split_dir).map_err(|e| io_error("list", &split_dir, &e))? {
        let entry = entry.map_err(|e| io_error("list", &split_dir, &e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == format!("{OUT_NAME}.wasm") {
            continue;
        }
        if name == LINK_MODULE {
            let script = std::fs::read_to_string(entry.path())
                .map_err(|e| io_error("read", &entry.path(), &e))?;
            let checked = checked_link_module(&script)?;
            std::fs::write(out_dir.join(LINK_MODULE), checked)
                .map_err(|e| io_error("write", &out_dir.join(LINK_MODULE), &e))?;
        } else if name.ends_with(".wasm") {
            std::fs::copy(entry.path(), out_dir.join(&name))
                .map_err(|e| io_error("copy", &entry.path(), &e))?;
            modules.push(name);
        }
    }
    if !out_dir.join(LINK_MODULE).is_file() {
        return Err(format!("wasm-split-cli wrote no {LINK_MODULE}"));
    }
    for module in &modules {
        let file = out_dir.join(module);
        run(Command::new("wasm-opt")
            .args(WASM_OPT_ARGS)
            .arg(&file)
            .arg("-o")
            .arg(&file)
            .env("PATH", &path))?;
    }
    Ok(())
}

/// The splitter's link module with each module fetched by `fetchChecked`.
fn checked_link_module(script: &str) -> Result<String, String> {
    let fetches = script.matches(SPLITTER_FETCH).count();
    let modules = script.matches(".wasm\"").count();
    if fetches == 0 || fetches != modules {
        return Err(format!(
            "{LINK_MODULE}: {fetches} fetches for {modules} modules; \
             a new wasm-split-cli may load them another way"
        ));
    }
    let body = script.replace(SPLITTER_FETCH, "fetchChecked(new URL(");
    // After the import line, which must stay first.
    match body.split_once('\n') {
        Some((import, rest)) if import.starts_with("import ") => {
            Ok(format!("{import}\n{CHECKED_FETCH}{rest}"))
        }
        _ => Err(format!("{LINK_MODULE} does not start with its import")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fetch_of_the_link_module_is_checked() -> Result<(), String> {
        let script = "import { initSync } from \"./shindan.js\";\nconst a = () => { const src = fetch(new URL(\"./chunk_1.wasm\", import.meta.url)); };\nconst b = () => { const src = fetch(new URL(\"./split_sheet.wasm\", import.meta.url)); };\n";
        let checked = checked_link_module(script)?;
        assert!(checked.starts_with("import { initSync }"), "{checked}");
        assert!(!checked.contains(SPLITTER_FETCH), "{checked}");
        assert_eq!(checked.matches("fetchChecked(new URL(").count(), 2);
        Ok(())
    }

    #[test]
    fn a_link_module_loading_another_way_is_refused() {
        let script = "import { initSync } from \"./shindan.js\";\nconst a = import.source(\"./chunk_1.wasm\");\n";
        assert!(checked_link_module(script).is_err());
    }
}
