/** Shared set-up for the e-book tests: an in-memory database, a scratch DATA_DIR, hand-made zips. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buffer } from 'node:stream/consumers';
import Database from 'better-sqlite3';
import yazl from 'yazl';
import { afterEach } from 'vitest';
import { migrate } from '../../../server/db/database';

export const REAL_EPUBS = resolve(import.meta.dirname, '../../..', '../shared/testdata/epub');

export function migratedDb(): Database.Database {
  const db = new Database(':memory:');
  migrate(db);
  return db;
}

const dataDirs: string[] = [];
afterEach(() => {
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function scratchDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ebooks-test-'));
  dataDirs.push(dir);
  return dir;
}

/** Every file under `dir`, temporary ones included, relative to it. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}

export function ebookRowCount(db: Database.Database): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM ebooks').get() as { n: number }).n;
}

export interface ZipItem {
  name: string;
  content: string | Buffer;
  compress?: boolean;
}

export async function zipOf(items: ZipItem[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const item of items) {
    const content = Buffer.isBuffer(item.content) ? item.content : Buffer.from(item.content);
    zip.addBuffer(content, item.name, { compress: item.compress ?? item.name !== 'mimetype' });
  }
  zip.end();
  return buffer(zip.outputStream);
}

/**
 * yazl refuses to write unsafe names, as it should; tests write a harmless name of the same
 * length and swap the bytes in the local header and the central directory afterwards.
 */
export function renameEntry(zip: Buffer, from: string, to: string): Buffer {
  if (Buffer.byteLength(from) !== Buffer.byteLength(to)) throw new Error('names must have the same length');
  const result = Buffer.from(zip);
  let at = result.indexOf(from);
  let swapped = 0;
  while (at !== -1) {
    result.write(to, at);
    swapped += 1;
    at = result.indexOf(from, at + 1);
  }
  if (swapped !== 2) throw new Error(`expected the name twice, found it ${swapped} times`);
  return result;
}

export const CONTAINER_XML = `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`;

export function opfXml(metadata: string, manifest = ''): string {
  return `<?xml version="1.0"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">${metadata}</metadata>
  <manifest>${manifest}</manifest>
</package>`;
}

/** A minimal valid EPUB, plus whatever extra entries a test needs. */
export function minimalEpub(extra: ZipItem[] = [], metadata = '<dc:title>Tiny</dc:title>'): Promise<Buffer> {
  return zipOf([
    { name: 'mimetype', content: 'application/epub+zip' },
    { name: 'META-INF/container.xml', content: CONTAINER_XML },
    { name: 'OEBPS/content.opf', content: opfXml(metadata) },
    ...extra,
  ]);
}
