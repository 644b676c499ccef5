//! Compare-or-bless: the one helper every golden test uses.

use std::path::{Path, PathBuf};

/// The `tests/` folder.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_owned()
}

/// The repository root.
pub fn repo() -> PathBuf {
    root().join("..")
}

/// Asserts that `actual` equals the content of `expected_path`; with
/// `UPDATE_EXPECT=1` writes it instead. Returns a failure message rather
/// than panicking so a test can report every mismatch at once.
pub fn check(expected_path: &Path, actual: &str) -> Result<(), String> {
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(expected_path, actual)
            .map_err(|e| format!("{}: {e}", expected_path.display()))?;
        return Ok(());
    }
    let expected = std::fs::read_to_string(expected_path).unwrap_or_default();
    if expected == actual {
        Ok(())
    } else {
        Err(format!(
            "{} differs (rerun with UPDATE_EXPECT=1 to bless):\n--- expected\n{expected}\n--- actual\n{actual}",
            expected_path.display()
        ))
    }
}

/// Panics with every failure, if any.
pub fn all(failures: Vec<String>) {
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The files in `dir` ending in `extension`, sorted.
pub fn files(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.to_string_lossy().ends_with(extension))
        .collect();
    files.sort();
    files
}
