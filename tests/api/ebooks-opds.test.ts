import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createDemoEbooks } from '../../server/ebooks/demo/create-demo-ebooks';
import { getEbook, listEbooks } from '../../server/ebooks/ebook-catalogue';
import { addCategory, setEbookCategories } from '../../server/ebooks/ebook-curation';
import { storeEbook } from '../../server/ebooks/store-ebook';
import { minimalEpub } from '../unit/ebooks/ebook-test-kit';
import { createTestHub, type TestHub } from './support/test-hub';

const ATOM = 'http://www.w3.org/2005/Atom';
let hub: TestHub;
let dataDir: string;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ebooks-opds-'));
  hub = await createTestHub({ config: { dataDir } });
  await createDemoEbooks({ db: hub.db, dataDir, now: hub.now });
});
afterEach(async () => {
  await hub.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it('lists the open titles as an OPDS 1.2 acquisition feed that reading apps can download from', async () => {
  const response = await hub.app.inject({ url: '/opds' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/atom+xml;profile=opds-catalog;kind=acquisition; charset=utf-8');
  const feed = new DOMParser().parseFromString(response.body, 'application/xml');
  const entries = Array.from(feed.getElementsByTagNameNS(ATOM, 'entry'));
  const open = listEbooks(hub.db).filter((ebook) => ebook.access === 'open');
  expect(entries.length).toBe(open.length);
  expect(open.length).toBeLessThan(listEbooks(hub.db).length);

  const hlm = entries.find((entry) => entry.getElementsByTagNameNS(ATOM, 'title')[0]?.textContent === '红楼梦');
  const links = Array.from(hlm?.getElementsByTagNameNS(ATOM, 'link') ?? []);
  const rels = links.map((link) => link.getAttribute('rel'));
  expect(rels).toEqual(expect.arrayContaining(['http://opds-spec.org/image', 'http://opds-spec.org/image/thumbnail', 'http://opds-spec.org/acquisition/open-access']));
  const acquisition = links.find((link) => link.getAttribute('rel') === 'http://opds-spec.org/acquisition/open-access');
  const file = await hub.app.inject({ url: acquisition?.getAttribute('href') ?? '' });
  expect([file.statusCode, file.headers['content-type']]).toEqual([200, 'application/epub+zip']);

  const cardTitle = listEbooks(hub.db).find((ebook) => ebook.access === 'card')!;
  expect((await hub.app.inject({ url: `/opds/books/${cardTitle.id}/file` })).statusCode).toBe(404);
});

it('stays well-formed XML when a title, its metadata or a category holds characters XML forbids', async () => {
  const bytes = await minimalEpub(
    [],
    '<dc:title>Bad&#x1;Title</dc:title><dc:creator>Ann\u0002 Lee</dc:creator><dc:publisher>Pub&#xFFFE;</dc:publisher>' +
      '<dc:description>One&#x1B;two &amp;#x7; three</dc:description><dc:subject>Sub\u0008ject</dc:subject>',
  );
  const stored = await storeEbook({ db: hub.db, dataDir, bytes, originalName: 'bad.epub', now: hub.now });
  if (!stored.ok) throw new Error(stored.code);
  expect(getEbook(hub.db, stored.id)).toMatchObject({ title: 'BadTitle', authors: ['Ann Lee'], publisher: 'Pub', description: 'Onetwo three', subjects: ['Subject'] });
  // A category stored before names were checked.
  setEbookCategories(hub.db, stored.id, [addCategory(hub.db, { nameZh: '小\u0001说', nameEn: 'Fic\u0002tion', sort: 0 })], hub.now());

  const response = await hub.app.inject({ url: '/opds' });
  const errors: string[] = [];
  const feed = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(response.body, 'application/xml');
  expect(errors).toEqual([]);
  // xmldom reads forbidden characters without complaint, so look for them too.
  expect(response.body).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
  const titles = Array.from(feed.getElementsByTagNameNS(ATOM, 'title')).map((title) => title.textContent);
  expect(titles).toContain('BadTitle');
});
