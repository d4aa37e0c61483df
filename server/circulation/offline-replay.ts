/**
 * Replays one transaction a kiosk made while the hub was down. Same client id, same answer: the
 * replay runs through IdempotentRequests under the kiosk's id, so a transaction the hub applied
 * before the kiosk lost its answer (or sent twice at once, or again after a reload mid-sync) is
 * applied once. It is logged at its original time with its outcome; conflicts and refusals are
 * listed for staff (offline-issues.ts).
 *
 * Conflicts follow SIP2's "no block" rule: an offline checkout is honoured with its offline due
 * date and time (an item on loan to someone else is returned from them first), and a return of an
 * item not on loan is simply done.
 */
import type { OfflineReplayResult, OfflineTransaction } from '../../shared/api/schemas';
import type { RefusalCode } from '../../shared/circulation/codes';
import { HttpError } from '../http/http-error';
import type { HubServices } from '../hub-services';
import { addDays } from '../clock';

/** A kiosk's clock may be a little ahead of the hub's. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Older than this, a queued transaction is more likely a kiosk's broken clock than a long outage. */
const MAX_AGE_DAYS = 60;

type ReplayServices = Pick<HubServices, 'ils' | 'transactions' | 'idempotentRequests' | 'now'>;

/**
 * Replays a batch in order, each transaction only once the one before is done. One the hub will
 * never take (`request.invalid`: a kiosk clock far off, a reused id) is answered refused and the
 * rest go on; anything else (the ILS down) fails the request, and the kiosk sends the batch again
 * later: what was applied meanwhile is answered from the log, not applied again.
 */
export async function replayOfflineBatch(
  services: ReplayServices,
  kioskId: string,
  transactions: readonly OfflineTransaction[],
  loanDays: number,
): Promise<OfflineReplayResult[]> {
  const results: OfflineReplayResult[] = [];
  for (const transaction of transactions) {
    try {
      results.push(await replayOfflineTransaction(services, kioskId, transaction, loanDays));
    } catch (error) {
      if (!(error instanceof HttpError && error.code === 'request.invalid')) throw error;
      results.push({ requestId: transaction.requestId, outcome: 'refused', code: 'request.invalid' });
    }
  }
  return results;
}

async function replayOfflineTransaction(
  services: ReplayServices,
  kioskId: string,
  transaction: OfflineTransaction,
  loanDays: number,
): Promise<OfflineReplayResult> {
  const { idempotentRequests } = services;
  const occurredAt = plausibleTime(transaction.occurredAt, services.now());
  const { requestId, type, itemBarcode } = transaction;
  const stored = await idempotentRequests.run({ kioskId, requestId, type, itemBarcode }, async () => {
    const { outcome, code, patronCard, response } =
      transaction.type === 'checkout'
        ? await replayCheckout(services, kioskId, transaction, occurredAt, loanDays)
        : await replayCheckin(services, kioskId, transaction, occurredAt);
    services.transactions.record({
      kioskId,
      type,
      itemBarcode,
      patronCard,
      refusal: outcome === 'refused' ? code : null,
      requestId,
      response,
      offline: { occurredAt, outcome, code },
    });
    return response;
  });
  return replayResultOf(requestId, stored);
}

interface Replayed {
  outcome: OfflineReplayResult['outcome'];
  code: RefusalCode | null;
  patronCard: string | null;
  response: OfflineReplayResult;
}

async function replayCheckout(
  { ils, now }: ReplayServices,
  kioskId: string,
  transaction: Extract<OfflineTransaction, { type: 'checkout' }>,
  occurredAt: Date,
  loanDays: number,
): Promise<Replayed> {
  const { requestId, cardNumber, itemBarcode } = transaction;
  const dueAt = new Date(transaction.dueAt);
  // The kiosk computed the due date from the loan period it was sent; one day's grace for time zones.
  if (dueAt <= occurredAt || dueAt > addDays(occurredAt, loanDays + 1)) throw new HttpError(400, 'request.invalid');
  const done = (outcome: Replayed['outcome'], code: RefusalCode | null): Replayed => ({
    outcome,
    code,
    patronCard: cardNumber,
    response: { requestId, outcome, code },
  });
  if (ils.offlineCheckout) {
    const result = await ils.offlineCheckout(cardNumber, itemBarcode, { occurredAt, dueAt });
    if (!result.ok) return done('refused', result.code);
    return done(result.conflict ? 'conflict' : 'applied', result.conflict);
  }
  const result = await ils.checkout(cardNumber, itemBarcode, { kioskId, now: now() });
  return result.ok ? done('applied', null) : done('refused', result.code);
}

async function replayCheckin(
  { ils }: ReplayServices,
  kioskId: string,
  transaction: Extract<OfflineTransaction, { type: 'checkin' }>,
  occurredAt: Date,
): Promise<Replayed> {
  const { requestId } = transaction;
  const ctx = { kioskId, now: occurredAt };
  const result = ils.offlineCheckin ? await ils.offlineCheckin(transaction.itemBarcode, ctx) : await ils.checkin(transaction.itemBarcode, ctx);
  // Not on loan: returned at the desk meanwhile, or never lent. Either way the item is home.
  const outcome = result.ok || result.code === 'item.notOnLoan' ? 'applied' : 'refused';
  const code = outcome === 'refused' && !result.ok ? result.code : null;
  // The borrower's card is not logged with a return, offline or not (as online: see circulation-routes.ts).
  return { outcome, code, patronCard: null, response: { requestId, outcome, code } };
}

function plausibleTime(iso: string, now: Date): Date {
  const at = new Date(iso);
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS || at < addDays(now, -MAX_AGE_DAYS)) throw new HttpError(400, 'request.invalid');
  // A kiosk a little ahead of the hub: the transaction cannot have happened after the hub heard of it.
  return at > now ? now : at;
}

/** The stored answer of the same id: a replay's own, or an online request's the kiosk never heard. */
function replayResultOf(requestId: string, stored: unknown): OfflineReplayResult {
  const answer = stored as Partial<OfflineReplayResult> & { ok?: boolean; code?: RefusalCode };
  if (answer.outcome) return { requestId, outcome: answer.outcome, code: answer.code ?? null };
  return answer.ok ? { requestId, outcome: 'applied', code: null } : { requestId, outcome: 'refused', code: answer.code ?? null };
}
