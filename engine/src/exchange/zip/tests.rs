//! Archives written here byte by byte, as the format describes them, one
//! written by Info-ZIP's `zip` (`tests/analysis/every-kind.zip`) and one
//! written as a stream (`tests/analysis/every-kind-streamed.zip`), read
//! back.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed unwrap is a failed test"
)]

use super::*;

/// One file to put in a test archive.
struct File<'a> {
    name: &'a [u8],
    data: &'a [u8],
    deflate: bool,
    flags: u16,
}

impl<'a> File<'a> {
    fn new(name: &'a str, data: &'a str) -> File<'a> {
        File {
            name: name.as_bytes(),
            data: data.as_bytes(),
            deflate: true,
            flags: FLAG_UTF8_NAME,
        }
    }
}

/// A ZIP archive of `files`; with `zip64`, every size and offset in the
/// directory overflowed to its ZIP64 extra field, and a ZIP64 end record.
fn archive(files: &[File], zip64: bool) -> Vec<u8> {
    let (mut out, mut directory) = (Vec::new(), Vec::new());
    for file in files {
        let data = if file.deflate {
            miniz_oxide::deflate::compress_to_vec(file.data, 6)
        } else {
            file.data.to_vec()
        };
        let method: u16 = if file.deflate { DEFLATED } else { STORED };
        let offset = out.len() as u32;
        let crc = crc32fast::hash(file.data);
        let head = |signature: u32, out: &mut Vec<u8>| {
            out.extend(signature.to_le_bytes());
            if signature == DIRECTORY_ENTRY {
                out.extend(45u16.to_le_bytes());
            }
            out.extend(45u16.to_le_bytes());
            out.extend(file.flags.to_le_bytes());
            out.extend(method.to_le_bytes());
            out.extend([0; 4]);
            out.extend(crc.to_le_bytes());
        };
        head(LOCAL_HEADER, &mut out);
        out.extend((data.len() as u32).to_le_bytes());
        out.extend((file.data.len() as u32).to_le_bytes());
        out.extend((file.name.len() as u16).to_le_bytes());
        out.extend(0u16.to_le_bytes());
        out.extend(file.name);
        out.extend(&data);

        head(DIRECTORY_ENTRY, &mut directory);
        let overflow = |value: u32| if zip64 { u32::MAX } else { value };
        directory.extend(overflow(data.len() as u32).to_le_bytes());
        directory.extend(overflow(file.data.len() as u32).to_le_bytes());
        directory.extend((file.name.len() as u16).to_le_bytes());
        directory.extend((if zip64 { 28u16 } else { 0 }).to_le_bytes());
        // Comment length, disk, internal and external attributes.
        directory.extend([0; 10]);
        directory.extend(overflow(offset).to_le_bytes());
        directory.extend(file.name);
        if zip64 {
            directory.extend(1u16.to_le_bytes());
            directory.extend(24u16.to_le_bytes());
            directory.extend((file.data.len() as u64).to_le_bytes());
            directory.extend((data.len() as u64).to_le_bytes());
            directory.extend(u64::from(offset).to_le_bytes());
        }
    }
    let directory_at = out.len() as u64;
    out.extend(&directory);
    let count = files.len() as u64;
    if zip64 {
        let record_at = out.len() as u64;
        out.extend(ZIP64_END_OF_DIRECTORY.to_le_bytes());
        out.extend(44u64.to_le_bytes());
        out.extend([45, 0, 45, 0]);
        out.extend([0; 8]);
        out.extend(count.to_le_bytes());
        out.extend(count.to_le_bytes());
        out.extend((directory.len() as u64).to_le_bytes());
        out.extend(directory_at.to_le_bytes());
        out.extend(ZIP64_LOCATOR.to_le_bytes());
        out.extend(0u32.to_le_bytes());
        out.extend(record_at.to_le_bytes());
        out.extend(1u32.to_le_bytes());
    }
    out.extend(END_OF_DIRECTORY.to_le_bytes());
    out.extend([0; 4]);
    let short = if zip64 { u16::MAX } else { count as u16 };
    out.extend(short.to_le_bytes());
    out.extend(short.to_le_bytes());
    out.extend((directory.len() as u32).to_le_bytes());
    out.extend((if zip64 { u32::MAX } else { directory_at as u32 }).to_le_bytes());
    out.extend(9u16.to_le_bytes());
    out.extend(b"a comment");
    out
}

fn texts(bytes: &[u8]) -> Vec<(String, Result<String, EntryError>)> {
    let archive = Archive::read(bytes).unwrap();
    archive
        .entries()
        .iter()
        .map(|entry| (entry.name.clone(), archive.text(entry, 1024)))
        .collect()
}

#[test]
fn stored_and_deflated_entries_read_back_and_folders_and_hidden_files_are_left_out() {
    let mut stored = File::new("results/b.json", "{\"b\": 2}");
    stored.deflate = false;
    let bytes = archive(
        &[
            File::new("results/", ""),
            File::new("results/a.json", "\u{FEFF}{\"a\": 1}"),
            stored,
            File::new("results/.DS_Store", "x"),
            File::new("__MACOSX/results/._a.json", "x"),
        ],
        false,
    );
    assert_eq!(
        texts(&bytes),
        [
            ("results/a.json".to_owned(), Ok("{\"a\": 1}".to_owned())),
            ("results/b.json".to_owned(), Ok("{\"b\": 2}".to_owned())),
        ]
    );
}

#[test]
fn zip64_sizes_and_offsets_are_read_from_the_extra_field() {
    let files = [File::new("a.json", "{}"), File::new("b.json", "[1, 2]")];
    assert_eq!(
        texts(&archive(&files, true)),
        texts(&archive(&files, false))
    );
    assert_eq!(texts(&archive(&files, true)).len(), 2);
}

