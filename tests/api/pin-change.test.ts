import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API } from '../../shared/api/routes';
import { ChangePinResponse, SignInResponse } from '../../shared/api/schemas';
import { DEMO_ITEMS, DEMO_PATRONS } from '../../server/demo/demo-library';
import { hashSecret } from '../../server/security/password-hash';
import { createTestHub, type TestHub } from './support/test-hub';

const { mustChangePin, active } = DEMO_PATRONS;
let hub: TestHub;

beforeEach(async () => {
  hub = await createTestHub();
});
afterEach(() => hub.close());

async function signInForPinChange(cardNumber: string, pin: string): Promise<string> {
  const response = await hub.call('POST', API.session, { body: { cardNumber, pin } });
  expect(response.statusCode).toBe(200);
  const body = SignInResponse.parse(response.json());
  expect(body.pinChangeRequired).toBe(true);
  expect(body.patron).toBeNull();
  return body.token;
}

describe('a patron who must choose a new PIN', () => {
  it('gets a token that is good only for changing the PIN', async () => {
    const token = await signInForPinChange(mustChangePin.cardNumber, mustChangePin.pin);
    const refused = [
      await hub.call('GET', API.session, { patronToken: token }),
      await hub.checkout(token, DEMO_ITEMS.firstOnShelf),
      await hub.renew(token, []),
    ];
    for (const response of refused) {
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({ error: { code: 'pin.changeRequired' } });
    }
  });

  it('cannot choose a weak PIN, then chooses a good one and gets full access', async () => {
    const token = await signInForPinChange(mustChangePin.cardNumber, mustChangePin.pin);
    for (const newPin of ['1234', '111111', '654321', '888888', '12345678']) {
      const weak = await hub.call('POST', API.sessionPin, { patronToken: token, body: { newPin } });
      expect(weak.statusCode).toBe(400);
      expect(weak.json()).toEqual({ error: { code: 'pin.weak' } });
    }

    const changed = await hub.call('POST', API.sessionPin, { patronToken: token, body: { newPin: '2468' } });
    expect(changed.statusCode).toBe(200);
    expect(ChangePinResponse.parse(changed.json()).patron.displayName).toBe('李娜');

    expect((await hub.call('GET', API.session, { patronToken: token })).statusCode).toBe(200);
    expect((await hub.checkout(token, DEMO_ITEMS.firstOnShelf)).json()).toMatchObject({ ok: true });
  });

  it('signs in normally with the new PIN afterwards, and no longer with the old one', async () => {
    const token = await signInForPinChange(mustChangePin.cardNumber, mustChangePin.pin);
    await hub.call('POST', API.sessionPin, { patronToken: token, body: { newPin: '2468' } });

    const withNew = SignInResponse.parse(
      (await hub.call('POST', API.session, { body: { cardNumber: mustChangePin.cardNumber, pin: '2468' } })).json(),
    );
    expect(withNew.pinChangeRequired).toBe(false);
    expect(withNew.patron?.displayName).toBe('李娜');
    const withOld = await hub.call('POST', API.session, { body: { cardNumber: mustChangePin.cardNumber, pin: mustChangePin.pin } });
    expect(withOld.statusCode).toBe(401);
  });

  it('may sign out before choosing', async () => {
    const token = await signInForPinChange(mustChangePin.cardNumber, mustChangePin.pin);
    expect((await hub.call('DELETE', API.session, { patronToken: token })).statusCode).toBe(204);
    expect((await hub.call('POST', API.sessionPin, { patronToken: token, body: { newPin: '2468' } })).statusCode).toBe(401);
  });

  it('is also what happens to a patron whose current PIN fails today’s PIN policy', async () => {
    hub.db.prepare('UPDATE patrons SET pin_hash = ? WHERE card_number = ?').run(await hashSecret('1234'), active.cardNumber);
    await signInForPinChange(active.cardNumber, '1234');
  });
});
