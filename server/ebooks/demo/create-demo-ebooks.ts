/**
 * Fills a demo hub's e-book shelf. Every book goes through storeEbook, so it is validated like
 * any upload; running it again adds nothing (same bytes, same SHA-256).
 */
import type { Database } from 'better-sqlite3';
import type { Clock } from '../../clock';
import { systemClock } from '../../clock';
import { addCategory, setEbookCategories } from '../ebook-curation';
import { storeEbook } from '../store-ebook';
import { buildEpub } from './build-epub';
import { renderCover } from './cover-art';
import { DEMO_BOOKS, DEMO_CATEGORIES } from './demo-books';
import type { DemoCategoryKey } from './demo-books';

export async function createDemoEbooks({ db, dataDir, now = systemClock }: { db: Database; dataDir: string; now?: Clock }): Promise<number[]> {
  const categoryIds = ensureCategories(db);
  const ids: number[] = [];
  for (const book of DEMO_BOOKS) {
    const bytes = await buildEpub(book, await renderCover(book));
    const stored = await storeEbook({ db, dataDir, bytes, originalName: `${book.slug}.epub`, access: book.access, now });
    if (!stored.ok) throw new Error(`Demo e-book ${book.slug} was refused: ${stored.code}`);
    if (!stored.duplicate) setEbookCategories(db, stored.id, book.categories.map((key) => categoryIds.get(key)!), now());
    ids.push(stored.id);
  }
  return ids;
}

/** The demo categories, found by English name or added. */
function ensureCategories(db: Database): Map<DemoCategoryKey, number> {
  const find = db.prepare('SELECT id FROM ebook_categories WHERE name_en = ?');
  return new Map(
    DEMO_CATEGORIES.map(({ key, nameZh, nameEn, sort }) => {
      const existing = find.get(nameEn) as { id: number } | undefined;
      return [key, existing?.id ?? addCategory(db, { nameZh, nameEn, sort })];
    }),
  );
}