#[test]
fn a_name_japanese_windows_wrote_in_cp932_is_decoded() {
    let (cp932, _, _) = SHIFT_JIS.encode("結果/株式会社.json");
    let mut file = File::new("", "{}");
    file.name = &cp932;
    file.flags = 0;
    assert_eq!(texts(&archive(&[file], false))[0].0, "結果/株式会社.json");
}

#[test]
fn an_entry_that_cannot_be_read_says_why_and_the_others_still_read() {
    let mut encrypted = File::new("locked.json", "{}");
    encrypted.flags |= FLAG_ENCRYPTED;
    let big = "x".repeat(2000);
    let bytes = archive(
        &[
            encrypted,
            File::new("big.json", &big),
            File::new("ok.json", "{}"),
        ],
        false,
    );
    let read = texts(&bytes);
    assert_eq!(read[0].1, Err(EntryError::Encrypted));
    assert_eq!(read[1].1, Err(EntryError::TooLarge { max_bytes: 1024 }));
    assert_eq!(read[2].1, Ok("{}".to_owned()));
}

#[test]
fn a_checksum_or_size_that_does_not_match_the_data_is_corrupt() {
    let bytes = archive(&[File::new("a.json", "{\"a\": 1}")], false);
    let archive = Archive::read(&bytes).unwrap();
    let entry = &archive.entries()[0];
    let mut wrong_crc = entry.clone();
    wrong_crc.crc32 ^= 1;
    assert_eq!(archive.text(&wrong_crc, 1024), Err(EntryError::Corrupt));
    let mut lying_size = entry.clone();
    lying_size.size -= 1;
    assert_eq!(archive.text(&lying_size, 1024), Err(EntryError::Corrupt));
    let mut other_method = entry.clone();
    other_method.method = 9;
    assert_eq!(
        archive.text(&other_method, 1024),
        Err(EntryError::Method(9))
    );
}

#[test]
fn what_is_not_a_whole_archive_is_refused_without_panicking() {
    let bytes = archive(
        &[File::new("a.json", "{}"), File::new("b.json", "{}")],
        true,
    );
    assert_eq!(
        Archive::read(b"{\"schema\": 1}").unwrap_err(),
        ArchiveError::NotZip
    );
    assert_eq!(Archive::read(b"").unwrap_err(), ArchiveError::NotZip);
    // Every cut of a ZIP64 archive: refused or read, never a panic.
    for end in 0..bytes.len() {
        if let Ok(archive) = Archive::read(&bytes[..end]) {
            for entry in archive.entries() {
                let _ = archive.text(entry, 1024);
            }
        }
    }
    // Every byte flipped in turn, likewise.
    for at in 0..bytes.len() {
        let mut flipped = bytes.clone();
        flipped[at] ^= 0xFF;
        if let Ok(archive) = Archive::read(&flipped) {
            for entry in archive.entries() {
                let _ = archive.text(entry, 1024);
            }
        }
    }
}

#[test]
fn entries_declaring_more_than_the_limit_in_all_refuse_the_archive_before_inflating() {
    let bytes = archive(&[File::new("a.json", "{}")], false);
    let mut bomb = bytes.clone();
    let directory_at = bytes.len() - END_OF_DIRECTORY_BYTES - 9 - (DIRECTORY_ENTRY_BYTES + 6);
    let declared = MAX_INFLATED_BYTES + 1;
    bomb[directory_at + 24..directory_at + 28].copy_from_slice(&(declared as u32).to_le_bytes());
    assert_eq!(
        Archive::read(&bomb).unwrap_err(),
        ArchiveError::TooLarge { declared }
    );
}

#[test]
fn a_file_heavier_than_the_limit_is_refused_before_its_directory_is_read() {
    let heavy = vec![0; MAX_ARCHIVE_BYTES as usize + 1];
    assert_eq!(
        Archive::read(&heavy).unwrap_err(),
        ArchiveError::FileTooLarge {
            bytes: MAX_ARCHIVE_BYTES + 1
        }
    );
}

#[test]
fn an_archive_info_zip_wrote_reads() {
    let bytes = include_bytes!("../../../../tests/analysis/every-kind.zip");
    let archive = Archive::read(bytes).unwrap();
    let mut names: Vec<&str> = archive.entries().iter().map(|e| e.name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(
        names.len(),
        31,
        "30 results and a note; the folder left out"
    );
    assert_eq!(names[0], "results/01.json");
    assert_eq!(names[30], "results/メモ.txt");
    let results = archive.entries().iter().filter(|e| e.is_result()).count();
    assert_eq!(results, 30, "the note is not a result");
    for entry in archive.entries() {
        let text = archive.text(entry, 1024 * 1024).unwrap();
        assert!(
            text.starts_with('{') || entry.name.ends_with(".txt"),
            "{}",
            entry.name
        );
    }
}

#[test]
fn an_archive_written_as_a_stream_reads() {
    // Sizes and checksums after each entry's data (a data descriptor), the
    // local headers' left zero: how a writer that cannot seek back writes
    // entries.
    let bytes = include_bytes!("../../../../tests/analysis/every-kind-streamed.zip");
    assert_eq!(
        u16::from_le_bytes([bytes[6], bytes[7]]) & 1 << 3,
        1 << 3,
        "the fixture has data descriptors"
    );
    let read = texts(bytes);
    assert_eq!(read.len(), 3);
    for (name, text) in read {
        let text = text.unwrap_or_else(|error| panic!("{name}: {error}"));
        assert!(text.starts_with('{'), "{name}");
    }
}
