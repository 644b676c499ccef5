//! Reading files and loading them through the engine, printing problems.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use shindan_engine::{
    Archive, ArchiveError, Bank, Catalogue, Checked, MAX_RESULT_BYTES, SourceFile, Undecodable,
};

use crate::Failure;
use crate::report::Reporter;

/// Reads a file as the engine wants it: checked bytes with a display name.
pub fn read(path: &Path) -> Result<Result<SourceFile, Box<Undecodable>>, Failure> {
    let bytes = std::fs::read(path)
        .map_err(|error| Failure::Unreadable(format!("cannot read {}: {error}", path.display())))?;
    Ok(shindan_engine::decode(&path.display().to_string(), &bytes))
}

/// The catalogue to use for `bank`: the one given, else `catalogue.yaml` beside it.
pub fn catalogue_path(bank: &Path, given: Option<&Path>) -> PathBuf {
    match given {
        Some(path) => path.to_owned(),
        None => bank.with_file_name("catalogue.yaml"),
    }
}

/// Reads `path` and runs `load` on it, printing every diagnostic.
fn load<T>(
    path: &Path,
    reporter: &mut Reporter,
    load: impl FnOnce(&SourceFile) -> Checked<T>,
) -> Result<Option<T>, Failure> {
    Ok(match read(path)? {
        Ok(file) => {
            let checked = load(&file);
            reporter.report(&file, &checked.diagnostics);
            checked.value
        }
        Err(undecodable) => {
            reporter.report(&undecodable.file, &[undecodable.diagnostic]);
            None
        }
    })
}

/// Loads a catalogue, printing its diagnostics.
pub fn load_catalogue(path: &Path, reporter: &mut Reporter) -> Result<Option<Catalogue>, Failure> {
    load(path, reporter, shindan_engine::load_catalogue)
}

/// Loads a bank against `catalogue`, printing its diagnostics.
pub fn load_bank(
    path: &Path,
    catalogue: &Catalogue,
    reporter: &mut Reporter,
) -> Result<Option<Bank>, Failure> {
    load(path, reporter, |file| {
        shindan_engine::load_bank(file, catalogue)
    })
}

/// Loads a bank and the catalogue beside it (or given); `Failure::Input`
/// after printing when either has errors.
pub fn load_bank_with_catalogue(
    bank: &Path,
    catalogue: Option<&Path>,
    reporter: &mut Reporter,
) -> Result<Bank, Failure> {
    let catalogue_path = catalogue_path(bank, catalogue);
    let catalogue = load_catalogue(&catalogue_path, reporter)?.ok_or(Failure::Input)?;
    load_bank(bank, &catalogue, reporter)?.ok_or(Failure::Input)
}

/// Calls `each` with every result in `path` and its place for messages: each
/// non-blank line of a JSON Lines file (`*.jsonl`, read line by line, at
/// `file:line`), each `*.json` file in a ZIP archive (`*.zip`, at
/// `archive:entry`), else the whole file (at `file`). A result that cannot
/// be read is handed over as `Err(why)`, to be reported and skipped; a JSON
/// Lines file or an archive that cannot be read stops the command.
pub fn each_result(
    path: &Path,
    mut each: impl FnMut(Result<&str, String>, String),
) -> Result<(), Failure> {
    let unreadable = |error: std::io::Error| {
        Failure::Unreadable(format!("cannot read {}: {error}", path.display()))
    };
    if has_extension(path, "jsonl") {
        let file = std::fs::File::open(path).map_err(unreadable)?;
        for (index, line) in BufReader::new(file).lines().enumerate() {
            let line = line.map_err(unreadable)?;
            if !line.trim().is_empty() {
                each(Ok(&line), format!("{}:{}", path.display(), index + 1));
            }
        }
    } else if has_extension(path, "zip") {
        let refused = |error: ArchiveError| {
            Failure::Unreadable(format!("cannot read {}: {error}", path.display()))
        };
        Archive::admit(std::fs::metadata(path).map_err(unreadable)?.len()).map_err(refused)?;
        let bytes = std::fs::read(path).map_err(unreadable)?;
        let archive = Archive::read(&bytes).map_err(refused)?;
        for entry in archive.entries() {
            let place = format!("{}:{}", path.display(), entry.name);
            if !entry.is_result() {
                each(Err("not a result file (*.json)".to_owned()), place);
                continue;
            }
            match archive.text(entry, MAX_RESULT_BYTES) {
                Ok(text) => each(Ok(&text), place),
                Err(error) => each(Err(error.to_string()), place),
            }
        }
    } else {
        match std::fs::read_to_string(path) {
            Ok(text) => each(Ok(&text), path.display().to_string()),
            Err(error) => each(
                Err(format!("cannot read ({error})")),
                path.display().to_string(),
            ),
        }
    }
    Ok(())
}

/// Whether `path`'s name ends in `.extension`.
fn has_extension(path: &Path, extension: &str) -> bool {
    path.extension()
        .is_some_and(|found| found.eq_ignore_ascii_case(extension))
}
