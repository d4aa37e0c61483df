/** The connectivity machine and the outbox sync, on a simulated clock over fake-indexeddb. */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise, SimulatedClock } from 'xstate';
import { HubError } from '../../../shared/api/hub-client';
import { OFFLINE_BATCH_MAX, type OfflineReplayResult, type OfflineTransaction } from '../../../shared/api/schemas';
import { KioskDb } from '../../../kiosk/db/kiosk-db';
import { backoff, connectivityMachine } from '../../../kiosk/offline/connectivity-machine';
import { enqueue, outboxDepth } from '../../../kiosk/offline/outbox';
import { syncOutbox, type SendOfflineBatch } from '../../../kiosk/offline/sync-outbox';

const NOW = new Date('2026-11-25T02:00:00.000Z');
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const settleAll = async () => {
  for (let i = 0; i < 20; i++) await settle();
};

let dbs: KioskDb[] = [];
let nextName = 0;
afterEach(() => {
  for (const db of dbs) db.close();
  dbs = [];
});
function openDb(name = `outbox-${nextName++}`) {
  const db = new KioskDb(name, vi.fn());
  dbs.push(db);
  return db;
}

const checkin = (itemBarcode: string): OfflineTransaction => ({ type: 'checkin', requestId: crypto.randomUUID(), itemBarcode, occurredAt: NOW.toISOString() });

/** A hub that applies each id once, in the order of each batch, as the real one does, and records the order and the batches it saw. */
function fakeHub() {
  const applied = new Map<string, OfflineReplayResult>();
  const seen: string[] = [];
  const batches: number[] = [];
  const apply = (transaction: OfflineTransaction): OfflineReplayResult => {
    seen.push(transaction.itemBarcode);
    const earlier = applied.get(transaction.requestId);
    if (earlier) return earlier;
    const result: OfflineReplayResult = {
      requestId: transaction.requestId,
      outcome: transaction.itemBarcode === 'ON-LOAN' ? 'conflict' : transaction.itemBarcode === 'BAD' ? 'refused' : 'applied',
      code: transaction.itemBarcode === 'ON-LOAN' ? 'item.onLoanToOther' : transaction.itemBarcode === 'BAD' ? 'request.invalid' : null,
    };
    applied.set(transaction.requestId, result);
    return result;
  };
  const send: SendOfflineBatch = async (transactions) => {
    batches.push(transactions.length);
    return { results: transactions.map(apply) };
  };
  return { applied, seen, batches, apply, send };
}

function startConnectivity(db: KioskDb, hub: { send: SendOfflineBatch }, probe: () => Promise<void>) {
  const clock = new SimulatedClock();
  const actor = createActor(
    connectivityMachine.provide({
      actors: {
        probe: fromPromise(probe),
        syncOutbox: fromPromise(async ({ signal }) => void (await syncOutbox(db, hub.send, () => NOW, signal))),
      },
    }),
    { clock },
  ).start();
  return { actor, clock, offline: () => actor.getSnapshot().hasTag('offline') };
}

