import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DEMO_ITEMS, DEMO_PATRONS } from '../../server/demo/demo-library';
import { createTestHub, START, type TestHub } from './support/test-hub';

let hub: TestHub;

beforeEach(async () => {
  hub = await createTestHub();
});
afterEach(() => hub.close());

it('records every attempt with kiosk, time, outcome and card number, never a name or PIN', async () => {
  const { active } = DEMO_PATRONS;
  const token = await hub.signIn(active.cardNumber, active.pin);
  const requestId = randomUUID();
  await hub.checkout(token, '39010010', requestId);
  await hub.checkout(token, DEMO_ITEMS.referenceOnly);
  await hub.checkin(DEMO_ITEMS.dueSoon);
  await hub.renew(token, [DEMO_ITEMS.dueLater]);

  const rows = hub.db
    .prepare('SELECT kiosk_id, type, item_barcode, patron_card, result, code, created_at, request_id FROM transactions ORDER BY id')
    .all();
  const at = START.toISOString();
  expect(rows).toEqual([
    { kiosk_id: 'local', type: 'signin', item_barcode: null, patron_card: active.cardNumber, result: 'ok', code: null, created_at: at, request_id: null },
    { kiosk_id: 'local', type: 'checkout', item_barcode: '39010010', patron_card: active.cardNumber, result: 'ok', code: null, created_at: at, request_id: requestId },
    { kiosk_id: 'local', type: 'checkout', item_barcode: DEMO_ITEMS.referenceOnly, patron_card: active.cardNumber, result: 'refused', code: 'item.notForLoan', created_at: at, request_id: expect.any(String) },
    { kiosk_id: 'local', type: 'checkin', item_barcode: DEMO_ITEMS.dueSoon, patron_card: null, result: 'ok', code: null, created_at: at, request_id: expect.any(String) },
    { kiosk_id: 'local', type: 'renew', item_barcode: DEMO_ITEMS.dueLater, patron_card: active.cardNumber, result: 'refused', code: 'renew.onHold', created_at: at, request_id: null },
  ]);

  const everything = JSON.stringify(hub.db.prepare('SELECT * FROM transactions').all());
  expect(everything).not.toContain(active.displayName);
  expect(everything).not.toContain(active.pin);
});

it('records refused sign-ins with their reason', async () => {
  await hub.call('POST', '/api/session', { body: { cardNumber: '20140001', pin: '9999' } });
  const row = hub.db.prepare(`SELECT type, result, code FROM transactions`).get();
  expect(row).toEqual({ type: 'signin', result: 'refused', code: 'pin.wrong' });
});
