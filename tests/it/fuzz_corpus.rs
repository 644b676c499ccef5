//! Replays the committed fuzz corpus (`fuzz/corpus/<target>/`) and every
//! crash the fuzzer once found (`fuzz/regressions/<target>/`) through the
//! same checks the fuzz targets run, on stable and without fuzzing: each
//! input must neither panic nor break what the checks assert.

#[path = "../../fuzz/src/lib.rs"]
#[allow(
    dead_code,
    clippy::expect_used,
    reason = "shared with the fuzz crate, which uses all of it"
)]
mod checks;

use crate::expect::repo;

type Check = fn(&[u8]);

const TARGETS: &[(&str, Check)] = &[
    ("bank", checks::bank),
    ("compiled", checks::compiled),
    ("answers", checks::answers),
    ("result_json", checks::result_json),
    ("handoff", checks::handoff),
    ("survey_csv", checks::survey_csv),
    ("reference", checks::reference),
    ("zip", checks::zip),
];

#[test]
fn fuzz_corpus_and_regressions_replay_cleanly() {
    let mut replayed = 0;
    for (target, check) in TARGETS {
        for folder in ["fuzz/corpus", "fuzz/regressions"] {
            let dir = repo().join(folder).join(target);
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            let mut paths: Vec<_> = entries.map(|entry| entry.unwrap().path()).collect();
            paths.sort();
            for path in paths {
                let data = std::fs::read(&path).unwrap();
                let outcome = std::panic::catch_unwind(|| check(&data));
                assert!(outcome.is_ok(), "{target}: {} fails", path.display());
                replayed += 1;
            }
        }
    }
    // The corpus is committed: finding none means a path went wrong.
    assert!(replayed > 0, "no fuzz corpus found under fuzz/corpus");
}
