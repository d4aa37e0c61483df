/**
 * A kiosk retries a checkout or checkin with the same requestId when the network hiccups.
 * The first answer is stored with the transaction; a retry gets it back without the ILS being asked
 * again, and a retry that arrives while the first is still running waits for the same answer.
 */
import { HttpError } from '../http/http-error';
import type { TransactionLog, TransactionType } from './transaction-log';

interface RequestKey {
  kioskId: string;
  requestId: string;
  type: TransactionType;
  itemBarcode: string;
}

export class IdempotentRequests {
  private readonly inFlight = new Map<string, { key: RequestKey; answer: Promise<unknown> }>();

  constructor(private readonly log: TransactionLog) {}

  /** `perform` must record its transaction (with the response) in the log before it resolves. */
  async run<T>(key: RequestKey, perform: () => Promise<T>): Promise<T> {
    const mapKey = `${key.kioskId}\u0000${key.requestId}`;
    const pending = this.inFlight.get(mapKey);
    if (pending) {
      assertSameRequest(key, pending.key);
      return pending.answer as Promise<T>;
    }
    const stored = this.log.findRequest(key.kioskId, key.requestId);
    if (stored) {
      assertSameRequest(key, stored);
      return stored.response as T;
    }
    const answer = perform().finally(() => this.inFlight.delete(mapKey));
    this.inFlight.set(mapKey, { key, answer });
    return answer;
  }
}

/** One requestId must not be reused for a different action. */
function assertSameRequest(key: RequestKey, earlier: { type: TransactionType; itemBarcode: string | null }): void {
  if (earlier.type !== key.type || earlier.itemBarcode !== key.itemBarcode) throw new HttpError(409, 'request.invalid');
}
