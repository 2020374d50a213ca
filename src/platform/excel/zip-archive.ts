import { Readable } from 'node:stream';
import zlib from 'node:zlib';

/**
 * The entries of a zip archive held in memory, read from its central
 * directory (an .xlsx is a zip of XML parts). Only what a workbook needs:
 * stored and deflated entries, zip64 sizes; no encryption, no spanning.
 * Node's own zlib inflates, which is several times faster than the
 * JavaScript inflaters bundled with the Excel libraries.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** Where the entry's local header starts. */
  headerOffset: number;
}

/** Not a zip, or one this reader does not handle; the caller reports the file as unreadable. */
export class ZipFormatError extends Error {}

const endOfDirectorySignature = 0x06054b50;
const zip64LocatorSignature = 0x07064b50;
const zip64EndSignature = 0x06064b50;
const directoryEntrySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;
const zip64ExtraId = 0x0001;
const overflow32 = 0xffffffff;

function findEndOfDirectory(bytes: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65,535.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (bytes.readUInt32LE(at) === endOfDirectorySignature) return at;
  }
  throw new ZipFormatError('no end of central directory');
}

/** Where the central directory starts and how many entries it holds, from the zip64 record when the classic one overflows. */
function directoryBounds(bytes: Buffer): { offset: number; count: number } {
  const end = findEndOfDirectory(bytes);
  const count = bytes.readUInt16LE(end + 10);
  const offset = bytes.readUInt32LE(end + 16);
  if (offset !== overflow32 && count !== 0xffff) return { offset, count };
  const locator = end - 20;
  if (locator < 0 || bytes.readUInt32LE(locator) !== zip64LocatorSignature) throw new ZipFormatError('zip64 locator missing');
  const record = Number(bytes.readBigUInt64LE(locator + 8));
  if (bytes.readUInt32LE(record) !== zip64EndSignature) throw new ZipFormatError('zip64 end record missing');
  return { offset: Number(bytes.readBigUInt64LE(record + 48)), count: Number(bytes.readBigUInt64LE(record + 32)) };
}

/** Every entry by name. Throws ZipFormatError for anything that is not a readable zip. */
export function listZipEntries(bytes: Buffer): Map<string, ZipEntry> {
  if (bytes.length < 22) throw new ZipFormatError('too short');
  try {
    const { offset, count } = directoryBounds(bytes);
    const entries = new Map<string, ZipEntry>();
    let at = offset;
    for (let i = 0; i < count; i++) {
      if (bytes.readUInt32LE(at) !== directoryEntrySignature) throw new ZipFormatError('bad central directory entry');
      const flags = bytes.readUInt16LE(at + 8);
      const method = bytes.readUInt16LE(at + 10);
      let compressedSize = bytes.readUInt32LE(at + 20);
      const uncompressedSize = bytes.readUInt32LE(at + 24);
      const nameLength = bytes.readUInt16LE(at + 28);
      const extraLength = bytes.readUInt16LE(at + 30);
      const commentLength = bytes.readUInt16LE(at + 32);
      let headerOffset = bytes.readUInt32LE(at + 42);
      const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
      // The zip64 extra field holds, in this order, only the sizes and offset that overflowed 32 bits.
      for (let extra = at + 46 + nameLength; extra < at + 46 + nameLength + extraLength; ) {
        const id = bytes.readUInt16LE(extra);
        const size = bytes.readUInt16LE(extra + 2);
        if (id === zip64ExtraId) {
          let field = extra + 4;
          if (uncompressedSize === overflow32) field += 8;
          if (compressedSize === overflow32) (compressedSize = Number(bytes.readBigUInt64LE(field))), (field += 8);
          if (headerOffset === overflow32) headerOffset = Number(bytes.readBigUInt64LE(field));
        }
        extra += 4 + size;
      }
      if ((flags & 1) === 0 && (method === 0 || method === 8)) entries.set(name, { name, method, compressedSize, headerOffset });
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } catch (error) {
    // A truncated or garbled directory reads past the buffer: the same verdict as a bad signature.
    if (error instanceof RangeError) throw new ZipFormatError('truncated');
    throw error;
  }
}

/** The entry's stored bytes, as found after its local header. */
function compressedBytes(bytes: Buffer, entry: ZipEntry): Buffer {
  const at = entry.headerOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== localHeaderSignature) throw new ZipFormatError(`bad local header for ${entry.name}`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + entry.compressedSize > bytes.length) throw new ZipFormatError(`${entry.name} is truncated`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/** The entry's content, inflated a piece at a time so a large worksheet never sits in memory whole. */
export function entryChunks(bytes: Buffer, entry: ZipEntry): AsyncIterable<Buffer> {
  const stored = compressedBytes(bytes, entry);
  if (entry.method === 0) return Readable.from([stored], { objectMode: false });
  return Readable.from([stored], { objectMode: false }).pipe(zlib.createInflateRaw({ chunkSize: 1 << 16 }));
}
