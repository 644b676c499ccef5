//! Reading the files given to the dashboard: result files (JSON), ZIP
//! archives of them, and scored survey CSVs, each figure checked against
//! the catalogue before it counts, each result's answers scored again by
//! its own bank and edition for the item analysis. A ZIP archive is
//! counted in workers where they start (`workers.rs`). A broken file is
//! listed with its reason and skipped; reading never stops at one.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use shindan_engine::{
    AnalysisBuilder, Archive, Bank, Catalogue, Lang, MAX_RESULT_BYTES, Record, ResultDoc,
    ScoredChunk, ScoredReader, Tier,
};
use wasm_bindgen_futures::JsFuture;

use super::workers;
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

/// Separately picked result files from which reading them as one ZIP of
/// their folder saves the user a noticeable wait: a picked file costs
/// about 0.7 ms, 0.5 ms of it the browser's own before a byte is read, a
/// result in an archive about 0.15 ms (BENCHMARKS.md).
pub const MANY_FILES: u32 = 1_000;

/// What a file is taken for, by its name.
enum Kind {
    Result,
    Archive,
    ScoredCsv,
}

impl Kind {
    /// What a file of this name is, or none for a name the dashboard does
    /// not read (in a dropped folder, such files are listed, not read).
    fn by_name(name: &str) -> Option<Kind> {
        let name = name.to_lowercase();
        [
            (".json", Kind::Result),
            (".zip", Kind::Archive),
            (".csv", Kind::ScoredCsv),
        ]
        .into_iter()
        .find_map(|(extension, kind)| name.ends_with(extension).then_some(kind))
    }

    /// What a file given by name (picked, or dropped alone) is: one of
    /// another name is tried as a result, the user chose it.
    fn of(file: &web_sys::File) -> Kind {
        Kind::by_name(&file.name()).unwrap_or(Kind::Result)
    }
}

/// Whether the dashboard reads a file of this name found in a folder.
pub fn reads(name: &str) -> bool {
    Kind::by_name(name).is_some()
}

/// How many of `files` are result files given one by one.
pub fn separate_results(files: &[web_sys::File]) -> u32 {
    files
        .iter()
        .filter(|file| matches!(Kind::of(file), Kind::Result))
        .count() as u32
}

/// What a batch of files gave (serializable: a count worker hands over
/// its part of an archive as postcard bytes).
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Read {
    /// One record per result or scored row.
    pub records: Vec<Record>,
    /// Files and rows not read, or read but left out of the item analysis,
    /// with the reason.
    pub refused: Vec<String>,
    /// The item analysis' tally, with these files added.
    pub tally: AnalysisBuilder,
}

impl Read {
    /// Nothing read yet, counting on from `tally`.
    fn starting(tally: AnalysisBuilder) -> Read {
        Read {
            records: Vec::new(),
            refused: Vec::new(),
            tally,
        }
    }

    /// Takes in what was read after this: records and refusals in order,
    /// the tallies merged.
    pub fn absorb(&mut self, later: Read) {
        self.records.extend(later.records);
        self.refused.extend(later.refused);
        self.tally.merge(later.tally);
    }
}

/// Which of an archive's entries one reader takes: all of them, or one
/// count worker's share (the entries in order, cut into `parts` runs).
#[derive(Clone, Copy)]
pub struct Share {
    pub part: usize,
    pub parts: usize,
}

impl Share {
    const WHOLE: Share = Share { part: 0, parts: 1 };

    fn range(self, entries: usize) -> Range<usize> {
        let parts = self.parts.max(1);
        entries * self.part / parts..entries * (self.part + 1) / parts
    }

    fn tells_of_the_archive(self) -> bool {
        self.part == 0
    }
}

/// How far reading has come: files read of all, and how far into the
/// scored CSV or archive being read, if one is.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    pub files_done: u32,
    pub files: u32,
    pub within: Option<Within>,
}

/// How much of one large file is read: a scored CSV's bytes, or an
/// archive's results.
#[derive(Clone, Debug, PartialEq)]
pub struct Within {
    pub name: String,
    pub done: f64,
    pub total: f64,
    pub unit: Unit,
}

/// What [`Within`] counts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Unit {
    Bytes,
    Files,
}

