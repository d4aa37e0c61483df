/**
 * The statistics record of every sign-in and circulation attempt, and the memory that makes
 * checkout and checkin idempotent. Card numbers only: never a patron's name or PIN.
 */
import type { Database } from 'better-sqlite3';
import type { OfflineOutcome } from '../../shared/api/schemas';
import type { RefusalCode } from '../../shared/circulation/codes';
import type { Clock } from '../clock';

export type TransactionType = 'checkout' | 'checkin' | 'renew' | 'signin';

export interface TransactionEntry {
  kioskId: string;
  type: TransactionType;
  itemBarcode: string | null;
  patronCard: string | null;
  /** null when the attempt succeeded. */
  refusal: RefusalCode | null;
  requestId?: string;
  /** What the kiosk was told, kept so a retried request gets the same answer. */
  response?: unknown;
  /** Made at a kiosk while the hub was down: when it was made there, and how its replay went. */
  offline?: { occurredAt: Date; outcome: OfflineOutcome; code: RefusalCode | null };
}

export interface StoredRequest {
  type: TransactionType;
  itemBarcode: string | null;
  response: unknown;
}

export class TransactionLog {
  private readonly sql;

  constructor(
    db: Database,
    private readonly now: Clock,
  ) {
    this.sql = {
      insert: db.prepare(
        `INSERT INTO transactions
           (kiosk_id, type, item_barcode, patron_card, result, code, created_at, request_id, response_json,
            offline, offline_outcome, offline_code)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      byRequest: db.prepare(
        'SELECT type, item_barcode, response_json FROM transactions WHERE kiosk_id = ? AND request_id = ?',
      ),
    };
  }

  /** An offline transaction is logged at the time it was made, so statistics count it on that day. */
  record(entry: TransactionEntry): void {
    const { offline } = entry;
    this.sql.insert.run(
      entry.kioskId,
      entry.type,
      entry.itemBarcode,
      entry.patronCard,
      entry.refusal ? 'refused' : 'ok',
      entry.refusal,
      (offline?.occurredAt ?? this.now()).toISOString(),
      entry.requestId ?? null,
      entry.response === undefined ? null : JSON.stringify(entry.response),
      offline ? 1 : 0,
      offline?.outcome ?? null,
      offline?.code ?? null,
    );
  }

  findRequest(kioskId: string, requestId: string): StoredRequest | null {
    const row = this.sql.byRequest.get(kioskId, requestId) as
      | { type: TransactionType; item_barcode: string | null; response_json: string | null }
      | undefined;
    if (!row) return null;
    return {
      type: row.type,
      itemBarcode: row.item_barcode,
      response: row.response_json === null ? null : JSON.parse(row.response_json),
    };
  }
}
