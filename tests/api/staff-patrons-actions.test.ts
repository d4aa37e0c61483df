/** Each patron care action, checked where it matters: at the kiosk, and in the audit log (never with the PIN). */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { API, staffPatronBlockPath, staffPatronExpiryPath, staffPatronPinPath, staffPatronUnlockPath } from '../../shared/api/routes';
import { SignInResponse } from '../../shared/api/schemas';
import { isAcceptablePin } from '../../shared/circulation/pin-policy';
import { PatronDetail, PinResetDone } from '../../shared/patrons/schemas';
import { DEMO_ITEMS, DEMO_PATRONS } from '../../server/demo/demo-library';
import { LIBRARIAN_PASSWORD, staffHarness } from './support/staff-harness';
import { createTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;
afterEach(async () => hub.close());

const { withHold } = DEMO_PATRONS;
const card = withHold.cardNumber;

async function librarian() {
  hub = await createTestHub();
  const staff = staffHarness(hub);
  await staff.addAccount('zhao', LIBRARIAN_PASSWORD, 'librarian');
  // Signed in afresh for each request: some tests move the clock past the staff session's idle end.
  const as = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: object) =>
    staff.asStaff((await staff.signIn('zhao', LIBRARIAN_PASSWORD)).token, method, url, body);
  const patronAuditRows = () =>
    hub.db.prepare("SELECT username, action, target, address, at FROM staff_audit WHERE action LIKE 'patron.%' ORDER BY id").all();
  return { staff, as, patronAuditRows };
}

const signInAttempt = (pin: string) => hub.call('POST', API.session, { body: { cardNumber: card, pin } });

async function lockTheCard(): Promise<void> {
  for (let i = 0; i < 5; i++) await signInAttempt('9999');
  expect((await signInAttempt(withHold.pin)).statusCode).toBe(423);
}

describe('unlocking a card', () => {
  it('shows the lock, clears it, and the patron can sign in again', async () => {
    const { as, patronAuditRows } = await librarian();
    await lockTheCard();
    const locked = PatronDetail.parse((await as('GET', `${API.staffPatrons}/${card}`)).json());
    expect(locked.lock).toMatchObject({ locked: true, failedCount: 5, dayLock: false });
    expect(new Date(locked.lock.lockedUntil!).getTime()).toBe(hub.now().getTime() + 15 * 60_000);

    const unlocked = PatronDetail.parse((await as('POST', staffPatronUnlockPath(card), {})).json());
    expect(unlocked.lock).toEqual({ locked: false, lockedUntil: null, failedCount: 0, dayLock: false });
    expect((await signInAttempt(withHold.pin)).statusCode).toBe(200);
    expect(patronAuditRows()).toEqual([{ username: 'zhao', action: 'patron.unlocked', target: card, address: '127.0.0.1', at: hub.now().toISOString() }]);
  });

  it('clears the escalation too: after a day lock, the next lock is a short one again', async () => {
    const { as } = await librarian();
    for (let lock = 0; lock < 3; lock++) {
      if (lock > 0) hub.advanceMinutes(16);
      await lockTheCard();
    }
    const dayLocked = PatronDetail.parse((await as('GET', `${API.staffPatrons}/${card}`)).json());
    expect(dayLocked.lock).toMatchObject({ locked: true, dayLock: true });
    await as('POST', staffPatronUnlockPath(card), {});
    // Past the kiosk's own limit on failed sign-ins (server/patron-sessions/sign-in-throttle.ts).
    hub.advanceMinutes(11);
    await lockTheCard();
    const relocked = PatronDetail.parse((await as('GET', `${API.staffPatrons}/${card}`)).json());
    expect(relocked.lock).toMatchObject({ locked: true, dayLock: false });
    expect(new Date(relocked.lock.lockedUntil!).getTime()).toBe(hub.now().getTime() + 15 * 60_000);
  });
});

