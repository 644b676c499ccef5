//! Reading the files given to the dashboard: result files (JSON) and scored
//! survey CSVs, each figure checked against the catalogue before it counts,
//! each result's answers scored again by its own bank and edition for the
//! item analysis. A broken file is listed with its reason and skipped;
//! reading never stops at one.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::window;
use shindan_engine::{
    AnalysisBuilder, Bank, Lang, Record, ResultDoc, ScoredChunk, ScoredReader, Tier,
};
use wasm_bindgen_futures::JsFuture;

use crate::messages::tools::dashboard as t;
use crate::{banks, files};

/// Bytes of a scored survey CSV read at a time: the file is streamed (a
/// survey of 550,000 rows is ~210 MB), its bar moves and the page repaints
/// between chunks.
const CSV_CHUNK_BYTES: f64 = 4.0 * 1024.0 * 1024.0;

/// Result files read at once, between two repaints of the progress bar:
/// the browser reads a chunk's files in parallel, and scoring one chunk
/// takes a few tens of milliseconds, so the page stays responsive.
const CHUNK: usize = 500;

/// What a batch of files gave.
pub struct Read {
    /// One record per result or scored row.
    pub records: Vec<Record>,
    /// Files and rows not read, or read but left out of the item analysis,
    /// with the reason.
    pub refused: Vec<String>,
    /// The item analysis' tally, with these files added.
    pub tally: AnalysisBuilder,
}

/// How far reading has come: files read of all, and the bytes of the
/// scored CSV being streamed, if one is.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    pub files_done: u32,
    pub files: u32,
    pub csv: Option<CsvProgress>,
}

/// A scored CSV's name and how much of it is read.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvProgress {
    pub name: String,
    pub read: f64,
    pub size: f64,
}

/// Lets the browser paint (a zero-delay timeout).
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = JsFuture::from(promise).await;
}

/// Reads every file of `list`, adding to `tally`: result files (JSON) 500
/// at a time, then each scored CSV as a stream. `progress` hears how far
/// reading has come, between chunks and at the end. Fails only when the
/// catalogue to check against cannot be loaded.
pub async fn read_files(
    list: web_sys::FileList,
    mut tally: AnalysisBuilder,
    lang: Lang,
    progress: impl Fn(Progress),
) -> Result<Read, String> {
    let total = list.length();
    let (mut loaded, mut refused) = (Vec::new(), Vec::new());
    // Every figure is re-checked against the catalogue before it is
    // counted: dimension ids known, scores from 0 to 100.
    let bank = banks::fetch(Tier::Small).await?;
    let catalogue = &bank.catalogue;
    let mut banks_read: HashMap<(Tier, String), Arc<Bank>> = HashMap::new();
    let (csvs, results): (Vec<web_sys::File>, Vec<web_sys::File>) = (0..total)
        .filter_map(|index| list.get(index))
        .partition(|file| file.name().ends_with(".csv"));
    let mut files_done = 0;
    for chunk in results.chunks(CHUNK) {
        progress(Progress {
            files_done,
            files: total,
            csv: None,
        });
        next_frame().await;
        let texts = files::file_texts(chunk, files::MAX_RESULT_BYTES, lang).await;
        for (file, text) in chunk.iter().zip(texts) {
            let name = file.name();
            let text = match text {
                Ok(text) => text,
                Err(reason) => {
                    refused.push(format!("{name}: {reason}"));
                    continue;
                }
            };
            match ResultDoc::from_json(&text) {
                Ok(result) => match Record::of(&result, catalogue) {
                    Ok(record) => {
                        loaded.push(record);
                        // Its answers, scored again by the bank and
                        // edition it names, feed 設問分析.
                        let key = (result.bank.tier, result.bank.version.clone());
                        let bank = match banks_read.get(&key) {
                            Some(bank) => Ok(bank.clone()),
                            None => banks::fetch_edition(key.0, &key.1).await,
                        };
                        match bank.map_err(|reason| reason.to_string()).and_then(|bank| {
                            banks_read.insert(key, bank.clone());
                            result
                                .rescore(&bank)
                                .map(|rescored| (bank, rescored))
                                .map_err(|problem| problem.to_string())
                        }) {
                            Ok((bank, rescored)) => {
                                tally.add(&bank, &rescored.answers, &rescored.scores)
                            }
                            Err(problem) => refused
                                .push(format!("{name} ({}): {problem}", t::NOT_ANALYSED.get(lang))),
                        }
                    }
                    Err(problem) => refused.push(format!("{name}: {problem}")),
                },
                Err(diagnostic) => refused.push(format!("{name}: {}", diagnostic.message)),
            }
        }
        files_done += chunk.len() as u32;
    }
    for file in &csvs {
        let name = file.name();
        let mut reader = ScoredReader::new(catalogue);
        let mut take = |chunk: ScoredChunk| {
            for row in &chunk.records {
                tally.add_scores(catalogue, row);
            }
            loaded.extend(chunk.records);
            refused.extend(
                chunk
                    .problems
                    .into_iter()
                    .map(|problem| format!("{name}:{problem}")),
            );
        };
        let size = file.size();
        let (mut read, mut failed) = (0.0, None);
        while read < size {
            progress(Progress {
                files_done,
                files: total,
                csv: Some(CsvProgress {
                    name: name.clone(),
                    read,
                    size,
                }),
            });
            next_frame().await;
            let end = (read + CSV_CHUNK_BYTES).min(size);
            match files::blob_bytes(file, read, end, lang).await {
                Ok(bytes) => take(reader.feed(&bytes)),
                Err(reason) => {
                    failed = Some(reason);
                    break;
                }
            }
            read = end;
        }
        take(reader.finish());
        if let Some(reason) = failed {
            refused.push(format!("{name}: {reason}"));
        }
        files_done += 1;
    }
    progress(Progress {
        files_done: total,
        files: total,
        csv: None,
    });
    Ok(Read {
        records: loaded,
        refused,
        tally,
    })
}