/// Lets the browser paint (a zero-delay timeout). In a count worker there
/// is no page to paint, and no pause.
async fn next_frame() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.set_timeout_with_callback(&resolve);
    });
    let _ = JsFuture::from(promise).await;
}

/// What reading has gathered so far, and what it checks against.
struct Reading<'c> {
    catalogue: &'c Catalogue,
    banks_read: HashMap<(Tier, String), Arc<Bank>>,
    read: Read,
    lang: Lang,
}

impl<'c> Reading<'c> {
    fn new(catalogue: &'c Catalogue, tally: AnalysisBuilder, lang: Lang) -> Reading<'c> {
        Reading {
            catalogue,
            banks_read: HashMap::new(),
            read: Read::starting(tally),
            lang,
        }
    }

    /// Adds the result `text` (from `place`, named in a refusal): its
    /// figures, checked against the catalogue, to the summary; its
    /// answers, scored again by the bank and edition it names, to 設問分析.
    async fn add_result(&mut self, place: &str, text: Result<String, String>) {
        let refused = &mut self.read.refused;
        let text = match text {
            Ok(text) => text,
            Err(reason) => return refused.push(format!("{place}: {reason}")),
        };
        let result = match ResultDoc::from_json(&text) {
            Ok(result) => result,
            Err(diagnostic) => return refused.push(format!("{place}: {}", diagnostic.message)),
        };
        match Record::of(&result, self.catalogue) {
            Ok(record) => self.read.records.push(record),
            Err(problem) => return refused.push(format!("{place}: {problem}")),
        }
        let key = (result.bank.tier, result.bank.version.clone());
        let bank = match self.banks_read.get(&key) {
            Some(bank) => Ok(bank.clone()),
            None => banks::fetch_edition(key.0, &key.1).await,
        };
        match bank.map_err(|reason| reason.to_string()).and_then(|bank| {
            self.banks_read.insert(key, bank.clone());
            result
                .rescore(&bank)
                .map(|rescored| (bank, rescored))
                .map_err(|problem| problem.to_string())
        }) {
            Ok((bank, rescored)) => self
                .read
                .tally
                .add(&bank, &rescored.answers, &rescored.scores),
            Err(problem) => self.read.refused.push(format!(
                "{place} ({}): {problem}",
                t::NOT_ANALYSED.get(self.lang)
            )),
        }
    }
}

/// Reads every file of `list`, adding to `tally`: result files (JSON) 500
/// at a time, then each ZIP archive of results and each scored CSV (as a
/// stream). `progress` hears how far reading has come, between chunks and
/// at the end. Fails only when the catalogue to check against cannot be
/// loaded.
pub async fn read_files(
    list: Vec<web_sys::File>,
    tally: AnalysisBuilder,
    lang: Lang,
    progress: impl Fn(Progress),
) -> Result<Read, String> {
    let total = list.len() as u32;
    // Every figure is re-checked against the catalogue before it is
    // counted: dimension ids known, scores from 0 to 100.
    let bank = banks::fetch(Tier::Small).await?;
    let mut reading = Reading::new(&bank.catalogue, tally, lang);
    let (mut results, mut archives, mut csvs) = (Vec::new(), Vec::new(), Vec::new());
    for file in list {
        match Kind::of(&file) {
            Kind::ScoredCsv => csvs.push(file),
            Kind::Archive => archives.push(file),
            Kind::Result => results.push(file),
        }
    }
    let mut files_done = 0;
    for chunk in results.chunks(CHUNK) {
        progress(Progress {
            files_done,
            files: total,
            within: None,
        });
        next_frame().await;
        let texts = files::file_texts(chunk, files::MAX_RESULT_BYTES, lang).await;
        for (file, text) in chunk.iter().zip(texts) {
            reading.add_result(&file.name(), text).await;
        }
        files_done += chunk.len() as u32;
    }
    // How far into one large file, the `files_done` before it.
    let within = |files_done: u32, file: &web_sys::File, unit: Unit| {
        let (progress, name) = (&progress, file.name());
        move |done: f64, of: f64| {
            progress(Progress {
                files_done,
                files: total,
                within: Some(Within {
                    name: name.clone(),
                    done,
                    total: of,
                    unit,
                }),
            })
        }
    };
    for file in &archives {
        let progress = within(files_done, file, Unit::Files);
        match workers::count_archive(file, lang, &progress).await {
            Some(part) => reading.read.absorb(part),
            // No workers here (or one failed): the page reads it itself.
            None => read_archive(file, &mut reading, Share::WHOLE, &progress).await,
        }
        files_done += 1;
    }
    for file in &csvs {
        read_scored_csv(file, &mut reading, within(files_done, file, Unit::Bytes)).await;
        files_done += 1;
    }
    progress(Progress {
        files_done: total,
        files: total,
        within: None,
    });
    Ok(reading.read)
}

/// What a count worker reads: its `share` of the ZIP archive `file`, as
/// the page would read it, counted from nothing. `progress` hears results
/// read of the share, and the archive's results in all.
pub async fn read_share(
    file: &web_sys::File,
    share: Share,
    lang: Lang,
    progress: impl Fn(f64, f64),
) -> Result<Read, String> {
    let bank = banks::fetch(Tier::Small).await?;
    let mut reading = Reading::new(&bank.catalogue, AnalysisBuilder::new(), lang);
    read_archive(file, &mut reading, share, progress).await;
    Ok(reading.read)
}

/// Reads the result files (`*.json`) of `share` of a ZIP archive, 500
/// between two repaints; every other file in it is listed as not a
/// result. `progress` hears results read of the share, and the archive's
/// results in all.
async fn read_archive(
    file: &web_sys::File,
    reading: &mut Reading<'_>,
    share: Share,
    progress: impl Fn(f64, f64),
) {
    let name = file.name();
    let lang = reading.lang;
    let size = file.size();
    let bytes = match Archive::admit(size as u64) {
        Ok(()) => files::blob_bytes(file, 0.0, size, lang).await,
        Err(error) => Err(error.to_string()),
    };
    // Every share meets a problem with the archive as a whole; the first
    // tells of it.
    let refuse = |reading: &mut Reading<'_>, reason: String| {
        if share.tells_of_the_archive() {
            reading.read.refused.push(format!("{name}: {reason}"));
        }
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(reason) => return refuse(reading, reason),
    };
    let archive = match Archive::read(&bytes) {
        Ok(archive) => archive,
        Err(error) => return refuse(reading, error.to_string()),
    };
    let all = archive.entries();
    let entries = all.get(share.range(all.len())).unwrap_or_default();
    for (index, chunk) in entries.chunks(CHUNK).enumerate() {
        progress((index * CHUNK) as f64, all.len() as f64);
        next_frame().await;
        for entry in chunk {
            let place = format!("{name}:{}", entry.name);
            let text = if entry.is_result() {
                archive
                    .text(entry, MAX_RESULT_BYTES)
                    .map_err(|error| error.to_string())
            } else {
                Err(t::NOT_A_RESULT.get(lang).to_owned())
            };
            reading.add_result(&place, text).await;
        }
    }
}

