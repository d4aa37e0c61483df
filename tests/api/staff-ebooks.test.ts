import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API, UPLOAD_NAME_HEADER, staffEbookCategoryPath, staffEbookPath } from '../../shared/api/routes';
import { EbookCatalogue } from '../../shared/ebooks/schemas';
import { EbookUploaded, StaffEbook, StaffEbookList } from '../../shared/ebooks/staff-schemas';
import { createDemoEbooks } from '../../server/ebooks/demo/create-demo-ebooks';
import { createStaffAccount } from '../../server/staff/staff-accounts';
import { REAL_EPUBS } from '../unit/ebooks/ebook-test-kit';
import { createTestHub, type TestHub } from './support/test-hub';

const ALICE = readFileSync(join(REAL_EPUBS, 'alice-in-wonderland.epub'));
const MAX_BYTES = 2 * 1024 ** 2;

let hub: TestHub;
let dataDir: string;
let staffToken: string;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'staff-ebooks-api-'));
  hub = await createTestHub({ config: { dataDir, ebookMaxBytes: MAX_BYTES } });
  await createDemoEbooks({ db: hub.db, dataDir, now: hub.now });
  await createStaffAccount(hub.db, 'librarian', 'correct horse battery staple', hub.now);
  const login = await hub.call('POST', API.staffLogin, { kioskToken: null, body: { username: 'librarian', password: 'correct horse battery staple' } });
  staffToken = (login.json() as { token: string }).token;
});
afterEach(async () => {
  await hub.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function asStaff(method: 'GET' | 'POST' | 'PATCH', url: string, body?: object) {
  return hub.app.inject({ method, url, headers: { authorization: `Bearer ${staffToken}` }, ...(body ? { payload: body } : {}) });
}

function upload(bytes: Buffer, name: string, query = '', contentType = 'application/epub+zip') {
  return hub.app.inject({
    method: 'POST',
    url: `${API.staffEbooks}${query}`,
    headers: { authorization: `Bearer ${staffToken}`, 'content-type': contentType, [UPLOAD_NAME_HEADER]: encodeURIComponent(name) },
    payload: bytes,
  });
}

async function kioskCatalogue(since?: string) {
  const response = await hub.call('GET', since ? `${API.ebooks}?since=${encodeURIComponent(since)}` : API.ebooks);
  return EbookCatalogue.parse(response.json());
}

/** Files left in the hub's upload scratch folder: an upload must never leave one behind. */
const leftoverUploads = () => readdirSync(join(dataDir, 'uploads'));

describe('staff curating the e-book collection', () => {
  it('need a staff sign-in: no token, a kiosk token or a patron token is not enough', async () => {
    const patronToken = await hub.signIn('20140001', '2580');
    for (const response of [
      await hub.call('GET', API.staffEbooks, { kioskToken: null }),
      await hub.call('GET', API.staffEbooks),
      await hub.call('GET', API.staffEbooks, { patronToken }),
    ]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ error: { code: 'staff.signInRequired' } });
    }
    const refused = await hub.app.inject({ method: 'POST', url: API.staffEbooks, headers: { 'content-type': 'application/epub+zip' }, payload: ALICE });
    expect(refused.statusCode).toBe(401);
  });

  it('list every title with its categories, access and downloads', async () => {
    const list = StaffEbookList.parse((await asStaff('GET', API.staffEbooks)).json());
    expect(list.ebooks.length).toBeGreaterThanOrEqual(12);
    expect(list.categories.length).toBeGreaterThan(1);
    expect(list.ebooks.find((ebook) => ebook.title === '红楼梦')).toMatchObject({ access: 'open', downloads: 0, withdrawnAt: null });
    // In the order of a Chinese dictionary (pinyin): hong before shui, though 水 comes first in Unicode.
    const titles = list.ebooks.map((ebook) => ebook.title);
    expect(titles.indexOf('红楼梦')).toBeLessThan(titles.indexOf('水浒传'));
  });

  it('upload a real EPUB: metadata from the file, the kiosks see it; the same file again is a duplicate', async () => {
    hub.advanceMinutes(1);
    const before = hub.now().toISOString();
    const response = await upload(ALICE, 'alice.epub', '?access=card');
    expect(response.statusCode).toBe(201);
    const { ebook, duplicate } = EbookUploaded.parse(response.json());
    expect(duplicate).toBe(false);
    expect(ebook).toMatchObject({ format: 'epub', access: 'card', withdrawnAt: null });
    expect(ebook.title).toMatch(/Alice/);
    expect((await kioskCatalogue(before)).ebooks.map((entry) => entry.id)).toEqual([ebook.id]);

    const again = await upload(ALICE, 'another-name.epub');
    expect(again.statusCode).toBe(200);
    expect(EbookUploaded.parse(again.json())).toMatchObject({ duplicate: true, ebook: { id: ebook.id } });
    expect(leftoverUploads()).toEqual([]);
  });

  it('put a new title on the shelves named like its subjects', async () => {
    const subject = 'Fantasy fiction';
    const category = await asStaff('POST', API.staffEbookCategories, { nameZh: '奇幻', nameEn: subject, sort: 5 });
    expect(category.statusCode).toBe(201);
    const { id: categoryId } = category.json() as { id: number };
    const { ebook } = EbookUploaded.parse((await upload(ALICE, 'alice.epub')).json());
    expect(ebook.subjects.map((s) => s.toLowerCase())).toContain('fantasy fiction');
    expect(ebook.categoryIds).toEqual([categoryId]);
  });

  it('refuse a file that is not what it claims, with the reason, and keep nothing of it', async () => {
    const countBefore = StaffEbookList.parse((await asStaff('GET', API.staffEbooks)).json()).ebooks.length;
    const cases: Array<[Buffer, string, number, string]> = [
      [Buffer.from('plain text, not a zip'), 'fake.epub', 422, 'ebook.notZip'],
      [Buffer.from('<html>not a pdf</html>'), 'fake.pdf', 422, 'ebook.notPdf'],
      [Buffer.from('GIF89a'), 'picture.gif', 415, 'ebook.unsupportedType'],
      [Buffer.alloc(MAX_BYTES + 1), 'huge.epub', 413, 'ebook.tooLarge'],
    ];
    for (const [bytes, name, status, code] of cases) {
      const response = await upload(bytes, name);
      expect([name, response.statusCode, response.json()]).toEqual([name, status, { error: { code } }]);
    }
    expect(StaffEbookList.parse((await asStaff('GET', API.staffEbooks)).json()).ebooks.length).toBe(countBefore);
    expect(leftoverUploads()).toEqual([]);
    expect(readdirSync(join(dataDir, 'ebooks')).filter((name) => name.startsWith('.tmp'))).toEqual([]);
  });

  it('refuse an upload without a file or with a bad access', async () => {
    const json = await asStaff('POST', API.staffEbooks, { not: 'a file' });
    expect([json.statusCode, json.json()]).toEqual([400, { error: { code: 'request.invalid' } }]);
    const badAccess = await upload(ALICE, 'alice.epub', '?access=everyone');
    expect([badAccess.statusCode, badAccess.json()]).toEqual([400, { error: { code: 'request.invalid' } }]);
  });

  it('change shelves and access; kiosks get the change at their next sync', async () => {
    const { ebooks, categories } = StaffEbookList.parse((await asStaff('GET', API.staffEbooks)).json());
    const title = ebooks.find((ebook) => ebook.title === '红楼梦')!;
    hub.advanceMinutes(1);
    const synced = hub.now().toISOString();
    const response = await asStaff('PATCH', staffEbookPath(title.id), { access: 'card', categoryIds: [categories[0]!.id] });
    expect(response.statusCode).toBe(200);
    expect(StaffEbook.parse(response.json())).toMatchObject({ access: 'card', categoryIds: [categories[0]!.id] });
    const changes = await kioskCatalogue(synced);
    expect(changes.ebooks.map((ebook) => [ebook.title, ebook.access, ebook.categoryIds])).toEqual([['红楼梦', 'card', [categories[0]!.id]]]);
  });

  it('refuse a change to an unknown title, an unknown category, or an unknown field', async () => {
    const { ebooks } = StaffEbookList.parse((await asStaff('GET', API.staffEbooks)).json());
    const unknownTitle = await asStaff('PATCH', staffEbookPath(99_999), { access: 'open' });
    expect([unknownTitle.statusCode, unknownTitle.json()]).toEqual([404, { error: { code: 'ebook.unknown' } }]);
    const unknownCategory = await asStaff('PATCH', staffEbookPath(ebooks[0]!.id), { categoryIds: [99_999] });
    expect([unknownCategory.statusCode, unknownCategory.json()]).toEqual([400, { error: { code: 'category.unknown' } }]);
    const unknownField = await asStaff('PATCH', staffEbookPath(ebooks[0]!.id), { title: 'Renamed' });
    expect(unknownField.json()).toEqual({ error: { code: 'request.invalid' } });
  });

  it('withdraw a title: gone from the kiosks, the QR tickets and the OPDS feed, back when restored', async () => {
    const { ebooks } = StaffEbookList.parse((await asStaff('GET', API.staffEbooks)).json());
    const title = ebooks.find((ebook) => ebook.title === '红楼梦')!;
    hub.advanceMinutes(1);
    const synced = hub.now().toISOString();

    const withdrawn = StaffEbook.parse((await asStaff('PATCH', staffEbookPath(title.id), { withdrawn: true })).json());
    expect(withdrawn.withdrawnAt).toBe(hub.now().toISOString());
    const changes = await kioskCatalogue(synced);
    expect([changes.ebooks, changes.withdrawnIds]).toEqual([[], [title.id]]);
    expect((await kioskCatalogue()).ebooks.map((ebook) => ebook.id)).not.toContain(title.id);
    const ticket = await hub.call('POST', `/api/ebooks/${title.id}/tickets`, { body: {} });
    expect([ticket.statusCode, ticket.json()]).toEqual([404, { error: { code: 'ebook.unknown' } }]);
    expect((await hub.app.inject({ method: 'GET', url: '/opds' })).body).not.toContain('红楼梦');
    // Staff still see it, with its cover, to restore it.
    const listed = StaffEbookList.parse((await asStaff('GET', API.staffEbooks)).json()).ebooks.find((ebook) => ebook.id === title.id)!;
    expect((await hub.app.inject({ method: 'GET', url: listed.coverUrl! })).statusCode).toBe(200);

    hub.advanceMinutes(1);
    const restored = StaffEbook.parse((await asStaff('PATCH', staffEbookPath(title.id), { withdrawn: false })).json());
    expect(restored.withdrawnAt).toBeNull();
    expect((await kioskCatalogue(withdrawn.withdrawnAt!)).ebooks.map((ebook) => ebook.id)).toEqual([title.id]);
  });

  it('add and rename categories; kiosks get the whole list every sync', async () => {
    const created = await asStaff('POST', API.staffEbookCategories, { nameZh: ' 地方文献 ', nameEn: 'Local history' });
    expect([created.statusCode, created.json()]).toEqual([201, expect.objectContaining({ nameZh: '地方文献', nameEn: 'Local history', sort: 0 })]);
    const { id } = created.json() as { id: number };
    const renamed = await asStaff('PATCH', staffEbookCategoryPath(id), { nameZh: '本地文献', nameEn: 'Local collection', sort: 2 });
    expect(renamed.json()).toEqual({ id, nameZh: '本地文献', nameEn: 'Local collection', sort: 2 });
    expect((await kioskCatalogue()).categories).toContainEqual({ id, nameZh: '本地文献', nameEn: 'Local collection', sort: 2 });

    const empty = await asStaff('POST', API.staffEbookCategories, { nameZh: '  ', nameEn: 'Blank' });
    expect([empty.statusCode, empty.json()]).toEqual([400, { error: { code: 'request.invalid' } }]);
    // Characters XML forbids would break the OPDS feed the names go into.
    for (const draft of [{ nameZh: '小\u0001说', nameEn: 'Fiction' }, { nameZh: '小说', nameEn: 'Fic\u001ftion' }, { nameZh: '小说', nameEn: 'Fic\uFFFEtion' }]) {
      const refused = await asStaff('POST', API.staffEbookCategories, draft);
      expect([refused.statusCode, refused.json()]).toEqual([400, { error: { code: 'request.invalid' } }]);
      expect((await asStaff('PATCH', staffEbookCategoryPath(id), draft)).statusCode).toBe(400);
    }
    const unknown = await asStaff('PATCH', staffEbookCategoryPath(99_999), { nameZh: '无', nameEn: 'None' });
    expect([unknown.statusCode, unknown.json()]).toEqual([404, { error: { code: 'category.unknown' } }]);
  });
});
