import { afterEach, describe, expect, it } from 'vitest';
import { API } from '../../shared/api/routes';
import { DEMO_PATRONS } from '../../server/demo/demo-library';
import { createSip2Hub } from '../sip2/sip2-hub';

type Hub = Awaited<ReturnType<typeof createSip2Hub>>;
let hub: Hub;
afterEach(async () => hub?.close());

const { active, mustChangePin } = DEMO_PATRONS;

describe('PIN changes over SIP2', () => {
  it('does not force a change of a PIN the hub would call weak: the ILS owns SIP2 PINs', async () => {
    hub = await createSip2Hub();
    const signIn = await hub.call('POST', API.session, { body: { cardNumber: mustChangePin.cardNumber, pin: mustChangePin.pin } });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json()).toMatchObject({ pinChangeRequired: false, patron: { displayName: mustChangePin.displayName } });
    // The session is a full one: the patron's loans can be read.
    expect((await hub.call('GET', API.session, { patronToken: signIn.json().token })).statusCode).toBe(200);
  });

  it('refuses a PIN change with pin.changeAtDesk (409), not an internal error', async () => {
    hub = await createSip2Hub();
    const token = await hub.signIn(active.cardNumber, active.pin);
    const change = await hub.call('POST', API.sessionPin, { patronToken: token, body: { newPin: '4826' } });
    expect(change.statusCode).toBe(409);
    expect(change.json()).toEqual({ error: { code: 'pin.changeAtDesk' } });
  });
});
