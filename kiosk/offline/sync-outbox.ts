/**
 * Sends the outbox to the hub, oldest first, one transaction at a time: the next goes only once
 * the hub has answered the one before, so the hub applies them in order. Answers are stored (and
 * their entries removed, outbox.ts `settle`) a batch at a time, however the batch ends: one
 * IndexedDB commit per batch rather than per transaction. A reload or power cut before a batch is
 * stored resends its answered entries with their ids, and the hub answers them again without
 * applying them twice.
 */
import type { OfflineReplayResult, OfflineTransaction } from '../../shared/api/schemas';
import { isRefusal } from '../../shared/api/hub-client';
import type { KioskDb, OutboxEntry } from '../db/kiosk-db';
import { oldestEntries, settle } from './outbox';

export type SendOffline = (transaction: OfflineTransaction, signal?: AbortSignal) => Promise<OfflineReplayResult>;

/** Transactions answered per IndexedDB commit. */
export const SYNC_BATCH = 25;

export async function syncOutbox(db: KioskDb, send: SendOffline, now: () => Date, signal?: AbortSignal): Promise<number> {
  let sent = 0;
  for (let batch = await oldestEntries(db, SYNC_BATCH); batch.length > 0 && !signal?.aborted; batch = await oldestEntries(db, SYNC_BATCH)) {
    const answered: Array<{ entry: OutboxEntry; result: OfflineReplayResult }> = [];
    try {
      for (const entry of batch) {
        if (signal?.aborted) break;
        answered.push({ entry, result: await replay(entry, send, signal) });
      }
    } finally {
      // Also when the hub stopped answering mid-batch: what it did answer is kept.
      await settle(db, answered, now());
    }
    sent += answered.length;
  }
  return sent;
}

async function replay(entry: OutboxEntry, send: SendOffline, signal?: AbortSignal): Promise<OfflineReplayResult> {
  const { seq: _seq, ...transaction } = entry;
  try {
    return await send(transaction, signal);
  } catch (error) {
    // The hub read it and will never take it (a kiosk clock far off, a reused id): resending cannot help.
    if (!isRefusal(error, 'request.invalid')) throw error;
    return { requestId: entry.requestId, outcome: 'refused', code: 'request.invalid' };
  }
}
