// A ZIP archive of files, each deflated on its own, names in UTF-8 (flag
// set). For journeys that pick an archive of results, and for the
// dashboard bench.
import { crc32, deflateRawSync } from "node:zlib";

/// The bytes of a ZIP archive of `files` ({ name, text }), in order.
export function zip(files) {
  const parts = [];
  const directory = [];
  let offset = 0;
  for (const { name, text } of files) {
    const contents = Buffer.from(text);
    const deflated = deflateRawSync(contents);
    const nameBytes = Buffer.from(name);
    // Version 2.0, names in UTF-8 (bit 11), deflated, no time stamp.
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0);
    common.writeUInt16LE(1 << 11, 2);
    common.writeUInt16LE(8, 4);
    common.writeUInt32LE(crc32(contents), 10);
    common.writeUInt32LE(deflated.length, 14);
    common.writeUInt32LE(contents.length, 18);
    common.writeUInt16LE(nameBytes.length, 22);
    const local = Buffer.concat([u32(0x04034b50), common, nameBytes, deflated]);
    directory.push(Buffer.concat([u32(0x02014b50), u16(20), common, Buffer.alloc(10), u32(offset), nameBytes]));
    parts.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, central, end]);
}

function u16(value) {
  const bytes = Buffer.alloc(2);
  bytes.writeUInt16LE(value);
  return bytes;
}

function u32(value) {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value);
  return bytes;
}
