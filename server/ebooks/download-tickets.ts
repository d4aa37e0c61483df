/**
 * Download tickets: what the kiosk's QR code hands to a phone. A ticket is bound to one e-book
 * (and, for `card` titles, to the signed-in patron), lives a few minutes and allows a few
 * downloads, so a retried or interrupted download still works but a photographed code does
 * not become a public link. Only the SHA-256 of the token is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { TicketIssueRefusal, TicketRedeemRefusal } from '../../shared/ebooks/codes';
import type { TicketStatus } from '../../shared/ebooks/schemas';
import type { Clock } from '../clock';
import { parseByteRange, type ByteRange } from './byte-range';
import { BytesServed } from './bytes-served';
import { DEFAULT_DAILY_CARD_LIMIT, cardTitlesToday } from './daily-limit';
import { getEbook } from './ebook-catalogue';
import type { EbookRecord } from './ebook-catalogue';
import { newShortCode, normalizeShortCode } from './short-code';

export interface TicketPolicy {
  ttlMinutes: number;
  maxDownloads: number;
  /** `card` titles per patron per day. */
  dailyCardLimit: number;
  /** The library's time zone, which decides when a day starts. */
  timeZone: string;
}

export const DEFAULT_TICKET_POLICY: TicketPolicy = {
  ttlMinutes: 10,
  maxDownloads: 3,
  dailyCardLimit: DEFAULT_DAILY_CARD_LIMIT,
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
};

export interface IssuedTicket {
  id: number;
  /** 32 random bytes, base64url. Goes into the QR code; the hub keeps only its hash. */
  token: string;
  shortCode: string;
  expiresAt: Date;
  downloadsLeft: number;
}

export type IssueResult = { ok: true; ticket: IssuedTicket } | { ok: false; code: TicketIssueRefusal };
export type RedeemResult = { ok: true; ebook: EbookRecord; downloadsLeft: number; shortCode: string } | { ok: false; code: TicketRedeemRefusal };
/**
 * A request for the ticket's file that may be answered: the range to send (null: the whole file)
 * and the bytes held for it, to give back with `release` when the response ends.
 */
export type FileGrant =
  | { ok: true; ebook: EbookRecord; downloadsLeft: number; ticketId: number; range: ByteRange | 'unsatisfiable' | null; heldBytes: number }
  | { ok: false; code: TicketRedeemRefusal };

interface TicketRow {
  id: number;
  short_code: string;
  ebook_id: number;
  kiosk_id: string;
  patron_card: string | null;
  expires_at: string;
  downloads_left: number;
  cancelled_at: string | null;
}

export class DownloadTickets {
  private readonly policy: TicketPolicy;
  private readonly bytesServed: BytesServed;

  constructor(
    private readonly db: Database,
    private readonly now: Clock,
    policy: Partial<TicketPolicy> = {},
    private readonly makeShortCode: () => string = newShortCode,
  ) {
    this.policy = { ...DEFAULT_TICKET_POLICY, ...policy };
    this.bytesServed = new BytesServed(now);
  }

