/**
 * Receipt tickets: the due dates of one patron session, for the phone that scans the kiosk's QR
 * code. Only SHA-256 hashes of the token (in the QR code) and of the first phone's cookie are
 * kept, and no card number or name: a leaked database opens no receipt and names no borrower.
 * The first phone to open a receipt keeps it; any other device is refused.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Language } from '../../shared/api/schemas';
import { RECEIPT_TTL_DAYS, ReceiptItem } from '../../shared/receipts/schemas';
import { addDays, type Clock } from '../clock';
import { newToken, sha256Hex } from '../security/tokens';

export interface IssuedReceipt {
  /** 32 random bytes, base64url: 256 bits. */
  token: string;
  expiresAt: Date;
}

export interface StoredReceipt {
  id: number;
  kioskId: string;
  language: Language;
  items: ReceiptItem[];
  createdAt: Date;
  expiresAt: Date;
}

export type ReceiptRefusal = 'receipt.gone' | 'receipt.taken';

/**
 * `cookie`: a new cookie value to set when this request's device has just claimed the receipt;
 * null when it already held the receipt's cookie.
 */
export type OpenResult = { ok: true; receipt: StoredReceipt; cookie: string | null } | { ok: false; code: ReceiptRefusal };

interface ReceiptRow {
  id: number;
  kiosk_id: string;
  language: Language;
  items_json: string;
  created_at: string;
  expires_at: string;
  device_hash: string | null;
}

const StoredItems = z.array(ReceiptItem);

export class ReceiptTickets {
  private readonly sql;

  constructor(
    private readonly db: Database,
    private readonly now: Clock,
  ) {
    this.sql = {
      insert: db.prepare(
        'INSERT INTO receipt_tickets (token_hash, kiosk_id, language, items_json, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      dropExpired: db.prepare('DELETE FROM receipt_tickets WHERE expires_at <= ?'),
      byToken: db.prepare('SELECT * FROM receipt_tickets WHERE token_hash = ?'),
      claim: db.prepare('UPDATE receipt_tickets SET device_hash = ? WHERE id = ? AND device_hash IS NULL'),
    };
  }

  issue(kioskId: string, language: Language, items: ReceiptItem[]): IssuedReceipt {
    const now = this.now();
    const token = newToken();
    const expiresAt = addDays(now, RECEIPT_TTL_DAYS);
    this.sql.dropExpired.run(now.toISOString());
    this.sql.insert.run(sha256Hex(token), kioskId, language, JSON.stringify(items), now.toISOString(), expiresAt.toISOString());
    return { token, expiresAt };
  }

  /** The receipt for a page view: the first device without a claim takes it (one UPDATE, so two phones racing get one). */
  open(token: string, cookie: string | null): OpenResult {
    const row = this.liveRow(token);
    if (!row) return { ok: false, code: 'receipt.gone' };
    if (row.device_hash === null) {
      const value = newToken();
      if (this.sql.claim.run(sha256Hex(value), row.id).changes === 1) return { ok: true, receipt: receiptOf(row), cookie: value };
      return this.open(token, cookie);
    }
    return cookie !== null && sha256Hex(cookie) === row.device_hash ? { ok: true, receipt: receiptOf(row), cookie: null } : { ok: false, code: 'receipt.taken' };
  }

  /** The receipt for its calendar file: only the device that opened the page, never a first claim. */
  forDevice(token: string, cookie: string | null): { ok: true; receipt: StoredReceipt } | { ok: false; code: ReceiptRefusal } {
    const row = this.liveRow(token);
    if (!row) return { ok: false, code: 'receipt.gone' };
    if (cookie === null || row.device_hash === null || sha256Hex(cookie) !== row.device_hash) return { ok: false, code: 'receipt.taken' };
    return { ok: true, receipt: receiptOf(row) };
  }

  private liveRow(token: string): ReceiptRow | null {
    const row = this.sql.byToken.get(sha256Hex(token)) as ReceiptRow | undefined;
    return row && new Date(row.expires_at) > this.now() ? row : null;
  }
}

function receiptOf(row: ReceiptRow): StoredReceipt {
  return {
    id: row.id,
    kioskId: row.kiosk_id,
    language: row.language,
    items: StoredItems.parse(JSON.parse(row.items_json)),
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
  };
}
