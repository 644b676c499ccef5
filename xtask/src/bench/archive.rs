//! A ZIP archive written as Windows' 「圧縮 (zip 形式) フォルダー」 writes
//! one: each file deflated on its own, names in UTF-8, no ZIP64 (under
//! 65,535 files). The dashboard bench picks it in place of 10,000 files.

use std::io::Write;

use flate2::Compression;
use flate2::write::DeflateEncoder;

/// The bytes of a ZIP archive holding `files` (name, contents), in order.
pub fn zip(files: &[(String, &[u8])]) -> Result<Vec<u8>, String> {
    let (mut out, mut directory) = (Vec::new(), Vec::new());
    for (name, contents) in files {
        let mut encoder = DeflateEncoder::new(Vec::new(), Compression::default());
        encoder
            .write_all(contents)
            .map_err(|error| format!("cannot deflate {name}: {error}"))?;
        let deflated = encoder
            .finish()
            .map_err(|error| format!("cannot deflate {name}: {error}"))?;
        let mut crc = flate2::Crc::new();
        crc.update(contents);
        let offset = u32_of(out.len())?;
        // Version 2.0, names in UTF-8 (bit 11), deflated, 2026-12-01 09:00.
        let common = |out: &mut Vec<u8>| -> Result<(), String> {
            out.extend(20u16.to_le_bytes());
            out.extend((1u16 << 11).to_le_bytes());
            out.extend(8u16.to_le_bytes());
            out.extend(0x4800u16.to_le_bytes());
            out.extend(0x5d81u16.to_le_bytes());
            out.extend(crc.sum().to_le_bytes());
            out.extend(u32_of(deflated.len())?.to_le_bytes());
            out.extend(u32_of(contents.len())?.to_le_bytes());
            out.extend(u16_of(name.len())?.to_le_bytes());
            out.extend(0u16.to_le_bytes());
            Ok(())
        };
        out.extend(0x0403_4b50u32.to_le_bytes());
        common(&mut out)?;
        out.extend(name.as_bytes());
        out.extend(&deflated);
        directory.extend(0x0201_4b50u32.to_le_bytes());
        directory.extend(20u16.to_le_bytes());
        common(&mut directory)?;
        // Comment length, disk, internal and external attributes.
        directory.extend([0; 10]);
        directory.extend(offset.to_le_bytes());
        directory.extend(name.as_bytes());
    }
    let count = u16_of(files.len())?;
    let directory_at = u32_of(out.len())?;
    let directory_len = u32_of(directory.len())?;
    out.extend(directory);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0; 4]);
    out.extend(count.to_le_bytes());
    out.extend(count.to_le_bytes());
    out.extend(directory_len.to_le_bytes());
    out.extend(directory_at.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    Ok(out)
}

fn u32_of(value: usize) -> Result<u32, String> {
    u32::try_from(value).map_err(|_| "the archive would need ZIP64".to_owned())
}

fn u16_of(value: usize) -> Result<u16, String> {
    u16::try_from(value).map_err(|_| "the archive would need ZIP64".to_owned())
}
