//! Reading the files given to the dashboard: result files (JSON) and scored
//! survey CSVs, each figure checked against the catalogue before it counts,
//! each result's answers scored again by its own bank and edition for the
//! item analysis. A broken file is listed with its reason and skipped;
//! reading never stops at one.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::window;
use shindan_engine::{
    AnalysisBuilder, Bank, Lang, Record, ResultDoc, Tier, records_from_scored_csv,
};
use wasm_bindgen_futures::JsFuture;

use crate::messages::tools::dashboard as t;
use crate::{banks, files};

/// The most a scored survey CSV may weigh (it is read whole).
const MAX_CSV_BYTES: f64 = 64.0 * 1024.0 * 1024.0;

/// Files read at once, between two repaints of the progress bar: the
/// browser reads a chunk's files in parallel, and scoring one chunk takes
/// a few tens of milliseconds, so the page stays responsive.
const CHUNK: u32 = 500;

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

/// Lets the browser paint (a zero-delay timeout).
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = JsFuture::from(promise).await;
}

/// Reads every file of `list`, adding to `tally`; `progress` hears how
/// many of how many files are read, every `CHUNK` files and at the end.
/// Fails only when the catalogue to check against cannot be loaded.
pub async fn read_files(
    list: web_sys::FileList,
    mut tally: AnalysisBuilder,
    lang: Lang,
    progress: impl Fn(u32, u32),
) -> Result<Read, String> {
    let total = list.length();
    let (mut loaded, mut refused) = (Vec::new(), Vec::new());
    // Every figure is re-checked against the catalogue before it is
    // counted: dimension ids known, scores from 0 to 100.
    let bank = banks::fetch(Tier::Small).await?;
    let catalogue = &bank.catalogue;
    let mut banks_read: HashMap<(Tier, String), Arc<Bank>> = HashMap::new();
    for first in (0..total).step_by(CHUNK as usize) {
        progress(first, total);
        next_frame().await;
        let chunk: Vec<(web_sys::File, f64)> = (first..total.min(first + CHUNK))
            .filter_map(|index| list.get(index))
            .map(|file| {
                let limit = if file.name().ends_with(".csv") {
                    MAX_CSV_BYTES
                } else {
                    files::MAX_RESULT_BYTES
                };
                (file, limit)
            })
            .collect();
        let texts = files::file_texts(&chunk).await;
        for ((file, _), text) in chunk.iter().zip(texts) {
            let name = file.name();
            let text = match text {
                Ok(text) => text,
                Err(reason) => {
                    refused.push(format!("{name}: {reason}"));
                    continue;
                }
            };
            if name.ends_with(".csv") {
                let (rows, bad) = records_from_scored_csv(text.as_bytes(), catalogue);
                for row in &rows {
                    tally.add_scores(catalogue, row);
                }
                loaded.extend(rows);
                refused.extend(bad.into_iter().map(|problem| format!("{name}:{problem}")));
                continue;
            }
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
    }
    progress(total, total);
    Ok(Read {
        records: loaded,
        refused,
        tally,
    })
}
