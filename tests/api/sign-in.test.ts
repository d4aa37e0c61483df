import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API } from '../../shared/api/routes';
import { ApiError, PatronStatus, SignInResponse } from '../../shared/api/schemas';
import { DEMO_ITEMS, DEMO_PATRONS } from '../../server/demo/demo-library';
import { createTestHub, daysAfter, START, type TestHub } from './support/test-hub';

const { active, blocked } = DEMO_PATRONS;
let hub: TestHub;

beforeEach(async () => {
  hub = await createTestHub();
});
afterEach(() => hub.close());

const signInAttempt = (cardNumber: string, pin: string) =>
  hub.call('POST', API.session, { body: { cardNumber, pin } });

describe('signing in', () => {
  it('greets an active patron by name with a full session', async () => {
    const response = await signInAttempt(active.cardNumber, active.pin);
    expect(response.statusCode).toBe(200);
    const body = SignInResponse.parse(response.json());
    expect(body.pinChangeRequired).toBe(false);
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.patron).toEqual({
      displayName: '张伟',
      blocks: [],
      loanCount: 2,
      loanLimit: 10,
      holdsReady: 0,
      finesMinor: 0,
    });
  });

  it('answers a wrong PIN with 401 pin.wrong and the attempts left', async () => {
    const first = await signInAttempt(active.cardNumber, '9999');
    expect(first.statusCode).toBe(401);
    expect(ApiError.parse(first.json())).toEqual({ error: { code: 'pin.wrong', attemptsLeft: 4 } });
    const second = await signInAttempt(active.cardNumber, '9998');
    expect(second.json()).toEqual({ error: { code: 'pin.wrong', attemptsLeft: 3 } });
  });

  it('answers an unknown card with 404 card.unknown', async () => {
    const response = await signInAttempt('99999999', '2580');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'card.unknown' } });
  });

  it('locks the card for 15 minutes after the 5th wrong PIN, even against the right PIN', async () => {
    for (let i = 0; i < 4; i++) expect((await signInAttempt(active.cardNumber, '9999')).statusCode).toBe(401);
    const fifth = await signInAttempt(active.cardNumber, '9999');
    const lockedUntil = new Date(START.getTime() + 15 * 60_000).toISOString();
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json()).toEqual({ error: { code: 'card.locked', lockedUntil } });

    const rightPin = await signInAttempt(active.cardNumber, active.pin);
    expect(rightPin.statusCode).toBe(423);
    expect(rightPin.json()).toEqual({ error: { code: 'card.locked', lockedUntil } });

    // Another card is not affected.
    expect((await signInAttempt(blocked.cardNumber, blocked.pin)).statusCode).toBe(200);
  });

  it('opens the card again when the lock has run out, with a fresh set of attempts', async () => {
    for (let i = 0; i < 5; i++) await signInAttempt(active.cardNumber, '9999');
    hub.advanceMinutes(14);
    expect((await signInAttempt(active.cardNumber, active.pin)).statusCode).toBe(423);
    hub.advanceMinutes(1);
    expect((await signInAttempt(active.cardNumber, '9999')).json()).toEqual({
      error: { code: 'pin.wrong', attemptsLeft: 4 },
    });
    expect((await signInAttempt(active.cardNumber, active.pin)).statusCode).toBe(200);
  });

  it('does not let parallel guesses slip past the limit', async () => {
    const responses = await Promise.all(Array.from({ length: 8 }, (_, i) => signInAttempt(active.cardNumber, `900${i}`)));
    const codes = responses.map((response) => ApiError.parse(response.json()).error.code);
    expect(codes.filter((code) => code === 'pin.wrong').length).toBeLessThanOrEqual(4);
    expect(codes.filter((code) => code === 'card.locked').length).toBeGreaterThanOrEqual(4);
    expect((await signInAttempt(active.cardNumber, active.pin)).statusCode).toBe(423);
  });

  it('counts sign-ins with an unknown card number toward that number’s lockout', async () => {
    for (let i = 0; i < 4; i++) expect((await signInAttempt('12345678', '1111')).statusCode).toBe(404);
    const fifth = await signInAttempt('12345678', '1111');
    expect(fifth.statusCode).toBe(423);
    expect(ApiError.parse(fifth.json()).error.code).toBe('card.locked');
  });

  it('forgets wrong PINs after a successful sign-in', async () => {
    for (let i = 0; i < 4; i++) await signInAttempt(active.cardNumber, '9999');
    await hub.signIn(active.cardNumber, active.pin);
    expect((await signInAttempt(active.cardNumber, '9999')).json()).toEqual({
      error: { code: 'pin.wrong', attemptsLeft: 4 },
    });
  });

  it('shows a blocked patron the blocks', async () => {
    const response = await signInAttempt(blocked.cardNumber, blocked.pin);
    expect(response.statusCode).toBe(200);
    expect(SignInResponse.parse(response.json()).patron?.blocks).toEqual(['overdue']);
  });

  it('refuses a malformed card number or PIN with 400 request.invalid', async () => {
    for (const body of [{ cardNumber: '2014 0001', pin: '2580' }, { cardNumber: '20140001', pin: '25' }, {}]) {
      const response = await hub.call('POST', API.session, { body });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({ error: { code: 'request.invalid' } });
    }
  });

  it('limits sign-in attempts per kiosk to 30 a minute', async () => {
    for (let i = 0; i < 30; i++) await signInAttempt(`1000${i}`, '9999');
    const response = await signInAttempt(active.cardNumber, active.pin);
    expect(response.statusCode).toBe(429);
    expect(response.json()).toEqual({ error: { code: 'rate.limited' } });
  });
});

