//! Reading a ZIP archive of result files (a folder zipped on the
//! analyst's computer): an analyst given thousands of result files picks
//! one archive, and the browser reads one file instead of thousands (each
//! picked file costs Chromium about half a millisecond before a byte of it
//! is read; see BENCHMARKS.md).
//!
//! Read: stored or deflated entries, ZIP64 for archives past 65,535
//! entries or 4 GB, names in UTF-8 or CP932 (the code page of Japanese
//! Windows). Tested on archives Info-ZIP's `zip` wrote and on archives
//! written byte by byte in the tests; not yet on one made by Windows or
//! macOS themselves. An entry is inflated only when asked for, into exactly
//! the size its header declares, so a hostile archive costs no more than
//! its declared sizes, and those are capped before anything is inflated.

use std::fmt;

use encoding_rs::SHIFT_JIS;

/// The most an archive may weigh: it is read whole (its directory is at
/// its end). 10,000 results zip to about 11 MB.
pub const MAX_ARCHIVE_BYTES: u64 = 256 * 1024 * 1024;

/// The most all entries of one archive may declare, inflated: a survey of
/// 100,000 results is about 300 MB.
pub const MAX_INFLATED_BYTES: u64 = 512 * 1024 * 1024;

const END_OF_DIRECTORY: u32 = 0x0605_4b50;
const ZIP64_LOCATOR: u32 = 0x0706_4b50;
const ZIP64_END_OF_DIRECTORY: u32 = 0x0606_4b50;
const DIRECTORY_ENTRY: u32 = 0x0201_4b50;
const LOCAL_HEADER: u32 = 0x0403_4b50;
/// The end record's fixed part; a comment of up to 65,535 bytes may follow.
const END_OF_DIRECTORY_BYTES: usize = 22;
const DIRECTORY_ENTRY_BYTES: usize = 46;
const LOCAL_HEADER_BYTES: usize = 30;
const FLAG_ENCRYPTED: u16 = 1;
const FLAG_UTF8_NAME: u16 = 1 << 11;
const STORED: u16 = 0;
const DEFLATED: u16 = 8;

/// Why an archive cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArchiveError {
    /// The file weighs more than [`MAX_ARCHIVE_BYTES`].
    FileTooLarge {
        /// Its size in bytes.
        bytes: u64,
    },
    /// No end-of-directory record: not a ZIP archive, or cut short.
    NotZip,
    /// The directory points outside the file, or an entry is cut short.
    Truncated,
    /// Its entries declare more than [`MAX_INFLATED_BYTES`] in all.
    TooLarge {
        /// Bytes declared in all.
        declared: u64,
    },
}

impl fmt::Display for ArchiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArchiveError::FileTooLarge { bytes } => write!(
                f,
                "{} MB を超えるため読み込みませんでした (it weighs {} MB, over {} MB)",
                MAX_ARCHIVE_BYTES / 1024 / 1024,
                bytes / 1024 / 1024,
                MAX_ARCHIVE_BYTES / 1024 / 1024
            ),
            ArchiveError::NotZip => f.write_str("ZIP ファイルとして読めません (not a ZIP archive)"),
            ArchiveError::Truncated => {
                f.write_str("ZIP ファイルが途中で切れています (the ZIP archive is cut short)")
            }
            ArchiveError::TooLarge { declared } => write!(
                f,
                "展開すると {} MB を超えるため読み込みませんでした (it would expand to {} MB, over {} MB)",
                MAX_INFLATED_BYTES / 1024 / 1024,
                declared / 1024 / 1024,
                MAX_INFLATED_BYTES / 1024 / 1024
            ),
        }
    }
}

impl std::error::Error for ArchiveError {}

/// Why one entry cannot be read; the others still can.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryError {
    /// Encrypted with a password.
    Encrypted,
    /// Compressed by a method other than stored or deflated.
    Method(u16),
    /// Declared larger than the reader allows.
    TooLarge {
        /// The reader's limit.
        max_bytes: u64,
    },
    /// Its data does not inflate to its declared size and checksum.
    Corrupt,
}

impl fmt::Display for EntryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EntryError::Encrypted => {
                f.write_str("パスワード付きのため読めません (encrypted with a password)")
            }
            EntryError::Method(method) => write!(
                f,
                "対応していない圧縮方式です (compression method {method}; stored and deflated are read)"
            ),
            EntryError::TooLarge { max_bytes } => write!(
                f,
                "{} MB を超えるため読み込みませんでした (over {} MB)",
                max_bytes / 1024 / 1024,
                max_bytes / 1024 / 1024
            ),
            EntryError::Corrupt => {
                f.write_str("壊れているため読めません (its data does not match its checksum)")
            }
        }
    }
}

impl std::error::Error for EntryError {}

/// One file in an archive, as its central directory describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its path inside the archive, `/`-separated.
    pub name: String,
    /// Its size once inflated, as declared.
    pub size: u64,
    flags: u16,
    method: u16,
    crc32: u32,
    compressed: u64,
    local_header: u64,
}

