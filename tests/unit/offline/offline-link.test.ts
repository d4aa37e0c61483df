/** The page's store-and-forward façade: loaded apart, it delivers what it was told meanwhile, in order. */
import 'fake-indexeddb/auto';
import { afterEach, expect, it, vi } from 'vitest';
import { HubError } from '../../../shared/api/hub-client';
import type { OfflineBatchAnswer, OfflineTransaction } from '../../../shared/api/schemas';
import { KioskDb } from '../../../kiosk/db/kiosk-db';
import { startOfflineLink } from '../../../kiosk/offline/offline-link';
import { outboxDepth } from '../../../kiosk/offline/outbox';

let db: KioskDb;
afterEach(() => db.close());

it('queues while told the hub is out of reach, and sends the outbox once told the hub answered', async () => {
  db = new KioskDb(`link-${crypto.randomUUID()}`, vi.fn());
  const hub = {
    health: vi.fn(async () => Promise.reject(new HubError('network.offline'))),
    sendOfflineBatch: vi.fn(async (transactions: OfflineTransaction[]): Promise<OfflineBatchAnswer> => ({
      results: transactions.map(({ requestId }) => ({ requestId, outcome: 'applied', code: null })),
    })),
  };
  const onChange = vi.fn();
  const link = startOfflineLink(async () => db, hub, { onChange });
  link.tell({ type: 'hub.unreachable' });
  await vi.waitFor(() => expect(onChange).toHaveBeenCalledWith(true));
  onChange.mockClear();
  const transaction: OfflineTransaction = { type: 'checkin', requestId: crypto.randomUUID(), itemBarcode: '39010001', occurredAt: new Date().toISOString() };
  await link.queue(transaction, { maxItemsPerCard: 3 });
  expect(await outboxDepth(db)).toBe(1);
  expect(onChange).not.toHaveBeenCalled();
  expect(hub.sendOfflineBatch).not.toHaveBeenCalled();

  link.tell({ type: 'hub.reached' });
  await vi.waitFor(async () => expect(await outboxDepth(db)).toBe(0));
  expect(onChange).toHaveBeenCalledWith(false);
  expect(hub.sendOfflineBatch).toHaveBeenCalledWith([transaction], expect.anything());
  link.stop();
});

it('confirms an outage by asking the hub at once, and goes online when it answers', async () => {
  db = new KioskDb(`link-${crypto.randomUUID()}`, vi.fn());
  const hub = {
    health: vi.fn(async () => Promise.reject(new HubError('network.offline'))),
    sendOfflineBatch: vi.fn(async (transactions: OfflineTransaction[]): Promise<OfflineBatchAnswer> => ({
      results: transactions.map(({ requestId }) => ({ requestId, outcome: 'applied', code: null })),
    })),
  };
  const onChange = vi.fn();
  const link = startOfflineLink(async () => db, hub, { onChange });
  link.tell({ type: 'hub.unreachable' });
  // An outage seen just now: a queued scan needs no fresh check, a sign-in without a PIN does.
  expect(await link.confirmOffline(2000)).toBe(true);
  expect(hub.health).not.toHaveBeenCalled();
  expect(await link.confirmOffline(0)).toBe(true);
  expect(hub.health).toHaveBeenCalledOnce();

  hub.health.mockResolvedValueOnce({ status: 'ok' } as never);
  expect(await link.confirmOffline(0)).toBe(false);
  await vi.waitFor(() => expect(onChange).toHaveBeenCalledWith(false));
  link.stop();
});
