import { afterEach, describe, expect, it } from 'vitest';
import { API } from '../../shared/api/routes';
import { PatronStatus, RenewResponse } from '../../shared/api/schemas';
import { DEMO_ITEMS, DEMO_PATRONS } from '../../server/demo/demo-library';
import { createTestHub, daysAfter, START, type TestHub, type TestHubOptions } from './support/test-hub';

const { active, blocked, withHold } = DEMO_PATRONS;
let hub: TestHub;
let token: string;

async function start(options?: TestHubOptions) {
  hub = await createTestHub(options);
  token = await hub.signIn(active.cardNumber, active.pin);
}
afterEach(() => hub.close());

async function renew(itemBarcodes: string[], patronToken = token) {
  const response = await hub.renew(patronToken, itemBarcodes);
  expect(response.statusCode).toBe(200);
  return RenewResponse.parse(response.json()).results;
}

/** The demo library has a hold on 39010052 by 20140004; some tests need it gone. */
function cancelHolds(barcode: string) {
  hub.db.prepare("UPDATE holds SET status = 'cancelled' WHERE item_barcode = ?").run(barcode);
}

describe('renewing', () => {
  it('renews one item for a full loan period from today', async () => {
    await start();
    expect(await renew([DEMO_ITEMS.dueSoon])).toEqual([
      { ok: true, item: expect.objectContaining({ barcode: DEMO_ITEMS.dueSoon }), dueAt: daysAfter(START, 30) },
    ]);
    const status = PatronStatus.parse((await hub.call('GET', API.session, { patronToken: token })).json());
    const loan = status.loans.find((l) => l.item.barcode === DEMO_ITEMS.dueSoon);
    expect(loan).toMatchObject({ renewals: 1, renewalsLeft: 1, dueAt: daysAfter(START, 30) });
  });

  it('renews everything on loan when no barcodes are given', async () => {
    await start();
    cancelHolds(DEMO_ITEMS.dueLater);
    const results = await renew([]);
    expect(results.map((r) => [r.item?.barcode, r.ok])).toEqual([
      [DEMO_ITEMS.dueSoon, true],
      [DEMO_ITEMS.dueLater, true],
    ]);
  });

  it('stops at the renewal limit', async () => {
    await start();
    await renew([DEMO_ITEMS.dueSoon]);
    await renew([DEMO_ITEMS.dueSoon]);
    expect(await renew([DEMO_ITEMS.dueSoon])).toEqual([
      expect.objectContaining({ ok: false, code: 'renew.limitReached', itemBarcode: DEMO_ITEMS.dueSoon }),
    ]);
  });

  it('refuses when another patron has reserved the item, and says so per item', async () => {
    await start();
    const results = await renew([]);
    expect(results).toEqual([
      expect.objectContaining({ ok: true, item: expect.objectContaining({ barcode: DEMO_ITEMS.dueSoon }) }),
      expect.objectContaining({ ok: false, code: 'renew.onHold', itemBarcode: DEMO_ITEMS.dueLater }),
    ]);
  });

  it('refuses items that are not on the patron’s loans', async () => {
    await start();
    expect(await renew(['39010001', '39019999'])).toEqual([
      { ok: false, code: 'renew.notOnLoanToYou', itemBarcode: '39010001', item: expect.objectContaining({ title: '红楼梦' }) },
      { ok: false, code: 'renew.notOnLoanToYou', itemBarcode: '39019999', item: null },
    ]);
  });

  it('refuses a blocked patron', async () => {
    await start();
    const blockedToken = await hub.signIn(blocked.cardNumber, blocked.pin);
    expect(await renew([], blockedToken)).toEqual([
      expect.objectContaining({ ok: false, code: 'patron.blocked', itemBarcode: DEMO_ITEMS.longOverdue }),
    ]);
  });

  it('never shortens a loan', async () => {
    await start({ rules: { loanPeriodDays: 10 } });
    cancelHolds(DEMO_ITEMS.dueLater);
    expect(await renew([DEMO_ITEMS.dueLater])).toEqual([expect.objectContaining({ ok: true, dueAt: daysAfter(START, 20) })]);
  });

  it('answers an empty list for a patron with nothing on loan', async () => {
    await start();
    const otherToken = await hub.signIn(withHold.cardNumber, withHold.pin);
    expect(await renew([], otherToken)).toEqual([]);
  });
});