  /** `patronCard` is the signed-in patron at the kiosk, if any; only `card` titles keep it. */
  issue(request: { ebookId: number; kioskId: string; patronCard: string | null }): IssueResult {
    const ebook = getEbook(this.db, request.ebookId);
    if (!ebook) return { ok: false, code: 'ebook.unknown' };
    const patronCard = ebook.access === 'card' ? request.patronCard : null;
    if (ebook.access === 'card' && !patronCard) return { ok: false, code: 'ebook.cardRequired' };
    const now = this.now();
    if (patronCard && this.overDailyLimit(patronCard, now)) return { ok: false, code: 'ebook.dailyLimit' };

    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.policy.ttlMinutes * 60_000);
    return this.db.transaction((): IssueResult => {
      const shortCode = this.unusedShortCode(now);
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO download_tickets (token_hash, short_code, ebook_id, kiosk_id, patron_card, created_at, expires_at, downloads_left)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(hashToken(token), shortCode, ebook.id, request.kioskId, patronCard, now.toISOString(), expiresAt.toISOString(), this.policy.maxDownloads);
      const ticket = { id: Number(lastInsertRowid), token, shortCode, expiresAt, downloadsLeft: this.policy.maxDownloads };
      return { ok: true, ticket };
    }).immediate();
  }

  /**
   * A phone asking for the file of the ticket in the QR code, with its Range header if any.
   * An answer that starts at the first byte is a download: it uses one and is recorded. A range
   * starting later resumes one of the ticket's downloads and uses none. Either way the ticket
   * sends at most its downloads times the file's size in all, and nothing once it has expired
   * or been cancelled.
   */
  redeem(token: string, rangeHeader?: string): FileGrant {
    return this.redeemRow(this.byToken(token), rangeHeader);
  }

  /** The same for the unexpired ticket with this short code. */
  redeemShortCode(typed: string, rangeHeader?: string): FileGrant {
    const row = this.db
      .prepare('SELECT * FROM download_tickets WHERE short_code = ? AND expires_at > ?')
      .get(normalizeShortCode(typed), this.now().toISOString()) as TicketRow | undefined;
    return this.redeemRow(row, rangeHeader);
  }

  /** The response for `grant` has ended after sending `sentBytes`: the rest of its bytes go back to the ticket. */
  release(grant: Extract<FileGrant, { ok: true }>, sentBytes: number): void {
    this.bytesServed.release(grant.ticketId, grant.heldBytes, sentBytes);
  }

  /** What the phone page shows before downloading: the title, or why the ticket no longer works. Uses nothing up. */
  inspect(token: string): RedeemResult {
    return this.inspectRow(this.byToken(token));
  }

  inspectShortCode(typed: string): RedeemResult {
    return this.inspectRow(this.liveByShortCode(typed));
  }

  /** The e-book behind a live short code, for the phone page to show before downloading. */
  lookupShortCode(typed: string): { ticketId: number; ebook: EbookRecord } | null {
    const row = this.liveByShortCode(typed);
    const ebook = row ? getEbook(this.db, row.ebook_id) : null;
    return row && ebook ? { ticketId: row.id, ebook } : null;
  }

  /** What the kiosk polls while the QR code is shown. Null for another kiosk's ticket. */
  status(ticketId: number, kioskId: string): TicketStatus | null {
    const row = this.row(ticketId, kioskId);
    if (!row) return null;
    return {
      ticketId,
      state: stateOf(row, this.now()),
      downloadsUsed: this.downloadsUsed(ticketId),
      downloadsLeft: row.downloads_left,
      expiresAt: new Date(row.expires_at).toISOString(),
    };
  }

  /** The patron closed the QR code or walked away. False for an unknown ticket or another kiosk's. */
  cancel(ticketId: number, kioskId: string): boolean {
    if (!this.row(ticketId, kioskId)) return false;
    this.db.prepare('UPDATE download_tickets SET cancelled_at = COALESCE(cancelled_at, ?) WHERE id = ?').run(this.now().toISOString(), ticketId);
    return true;
  }

  private byToken(token: string): TicketRow | undefined {
    return this.db.prepare('SELECT * FROM download_tickets WHERE token_hash = ?').get(hashToken(token)) as TicketRow | undefined;
  }

  private inspectRow(row: TicketRow | undefined): RedeemResult {
    const ebook = row ? getEbook(this.db, row.ebook_id) : null;
    if (!row || !ebook) return { ok: false, code: 'ticket.unknown' };
    const state = stateOf(row, this.now());
    return state === 'live' ? { ok: true, ebook, downloadsLeft: row.downloads_left, shortCode: row.short_code } : { ok: false, code: `ticket.${state}` };
  }

  private redeemRow(found: TicketRow | undefined, rangeHeader: string | undefined): FileGrant {
    return this.db.transaction((): FileGrant => {
      // Read again inside the transaction: two phones racing for the last download get one each.
      const row = found && (this.db.prepare('SELECT * FROM download_tickets WHERE id = ?').get(found.id) as TicketRow | undefined);
      const ebook = row && getEbook(this.db, row.ebook_id);
      if (!row || !ebook) return { ok: false, code: 'ticket.unknown' };
      const now = this.now();
      const used = this.downloadsUsed(row.id);
      const range = parseByteRange(rangeHeader, ebook.sizeBytes);
      // A range past the first byte of a ticket never downloaded resumes nothing: it is a download.
      const isDownload = range === null || (range !== 'unsatisfiable' && (range.start === 0 || used === 0));
      const state = stateOf(row, now);
      if (state === 'cancelled' || state === 'expired' || (state === 'usedUp' && isDownload)) return { ok: false, code: `ticket.${state}` };
      if (isDownload && row.patron_card && used === 0 && this.overDailyLimit(row.patron_card, now)) {
        return { ok: false, code: 'ebook.dailyLimit' };
      }
      const heldBytes = range === null ? ebook.sizeBytes : range === 'unsatisfiable' ? 0 : range.end - range.start + 1;
      const budget = (used + row.downloads_left) * ebook.sizeBytes;
      if (!this.bytesServed.hold(row.id, new Date(row.expires_at), heldBytes, budget)) return { ok: false, code: 'ticket.usedUp' };
      if (isDownload) {
        this.db.prepare('UPDATE download_tickets SET downloads_left = downloads_left - 1 WHERE id = ?').run(row.id);
        this.db
          .prepare('INSERT INTO ebook_downloads (ticket_id, ebook_id, kiosk_id, patron_card, at) VALUES (?, ?, ?, ?, ?)')
          .run(row.id, row.ebook_id, row.kiosk_id, row.patron_card, now.toISOString());
      }
      const downloadsLeft = isDownload ? row.downloads_left - 1 : row.downloads_left;
      return { ok: true, ebook, downloadsLeft, ticketId: row.id, range, heldBytes };
    }).immediate();
  }

  private overDailyLimit(patronCard: string, now: Date): boolean {
    return cardTitlesToday(this.db, patronCard, now, this.policy.timeZone) >= this.policy.dailyCardLimit;
  }

  private downloadsUsed(ticketId: number): number {
    return (this.db.prepare('SELECT COUNT(*) AS used FROM ebook_downloads WHERE ticket_id = ?').get(ticketId) as { used: number }).used;
  }

  private row(ticketId: number, kioskId: string): TicketRow | undefined {
    return this.db.prepare('SELECT * FROM download_tickets WHERE id = ? AND kiosk_id = ?').get(ticketId, kioskId) as TicketRow | undefined;
  }

  private liveByShortCode(typed: string): TicketRow | undefined {
    const rows = this.db
      .prepare('SELECT * FROM download_tickets WHERE short_code = ? AND expires_at > ?')
      .all(normalizeShortCode(typed), this.now().toISOString()) as TicketRow[];
    return rows.find((row) => stateOf(row, this.now()) === 'live');
  }

  /** Unique among unexpired tickets, so a typed code can only ever mean one live ticket. */
  private unusedShortCode(now: Date): string {
    const taken = this.db.prepare('SELECT 1 FROM download_tickets WHERE short_code = ? AND expires_at > ?');
    for (;;) {
      const code = this.makeShortCode();
      if (taken.get(code, now.toISOString()) === undefined) return code;
    }
  }
}

function stateOf(row: TicketRow, now: Date): TicketStatus['state'] {
  if (row.cancelled_at) return 'cancelled';
  if (now.getTime() >= Date.parse(row.expires_at)) return 'expired';
  if (row.downloads_left <= 0) return 'usedUp';
  return 'live';
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