impl Entry {
    /// Whether it is a result file (`*.json`): what the dashboard and the
    /// CLI count; anything else in an archive is listed as not a result.
    pub fn is_result(&self) -> bool {
        self.name.to_lowercase().ends_with(".json")
    }
}

/// An archive's files, read lazily from its bytes.
#[derive(Debug)]
pub struct Archive<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry>,
}

impl<'a> Archive<'a> {
    /// Reads the central directory of `bytes`. Folders, macOS' resource
    /// forks (`__MACOSX/`) and hidden files (`.DS_Store`) are left out:
    /// the tools that zip a folder add them, no one means them.
    pub fn read(bytes: &'a [u8]) -> Result<Archive<'a>, ArchiveError> {
        Archive::admit(bytes.len() as u64)?;
        let directory = Directory::find(bytes)?;
        let mut entries = Vec::new();
        let mut at = usize::try_from(directory.offset).map_err(|_| ArchiveError::Truncated)?;
        let mut declared: u64 = 0;
        for _ in 0..directory.entries {
            let entry = Bytes { bytes, at };
            if entry.u32(0)? != DIRECTORY_ENTRY {
                return Err(ArchiveError::Truncated);
            }
            let name_len = usize::from(entry.u16(28)?);
            let extra_len = usize::from(entry.u16(30)?);
            let comment_len = usize::from(entry.u16(32)?);
            let name_bytes = entry.slice(DIRECTORY_ENTRY_BYTES, name_len)?;
            let extra = entry.slice(DIRECTORY_ENTRY_BYTES + name_len, extra_len)?;
            let flags = entry.u16(8)?;
            let mut read = Entry {
                name: name_of(name_bytes, flags),
                flags,
                method: entry.u16(10)?,
                crc32: entry.u32(16)?,
                compressed: u64::from(entry.u32(20)?),
                size: u64::from(entry.u32(24)?),
                local_header: u64::from(entry.u32(42)?),
            };
            widen_zip64(&mut read, extra)?;
            at += DIRECTORY_ENTRY_BYTES + name_len + extra_len + comment_len;
            if is_meant(&read.name) {
                declared = declared.saturating_add(read.size);
                entries.push(read);
            }
        }
        if declared > MAX_INFLATED_BYTES {
            return Err(ArchiveError::TooLarge { declared });
        }
        Ok(Archive { bytes, entries })
    }

    /// Whether a file of `weight` bytes may be read as an archive: asked
    /// before reading it (it is read whole), and by [`Archive::read`].
    pub fn admit(weight: u64) -> Result<(), ArchiveError> {
        if weight > MAX_ARCHIVE_BYTES {
            return Err(ArchiveError::FileTooLarge { bytes: weight });
        }
        Ok(())
    }

    /// The files in it, in directory order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The text of `entry`, inflated (when it declares at most
    /// `max_bytes`) and checked against its checksum; decoded as a picked
    /// file's text is: UTF-8, a leading byte order mark dropped, a broken
    /// sequence replaced.
    pub fn text(&self, entry: &Entry, max_bytes: u64) -> Result<String, EntryError> {
        if entry.flags & FLAG_ENCRYPTED != 0 {
            return Err(EntryError::Encrypted);
        }
        if entry.size > max_bytes {
            return Err(EntryError::TooLarge { max_bytes });
        }
        let data = self.data(entry).map_err(|_| EntryError::Corrupt)?;
        let size = usize::try_from(entry.size).map_err(|_| EntryError::Corrupt)?;
        let mut inflated = match entry.method {
            STORED if data.len() == size => data.to_vec(),
            STORED => return Err(EntryError::Corrupt),
            DEFLATED => {
                // Stops as soon as it would write more than declared.
                let options = zune_inflate::DeflateOptions::default()
                    .set_limit(size)
                    .set_size_hint(size);
                let out = zune_inflate::DeflateDecoder::new_with_options(data, options)
                    .decode_deflate()
                    .map_err(|_| EntryError::Corrupt)?;
                if out.len() != size {
                    return Err(EntryError::Corrupt);
                }
                out
            }
            other => return Err(EntryError::Method(other)),
        };
        if crc32fast::hash(&inflated) != entry.crc32 {
            return Err(EntryError::Corrupt);
        }
        if inflated.starts_with(b"\xEF\xBB\xBF") {
            inflated.drain(..3);
        }
        // Valid UTF-8 (nearly always) becomes the string without a copy.
        Ok(String::from_utf8(inflated)
            .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned()))
    }

