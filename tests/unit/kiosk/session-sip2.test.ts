/** The session with a hub over SIP2: any printable card number and item barcode, PINs with letters from a keyboard. */
import { describe, expect, it } from 'vitest';
import { ANY_PRINTABLE_RULE } from '../../../shared/barcodes';
import { CARD, settle, startSession } from './session-harness';

const SIP2 = { scanRules: { card: ANY_PRINTABLE_RULE, item: ANY_PRINTABLE_RULE }, pinFormat: 'printable' as const };

describe('when the ILS is SIP2', () => {
  it('signs in a card with letters, as scanned, with a PIN typed on a keyboard with letters and punctuation', async () => {
    const session = startSession({ config: SIP2 });
    session.send({ type: 'card.scanned', code: 'djfiander' });
    expect(session.screen()).toBe('pin');
    expect(session.context().cardNumber).toBe('djfiander');
    session.type('Open-Sesame1');
    session.send({ type: 'key.enter' });
    await settle();
    expect(session.hub.signIn).toHaveBeenCalledWith({ cardNumber: 'djfiander', pin: 'Open-Sesame1' });
  });

  it('still takes no blank or | in a PIN, and digits only when the ILS’s PINs are digits', () => {
    const sip2 = startSession({ config: SIP2 });
    sip2.send({ type: 'card.scanned', code: CARD });
    sip2.type('ab c|d');
    expect(sip2.context().entry).toBe('abcd');

    const embedded = startSession();
    embedded.send({ type: 'card.scanned', code: CARD });
    embedded.type('ab12');
    expect(embedded.context().entry).toBe('12');
  });

  it('lends an item whose barcode has letters and punctuation, as scanned', async () => {
    const session = startSession({ config: SIP2 });
    await session.signIn('djfiander', 'Open-Sesame1');
    session.send({ type: 'borrow.chosen' });
    await session.scan('BK.a17-x');
    expect(session.hub.checkout).toHaveBeenCalledWith(expect.objectContaining({ barcode: 'BK.a17-x' }));
  });
});
