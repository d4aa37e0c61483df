/**
 * What staff change about the collection: categories, a title's shelves and access, withdrawal.
 * Every change to a title moves its `updated_at`, so kiosks pick it up at their next sync.
 */
import type { Database } from 'better-sqlite3';
import type { EbookCategory } from '../../shared/ebooks/schemas';
import type { CategoryDraft, EbookChange, StaffEbook } from '../../shared/ebooks/staff-schemas';
import { categoryIdsByEbook, coverUrlOf, findEbook, listAllEbooks, listCategories, type EbookRecord } from './ebook-catalogue';

export function addCategory(db: Database, category: Omit<EbookCategory, 'id'>): number {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO ebook_categories (name_zh, name_en, sort) VALUES (?, ?, ?)')
    .run(category.nameZh, category.nameEn, category.sort);
  return Number(lastInsertRowid);
}

/** False when there is no such category. */
export function updateCategory(db: Database, id: number, category: CategoryDraft): boolean {
  return db.prepare('UPDATE ebook_categories SET name_zh = ?, name_en = ?, sort = ? WHERE id = ?').run(category.nameZh, category.nameEn, category.sort, id).changes > 0;
}

export function setEbookCategories(db: Database, ebookId: number, categoryIds: number[], now = new Date()): void {
  db.transaction(() => {
    db.prepare('UPDATE ebooks SET updated_at = ? WHERE id = ?').run(now.toISOString(), ebookId);
    db.prepare('DELETE FROM ebook_category_links WHERE ebook_id = ?').run(ebookId);
    const link = db.prepare('INSERT INTO ebook_category_links (ebook_id, category_id) VALUES (?, ?)');
    for (const categoryId of new Set(categoryIds)) link.run(ebookId, categoryId);
  })();
}

/** A new title starts on the shelves whose name (either language) is one of its subjects. */
export function shelveBySubjects(db: Database, ebook: EbookRecord, now: Date): void {
  const subjects = new Set(ebook.subjects.map((subject) => subject.trim().toLowerCase()));
  const matching = listCategories(db).filter((category) => subjects.has(category.nameZh.toLowerCase()) || subjects.has(category.nameEn.toLowerCase()));
  if (matching.length > 0) setEbookCategories(db, ebook.id, matching.map((category) => category.id), now);
}

export type ChangeResult = { ok: true } | { ok: false; code: 'ebook.unknown' | 'category.unknown' };

export function changeEbook(db: Database, ebookId: number, change: EbookChange, now: Date): ChangeResult {
  const ebook = findEbook(db, ebookId);
  if (!ebook) return { ok: false, code: 'ebook.unknown' };
  const known = new Set(listCategories(db).map((category) => category.id));
  if (change.categoryIds?.some((id) => !known.has(id))) return { ok: false, code: 'category.unknown' };
  const at = now.toISOString();
  db.transaction(() => {
    if (change.categoryIds) setEbookCategories(db, ebookId, change.categoryIds, now);
    if (change.access) db.prepare('UPDATE ebooks SET access = ?, updated_at = ? WHERE id = ?').run(change.access, at, ebookId);
    if (change.withdrawn !== undefined && change.withdrawn !== (ebook.withdrawnAt !== null)) {
      db.prepare('UPDATE ebooks SET withdrawn_at = ?, updated_at = ? WHERE id = ?').run(change.withdrawn ? at : null, at, ebookId);
    }
  })();
  return { ok: true };
}

const byPinyin = new Intl.Collator('zh-CN');

/** The collection as staff see it, withdrawn titles included, with all-time downloads; in Chinese dictionary order. */
export function staffEbooks(db: Database): StaffEbook[] {
  const categoriesOf = categoryIdsByEbook(db);
  const downloads = new Map(
    (db.prepare('SELECT ebook_id AS id, COUNT(*) AS count FROM ebook_downloads GROUP BY ebook_id').all() as Array<{ id: number; count: number }>).map((row) => [row.id, row.count]),
  );
  return listAllEbooks(db)
    .sort((a, b) => byPinyin.compare(a.title, b.title))
    .map((ebook) => staffView(ebook, categoriesOf.get(ebook.id) ?? [], downloads.get(ebook.id) ?? 0));
}

/** One title as staff see it (the answer to an upload or a change), or null when there is none. */
export function staffEbook(db: Database, ebookId: number): StaffEbook | null {
  const ebook = findEbook(db, ebookId);
  if (!ebook) return null;
  const categoryIds = db.prepare('SELECT category_id FROM ebook_category_links WHERE ebook_id = ? ORDER BY category_id').pluck().all(ebookId) as number[];
  const downloads = db.prepare('SELECT COUNT(*) FROM ebook_downloads WHERE ebook_id = ?').pluck().get(ebookId) as number;
  return staffView(ebook, categoryIds, downloads);
}

function staffView(ebook: EbookRecord, categoryIds: number[], downloads: number): StaffEbook {
  return {
    id: ebook.id,
    format: ebook.format,
    title: ebook.title,
    authors: ebook.authors,
    language: ebook.language,
    subjects: ebook.subjects,
    isbn: ebook.isbn,
    sizeBytes: ebook.sizeBytes,
    coverUrl: ebook.coverPath ? coverUrlOf(ebook) : null,
    access: ebook.access,
    categoryIds,
    downloads,
    createdAt: ebook.createdAt,
    withdrawnAt: ebook.withdrawnAt,
  };
}
