import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API, staffImportConfirmPath, staffImportPath } from '../../shared/api/routes';
import { AuditPage } from '../../shared/api/staff-schemas';
import { LabelSheet } from '../../shared/import/label-schemas';
import { ImportJob } from '../../shared/import/schemas';
import { createStaffAccount } from '../../server/staff/staff-accounts';
import { importClient, LIBRARIAN_PASSWORD, librarianToken } from './support/import-client';
import { createTestHub, type TestHub } from './support/test-hub';

const HEADER = 'barcode,title,authors,isbn,call_number,publisher,year,language,location,loanable\n';
const GOOD = `${HEADER}39015001,活着,余华,9787506365437,I247.57/12,作家出版社,2012,chi,二楼文学,是\n39015002,"Pride and Prejudice","Austen, Jane",0141439513,I561.44/1,Penguin,2003,eng,,no\n`;
const MAX_BYTES = 64 * 1024;

let hub: TestHub;
let dataDir: string;
let token: string;
let client: ReturnType<typeof importClient>;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'import-api-'));
  hub = await createTestHub({ config: { dataDir, importMaxBytes: MAX_BYTES } });
  token = await librarianToken(hub);
  client = importClient(hub, () => token);
});
afterEach(async () => {
  await hub.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const item = (barcode: string) => hub.db.prepare('SELECT * FROM items WHERE barcode = ?').get(barcode) as Record<string, unknown> | undefined;
const itemCount = () => (hub.db.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n;

describe('the import routes', () => {
  it('need a staff sign-in: no token or a kiosk token is refused with 401 on every route', async () => {
    const routes: Array<['GET' | 'POST' | 'PUT', string]> = [
      ['POST', `${API.staffImports}?kind=items&format=csv`],
      ['GET', staffImportPath('x')],
      ['POST', staffImportConfirmPath('x')],
      ['GET', `${API.staffLabels}?barcodes=39010001`],
      ['GET', API.staffLabelSettings],
      ['PUT', API.staffLabelSettings],
    ];
    for (const [method, url] of routes) {
      expect((await hub.call(method, url, { kioskToken: null })).statusCode).toBe(401);
      expect((await hub.call(method, url)).statusCode).toBe(401);
    }
  });

  it('refuse a librarian who must choose a new password first, on every route', async () => {
    await createStaffAccount(hub.db, 'qian', LIBRARIAN_PASSWORD, hub.now, 'librarian', true);
    const login = await hub.call('POST', API.staffLogin, { kioskToken: null, body: { username: 'qian', password: LIBRARIAN_PASSWORD } });
    const headers = { authorization: `Bearer ${(login.json() as { token: string }).token}` };
    const items = itemCount();
    const routes: Array<['GET' | 'POST' | 'PUT', string]> = [
      ['POST', `${API.staffImports}?kind=items&format=csv`],
      ['GET', staffImportPath('x')],
      ['POST', staffImportConfirmPath('x')],
      ['GET', `${API.staffLabels}?barcodes=39010001`],
      ['GET', API.staffLabelSettings],
      ['PUT', API.staffLabelSettings],
    ];
    for (const [method, url] of routes) {
      const response = await hub.app.inject({ method, url, headers, payload: method === 'GET' ? undefined : GOOD });
      expect(response.statusCode, `${method} ${url}`).toBe(403);
      expect(response.json()).toEqual({ error: { code: 'staff.passwordChangeRequired' } });
    }
    expect(itemCount()).toBe(items);
  });

  it('let a librarian upload, preview and confirm; an admin may too', async () => {
    const job = await client.checked(GOOD, 'kind=items&format=csv');
    expect(job).toMatchObject({ state: 'ready', rows: 2, problemCount: 0, unit: 'line' });
    expect(job.preview[0]).toEqual({
      barcode: '39015001', title: '活着', authors: '余华', isbn: '9787506365437', callNumber: 'I247.57/12',
      publisher: '作家出版社', year: '2012', language: 'chi', location: '二楼文学', loanable: true,
    });
    // Nothing is stored before the librarian confirms.
    expect(item('39015001')).toBeUndefined();
    const confirmed = await client.confirm(job.id);
    expect(confirmed.statusCode).toBe(200);
    expect(ImportJob.parse(confirmed.json())).toMatchObject({ state: 'done', result: { added: 2, updated: 0 } });
    expect(item('39015002')).toMatchObject({ title: 'Pride and Prejudice', author: 'Austen, Jane', isbn: '9780141439518', loan_type: 'reference', location: null });

    await createStaffAccount(hub.db, 'chief', 'another long passphrase', hub.now, 'admin');
    const login = await hub.call('POST', API.staffLogin, { kioskToken: null, body: { username: 'chief', password: 'another long passphrase' } });
    token = (login.json() as { token: string }).token;
    expect((await client.checked(GOOD, 'kind=items&format=csv')).state).toBe('ready');
  });

  it('update on a second import of the same file instead of adding twice, and say so', async () => {
    const first = await client.checked(GOOD, 'kind=items&format=csv');
    await client.confirm(first.id);
    const before = itemCount();
    const changed = GOOD.replace('活着', '活着（修订版）');
    const second = await client.checked(changed, 'kind=items&format=csv');
    expect(ImportJob.parse((await client.confirm(second.id)).json()).result).toEqual({ added: 0, updated: 2 });
    expect(itemCount()).toBe(before);
    expect(item('39015001')?.title).toBe('活着（修订版）');
  });

  it('report every bad row with its line and change nothing, even when confirmed', async () => {
    const csv = [
      HEADER.trim(),
      '39015001,活着,余华,9787506365438,,,2012,,,是', // line 2: ISBN check digit
      '39015002,,Somebody,,,,20xx,,,maybe', // line 3: no title, bad year, bad loanable
      '39015001,Again,,,,,,,,', // line 4: barcode of line 2
      'NJ000001,Not ours,,,,,,,,', // line 5: not the library's item rule
      '"39015005","A title ""quoted""\nover two lines",,,,,,,,', // lines 6-7: fine
      '39015006,After,,,,,,,,', // line 8: fine
    ].join('\r\n');
    const job = await client.checked(csv, 'kind=items&format=csv');
    expect(job.state).toBe('ready');
    expect(job.rows).toBe(2);
    expect(job.problems).toEqual([
      { at: 2, code: 'import.isbn', field: 'isbn', value: '9787506365438' },
      { at: 3, code: 'import.required', field: 'title' },
      { at: 3, code: 'import.year', field: 'year', value: '20xx' },
      { at: 3, code: 'import.loanable', field: 'loanable', value: 'maybe' },
      { at: 4, code: 'import.duplicate', field: 'barcode', value: '39015001', other: 2 },
      { at: 5, code: 'import.barcodeRule', field: 'barcode', value: 'NJ000001' },
    ]);
    const before = itemCount();
    const confirmed = await client.confirm(job.id);
    expect(confirmed.statusCode).toBe(409);
    expect(confirmed.json()).toEqual({ error: { code: 'import.hasErrors' } });
    expect(itemCount()).toBe(before);
  });

  it('store formula-looking cells as the text they are', async () => {
    const csv = `${HEADER}39015001,"=cmd|' /C calc'!A0",@SUM(1+1),,,+1-1,,,,\n`;
    const job = await client.checked(csv, 'kind=items&format=csv');
    await client.confirm(job.id);
    expect(item('39015001')).toMatchObject({ title: "=cmd|' /C calc'!A0", author: '@SUM(1+1)', publisher: '+1-1' });
  });

  it('read UTF-8 with a BOM and GB18030 as Chinese Excel saves it; refuse other encodings', async () => {
    const bom = await client.checked(`\ufeff${GOOD}`, 'kind=items&format=csv');
    expect(bom.preview[0]).toMatchObject({ barcode: '39015001', title: '活着' });
    const gb = await client.checked(iconv.encode(GOOD.replace(/\n/g, '\r\n'), 'gb18030'), 'kind=items&format=csv');
    expect(gb).toMatchObject({ state: 'ready', rows: 2 });
    expect(gb.preview[0]).toMatchObject({ title: '活着', publisher: '作家出版社', location: '二楼文学' });
    // UTF-16 (Excel's "Unicode text") is neither.
    const utf16 = await client.checked(iconv.encode(GOOD, 'utf-16le', { addBOM: true }), 'kind=items&format=csv');
    expect(utf16).toMatchObject({ state: 'refused', refusal: 'import.encoding' });
  });

  it('refuse a file without the required columns, an empty one and a broken quote', async () => {
    const header = await client.checked('code,name\n1,2\n', 'kind=items&format=csv');
    expect(header).toMatchObject({ state: 'refused', refusal: 'import.header' });
    expect(header.problems.map((problem) => problem.field)).toEqual(['barcode', 'title']);
    expect(await client.checked('', 'kind=items&format=csv')).toMatchObject({ state: 'refused', refusal: 'import.empty' });
    const broken = await client.checked(`${HEADER}39015001,"unclosed,,,,,,,,\n39015002,b,,,,,,,,\n`, 'kind=items&format=csv');
    expect(broken.problems).toEqual([expect.objectContaining({ code: 'import.csv', value: 'CSV_QUOTE_NOT_CLOSED' })]);
    expect((await client.confirm(broken.id)).statusCode).toBe(409);
  });

  it('refuse a file over the limit with 413 and a translatable code', async () => {
    const big = HEADER + '39015001,x,,,,,,,,\n'.repeat(Math.ceil(MAX_BYTES / 10));
    const response = await client.upload(big, 'kind=items&format=csv');
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({ error: { code: 'import.tooLarge' } });
  });

  it('refuse bad options and unknown or foreign imports', async () => {
    expect((await client.upload(GOOD, 'kind=books&format=csv')).statusCode).toBe(400);
    expect((await client.upload(GOOD, 'kind=patrons&format=marc')).statusCode).toBe(400);
    expect((await client.upload(GOOD, 'kind=items&format=marc&barcodeStart=NJ')).statusCode).toBe(400);
    expect((await client.job('no-such-import')).statusCode).toBe(404);
    const job = await client.checked(GOOD, 'kind=items&format=csv');
    await createStaffAccount(hub.db, 'other', 'yet another passphrase', hub.now);
    const login = await hub.call('POST', API.staffLogin, { kioskToken: null, body: { username: 'other', password: 'yet another passphrase' } });
    token = (login.json() as { token: string }).token;
    expect((await client.job(job.id)).statusCode).toBe(404);
    expect((await client.confirm(job.id)).statusCode).toBe(404);
  });

  it('write every import in the audit log', async () => {
    const job = await client.checked(GOOD, 'kind=items&format=csv', '馆藏.csv');
    await client.confirm(job.id);
    const admin = await createStaffAccount(hub.db, 'chief', 'another long passphrase', hub.now, 'admin');
    void admin;
    const login = await hub.call('POST', API.staffLogin, { kioskToken: null, body: { username: 'chief', password: 'another long passphrase' } });
    const audit = await hub.app.inject({ method: 'GET', url: `${API.staffAudit}?action=import.items`, headers: { authorization: `Bearer ${(login.json() as { token: string }).token}` } });
    expect(AuditPage.parse(audit.json()).entries).toEqual([expect.objectContaining({ username: 'librarian', action: 'import.items', target: '馆藏.csv: +2 ~0' })]);
  });
});

describe('MARC item import', () => {
  const marc = (name: string) => readFileSync(join('..', 'shared', 'testdata', 'marc', name));

  it('numbers records without a holdings barcode from the start number, keeping its width', async () => {
    const job = await client.checked(marc('zh_ol_880_alternate_script.mrc'), 'kind=items&format=marc&barcodeStart=39019998', 'a.mrc');
    expect(job).toMatchObject({ state: 'ready', unit: 'record', problemCount: 0, rows: 1 });
    expect(job.preview[0]).toMatchObject({ barcode: '39019998' });
    expect((job.preview[0] as { title: string }).title).toMatch(/\p{Script=Han}/u);
    await client.confirm(job.id);
    expect(item('39019998')).toBeDefined();
  });

  it('asks for a start number when records have no barcode', async () => {
    const job = await client.checked(marc('en_marc4j_summerland.mrc'), 'kind=items&format=marc', 'b.mrc');
    expect(job.problems).toEqual([{ at: 1, code: 'import.noBarcode' }]);
  });

  it('reports the damaged MARC-8 file record by record, never failing whole', async () => {
    const job = await client.checked(marc('zh_marc4j_chinese_mangled_multibyte_MARC8.mrc'), 'kind=items&format=marc&barcodeStart=39016001', 'c.mrc');
    expect(job.state).toBe('ready');
    expect(job.problemCount).toBeGreaterThan(0);
    expect(job.problems.every((problem) => problem.code.startsWith('marc.') && problem.at >= 1)).toBe(true);
    expect((await client.confirm(job.id)).statusCode).toBe(409);
  });

  it('refuses a CSV sent as MARC, and reads MARCXML', async () => {
    expect(await client.checked(GOOD, 'kind=items&format=marc&barcodeStart=39015001')).toMatchObject({ state: 'refused', refusal: 'import.notMarc' });
    const xml = await client.checked(marc('en_marc4j_summerland.xml'), 'kind=items&format=marc&barcodeStart=39015001', 'x.xml');
    expect(xml).toMatchObject({ state: 'ready', rows: 1, problemCount: 0 });
  });
});

describe('labels', () => {
  const asStaff = (method: 'GET' | 'PUT', url: string, body?: object) =>
    hub.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(body ? { payload: body } : {}) });

  it('list an import’s items, or barcodes typed, in the library’s symbology; unknown barcodes apart', async () => {
    const job = await client.checked(GOOD, 'kind=items&format=csv');
    await client.confirm(job.id);
    const sheet = LabelSheet.parse((await asStaff('GET', `${API.staffLabels}?import=${job.id}`)).json());
    expect(sheet).toEqual({
      symbology: 'code128',
      labels: [
        { barcode: '39015001', title: '活着', callNumber: 'I247.57/12' },
        { barcode: '39015002', title: 'Pride and Prejudice', callNumber: 'I561.44/1' },
      ],
      total: 2,
      offset: 0,
      unknown: [],
    });
    expect((await asStaff('PUT', API.staffLabelSettings, { symbology: 'codabar' })).statusCode).toBe(200);
    const typed = LabelSheet.parse((await asStaff('GET', `${API.staffLabels}?barcodes=39010001,NOPE`)).json());
    expect(typed).toMatchObject({ symbology: 'codabar', labels: [{ barcode: '39010001' }], unknown: ['NOPE'] });
  });

  it('refuse a bad query, symbology or import', async () => {
    expect((await asStaff('GET', API.staffLabels)).statusCode).toBe(400);
    expect((await asStaff('GET', `${API.staffLabels}?import=x&barcodes=1`)).statusCode).toBe(400);
    expect((await asStaff('GET', `${API.staffLabels}?import=unknown`)).statusCode).toBe(404);
    expect((await asStaff('PUT', API.staffLabelSettings, { symbology: 'qr' })).statusCode).toBe(400);
  });
});

describe('bad MARC files', () => {
  it('are refused past the size limit and reported when cut short', async () => {
    const record = readFileSync(join('..', 'shared', 'testdata', 'marc', 'en_marc4j_summerland.mrc'));
    const big = await client.upload(Buffer.concat(Array.from({ length: Math.ceil(MAX_BYTES / record.length) + 1 }, () => record)), 'kind=items&format=marc&barcodeStart=39015001', 'big.mrc', 'application/octet-stream');
    expect(big.statusCode).toBe(413);
    const cut = await client.checked(Buffer.concat([record, record.subarray(0, 300)]), 'kind=items&format=marc&barcodeStart=39015001', 'cut.mrc');
    expect(cut).toMatchObject({ state: 'ready', rows: 1, problems: [{ at: 2, code: 'marc.truncated' }] });
  });
});