describe('the patron session', () => {
  it('shows the patron’s loans, soonest due first', async () => {
    const token = await hub.signIn(active.cardNumber, active.pin);
    const response = await hub.call('GET', API.session, { patronToken: token });
    expect(response.statusCode).toBe(200);
    const status = PatronStatus.parse(response.json());
    expect(status.loans.map((loan) => [loan.item.barcode, loan.dueAt, loan.overdue, loan.renewalsLeft])).toEqual([
      [DEMO_ITEMS.dueSoon, daysAfter(START, 2), false, 2],
      [DEMO_ITEMS.dueLater, daysAfter(START, 20), false, 2],
    ]);
    expect(status.loans[0]?.item.title).toBe('解忧杂货店');
  });

  it('counts a hold waiting on the shelf as ready', async () => {
    const token = await hub.signIn(DEMO_PATRONS.withHold.cardNumber, DEMO_PATRONS.withHold.pin);
    const status = PatronStatus.parse((await hub.call('GET', API.session, { patronToken: token })).json());
    expect(status.holdsReady).toBe(1);
  });

  it('expires after 15 minutes without a request, and each request extends it', async () => {
    const token = await hub.signIn(active.cardNumber, active.pin);
    hub.advanceMinutes(14);
    expect((await hub.call('GET', API.session, { patronToken: token })).statusCode).toBe(200);
    hub.advanceMinutes(14);
    expect((await hub.call('GET', API.session, { patronToken: token })).statusCode).toBe(200);
    hub.advanceMinutes(15);
    const expired = await hub.call('GET', API.session, { patronToken: token });
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toEqual({ error: { code: 'session.expired' } });
  });

  it('ends with DELETE /api/session', async () => {
    const token = await hub.signIn(active.cardNumber, active.pin);
    const signOut = await hub.call('DELETE', API.session, { patronToken: token });
    expect(signOut.statusCode).toBe(204);
    expect(signOut.body).toBe('');
    expect((await hub.call('GET', API.session, { patronToken: token })).statusCode).toBe(401);
  });

  it('answers 401 session.expired without a token or with an unknown one', async () => {
    for (const patronToken of [null, 'not-a-real-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) {
      const response = await hub.call('GET', API.session, { patronToken });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ error: { code: 'session.expired' } });
    }
  });

  it('is worthless at another kiosk', async () => {
    const token = await hub.signIn(active.cardNumber, active.pin);
    const otherKiosk = hub.addKiosk('branch-2');
    const response = await hub.call('GET', API.session, { patronToken: token, kioskToken: otherKiosk });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: 'session.expired' } });
    // …and it still works where it was made.
    expect((await hub.call('GET', API.session, { patronToken: token })).statusCode).toBe(200);
  });
});
