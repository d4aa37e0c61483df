import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoEbooks } from '../../../server/ebooks/demo/create-demo-ebooks';
import { catalogue, listEbooks } from '../../../server/ebooks/ebook-catalogue';
import { inspectEpub } from '../../../server/ebooks/inspect-epub';
import { ebookRowCount, migratedDb, scratchDataDir } from './ebook-test-kit';

describe('demo e-books', () => {
  it('are real EPUB 3 files in Chinese and English, with covers, categories and two card titles', async () => {
    const db = migratedDb();
    const dataDir = scratchDataDir();
    await createDemoEbooks({ db, dataDir });
    const ebooks = listEbooks(db);
    expect(ebooks.length).toBeGreaterThanOrEqual(12);
    expect(new Set(ebooks.map((e) => e.language))).toEqual(new Set(['zh', 'en']));
    expect(ebooks.filter((e) => e.access === 'card').map((e) => e.title).sort()).toEqual(['The Adventures of Sherlock Holmes', '三国演义']);
    expect(ebooks.every((e) => e.coverPath !== null && e.authors.length > 0)).toBe(true);

    const { categories, ebooks: entries } = catalogue(db, (e) => `/covers/${e.id}`, new Date());
    expect(categories.map((c) => c.nameZh)).toEqual(expect.arrayContaining(['文学', '历史', '科普', '少儿']));
    expect(entries.every((e) => e.categoryIds.length > 0)).toBe(true);
    expect(entries.find((e) => e.title === '红楼梦')?.searchKeys.initials).toContain('hlm');

    const hongloumeng = ebooks.find((e) => e.title === '红楼梦')!;
    const reread = await inspectEpub(join(dataDir, hongloumeng.filePath));
    expect(reread).toMatchObject({ ok: true, version: 3, metadata: { authors: ['曹雪芹'], language: 'zh' } });
  });

  it('add nothing when created again', async () => {
    const db = migratedDb();
    const dataDir = scratchDataDir();
    const first = await createDemoEbooks({ db, dataDir });
    const second = await createDemoEbooks({ db, dataDir });
    expect(second).toEqual(first);
    expect(ebookRowCount(db)).toBe(first.length);
  });
});
