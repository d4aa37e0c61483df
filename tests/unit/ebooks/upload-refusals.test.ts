import { describe, expect, it } from 'vitest';
import type { EbookUploadRefusal } from '../../../shared/ebooks/codes';
import { storeEbook } from '../../../server/ebooks/store-ebook';
import type { StoreEbookOptions } from '../../../server/ebooks/store-ebook';
import { DEFAULT_ZIP_LIMITS } from '../../../server/ebooks/zip-safety';
import { CONTAINER_XML, ebookRowCount, filesUnder, migratedDb, minimalEpub, opfXml, renameEntry, scratchDataDir, zipOf } from './ebook-test-kit';

type Limits = Pick<StoreEbookOptions, 'maxBytes' | 'zipLimits'>;

async function expectRefused(bytes: Buffer, originalName: string, code: EbookUploadRefusal, limits: Limits = {}) {
  const db = migratedDb();
  const dataDir = scratchDataDir();
  const result = await storeEbook({ db, dataDir, bytes, originalName, ...limits });
  expect(result).toEqual({ ok: false, code });
  expect(ebookRowCount(db)).toBe(0);
  expect(filesUnder(dataDir)).toEqual([]);
}

describe('refused uploads leave nothing behind', () => {
  it('not a zip', async () => {
    await expectRefused(Buffer.from('just some text, not a zip at all'), 'book.epub', 'ebook.notZip');
  });

  it('no mimetype entry', async () => {
    const epub = await zipOf([{ name: 'META-INF/container.xml', content: CONTAINER_XML }, { name: 'OEBPS/content.opf', content: opfXml('<dc:title>T</dc:title>') }]);
    await expectRefused(epub, 'book.epub', 'ebook.noMimetype');
  });

  it('mimetype not the first entry', async () => {
    const epub = await zipOf([
      { name: 'META-INF/container.xml', content: CONTAINER_XML },
      { name: 'mimetype', content: 'application/epub+zip' },
      { name: 'OEBPS/content.opf', content: opfXml('<dc:title>T</dc:title>') },
    ]);
    await expectRefused(epub, 'book.epub', 'ebook.noMimetype');
  });

  it('mimetype with the wrong content', async () => {
    const epub = await zipOf([{ name: 'mimetype', content: 'application/zip' }, { name: 'META-INF/container.xml', content: CONTAINER_XML }]);
    await expectRefused(epub, 'book.epub', 'ebook.noMimetype');
  });

  it('no container.xml', async () => {
    await expectRefused(await zipOf([{ name: 'mimetype', content: 'application/epub+zip' }]), 'book.epub', 'ebook.noContainer');
  });

  it('container.xml pointing to an OPF that is not there', async () => {
    const epub = await zipOf([{ name: 'mimetype', content: 'application/epub+zip' }, { name: 'META-INF/container.xml', content: CONTAINER_XML }]);
    await expectRefused(epub, 'book.epub', 'ebook.noOpf');
  });

  it('an OPF that is not a package document', async () => {
    const epub = await zipOf([
      { name: 'mimetype', content: 'application/epub+zip' },
      { name: 'META-INF/container.xml', content: CONTAINER_XML },
      { name: 'OEBPS/content.opf', content: '<html>not a package</html>' },
    ]);
    await expectRefused(epub, 'book.epub', 'ebook.badOpf');
  });

  it.each([
    ['a parent segment', 'OEBPS/../../evil.txt'],
    ['an absolute path', '/etc/evil.txt........'],
    ['a backslash', 'OEBPS\\..\\evil.txt...'],
    ['a drive letter', 'C:/Windows/evil.txt..'],
  ])('an entry name with %s', async (_, unsafeName) => {
    const placeholder = 'x'.repeat(Buffer.byteLength(unsafeName));
    const epub = renameEntry(await minimalEpub([{ name: placeholder, content: 'payload' }]), placeholder, unsafeName);
    await expectRefused(epub, 'book.epub', 'ebook.unsafePath');
  });

  it('a zip bomb: one big entry inflating far more than 100 times its size', async () => {
    const epub = await minimalEpub([{ name: 'OEBPS/zeros.bin', content: Buffer.alloc(20 * 1024 ** 2) }]);
    expect(epub.length).toBeLessThan(200 * 1024);
    await expectRefused(epub, 'book.epub', 'ebook.zipBomb');
  });

  it('a zip bomb: too many entries (limit lowered to keep the test fast)', async () => {
    const epub = await minimalEpub(Array.from({ length: 48 }, (_, i) => ({ name: `OEBPS/f${i}.txt`, content: '' })));
    await expectRefused(epub, 'book.epub', 'ebook.zipBomb', { zipLimits: { ...DEFAULT_ZIP_LIMITS, maxEntries: 50 } });
  });

  it('a zip bomb: more in total than the cap, however well each entry compresses', async () => {
    const epub = await minimalEpub([{ name: 'OEBPS/a.txt', content: 'a'.repeat(3000) }]);
    await expectRefused(epub, 'book.epub', 'ebook.zipBomb', { zipLimits: { ...DEFAULT_ZIP_LIMITS, maxTotalUncompressedBytes: 2048 } });
  });

  it('a fake PDF', async () => {
    await expectRefused(Buffer.from('<html>%PDF-1.4 pretending</html>\n%%EOF'), 'report.pdf', 'ebook.notPdf');
    await expectRefused(Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), 'truncated.pdf', 'ebook.notPdf');
  });

  it('a file over the size limit', async () => {
    await expectRefused(await minimalEpub(), 'book.epub', 'ebook.tooLarge', { maxBytes: 100 });
  });

  it('neither EPUB nor PDF', async () => {
    await expectRefused(Buffer.from('GIF89a....'), 'picture.gif', 'ebook.unsupportedType');
  });
});
