/** Patron care's routes: who may call them, what they show (never a PIN or its hash), and bad input. */
import { afterEach, describe, expect, it } from 'vitest';
import { API, KIOSK_TOKEN_HEADER, staffPatronBlockPath, staffPatronExpiryPath, staffPatronPath, staffPatronPinPath, staffPatronUnlockPath } from '../../shared/api/routes';
import { PatronDetail, PatronSearchPage } from '../../shared/patrons/schemas';
import { DEMO_ITEMS, DEMO_PATRONS } from '../../server/demo/demo-library';
import { createSip2Hub } from '../sip2/sip2-hub';
import { ADMIN_PASSWORD, LIBRARIAN_PASSWORD, staffHarness } from './support/staff-harness';
import { createTestHub, type TestHub } from './support/test-hub';

let hub: { close(): Promise<void> } | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

async function asLibrarian(testHub: TestHub) {
  const staff = staffHarness(testHub);
  await staff.addAccount('zhao', LIBRARIAN_PASSWORD, 'librarian');
  const { token } = await staff.signIn('zhao', LIBRARIAN_PASSWORD);
  return { staff, token, as: (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: object) => staff.asStaff(token, method, url, body) };
}

async function librarianHub() {
  const testHub = await createTestHub();
  hub = testHub;
  return { hub: testHub, ...(await asLibrarian(testHub)) };
}

const { blocked, withHold, active } = DEMO_PATRONS;

/** Every route, with a body it would accept. */
const ROUTES = [
  ['GET', `${API.staffPatrons}?q=${blocked.cardNumber}`, undefined],
  ['GET', staffPatronPath(blocked.cardNumber), undefined],
  ['POST', staffPatronPinPath(withHold.cardNumber), { pin: '4071' }],
  ['POST', staffPatronUnlockPath(withHold.cardNumber), {}],
  ['PUT', staffPatronBlockPath(withHold.cardNumber), { reason: 'Lost card' }],
  ['DELETE', staffPatronBlockPath(withHold.cardNumber), undefined],
  ['PUT', staffPatronExpiryPath(withHold.cardNumber), { expiresOn: '2030-01-31' }],
] as const;

describe('patron care routes', () => {
  it('are open to librarians and admins; without a staff session, or with a kiosk’s and patron’s tokens, 401', async () => {
    const { hub, staff, as } = await librarianHub();
    await staff.addAccount('admin', ADMIN_PASSWORD, 'admin');
    const admin = (await staff.signIn('admin', ADMIN_PASSWORD)).token;
    const patronToken = await hub.signIn(active.cardNumber, active.pin);
    for (const [method, url, body] of ROUTES) {
      const payload = body ? { payload: body } : {};
      expect((await as(method, url, body)).statusCode, `${method} ${url}`).toBe(200);
      expect((await staff.asStaff(admin, method, url, body)).statusCode, `admin ${method} ${url}`).toBe(200);
      const anonymous = await hub.app.inject({ method, url, ...payload });
      expect(anonymous.statusCode, `${method} ${url}`).toBe(401);
      const asKiosk = await hub.app.inject({ method, url, headers: { [KIOSK_TOKEN_HEADER]: hub.kioskToken, authorization: `Bearer ${patronToken}` }, ...payload });
      expect(asKiosk.statusCode, `${method} ${url}`).toBe(401);
      expect(asKiosk.json()).toEqual({ error: { code: 'staff.signInRequired' } });
    }
  });

  it('refuse a librarian who must choose a new password first', async () => {
    const testHub = await createTestHub();
    hub = testHub;
    const staff = staffHarness(testHub);
    await staff.addAccount('qian', LIBRARIAN_PASSWORD, 'librarian', true);
    const { token } = await staff.signIn('qian', LIBRARIAN_PASSWORD);
    const response = await staff.asStaff(token, 'GET', staffPatronPath(blocked.cardNumber));
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ error: { code: 'staff.passwordChangeRequired' } });
  });

  it('with ILS=sip2 answer that patrons are managed in the library’s own system, changing nothing', async () => {
    const sip2 = await createSip2Hub();
    hub = sip2;
    const { as } = await asLibrarian(sip2);
    for (const [method, url, body] of ROUTES) {
      const response = await as(method, url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(409);
      expect(response.json()).toEqual({ error: { code: 'patrons.managedByIls' } });
    }
    expect(sip2.db.prepare('SELECT COUNT(*) FROM staff_audit WHERE action LIKE ?').pluck().get('patron.%')).toBe(0);
  });
});

