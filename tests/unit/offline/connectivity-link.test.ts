/** The kiosk's fetch to the hub (deadline, reached or not) and the outbox write within the card's offline limit. */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HubClient, HubError } from '../../../shared/api/hub-client';
import type { OfflineTransaction } from '../../../shared/api/schemas';
import { KioskDb } from '../../../kiosk/db/kiosk-db';
import { HUB_ANSWER_DEADLINE_MS, watchedFetch } from '../../../kiosk/offline/hub-watch';
import { queueOffline } from '../../../kiosk/offline/connectivity-link';
import { OfflineLimitReached } from '../../../kiosk/offline/offline-transaction';
import { outboxDepth } from '../../../kiosk/offline/outbox';

afterEach(() => {
  vi.useRealTimers();
});

describe('the kiosk’s fetch to the hub', () => {
  const never = () => (_: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));

  it('gives up on a hub that does not answer within the deadline: network.offline, and told unreachable', async () => {
    vi.useFakeTimers();
    const told = vi.fn();
    const hub = new HubClient({ kioskToken: () => 'token', fetch: watchedFetch(never(), told) });
    const health = hub.health().catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(HUB_ANSWER_DEADLINE_MS - 1);
    expect(told).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(await health).toEqual(new HubError('network.offline'));
    expect(told).toHaveBeenCalledWith(false);
  });

  it('tells that the hub answered, refusals included', async () => {
    const told = vi.fn();
    const answer = () => Promise.resolve(new Response(JSON.stringify({ error: { code: 'kiosk.unknown' } }), { status: 401 }));
    const hub = new HubClient({ kioskToken: () => 'token', fetch: watchedFetch(answer, told) });
    await expect(hub.health()).rejects.toEqual(new HubError('kiosk.unknown'));
    expect(told).toHaveBeenCalledWith(true);
  });

  it('does not count a call its caller aborted as the hub being down', async () => {
    const told = vi.fn();
    const controller = new AbortController();
    const call = watchedFetch(never(), told)('/healthz', { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toBeDefined();
    expect(told).not.toHaveBeenCalled();
  });
});

describe('queuing a transaction offline', () => {
  let db: KioskDb;
  afterEach(() => db.close());
  const loan = (itemBarcode: string, cardNumber = '20140001'): OfflineTransaction => ({
    type: 'checkout',
    requestId: crypto.randomUUID(),
    itemBarcode,
    cardNumber,
    occurredAt: '2026-11-25T02:00:00.000Z',
    dueAt: '2026-12-16T02:00:00.000Z',
  });

  it('refuses a loan past the card’s limit counted over the whole outbox (earlier sessions too); returns and other cards go on', async () => {
    db = new KioskDb(`queue-${crypto.randomUUID()}`, vi.fn());
    const policy = { maxItemsPerCard: 2 };
    await queueOffline(db, loan('39010001'), policy);
    await queueOffline(db, loan('39010002'), policy);
    await expect(queueOffline(db, loan('39010003'), policy)).rejects.toEqual(new OfflineLimitReached(2));
    await queueOffline(db, loan('39010003', '20140004'), policy);
    await queueOffline(db, { type: 'checkin', requestId: crypto.randomUUID(), itemBarcode: '39010009', occurredAt: '2026-11-25T02:00:00.000Z' }, policy);
    expect(await outboxDepth(db)).toBe(4);
  });
});
