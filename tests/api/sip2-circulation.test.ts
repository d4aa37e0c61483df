import { afterEach, describe, expect, it } from 'vitest';
import { API } from '../../shared/api/routes';
import { DEMO_ITEMS, DEMO_PATRONS } from '../../server/demo/demo-library';
import { daysAfter, START } from './support/test-hub';
import { createSip2Hub } from '../sip2/sip2-hub';

type Hub = Awaited<ReturnType<typeof createSip2Hub>>;
let hub: Hub;
afterEach(async () => hub?.close());

const { active, blocked, withHold } = DEMO_PATRONS;

describe('the hub over SIP2', () => {
  it('signs a patron in and shows their loans with due dates', async () => {
    hub = await createSip2Hub();
    const response = await hub.call('POST', API.session, { body: { cardNumber: active.cardNumber, pin: active.pin } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ pinChangeRequired: false, patron: { displayName: '张伟', blocks: [], loanCount: 2, loanLimit: 10 } });

    const status = await hub.call('GET', API.session, { patronToken: response.json().token });
    const loans = status.json().loans as Array<{ item: { barcode: string; title: string }; dueAt: string; overdue: boolean }>;
    expect(loans.map((loan) => loan.item.barcode)).toEqual([DEMO_ITEMS.dueSoon, DEMO_ITEMS.dueLater]);
    expect(loans[0]).toMatchObject({ dueAt: daysAfter(START, 2), overdue: false });
    expect(loans[0]!.item.title).not.toBe('');
  });

  it('refuses a wrong PIN and an unknown card as the embedded ILS does', async () => {
    hub = await createSip2Hub();
    const wrong = await hub.call('POST', API.session, { body: { cardNumber: active.cardNumber, pin: '0000' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('pin.wrong');
    const unknown = await hub.call('POST', API.session, { body: { cardNumber: '99999999', pin: '1234' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('card.unknown');
  });

  it('lends, with the due date the ILS gives, and refuses with the embedded ILS’s codes and the ILS’s words', async () => {
    hub = await createSip2Hub();
    const token = await hub.signIn(active.cardNumber, active.pin);
    const lent = (await hub.checkout(token, DEMO_ITEMS.firstOnShelf)).json();
    expect(lent).toMatchObject({ ok: true, item: { barcode: DEMO_ITEMS.firstOnShelf }, dueAt: daysAfter(START, 30) });

    const refusals = {
      [DEMO_ITEMS.reservedFor20140004]: 'item.reservedForOther',
      [DEMO_ITEMS.dueLater]: 'item.alreadyOnLoanToYou',
      [DEMO_ITEMS.longOverdue]: 'item.onLoanToOther',
      [DEMO_ITEMS.referenceOnly]: 'item.notForLoan',
      NOSUCHITEM: 'item.unknown',
    };
    for (const [barcode, code] of Object.entries(refusals)) {
      const refused = (await hub.checkout(token, barcode)).json();
      expect(refused, barcode).toMatchObject({ ok: false, code });
      expect(refused.screenMessage, barcode).toBeTruthy();
    }
  });

  it('tells a blocked patron why, from the patron status flags', async () => {
    hub = await createSip2Hub();
    const signIn = await hub.call('POST', API.session, { body: { cardNumber: blocked.cardNumber, pin: blocked.pin } });
    expect(signIn.json().patron.blocks).toEqual(['overdue']);
    const refused = (await hub.checkout(signIn.json().token, DEMO_ITEMS.firstOnShelf)).json();
    expect(refused).toMatchObject({ ok: false, code: 'patron.blocked', blocks: ['overdue'] });
  });

  it('returns items to the shelf or puts them aside for a hold', async () => {
    hub = await createSip2Hub();
    expect((await hub.checkin(DEMO_ITEMS.dueSoon)).json()).toMatchObject({ ok: true, disposition: 'shelf' });
    expect((await hub.checkin(DEMO_ITEMS.dueLater)).json()).toMatchObject({ ok: true, disposition: 'hold' });
    expect((await hub.checkin(DEMO_ITEMS.firstOnShelf)).json()).toMatchObject({ ok: false, code: 'item.notOnLoan' });
    expect((await hub.checkin('NOSUCHITEM')).json()).toMatchObject({ ok: false, code: 'item.unknown' });
  });

  it('renews one item or all, refusing one another reader has reserved', async () => {
    hub = await createSip2Hub();
    const token = await hub.signIn(active.cardNumber, active.pin);
    const all = (await hub.renew(token, [])).json().results;
    expect(all).toEqual([
      expect.objectContaining({ ok: true, item: expect.objectContaining({ barcode: DEMO_ITEMS.dueSoon }), dueAt: daysAfter(START, 30) }),
      expect.objectContaining({ ok: false, code: 'renew.onHold', itemBarcode: DEMO_ITEMS.dueLater }),
    ]);
    const notMine = (await hub.renew(token, [DEMO_ITEMS.longOverdue])).json().results[0];
    expect(notMine).toMatchObject({ ok: false, code: 'renew.notOnLoanToYou' });
  });

  it('shows holds waiting, and works with a server that sends no checksums and speaks GB18030 with CR LF', async () => {
    hub = await createSip2Hub({
      simulator: { errorDetection: false, encoding: 'gb18030', terminator: 'crlf' },
      settings: { encoding: 'gb18030', terminator: 'crlf' },
    });
    const signIn = await hub.call('POST', API.session, { body: { cardNumber: withHold.cardNumber, pin: withHold.pin } });
    expect(signIn.json().patron).toMatchObject({ displayName: '陈静', holdsReady: 1, loanCount: 0 });
  });
});
