import { afterEach, describe, expect, it } from 'vitest';
import { API } from '../../shared/api/routes';
import { DEMO_ITEMS, DEMO_PATRONS } from '../../server/demo/demo-library';
import { createSip2Hub } from '../sip2/sip2-hub';
import { createTestHub, type TestHub } from './support/test-hub';

let hub: { close(): Promise<void> } | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

describe('the ILS’s own words reach the kiosk, as sent', () => {
  it('a patron summary carries the screen message (AF), and a lent item the print lines (AG)', async () => {
    const sip2 = await createSip2Hub();
    hub = sip2;
    const signIn = await sip2.call('POST', API.session, { body: { cardNumber: DEMO_PATRONS.withHold.cardNumber, pin: DEMO_PATRONS.withHold.pin } });
    expect(signIn.json().patron.screenMessage).toBe('1 hold(s) ready for pickup');
    const lent = (await sip2.checkout(signIn.json().token, DEMO_ITEMS.firstOnShelf)).json();
    expect(lent).toMatchObject({ ok: true, printLines: [expect.stringMatching(/^Due \d{4}-\d{2}-\d{2}$/)] });
  });

  it('a return put aside for a hold says the ILS’s sort bin (CL)', async () => {
    const sip2 = await createSip2Hub();
    hub = sip2;
    expect((await sip2.checkin(DEMO_ITEMS.dueLater)).json()).toMatchObject({ ok: true, disposition: 'hold', sortBin: 'HOLDS' });
    const shelved = (await sip2.checkin(DEMO_ITEMS.dueSoon)).json();
    expect(shelved).toMatchObject({ ok: true, disposition: 'shelf' });
    expect(shelved).not.toHaveProperty('sortBin');
    // Who had borrowed it stays at the hub.
    expect(shelved).not.toHaveProperty('patronCard');
  });

  it('the embedded ILS sends none of them: its answers are as before', async () => {
    const embedded: TestHub = await createTestHub();
    hub = embedded;
    const token = await embedded.signIn(DEMO_PATRONS.active.cardNumber, DEMO_PATRONS.active.pin);
    const lent = (await embedded.checkout(token, DEMO_ITEMS.firstOnShelf)).json();
    expect(Object.keys(lent).sort()).toEqual(['dueAt', 'item', 'ok']);
    const returned = (await embedded.checkin(DEMO_ITEMS.firstOnShelf)).json();
    expect(Object.keys(returned).sort()).toEqual(['disposition', 'item', 'ok', 'wasOverdue']);
    const renewed = (await embedded.renew(token, [])).json().results[0];
    expect(Object.keys(renewed).sort()).toEqual(['dueAt', 'item', 'ok']);
    expect((await embedded.call('GET', API.session, { patronToken: token })).json()).not.toHaveProperty('screenMessage');
  });
});
