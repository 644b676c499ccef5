//! Finishing `dist/` for publication, after the builds: the dashboard's
//! count worker moved to the root, integrity hashes
//! the browser checks (SRI on the boot script, an import map for the glue,
//! sha384 for the wasm and banks), the service worker with its versioned
//! file list, the single-file offline page, and `SHA256SUMS` of everything.
//! Order matters: each step hashes what the earlier ones wrote.

use std::collections::BTreeMap;
use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use sha2::{Digest, Sha256, Sha384};

use crate::site::{files_under, io_error};
use crate::split::LINK_MODULE;

/// The files a visitor's browser may fetch from the glue and the wasm:
/// their sha384 goes into the boot script.
const CHECKED_BY_BOOT: &[&str] = &["wasm", "bin"];
/// Where the boot script's integrity table goes.
const INTEGRITY_MARK: &str = "/*SHINDAN_INTEGRITY*/ {}";
/// The offline page: one file that runs from `file://`.
pub const OFFLINE_PAGE: &str = "shindan-offline.html";

/// Runs every step on a freshly assembled `dist`.
pub fn finish(dist: &Path) -> Result<(), String> {
    place_count_worker(dist)?;
    let integrity = integrity_table(dist)?;
    write_boot_script(dist, &integrity)?;
    write_index(dist)?;
    write_service_worker(dist)?;
    write_offline_page(dist)?;
    write_checksums(dist)
}

/// The dashboard's count worker goes to the site's root: what it fetches
/// (`banks/…`, `pkg-tools/…`) then resolves as it does on the page.
fn place_count_worker(dist: &Path) -> Result<(), String> {
    let (from, to) = (
        dist.join("assets/count-worker.js"),
        dist.join("count-worker.js"),
    );
    std::fs::rename(&from, &to).map_err(|e| io_error("move", &from, &e))
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| io_error("read", path, &e))
}

fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| io_error("read", path, &e))
}

fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result<(), String> {
    std::fs::write(path, contents).map_err(|e| io_error("write", path, &e))
}

/// `sha384-…` as used by `integrity` attributes.
fn sri(bytes: &[u8]) -> String {
    format!("sha384-{}", BASE64.encode(Sha384::digest(bytes)))
}

