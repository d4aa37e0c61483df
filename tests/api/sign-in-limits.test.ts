/**
 * Guessing PINs across many cards: failed sign-ins are limited per kiosk and per network
 * address whatever the card, a card locked three times in a day stays locked for a day, and
 * every failed check is answered late. The patron still hears whether the card or the PIN was wrong.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { API } from '../../shared/api/routes';
import { ApiError } from '../../shared/api/schemas';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { DEMO_PATRONS } from '../../server/demo/demo-library';
import { DEFAULT_CIRCULATION_RULES } from '../../server/ils/embedded/circulation-rules';
import { FAILED_SIGN_IN_DELAY_MS } from '../../server/patron-sessions/session-routes';
import { createTestHub, type TestHub } from './support/test-hub';

const { active, blocked } = DEMO_PATRONS;
const { maxFailuresPerKiosk, maxFailuresPerAddress, throttleMinutes } = DEFAULT_CIRCULATION_RULES.lockout;
const LIBRARY_NAT = '192.0.2.10';
let hub: TestHub;

afterEach(() => hub.close());

/** 600 card numbers a guesser might try, none of them a patron's. */
const cardNumbers = Array.from({ length: 600 }, (_, i) => String(20150000 + i));

function signInAttempt(cardNumber: string, pin: string, from: { kioskToken?: string; remoteAddress?: string } = {}) {
  return hub.call('POST', API.session, { body: { cardNumber, pin }, remoteAddress: LIBRARY_NAT, ...from });
}

const codeOf = (response: { json(): unknown }) => ApiError.parse(response.json()).error.code;

describe('failed sign-ins', () => {
  it('are limited per kiosk: one PIN over 600 card numbers gets the first few answers, then only refusals', async () => {
    hub = await createTestHub({ config: { rateLimitMax: 0 } });
    const codes: string[] = [];
    for (const cardNumber of cardNumbers) codes.push(codeOf(await signInAttempt(cardNumber, '2580')));
    expect(codes.slice(0, maxFailuresPerKiosk)).toEqual(Array(maxFailuresPerKiosk).fill('card.unknown'));
    expect(new Set(codes.slice(maxFailuresPerKiosk))).toEqual(new Set(['signIn.throttled']));

    // The right PIN is refused too (so the refusal tells a guesser nothing), and calmly: 429.
    const rightPin = await signInAttempt(active.cardNumber, active.pin);
    expect(rightPin.statusCode).toBe(429);
    expect(rightPin.json()).toEqual({ error: { code: 'signIn.throttled' } });

    // The window slides: once the failures are old enough, the kiosk signs patrons in again.
    hub.advanceMinutes(throttleMinutes);
    expect((await signInAttempt(active.cardNumber, active.pin)).statusCode).toBe(200);
  });

  it('are limited per kiosk even when the guesses arrive all at once', async () => {
    hub = await createTestHub({ config: { rateLimitMax: 0 } });
    const responses = await Promise.all(cardNumbers.slice(0, 100).map((cardNumber) => signInAttempt(cardNumber, '2580')));
    expect(responses.filter((response) => codeOf(response) === 'card.unknown')).toHaveLength(maxFailuresPerKiosk);
  });

  it('are limited per address at a higher number, for the kiosks that share a library’s NAT', async () => {
    hub = await createTestHub({ config: { rateLimitMax: 0 } });
    const kiosks = Array.from({ length: 6 }, (_, i) => hub.addKiosk(`floor-${i}`));
    const answered = new Map<string, number>();
    for (const [i, cardNumber] of cardNumbers.entries()) {
      const kioskToken = kiosks[i % kiosks.length]!;
      if (codeOf(await signInAttempt(cardNumber, '2580', { kioskToken })) === 'card.unknown') {
        answered.set(kioskToken, (answered.get(kioskToken) ?? 0) + 1);
      }
    }
    const total = [...answered.values()].reduce((sum, n) => sum + n, 0);
    expect(total).toBe(maxFailuresPerAddress);
    expect(Math.max(...answered.values())).toBeLessThanOrEqual(maxFailuresPerKiosk);

    // A kiosk on another address is not held up by them.
    const elsewhere = hub.addKiosk('branch-2');
    expect((await signInAttempt(active.cardNumber, active.pin, { kioskToken: elsewhere, remoteAddress: '198.51.100.7' })).statusCode).toBe(200);
  });

  it('still say whether the card or the PIN was wrong, and successes do not count', async () => {
    hub = await createTestHub({ config: { rateLimitMax: 0 } });
    for (let i = 0; i < maxFailuresPerKiosk * 2; i++) expect((await signInAttempt(blocked.cardNumber, blocked.pin)).statusCode).toBe(200);
    const unknownCard = await signInAttempt('20159999', active.pin);
    expect(unknownCard.statusCode).toBe(404);
    expect(unknownCard.json()).toEqual({ error: { code: 'card.unknown' } });
    const wrongPin = await signInAttempt(active.cardNumber, '9999');
    expect(wrongPin.statusCode).toBe(401);
    expect(wrongPin.json()).toEqual({ error: { code: 'pin.wrong', attemptsLeft: 4 } });
  });

  it('are answered late, each one; successes and refusals without a check are not', async () => {
    hub = await createTestHub({ config: { rateLimitMax: 0 } });
    await signInAttempt('20159999', '2580');
    await signInAttempt(active.cardNumber, '9999');
    await hub.signIn(active.cardNumber, active.pin);
    expect(hub.sleeps).toEqual([FAILED_SIGN_IN_DELAY_MS, FAILED_SIGN_IN_DELAY_MS]);
    for (const cardNumber of cardNumbers.slice(0, maxFailuresPerKiosk + 5)) await signInAttempt(cardNumber, '2580');
    expect(hub.sleeps).toHaveLength(maxFailuresPerKiosk);
  });

  it('stay counted when the hub restarts', async () => {
    hub = await createTestHub({ config: { rateLimitMax: 0 } });
    for (const cardNumber of cardNumbers.slice(0, maxFailuresPerKiosk)) await signInAttempt(cardNumber, '2580');
    const restarted = await buildApp({ config: { ...loadConfig({}), rateLimitMax: 0 }, db: hub.db, now: hub.now, logger: false, sleep: async () => {} });
    const response = await restarted.inject({
      method: 'POST',
      url: API.session,
      headers: { 'x-kiosk-token': hub.kioskToken },
      payload: { cardNumber: active.cardNumber, pin: active.pin },
      remoteAddress: LIBRARY_NAT,
    });
    expect(codeOf(response)).toBe('signIn.throttled');
    await restarted.close();
  });
});

