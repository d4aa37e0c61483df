/** Reading and curating the e-book collection: rows to records, categories, access. */
import type { Database } from 'better-sqlite3';
import { buildSearchKeys } from '../../shared/ebooks/pinyin-keys';
import type { EbookAccess, EbookCatalogue, EbookCategory, EbookFormat, EbookSummary } from '../../shared/ebooks/schemas';

export interface EbookRecord {
  id: number;
  sha256: string;
  format: EbookFormat;
  title: string;
  authors: string[];
  language: string | null;
  publisher: string | null;
  published: string | null;
  description: string | null;
  subjects: string[];
  isbn: string | null;
  /** Relative to DATA_DIR. */
  coverPath: string | null;
  /** Relative to DATA_DIR. */
  filePath: string;
  sizeBytes: number;
  access: EbookAccess;
  createdAt: string;
  updatedAt: string;
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
  cover_path: string | null;
  file_path: string;
  size_bytes: number;
  access: EbookAccess;
  created_at: string;
  updated_at: string;
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
    coverPath: row.cover_path,
    filePath: row.file_path,
    sizeBytes: row.size_bytes,
    access: row.access,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function getEbook(db: Database, id: number): EbookRecord | null {
  const row = db.prepare('SELECT * FROM ebooks WHERE id = ?').get(id) as EbookRow | undefined;
  return row ? toRecord(row) : null;
}

export function listEbooks(db: Database): EbookRecord[] {
  return (db.prepare('SELECT * FROM ebooks ORDER BY title, id').all() as EbookRow[]).map(toRecord);
}

export function listCategories(db: Database): EbookCategory[] {
  return db.prepare('SELECT id, name_zh AS nameZh, name_en AS nameEn, sort FROM ebook_categories ORDER BY sort, id').all() as EbookCategory[];
}

/** The whole catalogue as the kiosk caches it, with pinyin search keys built here on the hub. */
export function catalogue(db: Database, coverUrl: (ebook: EbookRecord) => string): EbookCatalogue {
  const links = db.prepare('SELECT ebook_id AS ebookId, category_id AS categoryId FROM ebook_category_links').all() as Array<{ ebookId: number; categoryId: number }>;
  const ebooks = listEbooks(db).map(
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
      categoryIds: links.filter((link) => link.ebookId === ebook.id).map((link) => link.categoryId),
      searchKeys: buildSearchKeys(ebook),
    }),
  );
  return { categories: listCategories(db), ebooks };
}

export function addCategory(db: Database, category: Omit<EbookCategory, 'id'>): number {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO ebook_categories (name_zh, name_en, sort) VALUES (?, ?, ?)')
    .run(category.nameZh, category.nameEn, category.sort);
  return Number(lastInsertRowid);
}

export function setEbookCategories(db: Database, ebookId: number, categoryIds: number[]): void {
  db.transaction(() => {
    db.prepare('DELETE FROM ebook_category_links WHERE ebook_id = ?').run(ebookId);
    const link = db.prepare('INSERT INTO ebook_category_links (ebook_id, category_id) VALUES (?, ?)');
    for (const categoryId of new Set(categoryIds)) link.run(ebookId, categoryId);
  })();
}