describe('the outbox sync', () => {
  it('sends oldest first, stores each answer (conflicts too) and empties the outbox', async () => {
    const db = openDb();
    for (const barcode of ['A', 'ON-LOAN', 'C']) await enqueue(db, checkin(barcode));
    const hub = fakeHub();
    expect(await syncOutbox(db, hub.send, () => NOW)).toBe(3);
    expect(hub.seen).toEqual(['A', 'ON-LOAN', 'C']);
    expect(await outboxDepth(db)).toBe(0);
    const log = await db.syncLog.toArray();
    expect(log.map((entry) => [entry.outcome, entry.code])).toEqual(expect.arrayContaining([['conflict', 'item.onLoanToOther'], ['applied', null], ['applied', null]]));
    // No card or item in what the kiosk keeps.
    expect(JSON.stringify(log)).not.toMatch(/"(A|C|ON-LOAN)"/);
  });

  it('keeps an entry the same id enqueued twice as one', async () => {
    const db = openDb();
    const transaction = checkin('A');
    await enqueue(db, transaction);
    await enqueue(db, transaction);
    expect(await outboxDepth(db)).toBe(1);
  });

  it('sends more than a batch holds in batches of at most OFFLINE_BATCH_MAX, in order', async () => {
    const db = openDb();
    const barcodes = Array.from({ length: 2 * OFFLINE_BATCH_MAX + 5 }, (_, i) => `B${i}`);
    for (const barcode of barcodes) await enqueue(db, checkin(barcode));
    const hub = fakeHub();
    expect(await syncOutbox(db, hub.send, () => NOW)).toBe(barcodes.length);
    expect(hub.batches).toEqual([OFFLINE_BATCH_MAX, OFFLINE_BATCH_MAX, 5]);
    expect(hub.seen).toEqual(barcodes);
    expect(await outboxDepth(db)).toBe(0);
  });

  it('after a reload once the hub applied a batch (its answer not yet stored) resends it with its ids: nothing lost, nothing applied twice', async () => {
    const name = `reload-${nextName++}`;
    const before = openDb(name);
    for (const barcode of ['A', 'B', 'C']) await enqueue(before, checkin(barcode));
    const hub = fakeHub();
    // The power goes just after the hub applied the batch, before the kiosk stored its answers.
    const cutAfterApplying: SendOfflineBatch = async (transactions) => {
      await hub.send(transactions);
      throw new Error('power cut');
    };
    await expect(syncOutbox(before, cutAfterApplying, () => NOW)).rejects.toThrow('power cut');
    before.close();

    const after = openDb(name);
    expect(await outboxDepth(after)).toBe(3);
    await syncOutbox(after, hub.send, () => NOW);
    expect(hub.seen).toEqual(['A', 'B', 'C', 'A', 'B', 'C']);
    expect(hub.applied.size).toBe(3);
    expect(await outboxDepth(after)).toBe(0);
  });

  it('after a reload mid-batch (answers not yet stored) resends the answered ones with their ids: each applied once, in order', async () => {
    const name = `reload-batch-${nextName++}`;
    const before = openDb(name);
    for (const barcode of ['A', 'B', 'C', 'D', 'E']) await enqueue(before, checkin(barcode));
    const hub = fakeHub();
    // The page goes away while the hub is at D: A to C applied, no answer yet.
    const hangAtD: SendOfflineBatch = (transactions) => {
      for (const transaction of transactions.slice(0, 3)) hub.apply(transaction);
      return new Promise(() => {});
    };
    void syncOutbox(before, hangAtD, () => NOW);
    await settleAll();
    expect(hub.seen).toEqual(['A', 'B', 'C']);
    before.close();

    const after = openDb(name);
    expect(await outboxDepth(after)).toBe(5);
    await syncOutbox(after, hub.send, () => NOW);
    expect(hub.seen).toEqual(['A', 'B', 'C', 'A', 'B', 'C', 'D', 'E']);
    expect(hub.applied.size).toBe(5);
    expect(await outboxDepth(after)).toBe(0);
  });

  it('settles what the hub will never take (request.invalid) as refused, and one the shared schema refuses without sending it, instead of blocking the queue', async () => {
    const db = openDb();
    await enqueue(db, checkin('BAD'));
    // Written by an older kiosk build, say: the hub would refuse every batch holding it.
    await enqueue(db, { ...checkin('X'), occurredAt: 'yesterday' });
    await enqueue(db, checkin('B'));
    const hub = fakeHub();
    expect(await syncOutbox(db, hub.send, () => NOW)).toBe(3);
    expect(hub.seen).toEqual(['BAD', 'B']);
    expect(await outboxDepth(db)).toBe(0);
    expect((await db.syncLog.toArray()).map((entry) => [entry.outcome, entry.code]).sort()).toEqual([['applied', null], ['refused', 'request.invalid'], ['refused', 'request.invalid']]);
  });

  it('stores nothing from an answer that does not answer each transaction in turn, and the batch goes again', async () => {
    const db = openDb();
    await enqueue(db, checkin('A'));
    await enqueue(db, checkin('B'));
    const hub = fakeHub();
    const short: SendOfflineBatch = async (transactions) => ({ results: (await hub.send(transactions)).results.slice(0, 1) });
    await expect(syncOutbox(db, short, () => NOW)).rejects.toMatchObject({ code: 'internal' });
    expect(await outboxDepth(db)).toBe(2);
    await syncOutbox(db, hub.send, () => NOW);
    expect(hub.applied.size).toBe(2);
    expect(await outboxDepth(db)).toBe(0);
  });
});

describe('the connectivity machine', () => {
  it('goes offline when the hub cannot be reached, probes with growing pauses, and comes back by itself to sync', async () => {
    const db = openDb();
    const hub = fakeHub();
    let hubUp = false;
    const probe = vi.fn(async () => {
      if (!hubUp) throw new HubError('network.offline');
    });
    const { actor, clock, offline } = startConnectivity(db, hub, probe);
    await settleAll();
    actor.send({ type: 'hub.unreachable' });
    expect(offline()).toBe(true);
    await enqueue(db, checkin('A'));
    await enqueue(db, checkin('B'));

    clock.increment(backoff(0) - 1);
    await settleAll();
    expect(probe).not.toHaveBeenCalled();
    clock.increment(1);
    await settleAll();
    expect(probe).toHaveBeenCalledTimes(1);
    clock.increment(backoff(1));
    await settleAll();
    expect(probe).toHaveBeenCalledTimes(2);
    expect(offline()).toBe(true);

    hubUp = true;
    clock.increment(backoff(2));
    await settleAll();
    expect(offline()).toBe(false);
    expect(hub.seen).toEqual(['A', 'B']);
    expect(await outboxDepth(db)).toBe(0);
    expect(actor.getSnapshot().matches({ online: 'idle' })).toBe(true);
  });

  it('retries a sync the hub could not serve (ILS down) with backoff, in order, staying online', async () => {
    const db = openDb();
    await enqueue(db, checkin('A'));
    const hub = fakeHub();
    let ilsDown = 2;
    const send: SendOfflineBatch = async (transactions) => {
      if (ilsDown-- > 0) throw new HubError('ils.unavailable');
      return hub.send(transactions);
    };
    const { actor, clock, offline } = startConnectivity(db, { send }, async () => {});
    await settleAll();
    expect(actor.getSnapshot().matches({ online: 'waiting' })).toBe(true);
    clock.increment(backoff(1));
    await settleAll();
    expect(actor.getSnapshot().matches({ online: 'waiting' })).toBe(true);
    clock.increment(backoff(2));
    await settleAll();
    expect(offline()).toBe(false);
    expect(hub.seen).toEqual(['A']);
    expect(await outboxDepth(db)).toBe(0);
  });

  it('goes offline when the sync finds the hub gone', async () => {
    const db = openDb();
    await enqueue(db, checkin('A'));
    const { offline } = startConnectivity(db, { send: async () => Promise.reject(new HubError('network.offline')) }, async () => Promise.reject(new HubError('network.offline')));
    await settleAll();
    expect(offline()).toBe(true);
    expect(await outboxDepth(db)).toBe(1);
  });
});