describe('a card locked three times within a day', () => {
  it('stays locked for a day', async () => {
    hub = await createTestHub({ config: { rateLimitMax: 0 } });
    const lockCard = async () => {
      for (let i = 0; i < DEFAULT_CIRCULATION_RULES.lockout.maxPinAttempts; i++) await signInAttempt(active.cardNumber, '9999');
      return (ApiError.parse((await signInAttempt(active.cardNumber, active.pin)).json()).error.lockedUntil ?? '');
    };
    const minutesFromNow = (iso: string) => (Date.parse(iso) - hub.now().getTime()) / 60_000;

    expect(minutesFromNow(await lockCard())).toBe(15);
    hub.advanceMinutes(15);
    expect(minutesFromNow(await lockCard())).toBe(15);
    hub.advanceMinutes(15);
    expect(minutesFromNow(await lockCard())).toBe(24 * 60);

    hub.advanceMinutes(23 * 60);
    const stillLocked = await signInAttempt(active.cardNumber, active.pin);
    expect(stillLocked.statusCode).toBe(423);
    expect(codeOf(stillLocked)).toBe('card.locked');
    hub.advanceMinutes(60);
    expect((await signInAttempt(active.cardNumber, active.pin)).statusCode).toBe(200);
  });

  it('is counted once however many of its wrong PINs were in flight together', async () => {
    hub = await createTestHub({ config: { rateLimitMax: 0 } });
    await Promise.all(Array.from({ length: 8 }, (_, i) => signInAttempt(active.cardNumber, `900${i}`)));
    const locked = ApiError.parse((await signInAttempt(active.cardNumber, active.pin)).json()).error;
    expect(locked).toEqual({ code: 'card.locked', lockedUntil: new Date(hub.now().getTime() + 15 * 60_000).toISOString() });
  });
});