    /// The compressed bytes of `entry`, after its local header.
    fn data(&self, entry: &Entry) -> Result<&'a [u8], ArchiveError> {
        let at = usize::try_from(entry.local_header).map_err(|_| ArchiveError::Truncated)?;
        let local = Bytes {
            bytes: self.bytes,
            at,
        };
        if local.u32(0)? != LOCAL_HEADER {
            return Err(ArchiveError::Truncated);
        }
        let skip = LOCAL_HEADER_BYTES + usize::from(local.u16(26)?) + usize::from(local.u16(28)?);
        let compressed = usize::try_from(entry.compressed).map_err(|_| ArchiveError::Truncated)?;
        local.slice(skip, compressed)
    }
}

/// Where the central directory is and how many entries it holds.
struct Directory {
    entries: u64,
    offset: u64,
}

impl Directory {
    /// The end-of-directory record, searched from the end (a comment may
    /// follow it), and its ZIP64 form when the plain one overflows.
    fn find(bytes: &[u8]) -> Result<Directory, ArchiveError> {
        let last = bytes
            .len()
            .checked_sub(END_OF_DIRECTORY_BYTES)
            .ok_or(ArchiveError::NotZip)?;
        let first = last.saturating_sub(usize::from(u16::MAX));
        let at = (first..=last)
            .rev()
            .find(|&at| bytes[at..].starts_with(&END_OF_DIRECTORY.to_le_bytes()))
            .ok_or(ArchiveError::NotZip)?;
        let end = Bytes { bytes, at };
        let entries = end.u16(10)?;
        let offset = end.u32(16)?;
        if entries != u16::MAX && offset != u32::MAX {
            return Ok(Directory {
                entries: u64::from(entries),
                offset: u64::from(offset),
            });
        }
        let locator = Bytes {
            bytes,
            at: at.checked_sub(20).ok_or(ArchiveError::Truncated)?,
        };
        if locator.u32(0)? != ZIP64_LOCATOR {
            return Err(ArchiveError::Truncated);
        }
        let zip64 = Bytes {
            bytes,
            at: usize::try_from(locator.u64(8)?).map_err(|_| ArchiveError::Truncated)?,
        };
        if zip64.u32(0)? != ZIP64_END_OF_DIRECTORY {
            return Err(ArchiveError::Truncated);
        }
        Ok(Directory {
            entries: zip64.u64(32)?,
            offset: zip64.u64(48)?,
        })
    }
}

/// Replaces the sizes and offset an entry marks as overflowed (all ones)
/// with the 64-bit values of its ZIP64 extra field, in the order the
/// format gives them.
fn widen_zip64(entry: &mut Entry, extra: &[u8]) -> Result<(), ArchiveError> {
    let mut at = 0;
    while at + 4 <= extra.len() {
        let field = Bytes { bytes: extra, at };
        let (id, len) = (field.u16(0)?, usize::from(field.u16(2)?));
        if id == 0x0001 {
            let values = Bytes {
                bytes: field.slice(4, len)?,
                at: 0,
            };
            let mut next = 0;
            for value in [
                &mut entry.size,
                &mut entry.compressed,
                &mut entry.local_header,
            ] {
                if *value == u64::from(u32::MAX) {
                    *value = values.u64(next)?;
                    next += 8;
                }
            }
            return Ok(());
        }
        at += 4 + len;
    }
    Ok(())
}

/// Whether an entry is a file someone put in the archive.
fn is_meant(name: &str) -> bool {
    let file = name.rsplit('/').next().unwrap_or(name);
    !name.ends_with('/') && !name.starts_with("__MACOSX/") && !file.starts_with('.')
}

/// An entry's name: UTF-8 when flagged or valid, else CP932 (Japanese
/// Windows writes names in its own code page, unflagged).
fn name_of(bytes: &[u8], flags: u16) -> String {
    if flags & FLAG_UTF8_NAME != 0 {
        return String::from_utf8_lossy(bytes).into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(name) => name.to_owned(),
        Err(_) => SHIFT_JIS.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

/// Little-endian fields at an offset, each read checked against the end.
struct Bytes<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Bytes<'a> {
    fn slice(&self, offset: usize, len: usize) -> Result<&'a [u8], ArchiveError> {
        let start = self.at.checked_add(offset).ok_or(ArchiveError::Truncated)?;
        let end = start.checked_add(len).ok_or(ArchiveError::Truncated)?;
        self.bytes.get(start..end).ok_or(ArchiveError::Truncated)
    }

    fn array<const N: usize>(&self, offset: usize) -> Result<[u8; N], ArchiveError> {
        self.slice(offset, N)?
            .try_into()
            .map_err(|_| ArchiveError::Truncated)
    }

    fn u16(&self, offset: usize) -> Result<u16, ArchiveError> {
        self.array(offset).map(u16::from_le_bytes)
    }

    fn u32(&self, offset: usize) -> Result<u32, ArchiveError> {
        self.array(offset).map(u32::from_le_bytes)
    }

    fn u64(&self, offset: usize) -> Result<u64, ArchiveError> {
        self.array(offset).map(u64::from_le_bytes)
    }
}

#[cfg(test)]
mod tests;
