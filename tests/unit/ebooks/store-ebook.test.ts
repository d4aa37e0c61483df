import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getEbook } from '../../../server/ebooks/ebook-catalogue';
import { parseIsbn } from '../../../shared/barcodes/isbn';
import { storeEbook } from '../../../server/ebooks/store-ebook';
import { REAL_EPUBS, ebookRowCount, filesUnder, migratedDb, minimalEpub, scratchDataDir } from './ebook-test-kit';

const tinyPdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

describe('storing e-books', () => {
  it('stores the same content once and answers the existing id', async () => {
    const db = migratedDb();
    const dataDir = scratchDataDir();
    const bytes = readFileSync(join(REAL_EPUBS, 'alice-in-wonderland.epub'));
    const first = await storeEbook({ db, dataDir, bytes, originalName: 'alice.epub' });
    const again = await storeEbook({ db, dataDir, bytes, originalName: 'renamed copy.epub' });
    expect(first).toMatchObject({ ok: true, duplicate: false });
    expect(again).toEqual({ ok: true, id: first.ok && first.id, duplicate: true });
    expect(ebookRowCount(db)).toBe(1);
    expect(filesUnder(join(dataDir, 'ebooks'))).toHaveLength(1);
  });

  it('stores one copy when the same file is uploaded twice at once', async () => {
    const db = migratedDb();
    const dataDir = scratchDataDir();
    const bytes = await minimalEpub();
    const results = await Promise.all([1, 2].map(() => storeEbook({ db, dataDir, bytes, originalName: 'tiny.epub' })));
    expect(results.map((r) => r.ok && r.duplicate).sort()).toEqual([false, true]);
    expect(ebookRowCount(db)).toBe(1);
    expect(filesUnder(dataDir)).toHaveLength(1);
  });

  it('stores an ISBN-10 from the OPF as the ISBN-13 that checkout by ISBN looks the book up by', async () => {
    const db = migratedDb();
    const bytes = await minimalEpub([], '<dc:title>T</dc:title><dc:identifier opf:scheme="ISBN">ISBN 0-14-001399-7</dc:identifier>');
    const stored = await storeEbook({ db, dataDir: scratchDataDir(), bytes, originalName: 't.epub' });
    if (!stored.ok) throw new Error(stored.code);
    // 9780140013993: the demo library's copy tests/api/checkout-by-isbn.test.ts lends by this ISBN.
    expect(getEbook(db, stored.id)?.isbn).toBe('9780140013993');
    expect(getEbook(db, stored.id)?.isbn).toBe(parseIsbn('0140013997'));
  });

  it('accepts a PDF, titled after the uploaded file name', async () => {
    const db = migratedDb();
    const dataDir = scratchDataDir();
    const stored = await storeEbook({ db, dataDir, bytes: tinyPdf, originalName: 'C:\\fakepath\\年度报告 2024.pdf', access: 'card' });
    if (!stored.ok) throw new Error(stored.code);
    expect(getEbook(db, stored.id)).toMatchObject({ format: 'pdf', title: '年度报告 2024', access: 'card', coverPath: null, sizeBytes: tinyPdf.length });
  });

  it('recognises the format by content when the name does not tell', async () => {
    const db = migratedDb();
    const stored = await storeEbook({ db, dataDir: scratchDataDir(), bytes: await minimalEpub(), originalName: 'download' });
    expect(stored.ok && getEbook(db, stored.id)?.format).toBe('epub');
  });

  it('removes the published files when the database refuses the row', async () => {
    const db = migratedDb();
    const dataDir = scratchDataDir();
    db.exec(`CREATE TRIGGER no_more_books BEFORE INSERT ON ebooks BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const bytes = readFileSync(join(REAL_EPUBS, 'chinese-shanhaijing.epub'));
    await expect(storeEbook({ db, dataDir, bytes, originalName: 'shj.epub' })).rejects.toThrow('disk full');
    expect(ebookRowCount(db)).toBe(0);
    expect(filesUnder(dataDir)).toEqual([]);
  });
});
