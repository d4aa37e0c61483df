/**
 * Reading ZIP containers (EPUB) safely.
 *
 * yauzl rather than fflate: it reads the central directory without inflating anything, lets us
 * see every entry's declared sizes and raw name first, and (validateEntrySizes) aborts a stream
 * whose real output exceeds its declared size, so a limit checked on the declared sizes holds.
 * It also reads from a file with random access, so a 200 MB upload is never held in memory.
 */
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';

export interface ZipEntry {
  /** Decoded name, backslashes kept as they are (yauzl's lenient mode would turn them into slashes). */
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** 0 for the entry whose local header starts the file, i.e. the first entry. */
  localHeaderOffset: number;
  /** 0 = stored, 8 = deflated. */
  compressionMethod: number;
  encrypted: boolean;
  raw: Entry;
}

export interface ZipArchive {
  /** From the end-of-central-directory record; known before any entry is listed. */
  entryCount: number;
  /** Empty when entryCount is over the caller's limit: such an archive is refused unlisted. */
  entries: ZipEntry[];
  /** Inflates one entry; throws EntryTooLargeError past `maxBytes`, NotAZipError if it is corrupt. */
  read(entry: ZipEntry, maxBytes: number): Promise<Buffer>;
  close(): void;
}

export class EntryTooLargeError extends Error {
  override name = 'EntryTooLargeError';
}

/** The file is not a ZIP, or a part of it cannot be read. */
export class NotAZipError extends Error {
  override name = 'NotAZipError';
}

/** Opens the archive and lists its central directory. Throws NotAZipError for anything unreadable. */
export async function openZip(source: Buffer | string, maxEntries: number): Promise<ZipArchive> {
  // decodeStrings: false stops yauzl from rejecting or rewriting unsafe names: we judge them ourselves.
  const options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false };
  let zip: ZipFile;
  try {
    zip = typeof source === 'string' ? await yauzl.openPromise(source, options) : await yauzl.fromBufferPromise(source, options);
  } catch (error) {
    throw new NotAZipError(String(error));
  }
  try {
    if (zip.entryCount > maxEntries) return archive(zip, []);
    const entries: ZipEntry[] = [];
    for await (const raw of zip.eachEntry()) entries.push(toZipEntry(raw));
    return archive(zip, entries);
  } catch (error) {
    zip.close();
    throw new NotAZipError(String(error));
  }
}

function archive(zip: ZipFile, entries: ZipEntry[]): ZipArchive {
  return {
    entryCount: zip.entryCount,
    entries,
    read: (entry, maxBytes) => readEntry(zip, entry, maxBytes),
    close: () => zip.close(),
  };
}

function toZipEntry(raw: Entry): ZipEntry {
  return {
    name: yauzl.getFileNameLowLevel(raw.generalPurposeBitFlag, raw.fileNameRaw, raw.extraFields, true),
    compressedSize: raw.compressedSize,
    uncompressedSize: raw.uncompressedSize,
    localHeaderOffset: raw.relativeOffsetOfLocalHeader,
    compressionMethod: raw.compressionMethod,
    encrypted: raw.isEncrypted(),
    raw,
  };
}

async function readEntry(zip: ZipFile, entry: ZipEntry, maxBytes: number): Promise<Buffer> {
  if (entry.uncompressedSize > maxBytes) throw new EntryTooLargeError(entry.name);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    const stream = await zip.openReadStreamPromise(entry.raw);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) {
        stream.destroy();
        throw new EntryTooLargeError(entry.name);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof EntryTooLargeError) throw error;
    // Bad deflate data, a CRC or size mismatch, an unsupported compression method.
    throw new NotAZipError(String(error));
  }
  return Buffer.concat(chunks);
}
