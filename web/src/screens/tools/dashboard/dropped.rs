//! What was dropped on the dashboard: files, and folders walked to every
//! file inside, subfolders included (an analyst drags the folder the
//! results were saved in). The entries (and, in Chromium, the handles) are
//! taken during the drop event, the only time the browser hands them out;
//! their files are read later.

use std::cell::Cell;

use js_sys::{Array, Function, IteratorNext, Promise};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DataTransfer, DataTransferItem, File, FileSystemDirectoryEntry, FileSystemDirectoryHandle,
    FileSystemDirectoryReader, FileSystemEntry, FileSystemFileEntry, FileSystemFileHandle,
    FileSystemHandle, FileSystemHandleKind,
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
    Folders(FolderDrop),
}

/// The dropped items when a folder is among them: every browser's entries,
/// and Chromium's handles of the same items when it gives them (their files
/// open several times faster: BENCHMARKS.md).
pub struct FolderDrop {
    entries: Vec<FileSystemEntry>,
    handles: Option<Vec<Promise>>,
}

#[wasm_bindgen]
extern "C" {
    /// A dropped item as Chromium gives it: with the File System Access
    /// API's handle, which Firefox and Safari lack (then asking throws).
    type HandleItem;

    #[wasm_bindgen(method, catch, js_name = getAsFileSystemHandle)]
    fn get_as_file_system_handle(this: &HandleItem) -> Result<Promise, JsValue>;
}

/// Takes what `data` holds; must run during the drop event.
pub fn take(data: &DataTransfer) -> Dropped {
    let items = data.items();
    let items: Vec<DataTransferItem> = (0..items.length())
        .filter_map(|index| items.get(index))
        .filter(|item| item.kind() == "file")
        .collect();
    let entries: Vec<FileSystemEntry> = items
        .iter()
        .filter_map(|item| item.webkit_get_as_entry().ok().flatten())
        .collect();
    if entries.iter().any(FileSystemEntry::is_directory) {
        let handles = items
            .iter()
            .map(|item| {
                item.unchecked_ref::<HandleItem>()
                    .get_as_file_system_handle()
                    .ok()
            })
            .collect();
        return Dropped::Folders(FolderDrop { entries, handles });
    }
    let list = data.files();
    Dropped::Files(
        list.map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
            .unwrap_or_default(),
    )
}

/// One file or folder met in the walk, as whichever API gave it.
enum Node {
    Entry(FileSystemEntry),
    /// `path` as an entry's full path reads: `/folder/file.json`.
    Handle {
        handle: FileSystemHandle,
        path: String,
    },
}

impl Node {
    fn name(&self) -> String {
        match self {
            Node::Entry(entry) => entry.name(),
            Node::Handle { handle, .. } => handle.name(),
        }
    }

    fn path(&self) -> String {
        match self {
            Node::Entry(entry) => entry.full_path(),
            Node::Handle { path, .. } => path.clone(),
        }
    }

    fn is_folder(&self) -> bool {
        match self {
            Node::Entry(entry) => entry.is_directory(),
            Node::Handle { handle, .. } => handle.kind() == FileSystemHandleKind::Directory,
        }
    }

    /// A folder's children, listed only until `most_files` of them are
    /// files; `listed` hears how many files so far.
    async fn children(&self, most_files: usize, listed: &dyn Fn(usize)) -> Vec<Node> {
        match self {
            Node::Entry(entry) => {
                let reader = entry
                    .unchecked_ref::<FileSystemDirectoryEntry>()
                    .create_reader();
                entries_of(&reader, most_files, listed)
                    .await
                    .into_iter()
                    .map(Node::Entry)
                    .collect()
            }
            Node::Handle { handle, path } => {
                handles_of(handle.unchecked_ref(), path, most_files, listed).await
            }
        }
    }

    /// The file behind it, or none when the browser cannot give it.
    async fn file(&self) -> Option<File> {
        let opened = match self {
            Node::Entry(entry) => {
                let entry: &FileSystemFileEntry = entry.unchecked_ref();
                callback_promise(|resolve, reject| {
                    entry.file_with_callback_and_callback(resolve, reject)
                })
                .await
            }
            Node::Handle { handle, .. } => {
                JsFuture::from(handle.unchecked_ref::<FileSystemFileHandle>().get_file()).await
            }
        };
        opened.ok()?.dyn_into().ok()
    }
}

