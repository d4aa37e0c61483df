/** Upload and metadata extraction of a 50 MB EPUB (a demo book padded with a large image): budget 2 s. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import Database from 'better-sqlite3';
import yazl from 'yazl';
import { migrate } from '../../server/db/database';
import { renderCover } from '../../server/ebooks/demo/cover-art';
import { DEMO_BOOKS } from '../../server/ebooks/demo/demo-books';
import { storeEbook } from '../../server/ebooks/store-ebook';
import { percentile } from './hub-process';

const TARGET_BYTES = 50 * 1024 ** 2;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

async function bigEpub(): Promise<Buffer> {
  const book = DEMO_BOOKS[0]!;
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from('application/epub+zip'), 'mimetype', { compress: false });
  zip.addBuffer(
    Buffer.from('<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>'),
    'META-INF/container.xml',
  );
  zip.addBuffer(
    Buffer.from(`<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:uuid:bench</dc:identifier><dc:title>${book.title}</dc:title><dc:language>zh</dc:language>
  </metadata>
  <manifest>
    <item id="cover" href="cover.png" media-type="image/png" properties="cover-image"/>
    <item id="photo" href="photo.jpg" media-type="image/jpeg"/>
    <item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/>
  </manifest>
  <spine><itemref idref="c1"/></spine>
</package>`),
    'OEBPS/content.opf',
  );
  zip.addBuffer(Buffer.from('<html xmlns="http://www.w3.org/1999/xhtml"><body><p>…</p></body></html>'), 'OEBPS/c1.xhtml');
  zip.addBuffer(await renderCover(book), 'OEBPS/cover.png', { compress: false });
  // Photographs do not compress: random bytes stand in for a scanned book's images.
  zip.addBuffer(randomBytes(TARGET_BYTES), 'OEBPS/photo.jpg', { compress: false });
  zip.end();
  return buffer(zip.outputStream);
}

const dir = mkdtempSync(join(tmpdir(), 'ebook-upload-bench-'));
try {
  const bytes = await bigEpub();
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const db = new Database(':memory:');
    migrate(db);
    const dataDir = join(dir, `data-${round}`);
    const upload = join(dir, `upload-${round}.epub`);
    writeFileSync(upload, bytes);
    const start = performance.now();
    const stored = await storeEbook({ db, dataDir, filePath: upload, originalName: 'big.epub' });
    samples.push(performance.now() - start);
    if (!stored.ok) throw new Error(`refused: ${stored.code}`);
    db.close();
  }
  const p95 = percentile(samples, 95);
  console.log(`e-book upload + metadata of a ${(bytes.length / 1024 ** 2).toFixed(0)} MB EPUB: median ${percentile(samples, 50).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms over ${ROUNDS} (budget 2000 ms)`);
  if (p95 > 2000) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
