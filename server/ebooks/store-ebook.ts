/**
 * Adds an uploaded e-book to the collection: validate, read metadata and cover, then store the
 * file as DATA_DIR/ebooks/<sha256>.<ext> and its row together. Either both exist afterwards or
 * neither does. The same content uploaded twice is stored once (deduplicated by SHA-256).
 */
import { renameSync, rmSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { EbookUploadRefusal } from '../../shared/ebooks/codes';
import { buildSearchKeys } from '../../shared/ebooks/pinyin-keys';
import type { EbookAccess, EbookFormat } from '../../shared/ebooks/schemas';
import { systemClock } from '../clock';
import type { Clock } from '../clock';
import { coverThumbnail } from './cover-thumbnail';
import { coverRelativePath, ebookRelativePath, sha256Of, writeTempBeside } from './ebook-files';
import { withoutXmlForbidden } from '../../shared/ebooks/xml-chars';
import { EMPTY_METADATA } from './ebook-metadata';
import type { EbookMetadata } from './ebook-metadata';
import { inspectEpub } from './inspect-epub';
import { isPdf } from './inspect-pdf';
import { DEFAULT_ZIP_LIMITS } from './zip-safety';
import type { ZipLimits } from './zip-safety';

export const DEFAULT_MAX_EBOOK_BYTES = 200 * 1024 ** 2;

export type StoreEbookOptions = {
  db: Database;
  dataDir: string;
  /** The name the file had on the uploader's computer: its extension declares the format. */
  originalName: string;
  maxBytes?: number;
  access?: EbookAccess;
  zipLimits?: ZipLimits;
  now?: Clock;
} & ({ bytes: Buffer } | { filePath: string });

export type StoreEbookResult = { ok: true; id: number; duplicate: boolean } | { ok: false; code: EbookUploadRefusal };

export async function storeEbook(options: StoreEbookOptions): Promise<StoreEbookResult> {
  const { db, dataDir, originalName, now = systemClock } = options;
  const source = 'bytes' in options ? options.bytes : options.filePath;
  const size = typeof source === 'string' ? (await stat(source)).size : source.length;
  if (size > (options.maxBytes ?? DEFAULT_MAX_EBOOK_BYTES)) return { ok: false, code: 'ebook.tooLarge' };

  const sha256 = await sha256Of(source);
  const existing = existingId(db, sha256);
  if (existing !== null) return { ok: true, id: existing, duplicate: true };

  const format = declaredFormat(originalName) ?? (await sniffFormat(source));
  if (!format) return { ok: false, code: 'ebook.unsupportedType' };
  const inspected = await inspect(format, source, options.zipLimits ?? DEFAULT_ZIP_LIMITS);
  if (!inspected.ok) return inspected;

  const thumbnail = inspected.cover ? await coverThumbnail(inspected.cover) : null;
  const ebookPath = ebookRelativePath(sha256, format);
  const coverPath = thumbnail ? coverRelativePath(sha256) : null;
  const temps: Array<[temp: string, final: string]> = [];
  try {
    temps.push([await writeTempBeside(join(dataDir, ebookPath), Buffer.isBuffer(source) ? source : { copyFrom: source }), join(dataDir, ebookPath)]);
    if (thumbnail && coverPath) temps.push([await writeTempBeside(join(dataDir, coverPath), thumbnail), join(dataDir, coverPath)]);
    const row: EbookRow = { sha256, format, size, ebookPath, coverPath, access: options.access ?? 'open', at: now().toISOString() };
    const metadata = { ...inspected.metadata, title: inspected.metadata.title ?? titleFromFileName(originalName) };
    return { ok: true, id: insertAndPublish(db, row, metadata, temps), duplicate: false };
  } catch (error) {
    // Lost a race with an identical upload: that one is stored, so this one is a duplicate.
    const winner = isUniqueViolation(error) ? existingId(db, sha256) : null;
    if (winner !== null) return { ok: true, id: winner, duplicate: true };
    throw error;
  } finally {
    for (const [temp] of temps) rmSync(temp, { force: true });
  }
}

interface EbookRow {
  sha256: string;
  format: EbookFormat;
  size: number;
  ebookPath: string;
  coverPath: string | null;
  access: EbookAccess;
  at: string;
}

/** Inserts the row and renames the files into place in one transaction; undoes the renames if it fails. */
function insertAndPublish(db: Database, row: EbookRow, metadata: EbookMetadata, temps: Array<[string, string]>): number {
  const published: string[] = [];
  try {
    return db.transaction(() => {
      const { lastInsertRowid } = db
        .prepare(
          `INSERT INTO ebooks (sha256, format, title, authors_json, language, publisher, published, description,
             subjects_json, isbn, search_keys_json, cover_path, file_path, size_bytes, access, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          row.sha256, row.format, metadata.title, JSON.stringify(metadata.authors), metadata.language, metadata.publisher,
          metadata.published, metadata.description, JSON.stringify(metadata.subjects), metadata.isbn,
          JSON.stringify(buildSearchKeys({ title: metadata.title ?? '', authors: metadata.authors, subjects: metadata.subjects })), row.coverPath,
          row.ebookPath, row.size, row.access, row.at, row.at,
        );
      for (const [temp, final] of temps) {
        renameSync(temp, final);
        published.push(final);
      }
      return Number(lastInsertRowid);
    })();
  } catch (error) {
    for (const path of published) rmSync(path, { force: true });
    throw error;
  }
}

type Inspection = { ok: true; metadata: EbookMetadata; cover: Buffer | null } | { ok: false; code: EbookUploadRefusal };

async function inspect(format: EbookFormat, source: Buffer | string, zipLimits: ZipLimits): Promise<Inspection> {
  if (format === 'epub') return inspectEpub(source, zipLimits);
  return (await isPdf(source)) ? { ok: true, metadata: EMPTY_METADATA, cover: null } : { ok: false, code: 'ebook.notPdf' };
}

function declaredFormat(originalName: string): EbookFormat | null {
  const lower = originalName.toLowerCase();
  if (lower.endsWith('.epub')) return 'epub';
  if (lower.endsWith('.pdf')) return 'pdf';
  return null;
}

/** For uploads without a telling extension: ZIP's or PDF's magic bytes. */
async function sniffFormat(source: Buffer | string): Promise<EbookFormat | null> {
  const head = Buffer.isBuffer(source) ? source.subarray(0, 5) : await readHead(source);
  if (head.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) return 'epub';
  if (head.toString('latin1') === '%PDF-') return 'pdf';
  return null;
}

async function readHead(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(5);
    const { bytesRead } = await file.read(head, 0, 5, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/** "C:\\fakepath\\红楼梦.pdf" → "红楼梦": browsers and tools send all kinds of paths. */
function titleFromFileName(originalName: string): string {
  const base = withoutXmlForbidden(originalName.split(/[\\/]/).pop() ?? originalName);
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).trim() || 'Untitled';
}

function existingId(db: Database, sha256: string): number | null {
  const row = db.prepare('SELECT id FROM ebooks WHERE sha256 = ?').get(sha256) as { id: number } | undefined;
  return row?.id ?? null;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