/// The walk's first nodes: Chromium's handles when every dropped item gave
/// one, else the entries.
async fn first_nodes(dropped: FolderDrop) -> Vec<Node> {
    if let Some(promises) = dropped.handles {
        let handles = futures::future::join_all(promises.into_iter().map(JsFuture::from)).await;
        let handles: Option<Vec<FileSystemHandle>> = handles
            .into_iter()
            .map(|handle| handle.ok()?.dyn_into().ok())
            .collect();
        if let Some(handles) = handles.filter(|handles| !handles.is_empty()) {
            return handles
                .into_iter()
                .map(|handle| Node::Handle {
                    path: format!("/{}", handle.name()),
                    handle,
                })
                .collect();
        }
    }
    dropped.entries.into_iter().map(Node::Entry).collect()
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
    /// Asks the browser for the files behind `nodes` all at once; those
    /// it cannot give are left out.
    async fn open(&mut self, nodes: Vec<Node>) {
        let files = futures::future::join_all(nodes.iter().map(Node::file)).await;
        for (node, file) in nodes.iter().zip(files) {
            match file {
                Some(file) => self.files.push(file),
                None => self.left_out.push((node.path(), LeftOut::Unreadable)),
            }
        }
    }
}

/// Walks what was dropped, folders depth first; `found` hears how many
/// files it has found so far, every [`OPENED_AT_ONCE`] or so, and never
/// fewer than before (a large folder's files are counted as it is listed,
/// which takes seconds, and again as they are met).
pub async fn walk(dropped: FolderDrop, found: impl Fn(usize)) -> Walked {
    let said = Cell::new(0);
    let say = |count: usize| {
        if count >= said.get() + OPENED_AT_ONCE {
            said.set(count);
            found(count);
        }
    };
    let mut walked = Walked {
        files: Vec::new(),
        left_out: Vec::new(),
        stopped: false,
    };
    let mut pending = first_nodes(dropped).await;
    let mut to_open = Vec::new();
    // Every file met counts toward the limit, hidden ones too.
    let mut met = 0;
    while let Some(node) = pending.pop() {
        if met >= MAX_FOLDER_FILES {
            walked.stopped = true;
            break;
        }
        if node.is_folder() {
            // A folder is listed only as far as the walk can still go (one
            // file more would stop it): a folder of a million files costs
            // no more than one of 100,000.
            let listed = |files: usize| say(met + files);
            pending.extend(node.children(MAX_FOLDER_FILES - met + 1, &listed).await);
            continue;
        }
        met += 1;
        say(met);
        let name = node.name();
        if name.starts_with('.') {
            continue;
        } else if !super::load::reads(&name) {
            walked.left_out.push((node.path(), LeftOut::NotAResult));
        } else {
            to_open.push(node);
            if to_open.len() == OPENED_AT_ONCE {
                walked.open(std::mem::take(&mut to_open)).await;
            }
        }
    }
    walked.open(to_open).await;
    walked
}

/// The children of a folder handle, until `most_files` of them are files
/// (its folders do not count).
async fn handles_of(
    folder: &FileSystemDirectoryHandle,
    path: &str,
    most_files: usize,
    listed: &dyn Fn(usize),
) -> Vec<Node> {
    let mut children = Vec::new();
    let mut files = 0;
    let listing = folder.values();
    while files < most_files {
        let Ok(next) = listing.next() else { break };
        let Ok(next) = JsFuture::from(next).await else {
            break;
        };
        let next: IteratorNext = next.unchecked_into();
        if next.done() {
            break;
        }
        let Ok(handle) = next.value().dyn_into::<FileSystemHandle>() else {
            continue;
        };
        files += usize::from(handle.kind() == FileSystemHandleKind::File);
        listed(files);
        children.push(Node::Handle {
            path: format!("{path}/{}", handle.name()),
            handle,
        });
    }
    children
}

/// The entries of a folder, until `most_files` of them are files (its
/// folders do not count): the browser hands them out in batches until an
/// empty one.
async fn entries_of(
    reader: &FileSystemDirectoryReader,
    most_files: usize,
    listed: &dyn Fn(usize),
) -> Vec<FileSystemEntry> {
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
        listed(files);
    }
    entries
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
