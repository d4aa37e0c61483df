/**
 * Patron care's queries over the embedded library's own tables: the search, a patron's holds and
 * sign-in lock, and the changes staff make. Blocks and loans come from the embedded ILS itself
 * (patronStatus), so the panel shows exactly what the kiosk applies.
 */
import type { Database } from 'better-sqlite3';
import { PATRON_PAGE_SIZE, type PatronHoldView, type PatronListEntry, type PatronLockState, type PatronSearchPage } from '../../shared/patrons/schemas';
import { addDays } from '../clock';

export interface PatronCareRow {
  id: number;
  card_number: string;
  display_name: string;
  full_name: string;
  expires_on: string;
  fines_minor: number;
  pin_change_required: 0 | 1;
  manual_block_reason: string | null;
  /** Present once a patron import has added the column (issue 12). */
  category?: string | null;
}

const LIST_COLUMNS = 'card_number AS cardNumber, display_name AS displayName, full_name AS fullName, expires_on AS expiresOn';

export class PatronRecords {
  private readonly sql;

  constructor(private readonly db: Database) {
    this.sql = {
      byCard: db.prepare('SELECT * FROM patrons WHERE card_number = ?'),
      holds: db.prepare(
        `SELECT items.title, holds.item_barcode AS barcode, holds.placed_at AS placedAt,
           CASE WHEN EXISTS (SELECT 1 FROM loans WHERE loans.item_barcode = holds.item_barcode AND loans.returned_at IS NULL)
             THEN 'waiting' ELSE 'ready' END AS status
         FROM holds JOIN items ON items.barcode = holds.item_barcode
         WHERE holds.patron_id = ? AND holds.status = 'waiting' ORDER BY holds.placed_at, holds.id`,
      ),
      failures: db.prepare('SELECT failed_count, last_attempt_at, locked_until FROM pin_failures WHERE card_number = ?'),
      locksSince: db.prepare('SELECT COUNT(*) FROM pin_locks WHERE card_number = ? AND locked_at > ?').pluck(),
      clearFailures: db.prepare('DELETE FROM pin_failures WHERE card_number = ?'),
      clearLocks: db.prepare('DELETE FROM pin_locks WHERE card_number = ?'),
      setPin: db.prepare('UPDATE patrons SET pin_hash = ?, pin_change_required = 1 WHERE card_number = ?'),
      setBlock: db.prepare('UPDATE patrons SET manual_block = ?, manual_block_reason = ? WHERE card_number = ?'),
      setExpiry: db.prepare('UPDATE patrons SET expires_on = ? WHERE card_number = ?'),
    };
  }

  /**
   * A card number matches exactly, a name in part (full or display name, any case; lower() folds
   * ASCII only, and Chinese has no case). Exact card matches first, then by name and card.
   */
  search(q: string | undefined, page: number): PatronSearchPage {
    const offset = (page - 1) * PATRON_PAGE_SIZE;
    if (!q) {
      const total = this.db.prepare('SELECT COUNT(*) FROM patrons').pluck().get() as number;
      const patrons = this.db.prepare(`SELECT ${LIST_COLUMNS} FROM patrons ORDER BY card_number LIMIT ? OFFSET ?`).all(PATRON_PAGE_SIZE, offset) as PatronListEntry[];
      return { patrons, total, page, pageSize: PATRON_PAGE_SIZE };
    }
    const where = 'card_number = @q OR instr(lower(full_name), lower(@q)) > 0 OR instr(lower(display_name), lower(@q)) > 0';
    const total = this.db.prepare(`SELECT COUNT(*) FROM patrons WHERE ${where}`).pluck().get({ q }) as number;
    const patrons = this.db
      .prepare(`SELECT ${LIST_COLUMNS} FROM patrons WHERE ${where} ORDER BY card_number = @q DESC, full_name, card_number LIMIT @limit OFFSET @offset`)
      .all({ q, limit: PATRON_PAGE_SIZE, offset }) as PatronListEntry[];
    return { patrons, total, page, pageSize: PATRON_PAGE_SIZE };
  }

  find(cardNumber: string): PatronCareRow | undefined {
    return this.sql.byCard.get(cardNumber) as PatronCareRow | undefined;
  }

  holdsOf(patronId: number): PatronHoldView[] {
    return this.sql.holds.all(patronId) as PatronHoldView[];
  }

  /** As server/patron-sessions/pin-lockout.ts keeps it: a lock in force, and whether it is the day-long one. */
  lockStateOf(cardNumber: string, now: Date, locksBeforeDayLock: number): PatronLockState {
    const row = this.sql.failures.get(cardNumber) as { failed_count: number; locked_until: string | null } | undefined;
    const lockedUntil = row?.locked_until && new Date(row.locked_until) > now ? row.locked_until : null;
    const recentLocks = this.sql.locksSince.get(cardNumber, addDays(now, -1).toISOString()) as number;
    return {
      locked: lockedUntil !== null,
      lockedUntil,
      failedCount: row?.failed_count ?? 0,
      dayLock: lockedUntil !== null && recentLocks >= locksBeforeDayLock,
    };
  }

  /** Forgets the wrong PINs and the locks, so the next lock is a short one again. */
  unlock(cardNumber: string): void {
    this.db.transaction(() => {
      this.sql.clearFailures.run(cardNumber);
      this.sql.clearLocks.run(cardNumber);
    })();
  }

  /** An initial PIN: the patron must choose their own at the next sign-in. */
  setInitialPin(cardNumber: string, pinHash: string): void {
    this.sql.setPin.run(pinHash, cardNumber);
  }

  setBlock(cardNumber: string, reason: string | null): void {
    this.sql.setBlock.run(reason === null ? 0 : 1, reason, cardNumber);
  }

  setExpiry(cardNumber: string, expiresOn: string): void {
    this.sql.setExpiry.run(expiresOn, cardNumber);
  }
}
