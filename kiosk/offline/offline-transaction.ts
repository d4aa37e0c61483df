/**
 * What the session queues when the hub cannot be reached: the scan at the head of the queue as an
 * outbox entry, with the time it was made and, for a loan, the offline due date (the loan period
 * the hub last sent, from now). Decides too whether the offline policy allows it.
 */
import type { OfflineTransaction } from '../../shared/api/schemas';
import type { ScanList, SessionContext } from '../session/session-types';

const DAY_MS = 24 * 60 * 60_000;

type Context = Pick<SessionContext, 'config' | 'queue' | 'cardNumber' | 'borrowed' | 'now'>;

/** Returns by the policy; loans only for a signed-in card and up to the items per card (this session's count; the outbox's is checked on queuing). */
export function mayQueueOffline(context: Context, list: ScanList): boolean {
  const { offline } = context.config;
  if (list === 'returned') return offline.returnsQueued;
  const lentOffline = context.borrowed.filter((row) => row.offline).length;
  return offline.borrowing && context.cardNumber !== '' && lentOffline < offline.maxItemsPerCard;
}

/** A loan the card may not make offline: the outbox already holds the profile's most for it. */
export class OfflineLimitReached extends Error {
  constructor(readonly max: number) {
    super('offline limit reached');
    this.name = 'OfflineLimitReached';
  }
}

export function offlineTransaction(context: Context, list: ScanList): OfflineTransaction {
  const [next] = context.queue;
  if (!next) throw new Error('nothing to queue');
  const now = context.now();
  const occurredAt = new Date(now).toISOString();
  if (list === 'returned') return { type: 'checkin', requestId: next.rowId, itemBarcode: next.barcode, occurredAt };
  const dueAt = new Date(now + context.config.offline.loanDays * DAY_MS).toISOString();
  return { type: 'checkout', requestId: next.rowId, itemBarcode: next.barcode, cardNumber: context.cardNumber, occurredAt, dueAt };
}
