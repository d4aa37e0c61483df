import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API } from '../../shared/api/routes';
import { CheckinResult, SignInResponse } from '../../shared/api/schemas';
import { DEMO_ITEMS, DEMO_PATRONS } from '../../server/demo/demo-library';
import { createTestHub, START, type TestHub } from './support/test-hub';

let hub: TestHub;

beforeEach(async () => {
  hub = await createTestHub();
});
afterEach(() => hub.close());

async function checkin(barcode: string) {
  const response = await hub.checkin(barcode);
  expect(response.statusCode).toBe(200);
  return CheckinResult.parse(response.json());
}

describe('checkin', () => {
  it('takes a book back without anyone signing in, and sends it to the shelf', async () => {
    expect(await checkin(DEMO_ITEMS.dueSoon)).toMatchObject({
      ok: true,
      item: { barcode: DEMO_ITEMS.dueSoon, title: '解忧杂货店' },
      disposition: 'shelf',
      wasOverdue: false,
    });
    const returnedAt = hub.db.prepare('SELECT returned_at FROM loans WHERE item_barcode = ?').pluck().get(DEMO_ITEMS.dueSoon);
    expect(returnedAt).toBe(START.toISOString());
  });

  it('never tells the kiosk who had borrowed the item', async () => {
    const result = await checkin(DEMO_ITEMS.dueSoon);
    expect(Object.keys(result).sort()).toEqual(['disposition', 'item', 'ok', 'wasOverdue']);
  });

  it('sends a reserved item to the holds shelf (the demo library reserves 39010052 for 20140004)', async () => {
    expect(await checkin(DEMO_ITEMS.dueLater)).toMatchObject({ ok: true, disposition: 'hold' });
  });

  it('lets a blocked patron return the overdue book, which lifts the block', async () => {
    const { blocked } = DEMO_PATRONS;
    const token = await hub.signIn(blocked.cardNumber, blocked.pin);
    const response = await hub.checkin(DEMO_ITEMS.longOverdue, randomUUID(), token);
    expect(CheckinResult.parse(response.json())).toMatchObject({ ok: true, wasOverdue: true, disposition: 'shelf' });

    const again = SignInResponse.parse(
      (await hub.call('POST', API.session, { body: { cardNumber: blocked.cardNumber, pin: blocked.pin } })).json(),
    );
    expect(again.patron?.blocks).toEqual([]);
    expect((await hub.checkout(again.token, DEMO_ITEMS.firstOnShelf)).json()).toMatchObject({ ok: true });
  });

  it('refuses an unknown item and one that is not on loan', async () => {
    expect(await checkin('39019999')).toEqual({ ok: false, code: 'item.unknown', item: null });
    expect(await checkin(DEMO_ITEMS.firstOnShelf)).toMatchObject({
      ok: false,
      code: 'item.notOnLoan',
      item: { barcode: DEMO_ITEMS.firstOnShelf },
    });
  });

  it('answers a retried checkin with the first answer, not "not on loan"', async () => {
    const requestId = randomUUID();
    const first = await hub.checkin(DEMO_ITEMS.dueSoon, requestId);
    const retry = await hub.checkin(DEMO_ITEMS.dueSoon, requestId);
    expect(first.json()).toMatchObject({ ok: true });
    expect(retry.json()).toEqual(first.json());
  });

  it('ignores a patron token that is not valid here: returning always works', async () => {
    const response = await hub.checkin(DEMO_ITEMS.dueSoon, randomUUID(), 'stale-token-stale-token-stale-token-stale-t');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ ok: true });
  });
});
