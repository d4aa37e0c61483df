/**
 * Validates an EPUB (2 or 3) and reads its metadata and cover, inflating only the few entries
 * it needs, each with a size cap, after the whole directory has passed the safety checks.
 */
import type { EbookUploadRefusal } from '../../shared/ebooks/codes';
import type { EbookMetadata } from './ebook-metadata';
import { readPackage } from './opf-metadata';
import { childElements, parseXml } from './xml';
import { EntryTooLargeError, NotAZipError, openZip } from './zip-archive';
import type { ZipArchive, ZipEntry } from './zip-archive';
import { DEFAULT_ZIP_LIMITS, isUnsafeEntryName, looksLikeZipBomb } from './zip-safety';
import type { ZipLimits } from './zip-safety';

const EPUB_MIMETYPE = 'application/epub+zip';
const CONTAINER_PATH = 'META-INF/container.xml';
const CONTAINER_NS = 'urn:oasis:names:tc:opendocument:xmlns:container';
const MAX_XML_BYTES = 16 * 1024 ** 2;
const MAX_COVER_BYTES = 50 * 1024 ** 2;

export type EpubInspection =
  | { ok: true; version: 2 | 3; metadata: EbookMetadata; cover: Buffer | null }
  | { ok: false; code: EbookUploadRefusal };

export async function inspectEpub(source: Buffer | string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<EpubInspection> {
  let zip: ZipArchive | null = null;
  try {
    zip = await openZip(source, limits.maxEntries);
    return await inspectOpenedEpub(zip, limits);
  } catch (error) {
    if (error instanceof NotAZipError) return { ok: false, code: 'ebook.notZip' };
    if (error instanceof EntryTooLargeError) return { ok: false, code: 'ebook.zipBomb' };
    throw error;
  } finally {
    zip?.close();
  }
}

async function inspectOpenedEpub(zip: ZipArchive, limits: ZipLimits): Promise<EpubInspection> {
  if (zip.entryCount > limits.maxEntries) return { ok: false, code: 'ebook.zipBomb' };
  if (zip.entries.some((entry) => isUnsafeEntryName(entry.name))) return { ok: false, code: 'ebook.unsafePath' };
  if (looksLikeZipBomb(zip.entryCount, zip.entries, limits)) return { ok: false, code: 'ebook.zipBomb' };
  if (zip.entries.some((entry) => entry.encrypted)) return { ok: false, code: 'ebook.encrypted' };

  const entry = (name: string): ZipEntry | undefined => zip.entries.find((e) => e.name === name);
  const first = zip.entries.find((e) => e.localHeaderOffset === 0);
  if (first?.name !== 'mimetype') return { ok: false, code: 'ebook.noMimetype' };
  // Trailing white space is a common packaging slip that readers accept.
  if ((await zip.read(first, 1024)).toString('latin1').trimEnd() !== EPUB_MIMETYPE) return { ok: false, code: 'ebook.noMimetype' };

  const containerEntry = entry(CONTAINER_PATH);
  if (!containerEntry) return { ok: false, code: 'ebook.noContainer' };
  const container = parseXml(await readText(zip, containerEntry));
  const rootfiles = container ? childElements(container, CONTAINER_NS, 'rootfile') : [];
  const opfPath = (rootfiles.find((r) => r.getAttribute('media-type') === 'application/oebps-package+xml') ?? rootfiles[0])?.getAttribute('full-path');
  if (!opfPath) return { ok: false, code: 'ebook.noContainer' };

  const opfEntry = entry(opfPath);
  if (!opfEntry) return { ok: false, code: 'ebook.noOpf' };
  const opf = parseXml(await readText(zip, opfEntry));
  const pkg = opf ? readPackage(opf, opfPath) : null;
  if (!pkg) return { ok: false, code: 'ebook.badOpf' };

  const coverEntry = pkg.coverPath ? entry(pkg.coverPath) : undefined;
  const cover = coverEntry ? await zip.read(coverEntry, MAX_COVER_BYTES) : null;
  return { ok: true, version: pkg.version, metadata: pkg.metadata, cover };
}

async function readText(zip: ZipArchive, entry: ZipEntry): Promise<string> {
  const text = (await zip.read(entry, MAX_XML_BYTES)).toString('utf8');
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