describe('finding a patron', () => {
  it('by the whole card number, not a part of it', async () => {
    const { as } = await librarianHub();
    const found = PatronSearchPage.parse((await as('GET', `${API.staffPatrons}?q=${blocked.cardNumber}`)).json());
    expect(found.patrons).toEqual([{ cardNumber: blocked.cardNumber, displayName: '王芳', fullName: '王芳', expiresOn: '2028-03-01' }]);
    expect(found.total).toBe(1);
    const part = PatronSearchPage.parse((await as('GET', `${API.staffPatrons}?q=2014000`)).json());
    expect(part.patrons).toEqual([]);
  });

  it('by part of a Chinese name, or of a Latin name in any case', async () => {
    const { hub, as } = await librarianHub();
    hub.db.prepare("UPDATE patrons SET full_name = 'Wang Fang' WHERE card_number = ?").run(blocked.cardNumber);
    const byChinese = PatronSearchPage.parse((await as('GET', `${API.staffPatrons}?q=${encodeURIComponent('芳')}`)).json());
    expect(byChinese.patrons.map((p) => p.cardNumber)).toEqual([blocked.cardNumber]);
    const byLatin = PatronSearchPage.parse((await as('GET', `${API.staffPatrons}?q=fANG`)).json());
    expect(byLatin.patrons.map((p) => p.cardNumber)).toEqual([blocked.cardNumber]);
  });

  it('pages at most 50 patrons at a time', async () => {
    const { hub, as } = await librarianHub();
    const insert = hub.db.prepare(
      `INSERT INTO patrons (card_number, display_name, full_name, pin_hash, expires_on, created_at) VALUES (?, '读者', ?, 'x', '2030-01-01', '2026-01-01T00:00:00Z')`,
    );
    for (let i = 0; i < 120; i++) insert.run(`5000${String(i).padStart(4, '0')}`, `测试读者${i}`);
    const first = PatronSearchPage.parse((await as('GET', `${API.staffPatrons}?q=${encodeURIComponent('测试读者')}`)).json());
    expect(first).toMatchObject({ total: 120, page: 1, pageSize: 50 });
    expect(first.patrons).toHaveLength(50);
    const third = PatronSearchPage.parse((await as('GET', `${API.staffPatrons}?q=${encodeURIComponent('测试读者')}&page=3`)).json());
    expect(third.patrons).toHaveLength(20);
    expect((await as('GET', `${API.staffPatrons}?page=0`)).statusCode).toBe(400);
  });
});

describe('a patron’s page', () => {
  it('shows loans with the overdue one, the blocks the kiosk applies and the lock state, never the PIN', async () => {
    const { as } = await librarianHub();
    const response = await as('GET', staffPatronPath(blocked.cardNumber));
    expect(response.statusCode).toBe(200);
    const patron = PatronDetail.parse(response.json());
    expect(patron).toMatchObject({
      cardNumber: blocked.cardNumber,
      fullName: '王芳',
      category: null,
      finesMinor: 0,
      blocks: ['overdue'],
      manualBlockReason: null,
      lock: { locked: false, lockedUntil: null, failedCount: 0, dayLock: false },
    });
    expect(patron.loans).toEqual([expect.objectContaining({ barcode: DEMO_ITEMS.longOverdue, overdue: true })]);
    expect(response.body).not.toMatch(/scrypt|pin_?hash|1357/i);
  });

  it('shows holds waiting for their item and ready on the shelf', async () => {
    const { as } = await librarianHub();
    const patron = PatronDetail.parse((await as('GET', staffPatronPath(withHold.cardNumber))).json());
    expect(patron.holds.map(({ barcode, status }) => ({ barcode, status }))).toEqual([
      { barcode: DEMO_ITEMS.reservedFor20140004, status: 'ready' },
      { barcode: DEMO_ITEMS.dueLater, status: 'waiting' },
    ]);
  });

  it('answers 404 patron.unknown for a card the library does not have', async () => {
    const { as } = await librarianHub();
    for (const [method, path, body] of ROUTES.slice(1)) {
      const url = path.replace(/\d{8}/, '99999999');
      const response = await as(method, url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json()).toEqual({ error: { code: 'patron.unknown' } });
    }
  });
});

describe('bad input', () => {
  it.each([
    ['2026-02-30'],
    ['2026-3-1'],
    ['1999-12-31'],
    ['2101-01-01'],
    ['tomorrow'],
  ])('an expiry date %s is refused', async (expiresOn) => {
    const { hub, as } = await librarianHub();
    const response = await as('PUT', staffPatronExpiryPath(withHold.cardNumber), { expiresOn });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: 'patron.expiryInvalid' } });
    expect(hub.db.prepare('SELECT expires_on FROM patrons WHERE card_number = ?').pluck().get(withHold.cardNumber)).toBe('2028-03-01');
  });

  it.each([['1234'], ['1111'], ['12'], ['1234567'], ['abcd'], ['112233']])('a weak PIN %s is refused and the old one still works', async (pin) => {
    const { hub, as } = await librarianHub();
    const response = await as('POST', staffPatronPinPath(withHold.cardNumber), { pin });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: 'pin.weak' } });
    await hub.signIn(withHold.cardNumber, withHold.pin);
  });

  it.each([[''], ['   '], ['长'.repeat(201)]])('a block without a usable reason (%j) is refused', async (reason) => {
    const { hub, as } = await librarianHub();
    const response = await as('PUT', staffPatronBlockPath(withHold.cardNumber), { reason });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: 'patron.blockReasonMissing' } });
    expect(hub.db.prepare('SELECT manual_block FROM patrons WHERE card_number = ?').pluck().get(withHold.cardNumber)).toBe(0);
  });

  it('bodies of the wrong shape are request.invalid', async () => {
    const { as } = await librarianHub();
    expect((await as('PUT', staffPatronBlockPath(withHold.cardNumber), { why: 'x' })).json()).toEqual({ error: { code: 'request.invalid' } });
    expect((await as('PUT', staffPatronExpiryPath(withHold.cardNumber), { expiresOn: 20300101 })).json()).toEqual({ error: { code: 'request.invalid' } });
    expect((await as('POST', staffPatronPinPath(withHold.cardNumber), { pin: 1234 })).json()).toEqual({ error: { code: 'request.invalid' } });
  });
});
