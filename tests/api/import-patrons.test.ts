import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API } from '../../shared/api/routes';
import { ImportJob } from '../../shared/import/schemas';
import { importClient, librarianToken } from './support/import-client';
import { createTestHub, type TestHub } from './support/test-hub';

const PATRONS = 'card_number,name,pin,expires_on,category\n20149001,赵小明,4826,2028-06-30,学生\n20149002,Mary Smith,,2027-01-31,\n';

let hub: TestHub;
let dataDir: string;
let client: ReturnType<typeof importClient>;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'import-patrons-'));
  hub = await createTestHub({ config: { dataDir } });
  const token = await librarianToken(hub);
  client = importClient(hub, () => token);
});
afterEach(async () => {
  await hub.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const signIn = (cardNumber: string, pin: string) => hub.call('POST', API.session, { body: { cardNumber, pin } });

describe('patron import', () => {
  it('previews without PINs, stores initial PINs the patron must change, and cards without a PIN cannot sign in', async () => {
    const job = await client.checked(PATRONS, 'kind=patrons&format=csv');
    expect(job).toMatchObject({ state: 'ready', rows: 2, problemCount: 0 });
    expect(job.preview).toEqual([
      { cardNumber: '20149001', name: '赵小明', hasPin: true, expiresOn: '2028-06-30', category: '学生' },
      { cardNumber: '20149002', name: 'Mary Smith', hasPin: false, expiresOn: '2027-01-31', category: null },
    ]);
    expect(JSON.stringify(job)).not.toContain('4826');
    expect(ImportJob.parse((await client.confirm(job.id)).json()).result).toEqual({ added: 2, updated: 0 });

    const first = await signIn('20149001', '4826');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ pinChangeRequired: true });
    const noPin = await signIn('20149002', '0000');
    expect(noPin.statusCode).toBe(403);
    expect(noPin.json()).toEqual({ error: { code: 'pin.notSet' } });
    const row = hub.db.prepare('SELECT display_name, category, pin_hash FROM patrons WHERE card_number = ?').get('20149001') as Record<string, string>;
    expect(row).toMatchObject({ display_name: '赵小明', category: '学生' });
    expect(row.pin_hash).toMatch(/^scrypt\$/);
  });

  it('updates known cards on a second import and keeps their PIN when the file has none', async () => {
    await client.confirm((await client.checked(PATRONS, 'kind=patrons&format=csv')).id);
    const again = 'card_number,name,expires_on\n20149001,赵小明,2029-06-30\n20140001,张伟,2030-01-01\n';
    const job = await client.checked(again, 'kind=patrons&format=csv');
    expect(ImportJob.parse((await client.confirm(job.id)).json()).result).toEqual({ added: 0, updated: 2 });
    // The demo patron keeps the PIN they chose, and is not asked to change it.
    expect((await signIn('20140001', '2580')).json()).toMatchObject({ pinChangeRequired: false });
    expect((await signIn('20149001', '4826')).statusCode).toBe(200);
  });

  it('reports bad rows by line: card rule, duplicate cards, PINs, dates, missing names', async () => {
    const csv = 'card_number,name,pin,expires_on\n20149001,A,12,2028-02-30\n20149001,,4826,2028-01-01\nX1,B,,2028-01-01\n';
    const job = await client.checked(csv, 'kind=patrons&format=csv');
    expect(job.problems).toEqual([
      { at: 2, code: 'import.pin', field: 'pin' },
      { at: 2, code: 'import.date', field: 'expires_on', value: '2028-02-30' },
      { at: 3, code: 'import.duplicate', field: 'card_number', value: '20149001', other: 2 },
      { at: 3, code: 'import.required', field: 'name' },
      { at: 4, code: 'import.barcodeRule', field: 'card_number', value: 'X1' },
    ]);
    expect((await client.confirm(job.id)).statusCode).toBe(409);
    expect(hub.db.prepare("SELECT count(*) AS n FROM patrons WHERE card_number = '20149001'").get()).toEqual({ n: 0 });
  });
});
