/**
 * Sends the outbox to the hub, oldest first, one transaction at a time: the next goes only after
 * the hub's answer to the one before is stored (outbox.ts `settle`), so order holds and a reload
 * at any point resends at most the one in flight, with its id (the hub applies it once).
 */
import type { OfflineReplayResult, OfflineTransaction } from '../../shared/api/schemas';
import { isRefusal } from '../../shared/api/hub-client';
import type { KioskDb } from '../db/kiosk-db';
import { oldestEntry, settle } from './outbox';

export type SendOffline = (transaction: OfflineTransaction, signal?: AbortSignal) => Promise<OfflineReplayResult>;

export async function syncOutbox(db: KioskDb, send: SendOffline, now: () => Date, signal?: AbortSignal): Promise<number> {
  let sent = 0;
  for (let entry = await oldestEntry(db); entry !== null && !signal?.aborted; entry = await oldestEntry(db)) {
    const { seq: _seq, ...transaction } = entry;
    let result: OfflineReplayResult;
    try {
      result = await send(transaction, signal);
    } catch (error) {
      // The hub read it and will never take it (a kiosk clock far off, a reused id): resending cannot help.
      if (!isRefusal(error, 'request.invalid')) throw error;
      result = { requestId: entry.requestId, outcome: 'refused', code: 'request.invalid' };
    }
    await settle(db, entry, result, now());
    sent += 1;
  }
  return sent;
}
