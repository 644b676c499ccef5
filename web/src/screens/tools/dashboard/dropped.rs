//! What was dropped on the dashboard: files, and folders walked to every
//! file inside, subfolders included (an analyst drags the folder the
//! results were saved in). The entries are taken during the drop event,
//! the only time the browser hands them out; their files are read later.

use js_sys::{Array, Function, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DataTransfer, File, FileSystemDirectoryEntry, FileSystemDirectoryReader, FileSystemEntry,
    FileSystemFileEntry,
};

/// Files walked in dropped folders before the walk stops: a whole
/// documents folder dropped by mistake is not read to its end.
pub const MAX_FOLDER_FILES: usize = 100_000;

/// Files asked of the browser at once while walking: each costs it one
/// call to its own process, and asking for them one by one made the walk
/// of 10,000 files half as long again; 500 at once froze the page for up
/// to 1.5 s as their replies came in a burst (BENCHMARKS.md).
const OPENED_AT_ONCE: usize = 100;

/// What a drop gives: the items as the browser hands them over during the
/// event, or the plain file list when no folder is among them.
pub enum Dropped {
    Files(Vec<File>),
    Folders(Vec<FileSystemEntry>),
}

/// Takes what `data` holds; must run during the drop event.
pub fn take(data: &DataTransfer) -> Dropped {
    let items = data.items();
    let entries: Vec<FileSystemEntry> = (0..items.length())
        .filter_map(|index| items.get(index))
        .filter_map(|item| item.webkit_get_as_entry().ok().flatten())
        .collect();
    if entries.iter().any(FileSystemEntry::is_directory) {
        return Dropped::Folders(entries);
    }
    let list = data.files();
    Dropped::Files(
        list.map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
            .unwrap_or_default(),
    )
}

/// The files a drop holds, with the files the walk left out (by path, to
/// be listed; hidden ones such as `.DS_Store` are skipped unsaid), and
/// whether the walk stopped at [`MAX_FOLDER_FILES`].
pub struct Walked {
    pub files: Vec<File>,
    pub left_out: Vec<(String, LeftOut)>,
    pub stopped: bool,
}

/// Why a file in a dropped folder was left out.
pub enum LeftOut {
    /// Not `*.json`, `*.zip` or `*.csv`.
    NotAResult,
    /// The browser did not hand it over.
    Unreadable,
}

impl Walked {
    /// Asks the browser for the files behind `entries` all at once; those
    /// it cannot give are left out.
    async fn open(&mut self, entries: Vec<FileSystemEntry>) {
        let files =
            futures::future::join_all(entries.iter().map(|entry| file_of(entry.unchecked_ref())))
                .await;
        for (entry, file) in entries.iter().zip(files) {
            match file {
                Some(file) => self.files.push(file),
                None => self.left_out.push((entry.full_path(), LeftOut::Unreadable)),
            }
        }
    }
}

/// Walks `entries`, folders depth first; `found` hears how many files it
/// has met so far, every few hundred.
pub async fn walk(entries: Vec<FileSystemEntry>, found: impl Fn(usize)) -> Walked {
    let mut walked = Walked {
        files: Vec::new(),
        left_out: Vec::new(),
        stopped: false,
    };
    let mut pending = entries;
    let mut to_open = Vec::new();
    // Every file met counts toward the limit, hidden ones too.
    let mut met = 0;
    while let Some(entry) = pending.pop() {
        if met >= MAX_FOLDER_FILES {
            walked.stopped = true;
            break;
        }
        let name = entry.name();
        if entry.is_directory() {
            let reader = entry
                .unchecked_into::<FileSystemDirectoryEntry>()
                .create_reader();
            // A folder is listed only as far as the walk can still go (one
            // file more would stop it): a folder of a million files costs
            // no more than one of 100,000.
            pending.extend(entries_of(&reader, MAX_FOLDER_FILES - met + 1).await);
            continue;
        }
        met += 1;
        if met % OPENED_AT_ONCE == 0 {
            found(met);
        }
        if name.starts_with('.') {
            continue;
        } else if !super::load::reads(&name) {
            walked
                .left_out
                .push((entry.full_path(), LeftOut::NotAResult));
        } else {
            to_open.push(entry);
            if to_open.len() == OPENED_AT_ONCE {
                walked.open(std::mem::take(&mut to_open)).await;
            }
        }
    }
    walked.open(to_open).await;
    walked
}

/// The entries of a folder, until `most_files` of them are files (its
/// folders do not count): the browser hands them out in batches until an
/// empty one.
async fn entries_of(reader: &FileSystemDirectoryReader, most_files: usize) -> Vec<FileSystemEntry> {
    let mut entries = Vec::new();
    let mut files = 0;
    while files < most_files {
        let batch = callback_promise(|resolve, reject| {
            let _ = reader.read_entries_with_callback_and_callback(resolve, reject);
        })
        .await
        .map(|batch| Array::from(&batch))
        .unwrap_or_default();
        if batch.length() == 0 {
            break;
        }
        let batch = batch.iter().map(JsCast::unchecked_into::<FileSystemEntry>);
        for entry in batch {
            files += usize::from(!entry.is_directory());
            entries.push(entry);
        }
    }
    entries
}

/// The file behind an entry, or none when the browser cannot give it.
async fn file_of(entry: &FileSystemFileEntry) -> Option<File> {
    callback_promise(|resolve, reject| entry.file_with_callback_and_callback(resolve, reject))
        .await
        .ok()?
        .dyn_into()
        .ok()
}

/// A callback API (success and error callbacks) awaited as a promise.
async fn callback_promise(start: impl FnOnce(&Function, &Function)) -> Result<JsValue, JsValue> {
    let mut start = Some(start);
    let promise = Promise::new(&mut |resolve, reject| {
        if let Some(start) = start.take() {
            start(&resolve, &reject);
        }
    });
    JsFuture::from(promise).await
}
