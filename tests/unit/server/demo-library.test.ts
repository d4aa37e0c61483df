import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { isValidIsbn13 } from '../../../shared/barcodes/isbn';
import { migrate } from '../../../server/db/database';
import { createDemoLibrary, DEMO_ITEMS } from '../../../server/demo/demo-library';

it('creates a demo catalogue with valid ISBNs, half with covers, dated from "now"', async () => {
  const db = new Database(':memory:');
  migrate(db);
  const now = new Date('2026-01-10T09:00:00.000Z');
  await createDemoLibrary(db, now);

  const items = db.prepare('SELECT barcode, isbn, cover_url, loan_type FROM items ORDER BY barcode').all() as {
    barcode: string;
    isbn: string;
    cover_url: string | null;
    loan_type: string;
  }[];
  expect(items).toHaveLength(51);
  expect(items.filter((item) => !isValidIsbn13(item.isbn))).toEqual([]);
  expect(new Set(items.map((item) => item.isbn)).size).toBe(items.length);
  const withCovers = items.filter((item) => item.cover_url === `/covers/${item.barcode}.svg`).length;
  expect(withCovers).toBeGreaterThanOrEqual(20);
  expect(withCovers).toBeLessThanOrEqual(26);
  expect(items.filter((item) => item.loan_type === 'reference').map((item) => item.barcode)).toEqual([DEMO_ITEMS.referenceOnly]);

  const overdue = db.prepare('SELECT due_at FROM loans WHERE item_barcode = ?').pluck().get(DEMO_ITEMS.longOverdue);
  expect(overdue).toBe('2025-11-26T09:00:00.000Z');
});