/// Reads a scored survey CSV as a stream, a slice at a time, with a
/// repaint between slices; `progress` hears the bytes read of all.
async fn read_scored_csv(
    file: &web_sys::File,
    reading: &mut Reading<'_>,
    progress: impl Fn(f64, f64),
) {
    let name = file.name();
    let catalogue = reading.catalogue;
    let read = &mut reading.read;
    let mut reader = ScoredReader::new(catalogue);
    let mut take = |chunk: ScoredChunk| {
        for row in &chunk.records {
            read.tally.add_scores(catalogue, row);
        }
        read.records.extend(chunk.records);
        read.refused.extend(
            chunk
                .problems
                .into_iter()
                .map(|problem| format!("{name}:{problem}")),
        );
    };
    let size = file.size();
    let (mut done, mut failed) = (0.0, None);
    while done < size {
        progress(done, size);
        next_frame().await;
        let end = (done + CSV_CHUNK_BYTES).min(size);
        match files::blob_bytes(file, done, end, reading.lang).await {
            Ok(bytes) => take(reader.feed(&bytes)),
            Err(reason) => {
                failed = Some(reason);
                break;
            }
        }
        done = end;
    }
    take(reader.finish());
    if let Some(reason) = failed {
        read.refused.push(format!("{name}: {reason}"));
    }
}
