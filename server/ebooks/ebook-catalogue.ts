/** Reading and curating the e-book collection: rows to records, categories, access. */
import type { Database } from 'better-sqlite3';
import { ebookCoverPath } from '../../shared/api/routes';
import type { EbookMetadata } from './ebook-metadata';
import type { EbookAccess, EbookCatalogue, EbookCategory, EbookFormat, EbookSummary, SearchKeys } from '../../shared/ebooks/schemas';

/** A stored e-book: the metadata read from its file (with a title always set), plus what the hub keeps. */
export interface EbookRecord
  extends Pick<EbookMetadata, 'authors' | 'language' | 'publisher' | 'published' | 'description' | 'subjects' | 'isbn'> {
  id: number;
  sha256: string;
  format: EbookFormat;
  title: string;
  searchKeys: SearchKeys;
  /** Relative to DATA_DIR. */
  coverPath: string | null;
  /** Relative to DATA_DIR. */
  filePath: string;
  sizeBytes: number;
  access: EbookAccess;
  createdAt: string;
  updatedAt: string;
  withdrawnAt: string | null;
}

interface EbookRow {
  id: number;
  sha256: string;
  format: EbookFormat;
  title: string;
  authors_json: string;
  language: string | null;
  publisher: string | null;
  published: string | null;
  description: string | null;
  subjects_json: string;
  isbn: string | null;
  search_keys_json: string;
  cover_path: string | null;
  file_path: string;
  size_bytes: number;
  access: EbookAccess;
  created_at: string;
  updated_at: string;
  withdrawn_at: string | null;
}

function toRecord(row: EbookRow): EbookRecord {
  return {
    id: row.id,
    sha256: row.sha256,
    format: row.format,
    title: row.title,
    authors: JSON.parse(row.authors_json) as string[],
    language: row.language,
    publisher: row.publisher,
    published: row.published,
    description: row.description,
    subjects: JSON.parse(row.subjects_json) as string[],
    isbn: row.isbn,
    searchKeys: JSON.parse(row.search_keys_json) as SearchKeys,
    coverPath: row.cover_path,
    filePath: row.file_path,
    sizeBytes: row.size_bytes,
    access: row.access,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    withdrawnAt: row.withdrawn_at,
  };
}

/** Where kiosks and the admin panel fetch a title's cover: versioned by content, so it can be cached for good. */
export const coverUrlOf = (ebook: EbookRecord) => `${ebookCoverPath(ebook.id)}?v=${ebook.sha256.slice(0, 12)}`;

/** A title patrons can get; null when unknown or withdrawn. */
export function getEbook(db: Database, id: number): EbookRecord | null {
  const record = findEbook(db, id);
  return record && record.withdrawnAt === null ? record : null;
}

/** Any stored title, withdrawn ones too (for staff). */
export function findEbook(db: Database, id: number): EbookRecord | null {
  const row = db.prepare('SELECT * FROM ebooks WHERE id = ?').get(id) as EbookRow | undefined;
  return row ? toRecord(row) : null;
}

/** The titles patrons can get, by title. */
export function listEbooks(db: Database): EbookRecord[] {
  return listAllEbooks(db).filter((ebook) => ebook.withdrawnAt === null);
}

/** Every stored title, withdrawn ones too (for staff), by title. */
export function listAllEbooks(db: Database): EbookRecord[] {
  return (db.prepare('SELECT * FROM ebooks ORDER BY title, id').all() as EbookRow[]).map(toRecord);
}

/** Category ids per title. */
export function categoryIdsByEbook(db: Database): Map<number, number[]> {
  const links = db.prepare('SELECT ebook_id AS ebookId, category_id AS categoryId FROM ebook_category_links ORDER BY category_id').all() as Array<{ ebookId: number; categoryId: number }>;
  const ids = new Map<number, number[]>();
  for (const link of links) ids.set(link.ebookId, [...(ids.get(link.ebookId) ?? []), link.categoryId]);
  return ids;
}

export function listCategories(db: Database): EbookCategory[] {
  return db.prepare('SELECT id, name_zh AS nameZh, name_en AS nameEn, sort FROM ebook_categories ORDER BY sort, id').all() as EbookCategory[];
}

/** How many titles the "popular" shelf lists, by downloads over the last POPULAR_DAYS days. */
const POPULAR_COUNT = 24;
const POPULAR_DAYS = 30;

/** Titles per answer to a kiosk: 100,000 in one answer kept a kiosk's screen frozen while it read them. */
export const CATALOGUE_PAGE = 5000;