/// `'sha256-…'` as used in a Content-Security-Policy source list.
fn csp_hash(text: &str) -> String {
    format!(
        "'sha256-{}'",
        BASE64.encode(Sha256::digest(text.as_bytes()))
    )
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Site path → sha384 of every wasm and bank file.
fn integrity_table(dist: &Path) -> Result<BTreeMap<String, String>, String> {
    let mut table = BTreeMap::new();
    for file in files_under(dist)? {
        let checked = CHECKED_BY_BOOT
            .iter()
            .any(|extension| file.ends_with(&format!(".{extension}")));
        if checked {
            table.insert(file.clone(), sri(&read(&dist.join(&file))?));
        }
    }
    Ok(table)
}

fn write_boot_script(dist: &Path, integrity: &BTreeMap<String, String>) -> Result<(), String> {
    let path = dist.join("assets/boot.js");
    let script = read_text(&path)?;
    if !script.contains(INTEGRITY_MARK) {
        return Err(format!("{} lacks {INTEGRITY_MARK}", path.display()));
    }
    let table = serde_json_like(integrity);
    write(&path, script.replace(INTEGRITY_MARK, &table))
}

/// A JSON object of strings; keys and values are paths and base64, which
/// need no escaping beyond quotes (checked).
fn serde_json_like(map: &BTreeMap<String, String>) -> String {
    let entries: Vec<String> = map
        .iter()
        .filter(|(key, value)| !key.contains('"') && !value.contains('"'))
        .map(|(key, value)| format!("\"{key}\": \"{value}\""))
        .collect();
    format!("{{{}}}", entries.join(", "))
}

/// Adds SRI to the boot script, an import map with the glue scripts'
/// integrity, and the import map's hash to the CSP.
fn write_index(dist: &Path) -> Result<(), String> {
    let path = dist.join("index.html");
    let html = read_text(&path)?;
    let boot_tag = r#"<script type="module" src="assets/boot.js"></script>"#;
    let csp_scripts = "script-src 'self' 'wasm-unsafe-eval'";
    if !html.contains(boot_tag) || !html.contains(csp_scripts) {
        return Err(format!(
            "{} does not have the expected boot tag and CSP",
            path.display()
        ));
    }
    // Every script of both bundles: the glue and the first load's link module.
    let mut glue = BTreeMap::new();
    for file in files_under(dist)? {
        let bundled = file.starts_with("pkg/") || file.starts_with("pkg-tools/");
        if bundled && file.ends_with(".js") {
            glue.insert(format!("./{file}"), sri(&read(&dist.join(&file))?));
        }
    }
    let import_map = format!("{{\"integrity\": {}}}", serde_json_like(&glue));
    let boot = sri(&read(&dist.join("assets/boot.js"))?);
    let html = html
        .replace(
            boot_tag,
            &format!(
                "<script type=\"importmap\">{import_map}</script>\n  <script type=\"module\" src=\"assets/boot.js\" integrity=\"{boot}\"></script>"
            ),
        )
        .replace(
            csp_scripts,
            &format!("script-src 'self' 'wasm-unsafe-eval' {}", csp_hash(&import_map)),
        );
    write(&path, html)
}

/// `sw.js` at the site root (its scope is the whole site), listing every
/// file a visit can need offline with its sha384, which the worker checks
/// before a new version replaces the old (an HTTP cache may hold old
/// copies); its version is a hash of them all, so any change installs a new
/// cache.
fn write_service_worker(dist: &Path) -> Result<(), String> {
    let template_path = dist.join("assets/sw.js");
    let template = read_text(&template_path)?;
    std::fs::remove_file(&template_path).map_err(|e| io_error("remove", &template_path, &e))?;
    let files: Vec<String> = files_under(dist)?
        .into_iter()
        .filter(|file| !file.starts_with("pkg-tools/"))
        .collect();
    let mut version = Sha256::new();
    let mut list = Vec::new();
    for file in &files {
        let bytes = read(&dist.join(file))?;
        version.update(file.as_bytes());
        version.update(&bytes);
        if file.contains('"') {
            return Err(format!("{file}: a quote in a file name"));
        }
        // The site root is the same page as index.html.
        if file == "index.html" {
            list.push(format!("\"./\": \"{}\"", sri(&bytes)));
        }
        list.push(format!("\"./{file}\": \"{}\"", sri(&bytes)));
    }
    let version = hex(&version.finalize()[..8]);
    let worker = template.replace("__SHINDAN_VERSION__", &version).replace(
        "__SHINDAN_FILES__",
        &format!("{{\n  {},\n}}", list.join(",\n  ")),
    );
    write(&dist.join("sw.js"), worker)
}

/// One HTML file with the stylesheet, glue, every wasm module and the banks
/// inside, which runs from `file://` (no fetch, no service worker). Its CSP
/// allows only the hashes of its own script and style.
fn write_offline_page(dist: &Path) -> Result<(), String> {
    let style = read_text(&dist.join("assets/style.css"))?;
    let (link_module, exported) =
        inline_link_module(&read_text(&dist.join("pkg").join(LINK_MODULE))?)?;
    let glue = inline_glue(&read_text(&dist.join("pkg/shindan.js"))?)?;
    let wasm = BASE64.encode(read(&dist.join("pkg/shindan_bg.wasm"))?);
    let icon = BASE64.encode(read(&dist.join("assets/favicon.svg"))?);
    let mut data_blocks =
        format!("<script type=\"application/octet-stream\" id=\"shindan-wasm\">{wasm}</script>\n");
    let mut modules = Vec::new();
    for file in files_under(&dist.join("pkg"))? {
        if !file.ends_with(".wasm") || file == "shindan_bg.wasm" {
            continue;
        }
        let bytes = BASE64.encode(read(&dist.join("pkg").join(&file))?);
        data_blocks.push_str(&format!(
            "<script type=\"application/octet-stream\" id=\"shindan-module-{file}\">{bytes}</script>\n"
        ));
        modules.push(format!("\"pkg/{file}\": bytes(\"shindan-module-{file}\")"));
    }
    let mut tiers = Vec::new();
    for file in files_under(&dist.join("banks"))? {
        let Some(tier) = file.strip_suffix(".bin") else {
            continue;
        };
        let bytes = BASE64.encode(read(&dist.join("banks").join(&file))?);
        data_blocks.push_str(&format!(
            "<script type=\"application/octet-stream\" id=\"shindan-bank-{tier}\">{bytes}</script>\n"
        ));
        tiers.push(tier.to_owned());
    }
    // Quoted keys: an earlier edition's name (`small-2026.1`) is no identifier.
    let banks: Vec<String> = tiers
        .iter()
        .map(|tier| format!("\"{tier}\": bytes(\"shindan-bank-{tier}\")"))
        .collect();
    // The glue and the link module are ES modules; inlined, their exports
    // are simply local names, and the glue's import of the link module is
    // an object of them. `</script` inside would end the element early.
    let script = format!(
        "{link_module}\nconst shindanSplit = {{ {} }};\n{glue}\nconst bytes = (id) => Uint8Array.from(atob(document.getElementById(id).textContent.trim()), (c) => c.charCodeAt(0));\nglobalThis.shindanBanks = {{ {} }};\nglobalThis.shindanModules = {{ {} }};\ninitSync({{ module: bytes(\"shindan-wasm\") }});\ndocument.getElementById(\"booting\")?.remove();\n",
        exported.join(", "),
        banks.join(", "),
        modules.join(", ")
    )
    .replace("</script", "<\\/script");
    let style = style.replace("</style", "<\\/style");
    let csp = format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src {}; img-src data:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'",
        csp_hash(&script),
        csp_hash(&style)
    );
    let page = format!(
        "<!doctype html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n<meta name=\"referrer\" content=\"no-referrer\">\n<title>企業規模別 人材自己診断シート（オフライン版）</title>\n<link rel=\"icon\" href=\"data:image/svg+xml;base64,{icon}\">\n<style>{style}</style>\n{data_blocks}<script type=\"module\">{script}</script>\n</head>\n<body>\n<p id=\"booting\" class=\"booting\">読み込み中… / Loading…</p>\n</body>\n</html>\n"
    );
    write(&dist.join(OFFLINE_PAGE), page)
}