describe('resetting the PIN', () => {
  it('to one staff typed: the old PIN stops working, and signing in with the new one requires a change', async () => {
    const { as, patronAuditRows } = await librarian();
    const done = PinResetDone.parse((await as('POST', staffPatronPinPath(card), { pin: '4071' })).json());
    expect(done.generatedPin).toBeNull();
    expect(done.patron.pinChangeRequired).toBe(true);
    expect((await signInAttempt(withHold.pin)).statusCode).toBe(401);
    const signedIn = SignInResponse.parse((await signInAttempt('4071')).json());
    expect(signedIn.pinChangeRequired).toBe(true);
    expect((await hub.checkout(signedIn.token, DEMO_ITEMS.firstOnShelf)).statusCode).toBe(403);
    const audit = patronAuditRows();
    expect(audit).toEqual([expect.objectContaining({ action: 'patron.pinReset', target: card, username: 'zhao' })]);
    expect(JSON.stringify(hub.db.prepare('SELECT * FROM staff_audit').all())).not.toContain('4071');
  });

  it('to one the hub makes up, shown in this answer only and accepted at the kiosk', async () => {
    const { as } = await librarian();
    const response = await as('POST', staffPatronPinPath(card), {});
    const done = PinResetDone.parse(response.json());
    expect(done.generatedPin).toMatch(/^\d{6}$/);
    expect(isAcceptablePin(done.generatedPin!)).toBe(true);
    expect(response.headers['cache-control']).toBe('no-store');
    expect((await as('GET', `${API.staffPatrons}/${card}`)).body).not.toContain(done.generatedPin!);
    expect(SignInResponse.parse((await signInAttempt(done.generatedPin!)).json()).pinChangeRequired).toBe(true);
    expect(JSON.stringify(hub.db.prepare('SELECT * FROM staff_audit').all())).not.toContain(done.generatedPin!);
  });
});

describe('blocking by hand', () => {
  it('with a reason: the kiosk refuses borrowing with the manual block; unblocking lets the patron borrow again', async () => {
    const { as, patronAuditRows } = await librarian();
    const blocked = PatronDetail.parse((await as('PUT', staffPatronBlockPath(card), { reason: ' 借书证遗失，待补办 ' })).json());
    expect(blocked.blocks).toEqual(['manual']);
    expect(blocked.manualBlockReason).toBe('借书证遗失，待补办');

    const token = await hub.signIn(card, withHold.pin);
    const session = await hub.call('GET', API.session, { patronToken: token });
    expect(session.json()).toMatchObject({ blocks: ['manual'] });
    const refused = await hub.checkout(token, DEMO_ITEMS.firstOnShelf);
    expect(refused.json()).toMatchObject({ ok: false, code: 'patron.blocked', blocks: ['manual'] });

    const unblocked = PatronDetail.parse((await as('DELETE', staffPatronBlockPath(card))).json());
    expect(unblocked).toMatchObject({ blocks: [], manualBlockReason: null });
    expect((await hub.checkout(token, DEMO_ITEMS.firstOnShelf)).json()).toMatchObject({ ok: true });
    expect(patronAuditRows().map((row) => (row as { action: string }).action)).toEqual(['patron.blocked', 'patron.unblocked']);
  });
});

describe('changing the expiry date', () => {
  it('to a day in the past blocks the card as expired at the kiosk; a later date lifts it', async () => {
    const { as, patronAuditRows } = await librarian();
    const expired = PatronDetail.parse((await as('PUT', staffPatronExpiryPath(card), { expiresOn: '2026-03-01' })).json());
    expect(expired).toMatchObject({ expiresOn: '2026-03-01', blocks: ['cardExpired'] });
    const token = await hub.signIn(card, withHold.pin);
    expect((await hub.checkout(token, DEMO_ITEMS.firstOnShelf, randomUUID())).json()).toMatchObject({ ok: false, code: 'patron.blocked', blocks: ['cardExpired'] });

    const renewed = PatronDetail.parse((await as('PUT', staffPatronExpiryPath(card), { expiresOn: '2031-12-31' })).json());
    expect(renewed).toMatchObject({ expiresOn: '2031-12-31', blocks: [] });
    expect((await hub.checkout(token, DEMO_ITEMS.firstOnShelf)).json()).toMatchObject({ ok: true });
    expect(patronAuditRows()).toEqual([
      expect.objectContaining({ action: 'patron.expiryChanged', target: card }),
      expect.objectContaining({ action: 'patron.expiryChanged', target: card }),
    ]);
  });
});
