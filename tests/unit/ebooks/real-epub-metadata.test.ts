import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { getEbook } from '../../../server/ebooks/ebook-catalogue';
import { inspectEpub } from '../../../server/ebooks/inspect-epub';
import { storeEbook } from '../../../server/ebooks/store-ebook';
import { REAL_EPUBS, migratedDb, scratchDataDir } from './ebook-test-kit';

const cases = [
  { file: 'chinese-shanhaijing.epub', version: 2, language: 'zh', title: '山海經', authors: ['Anonymous'], cover: true },
  { file: 'alice-in-wonderland.epub', version: 2, language: 'en', title: "Alice's Adventures in Wonderland", authors: ['Lewis Carroll'], cover: true },
  { file: 'alice-epub3-images.epub', version: 3, language: 'en', title: "Alice's Adventures in Wonderland", authors: ['Lewis Carroll'], cover: true },
  { file: 'idpf-hefty-water.epub', version: 3, language: 'en', title: 'Hefty Water', authors: [], cover: false },
];

describe('metadata of real e-books', () => {
  it.each(cases)('$file: EPUB $version, $language, "$title"', async (expected) => {
    const inspected = await inspectEpub(join(REAL_EPUBS, expected.file));
    expect(inspected.ok && inspected.version).toBe(expected.version);

    const db = migratedDb();
    const dataDir = scratchDataDir();
    const stored = await storeEbook({ db, dataDir, bytes: readFileSync(join(REAL_EPUBS, expected.file)), originalName: expected.file });
    if (!stored.ok) throw new Error(stored.code);
    const ebook = getEbook(db, stored.id)!;
    expect(ebook).toMatchObject({ format: 'epub', title: expected.title, authors: expected.authors, language: expected.language });
    expect(ebook.coverPath !== null).toBe(expected.cover);
    if (ebook.coverPath) {
      const thumbnail = await sharp(join(dataDir, ebook.coverPath)).metadata();
      expect(thumbnail).toMatchObject({ format: 'webp', width: 400 });
    }
  });

  it('keeps the subjects and the publication date, not the conversion date', async () => {
    const inspected = await inspectEpub(join(REAL_EPUBS, 'chinese-shanhaijing.epub'));
    if (!inspected.ok) throw new Error(inspected.code);
    expect(inspected.metadata.subjects).toEqual(['China -- Description and travel', 'Mythology, Chinese', 'Ethnology -- China']);
    expect(inspected.metadata.published).toBe('2008-05-02');
  });

  it('stores the file under DATA_DIR/ebooks by its SHA-256, byte for byte', async () => {
    const db = migratedDb();
    const dataDir = scratchDataDir();
    const path = join(REAL_EPUBS, 'idpf-hefty-water.epub');
    const stored = await storeEbook({ db, dataDir, filePath: path, originalName: 'hefty.epub' });
    if (!stored.ok) throw new Error(stored.code);
    const ebook = getEbook(db, stored.id)!;
    expect(ebook.filePath).toBe(`ebooks/${ebook.sha256}.epub`);
    expect(readFileSync(join(dataDir, ebook.filePath)).equals(readFileSync(path))).toBe(true);
  });
});
