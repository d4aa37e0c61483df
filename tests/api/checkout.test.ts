import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { API } from '../../shared/api/routes';
import { CheckoutResult, PatronStatus } from '../../shared/api/schemas';
import { DEMO_ITEMS, DEMO_PATRONS } from '../../server/demo/demo-library';
import { createTestHub, daysAfter, START, type TestHub, type TestHubOptions } from './support/test-hub';

const { active, blocked, withHold } = DEMO_PATRONS;
let hub: TestHub;

async function start(options?: TestHubOptions) {
  hub = await createTestHub(options);
  return hub;
}
afterEach(() => hub.close());

async function checkoutAs(patron: { cardNumber: string; pin: string }, barcode: string) {
  const token = await hub.signIn(patron.cardNumber, patron.pin);
  const response = await hub.checkout(token, barcode);
  expect(response.statusCode).toBe(200);
  return CheckoutResult.parse(response.json());
}

describe('checkout', () => {
  it('lends an item on the shelf for 30 days', async () => {
    await start();
    const token = await hub.signIn(active.cardNumber, active.pin);
    const result = CheckoutResult.parse((await hub.checkout(token, DEMO_ITEMS.firstOnShelf)).json());
    expect(result).toEqual({
      ok: true,
      item: {
        barcode: '39010001',
        title: '红楼梦',
        author: '曹雪芹',
        isbn: '9787020002207',
        callNumber: 'I242.47/12',
        coverUrl: '/covers/39010001.svg',
      },
      dueAt: daysAfter(START, 30),
    });
    const status = PatronStatus.parse((await hub.call('GET', API.session, { patronToken: token })).json());
    expect(status.loanCount).toBe(3);
    expect(status.loans.map((loan) => loan.item.barcode)).toContain(DEMO_ITEMS.firstOnShelf);
  });

  it('refuses an unknown barcode', async () => {
    await start();
    expect(await checkoutAs(active, '39019999')).toEqual({ ok: false, code: 'item.unknown', item: null });
  });

  it('refuses an item on loan to someone else, and tells the borrower it is already theirs', async () => {
    await start();
    expect(await checkoutAs(withHold, DEMO_ITEMS.dueSoon)).toMatchObject({ ok: false, code: 'item.onLoanToOther' });
    expect(await checkoutAs(active, DEMO_ITEMS.dueSoon)).toMatchObject({
      ok: false,
      code: 'item.alreadyOnLoanToYou',
      item: { barcode: DEMO_ITEMS.dueSoon },
    });
  });

  it('refuses a reserved item to others but lends it to the patron who reserved it', async () => {
    await start();
    expect(await checkoutAs(active, DEMO_ITEMS.reservedFor20140004)).toMatchObject({
      ok: false,
      code: 'item.reservedForOther',
      item: { title: '秋园' },
    });
    expect(await checkoutAs(withHold, DEMO_ITEMS.reservedFor20140004)).toMatchObject({ ok: true });
    const hold = hub.db.prepare('SELECT status FROM holds WHERE item_barcode = ?').pluck().get(DEMO_ITEMS.reservedFor20140004);
    expect(hold).toBe('fulfilled');
  });

  it('refuses reference items', async () => {
    await start();
    expect(await checkoutAs(active, DEMO_ITEMS.referenceOnly)).toMatchObject({ ok: false, code: 'item.notForLoan' });
  });

  it('refuses when the patron has as many loans as the rules allow', async () => {
    await start({ rules: { maxLoans: 3 } });
    const token = await hub.signIn(active.cardNumber, active.pin);
    expect((await hub.checkout(token, '39010001')).json()).toMatchObject({ ok: true });
    expect((await hub.checkout(token, '39010002')).json()).toMatchObject({
      ok: false,
      code: 'patron.limitReached',
      item: { barcode: '39010002' },
    });
  });

  it('refuses a blocked patron, saying why', async () => {
    await start();
    expect(await checkoutAs(blocked, DEMO_ITEMS.firstOnShelf)).toMatchObject({
      ok: false,
      code: 'patron.blocked',
      blocks: ['overdue'],
      item: { barcode: DEMO_ITEMS.firstOnShelf },
    });
    expect(hub.db.prepare('SELECT count(*) FROM loans WHERE item_barcode = ?').pluck().get(DEMO_ITEMS.firstOnShelf)).toBe(0);
  });

  it('blocks for fines above the limit and for an expired card', async () => {
    await start();
    hub.db.prepare(`UPDATE patrons SET fines_minor = 5001, expires_on = '2026-03-01' WHERE card_number = ?`).run(active.cardNumber);
    expect(await checkoutAs(active, DEMO_ITEMS.firstOnShelf)).toMatchObject({
      ok: false,
      code: 'patron.blocked',
      blocks: ['cardExpired', 'fines'],
    });
  });

  it('needs a signed-in patron and a well-formed body', async () => {
    await start();
    const anonymous = await hub.call('POST', API.checkout, { body: { itemBarcode: '39010001', requestId: randomUUID() } });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toEqual({ error: { code: 'session.expired' } });

    const token = await hub.signIn(active.cardNumber, active.pin);
    for (const body of [{ itemBarcode: '39010001' }, { itemBarcode: '', requestId: randomUUID() }, { itemBarcode: '3901 0001', requestId: 'x' }]) {
      const response = await hub.call('POST', API.checkout, { patronToken: token, body });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({ error: { code: 'request.invalid' } });
    }
  });
});

describe('a retried checkout (same requestId)', () => {
  it('gets the first answer again and lends the item only once', async () => {
    await start();
    const token = await hub.signIn(active.cardNumber, active.pin);
    const requestId = randomUUID();
    const first = await hub.checkout(token, '39010003', requestId);
    hub.advanceMinutes(1);
    const retry = await hub.checkout(token, '39010003', requestId);
    expect(first.json()).toMatchObject({ ok: true, dueAt: daysAfter(START, 30) });
    expect(retry.json()).toEqual(first.json());
    expect(hub.db.prepare('SELECT count(*) FROM loans WHERE item_barcode = ?').pluck().get('39010003')).toBe(1);
    expect(hub.db.prepare('SELECT count(*) FROM transactions WHERE request_id = ?').pluck().get(requestId)).toBe(1);
  });

  it('shares the answer with a retry that arrives while the first is still running', async () => {
    await start();
    const token = await hub.signIn(active.cardNumber, active.pin);
    const requestId = randomUUID();
    const [a, b] = await Promise.all([hub.checkout(token, '39010004', requestId), hub.checkout(token, '39010004', requestId)]);
    expect(a.json()).toMatchObject({ ok: true });
    expect(b.json()).toEqual(a.json());
  });

  it('is refused when the requestId was used for something else', async () => {
    await start();
    const token = await hub.signIn(active.cardNumber, active.pin);
    const requestId = randomUUID();
    await hub.checkout(token, '39010005', requestId);
    const reused = await hub.checkout(token, '39010006', requestId);
    expect(reused.statusCode).toBe(409);
    expect(reused.json()).toEqual({ error: { code: 'request.invalid' } });
  });
});
