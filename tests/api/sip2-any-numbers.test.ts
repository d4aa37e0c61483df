import { afterEach, describe, expect, it } from 'vitest';
import { API } from '../../shared/api/routes';
import { ANY_PRINTABLE_RULE, DEFAULT_CARD_RULE } from '../../shared/barcodes';
import { DEMO_PATRONS } from '../../server/demo/demo-library';
import { hashSecret } from '../../server/security/password-hash';
import { saveScanRules } from '../../server/settings/scan-rules';
import { createSip2Hub } from '../sip2/sip2-hub';
import { createTestHub, START, type TestHub } from './support/test-hub';

type Hub = Awaited<ReturnType<typeof createSip2Hub>>;
let hub: Hub | TestHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

/** A Koha-style patron and item: letters and punctuation, and a PIN with letters. */
const PATRON = { cardNumber: 'djfiander', pin: 'Open-Sesame1' };
const ITEM = 'BK.a17-x';

async function ilsWithLetters(sip2: Hub) {
  sip2.simulatorDb
    .prepare(`INSERT INTO patrons (card_number, display_name, full_name, pin_hash, pin_change_required, expires_on, created_at) VALUES (?, ?, ?, ?, 0, ?, ?)`)
    .run(PATRON.cardNumber, 'David', 'David J. Fiander', await hashSecret(PATRON.pin), '2030-01-01', START.toISOString());
  sip2.simulatorDb.prepare(`INSERT INTO items (barcode, title, author, isbn, call_number, cover_url) VALUES (?, 'SIP2 in practice', '', NULL, NULL, NULL)`).run(ITEM);
}

describe('card numbers, item barcodes and PINs with ILS=sip2', () => {
  it('gives kiosks rules that accept any 1–32 printable characters when the library has set none', async () => {
    const sip2 = (hub = await createSip2Hub());
    const config = (await sip2.call('GET', API.kioskConfig)).json();
    expect(config.scanRules).toEqual({ card: ANY_PRINTABLE_RULE, item: ANY_PRINTABLE_RULE });
    // Its PINs are the ILS's: a keyboard may type letters.
    expect(config.pinFormat).toBe('printable');
  });

  it('keeps the library’s own rules when it has set some', async () => {
    const sip2 = (hub = await createSip2Hub());
    saveScanRules(sip2.db, { card: DEFAULT_CARD_RULE, item: DEFAULT_CARD_RULE });
    expect((await sip2.call('GET', API.kioskConfig)).json().scanRules).toEqual({ card: DEFAULT_CARD_RULE, item: DEFAULT_CARD_RULE });
  });

  it('signs in a card with letters and a PIN with letters, and lends an item whose barcode has punctuation: the ILS decides', async () => {
    const sip2 = (hub = await createSip2Hub());
    await ilsWithLetters(sip2);
    const signIn = await sip2.call('POST', API.session, { body: PATRON });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json()).toMatchObject({ pinChangeRequired: false, patron: { displayName: 'David' } });
    const lent = (await sip2.checkout(signIn.json().token, ITEM)).json();
    expect(lent).toMatchObject({ ok: true, item: { barcode: ITEM, title: 'SIP2 in practice' } });
    const wrongPin = await sip2.call('POST', API.session, { body: { ...PATRON, pin: 'open-sesame1' } });
    expect(wrongPin.json().error.code).toBe('pin.wrong');
  });

  it('still refuses what no ILS could hold: blanks, `|`, non-ASCII, more than 32 characters', async () => {
    const sip2 = (hub = await createSip2Hub());
    for (const cardNumber of ['dj fiander', 'dj|fiander', '读者证', 'x'.repeat(33)]) {
      const refused = await sip2.call('POST', API.session, { body: { cardNumber, pin: '1234' } });
      expect(refused.statusCode, cardNumber).toBe(400);
      expect(refused.json().error.code, cardNumber).toBe('request.invalid');
    }
    const badPin = await sip2.call('POST', API.session, { body: { cardNumber: PATRON.cardNumber, pin: 'a|b' } });
    expect(badPin.json().error.code).toBe('request.invalid');
  });

  it('over the embedded ILS, PINs stay 4–8 digits and the demo rules stay the default', async () => {
    const embedded = (hub = await createTestHub());
    const refused = await embedded.call('POST', API.session, { body: { cardNumber: DEMO_PATRONS.active.cardNumber, pin: 'abcd' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('request.invalid');
    const config = (await embedded.call('GET', API.kioskConfig)).json();
    expect(config.scanRules.card).not.toEqual(ANY_PRINTABLE_RULE);
    expect(config.pinFormat).toBe('digits');
  });
});
