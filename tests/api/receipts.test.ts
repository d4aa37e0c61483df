import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveLibraryPhone } from '../../server/settings/library-phone';
import { ReceiptIssued } from '../../shared/receipts/schemas';
import { translate } from '../../shared/i18n';
import { createTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;
beforeEach(async () => {
  hub = await createTestHub({ config: { publicUrl: 'http://192.168.1.20:8080' } });
  saveLibraryPhone(hub.db, '0571-8888 1234');
});
afterEach(() => hub.close());

const CARD = '20140001';
const PIN = '2580';

async function sessionWithLoans() {
  const patronToken = await hub.signIn(CARD, PIN);
  expect((await hub.checkout(patronToken, '39010001')).json()).toMatchObject({ ok: true });
  expect((await hub.checkout(patronToken, '39010002')).json()).toMatchObject({ ok: true });
  expect((await hub.renew(patronToken, ['39010051'])).json()).toMatchObject({ results: [{ ok: true }] });
  return patronToken;
}

async function issueReceipt(patronToken: string, language: 'zh-CN' | 'en' = 'en') {
  const response = await hub.call('POST', '/api/receipts', { patronToken, body: { language } });
  expect(response.statusCode, response.body).toBe(201);
  expect(response.headers['cache-control']).toBe('no-store');
  const issued = ReceiptIssued.parse(response.json());
  return { ...issued, path: new URL(issued.receiptUrl).pathname };
}

const open = (path: string, cookie?: string, language = 'en') =>
  hub.app.inject({ url: path, headers: { 'accept-language': language, ...(cookie ? { cookie } : {}) } });

/** The `name=value` part of a Set-Cookie header, as a browser sends it back. */
function cookieOf(response: { headers: Record<string, unknown> }): string {
  const header = String(response.headers['set-cookie']);
  return header.split(';')[0]!;
}

describe('receipts on the phone', () => {
  it('list what this session borrowed and renewed, from the hub’s record, with no name or card number', async () => {
    // An earlier session's loan is not on this visit's receipt.
    const earlier = await hub.signIn(CARD, PIN);
    await hub.checkout(earlier, '39010003');
    const patronToken = await sessionWithLoans();
    const receipt = await issueReceipt(patronToken);
    expect(receipt.receiptUrl).toMatch(/^http:\/\/192\.168\.1\.20:8080\/r\/[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(receipt.expiresAt) - hub.now().getTime()).toBe(14 * 24 * 3600_000);

    const page = await open(receipt.path);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['content-type']).toContain('text/html');
    for (const title of ['39010001', '39010002', '39010051']) expect(page.body).toContain(`Barcode ${title}`);
    expect(page.body).not.toContain('39010003');
    expect(page.body).not.toContain('39010052');
    expect(page.body).toContain('Demo County Library');
    expect(page.body).toContain('0571-8888 1234');
    expect(page.body).toMatch(/Due \d+ \w+ 2026/);
    expect(page.body).not.toContain(CARD);
    const { display_name, full_name } = hub.db.prepare('SELECT display_name, full_name FROM patrons WHERE card_number = ?').get(CARD) as Record<string, string>;
    expect(page.body).not.toContain(display_name);
    expect(page.body).not.toContain(full_name);
    // Nor in the database: the ticket keeps no card, and only a hash of its token.
    const stored = JSON.stringify(hub.db.prepare('SELECT * FROM receipt_tickets').all());
    expect(stored).not.toContain(CARD);
    expect(stored).not.toContain(receipt.path.slice(3));
  });

  it('is kept by the first phone: its cookie opens the page and the calendar file again, a second device is refused', async () => {
    const { path } = await issueReceipt(await sessionWithLoans());
    const first = await open(path);
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toMatch(/^receipt_[0-9a-f]{16}=[A-Za-z0-9_-]{43}; Path=\/r\/; Max-Age=1209600; HttpOnly; SameSite=Lax$/);
    const cookie = cookieOf(first);

    const again = await open(path, cookie);
    expect(again.statusCode).toBe(200);
    expect(again.headers['set-cookie']).toBeUndefined();

    const calendar = await hub.app.inject({ url: `${path}/due-dates.ics`, headers: { cookie } });
    expect(calendar.statusCode).toBe(200);
    expect(calendar.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(calendar.headers['cache-control']).toBe('no-store');
    expect(calendar.body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(calendar.body).toContain('TRIGGER:-P2D');

    for (const other of [undefined, 'receipt_0000000000000000=stolen', `${cookie.split('=')[0]}=guessed-value`]) {
      const second = await open(path, other, 'zh-CN');
      expect(second.statusCode).toBe(403);
      expect(second.body).toContain(translate('zh-CN', 'receipt.phone.taken'));
      expect(second.body).not.toContain('39010001');
      expect(second.headers['set-cookie']).toBeUndefined();
      expect((await hub.app.inject({ url: `${path}/due-dates.ics`, headers: other ? { cookie: other } : {} })).statusCode).toBe(403);
    }
    const english = await open(path, undefined, 'en');
    expect(english.body).toContain('This receipt was already opened on another phone.');
  });

  it('works for 14 days, then is gone', async () => {
    const { path } = await issueReceipt(await sessionWithLoans());
    const cookie = cookieOf(await open(path));
    hub.advanceMinutes(14 * 24 * 60 - 1);
    expect((await open(path, cookie)).statusCode).toBe(200);
    hub.advanceMinutes(1);
    const gone = await open(path, cookie);
    expect(gone.statusCode).toBe(404);
    expect(gone.body).toContain(translate('en', 'receipt.phone.gone'));
    expect((await hub.app.inject({ url: `${path}/due-dates.ics`, headers: { cookie } })).statusCode).toBe(404);
    expect((await open('/r/not-a-receipt')).statusCode).toBe(404);
  });

  it('are made only by the kiosk whose patron session it is, for a session with due dates', async () => {
    const patronToken = await sessionWithLoans();
    const otherKiosk = hub.addKiosk('reading-room');
    const fromOther = await hub.call('POST', '/api/receipts', { patronToken, kioskToken: otherKiosk, body: { language: 'en' } });
    expect([fromOther.statusCode, fromOther.json().error.code]).toEqual([401, 'session.expired']);
    expect((await hub.call('POST', '/api/receipts', { patronToken, kioskToken: null, body: { language: 'en' } })).statusCode).toBe(401);
    expect((await hub.call('POST', '/api/receipts', { body: { language: 'en' } })).statusCode).toBe(401);
    expect((await hub.call('POST', '/api/receipts', { patronToken, body: { language: 'fr' } })).statusCode).toBe(400);

    const idle = await hub.signIn('20140004', '8642');
    const empty = await hub.call('POST', '/api/receipts', { patronToken: idle, body: { language: 'en' } });
    expect([empty.statusCode, empty.json().error.code]).toEqual([409, 'receipt.empty']);
  });

  it('leaves out what was returned before Finish', async () => {
    const patronToken = await sessionWithLoans();
    await hub.checkin('39010002', undefined, patronToken);
    const page = await open((await issueReceipt(patronToken)).path);
    expect(page.body).toContain('Barcode 39010001');
    expect(page.body).not.toContain('39010002');
  });
});