/// The link module as a script's part: without its import of the glue (the
/// glue is in the same script) and with `export const` made `const`.
/// Returns the code and the names it exported.
fn inline_link_module(script: &str) -> Result<(String, Vec<String>), String> {
    let mut code = String::new();
    let mut exported = Vec::new();
    for line in script.lines() {
        if line.starts_with("import ") {
            if !line.contains("from \"./shindan.js\"") {
                return Err(format!("{LINK_MODULE}: an unexpected import: {line}"));
            }
            continue;
        }
        if let Some(rest) = line.strip_prefix("export const ") {
            let name = rest.split([' ', '=']).next().unwrap_or_default();
            exported.push(name.to_owned());
            code.push_str("const ");
            code.push_str(rest);
        } else if line.starts_with("export ") {
            return Err(format!("{LINK_MODULE}: an unexpected export: {line}"));
        } else {
            code.push_str(line);
        }
        code.push('\n');
    }
    Ok((code, exported))
}

/// The glue as a script's part: its imports of the link module become the
/// object the offline page builds of the link module's names.
fn inline_glue(script: &str) -> Result<String, String> {
    let mut code = String::new();
    for line in script.lines() {
        if let Some(rest) = line.strip_prefix("import * as ") {
            let Some((name, source)) = rest.split_once(" from ") else {
                return Err(format!("pkg/shindan.js: an unexpected import: {line}"));
            };
            if source.trim_end_matches(';') != format!("\"./{LINK_MODULE}\"") {
                return Err(format!("pkg/shindan.js: an unexpected import: {line}"));
            }
            code.push_str(&format!("const {name} = shindanSplit;\n"));
        } else if line.starts_with("import ") {
            return Err(format!("pkg/shindan.js: an unexpected import: {line}"));
        } else {
            code.push_str(line);
            code.push('\n');
        }
    }
    Ok(code)
}

/// `SHA256SUMS` in the format `sha256sum -c` reads.
fn write_checksums(dist: &Path) -> Result<(), String> {
    let mut lines = String::new();
    for file in files_under(dist)? {
        if file == "SHA256SUMS" {
            continue;
        }
        let digest = Sha256::digest(read(&dist.join(&file))?);
        lines.push_str(&format!("{}  {file}\n", hex(&digest)));
    }
    write(&dist.join("SHA256SUMS"), lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_have_the_forms_browsers_expect() {
        // sha256("") and sha384("") are well known.
        assert_eq!(
            csp_hash(""),
            "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
        );
        assert_eq!(
            sri(b""),
            "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb"
        );
    }
}
