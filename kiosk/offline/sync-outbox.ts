/**
 * Sends the outbox to the hub, oldest first, a batch (up to OFFLINE_BATCH_MAX) a request: the hub
 * applies a batch in order, each transaction once under its id, and answers each; the next batch
 * goes only once the one before is answered. A batch's answers are stored (and its entries
 * removed, outbox.ts `settle`) in one IndexedDB commit. A reload or power cut before that resends
 * the batch with the same ids, and the hub answers them again without applying them twice.
 */
import { z } from 'zod/mini';
import { HubError } from '../../shared/api/hub-client';
import { OFFLINE_BATCH_MAX, OfflineTransaction, type OfflineBatchAnswer, type OfflineReplayResult } from '../../shared/api/schemas';
import type { KioskDb, OutboxEntry } from '../db/kiosk-db';
import { oldestEntries, settle } from './outbox';

export type SendOfflineBatch = (transactions: OfflineTransaction[], signal?: AbortSignal) => Promise<OfflineBatchAnswer>;

type Answered = Array<{ entry: OutboxEntry; result: OfflineReplayResult }>;

export async function syncOutbox(db: KioskDb, send: SendOfflineBatch, now: () => Date, signal?: AbortSignal): Promise<number> {
  let sent = 0;
  for (let batch = await oldestEntries(db, OFFLINE_BATCH_MAX); batch.length > 0 && !signal?.aborted; batch = await oldestEntries(db, OFFLINE_BATCH_MAX)) {
    const answered = await replay(batch, send, signal);
    await settle(db, answered, now());
    sent += answered.length;
  }
  return sent;
}

async function replay(batch: OutboxEntry[], send: SendOfflineBatch, signal?: AbortSignal): Promise<Answered> {
  const answered: Answered = [];
  const sending: Array<{ entry: OutboxEntry; transaction: OfflineTransaction }> = [];
  for (const entry of batch) {
    const { seq: _seq, ...transaction } = entry;
    // One the shared schema refuses would have the hub refuse every batch it is in, for good: settled here instead.
    if (z.safeParse(OfflineTransaction, transaction).success) sending.push({ entry, transaction });
    else answered.push({ entry, result: { requestId: entry.requestId, outcome: 'refused', code: 'request.invalid' } });
  }
  if (sending.length === 0) return answered;
  const { results } = await send(
    sending.map(({ transaction }) => transaction),
    signal,
  );
  // Each answer is its transaction's: a short or mismatched answer stores nothing, and the batch is sent again.
  if (results.length !== sending.length || results.some((result, i) => result.requestId !== sending[i]!.entry.requestId)) throw new HubError('internal');
  sending.forEach(({ entry }, i) => answered.push({ entry, result: results[i]! }));
  return answered;
}
