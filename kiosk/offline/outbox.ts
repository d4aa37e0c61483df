/**
 * The store-and-forward outbox: transactions made while the hub was down, oldest first. An entry
 * is written (strict durability, kiosk-db.ts) before the patron is told "done", and removed only
 * in the same IndexedDB transaction that stores the hub's answer, so a reload or power cut at any
 * moment either leaves it queued (sent again with the same id: the hub applies it once) or answered.
 */
import type { OfflineReplayResult, OfflineTransaction } from '../../shared/api/schemas';
import type { KioskDb, OutboxEntry, SyncLogEntry } from '../db/kiosk-db';

/** Answers kept for the kiosk's own record (no cards or items in them). */
export const SYNC_LOG_SIZE = 500;

export async function enqueue(db: KioskDb, transaction: OfflineTransaction): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    // The same id queued twice (a retried write) stays one entry.
    if ((await db.outbox.where('requestId').equals(transaction.requestId).count()) === 0) await db.outbox.add({ ...transaction });
  });
}

/** The oldest entries, oldest first. */
export function oldestEntries(db: KioskDb, limit: number): Promise<OutboxEntry[]> {
  return db.outbox.orderBy('seq').limit(limit).toArray();
}

/** What the heartbeat reports as the kiosk's outbox depth. */
export function outboxDepth(db: KioskDb): Promise<number> {
  return db.outbox.count();
}

/** Items a card borrowed offline and not yet synced: the limit is per card and offline period. */
export function queuedLoansOf(db: KioskDb, cardNumber: string): Promise<number> {
  return db.outbox.where('cardNumber').equals(cardNumber).count();
}

/** Stores the hub's answers and removes their entries, in one transaction. */
export async function settle(db: KioskDb, answered: Array<{ entry: OutboxEntry; result: OfflineReplayResult }>, now: Date): Promise<void> {
  if (answered.length === 0) return;
  const answeredAt = now.toISOString();
  const logged = answered.map(({ entry, result }): SyncLogEntry => ({ requestId: entry.requestId, type: entry.type, outcome: result.outcome, code: result.code, answeredAt }));
  await db.transaction('rw', db.outbox, db.syncLog, async () => {
    await db.syncLog.bulkPut(logged);
    await db.outbox.where('requestId').anyOf(answered.map(({ entry }) => entry.requestId)).delete();
    const excess = (await db.syncLog.count()) - SYNC_LOG_SIZE;
    if (excess > 0) await db.syncLog.bulkDelete(await db.syncLog.orderBy('answeredAt').limit(excess).primaryKeys());
  });
}