/**
 * The catalogue as the kiosk caches it, with the pinyin search keys built at upload, a page of
 * `CATALOGUE_PAGE` titles by id after `after` (null: the first page); `next` is the `after` of the
 * next page, null on the last. With `since` (a previous `syncedAt`) only titles changed from then
 * on are listed, and the ids of those withdrawn from then on; categories and the popular shelf are
 * small and sent whole on every page. A kiosk keeps the first page's `syncedAt` for the whole sync:
 * what changes while it pages through has a later `updated_at`, so the next sync sends it again.
 */
export function catalogue(
  db: Database,
  coverUrl: (ebook: EbookRecord) => string,
  now: Date,
  since: string | null = null,
  after: number | null = null,
  pageSize = CATALOGUE_PAGE,
): EbookCatalogue {
  // `>=`: a title stored in the same millisecond as the last sync's newest one is sent again, never missed.
  // One row more than a page says whether another page follows.
  const rows = (since === null
    ? db.prepare('SELECT * FROM ebooks WHERE withdrawn_at IS NULL AND id > ? ORDER BY id LIMIT ?').all(after ?? 0, pageSize + 1)
    : db.prepare('SELECT * FROM ebooks WHERE updated_at >= ? AND id > ? ORDER BY id LIMIT ?').all(since, after ?? 0, pageSize + 1)) as EbookRow[];
  const records = rows.slice(0, pageSize).map(toRecord);
  const categoriesOf = categoryIdsOf(db, records);
  const ebooks = records.filter((ebook) => ebook.withdrawnAt === null).map(
    (ebook): EbookSummary => ({
      id: ebook.id,
      format: ebook.format,
      title: ebook.title,
      authors: ebook.authors,
      language: ebook.language,
      publisher: ebook.publisher,
      published: ebook.published,
      description: ebook.description,
      subjects: ebook.subjects,
      isbn: ebook.isbn,
      coverUrl: ebook.coverPath ? coverUrl(ebook) : null,
      sizeBytes: ebook.sizeBytes,
      access: ebook.access,
      categoryIds: categoriesOf.get(ebook.id) ?? [],
      searchKeys: ebook.searchKeys,
      createdAt: ebook.createdAt,
      updatedAt: ebook.updatedAt,
    }),
  );
  const newest = db.prepare('SELECT MAX(updated_at) AS at FROM ebooks').get() as { at: string | null };
  return {
    categories: listCategories(db),
    ebooks,
    withdrawnIds: records.filter((ebook) => ebook.withdrawnAt !== null).map((ebook) => ebook.id),
    popularIds: popularIds(db, now),
    syncedAt: newest.at ?? since ?? new Date(0).toISOString(),
    next: rows.length > pageSize ? (records.at(-1)?.id ?? null) : null,
  };
}

/** Category ids of the titles of one page. */
function categoryIdsOf(db: Database, records: EbookRecord[]): Map<number, number[]> {
  const ids = new Map<number, number[]>();
  if (records.length === 0) return ids;
  const links = db
    .prepare('SELECT ebook_id AS ebookId, category_id AS categoryId FROM ebook_category_links WHERE ebook_id BETWEEN ? AND ? ORDER BY category_id')
    .all(records[0]!.id, records.at(-1)!.id) as Array<{ ebookId: number; categoryId: number }>;
  for (const link of links) ids.set(link.ebookId, [...(ids.get(link.ebookId) ?? []), link.categoryId]);
  return ids;
}

function popularIds(db: Database, now: Date): number[] {
  const from = new Date(now.getTime() - POPULAR_DAYS * 24 * 60 * 60_000).toISOString();
  const rows = db
    .prepare(
      `SELECT d.ebook_id AS id FROM ebook_downloads d JOIN ebooks e ON e.id = d.ebook_id
       WHERE d.at >= ? AND e.withdrawn_at IS NULL GROUP BY d.ebook_id ORDER BY COUNT(DISTINCT d.ticket_id) DESC, d.ebook_id LIMIT ?`,
    )
    .all(from, POPULAR_COUNT) as Array<{ id: number }>;
  return rows.map((row) => row.id);
}

/** Category names per title, in both languages, for the OPDS feed. */
export function categoryNamesByEbook(db: Database): Map<number, string[]> {
  const rows = db
    .prepare('SELECT l.ebook_id AS ebookId, c.name_zh AS nameZh, c.name_en AS nameEn FROM ebook_category_links l JOIN ebook_categories c ON c.id = l.category_id ORDER BY c.sort, c.id')
    .all() as Array<{ ebookId: number; nameZh: string; nameEn: string }>;
  const names = new Map<number, string[]>();
  for (const row of rows) names.set(row.ebookId, [...(names.get(row.ebookId) ?? []), row.nameZh, row.nameEn]);
  return names;
}
