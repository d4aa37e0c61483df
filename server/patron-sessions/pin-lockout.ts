/**
 * Locks a card after too many wrong PINs (or sign-ins with an unknown card number), and for a
 * day once it has been locked `locksBeforeDayLock` times within 24 hours: a 4-digit PIN cannot
 * be walked at a lock's worth of guesses every quarter hour.
 * Kept in SQLite so a restart does not hand out fresh attempts. An attempt is counted
 * before the PIN is checked, so parallel guesses cannot slip past the limit.
 * Read-then-write transactions are IMMEDIATE: a deferred one that has read cannot wait for the
 * write lock (SQLite answers SQLITE_BUSY at once, ignoring busy_timeout).
 */
import type { Database } from 'better-sqlite3';
import { addDays, addMinutes, type Clock } from '../clock';

export interface LockoutPolicy {
  maxPinAttempts: number;
  lockoutMinutes: number;
  locksBeforeDayLock: number;
}

interface FailureRow {
  failed_count: number;
  last_attempt_at: string;
  locked_until: string | null;
}

export type AttemptGate = { allowed: true } | { allowed: false; lockedUntil: Date };
export type FailureVerdict = { locked: false; attemptsLeft: number } | { locked: true; lockedUntil: Date };

export class PinLockout {
  private readonly sql;

  constructor(
    private readonly db: Database,
    private readonly now: Clock,
  ) {
    this.sql = {
      get: db.prepare('SELECT failed_count, last_attempt_at, locked_until FROM pin_failures WHERE card_number = ?'),
      countAttempt: db.prepare(
        `INSERT INTO pin_failures (card_number, failed_count, last_attempt_at) VALUES (?, ?, ?)
         ON CONFLICT (card_number) DO UPDATE SET failed_count = excluded.failed_count,
           last_attempt_at = excluded.last_attempt_at, locked_until = NULL`,
      ),
      uncountAttempt: db.prepare('UPDATE pin_failures SET failed_count = max(failed_count - 1, 0) WHERE card_number = ?'),
      lock: db.prepare('UPDATE pin_failures SET locked_until = ? WHERE card_number = ?'),
      clear: db.prepare('DELETE FROM pin_failures WHERE card_number = ?'),
      dropStale: db.prepare(
        'DELETE FROM pin_failures WHERE last_attempt_at < ? AND (locked_until IS NULL OR locked_until < ?)',
      ),
      forgetLocks: db.prepare('DELETE FROM pin_locks WHERE locked_at <= ?'),
      noteLock: db.prepare('INSERT INTO pin_locks (card_number, locked_at) VALUES (?, ?)'),
      locksOf: db.prepare('SELECT COUNT(*) FROM pin_locks WHERE card_number = ?').pluck(),
    };
  }

  /** Counts one attempt for the card, or refuses it while the card is locked. */
  beginAttempt(cardNumber: string, policy: LockoutPolicy): AttemptGate {
    return this.db.transaction((): AttemptGate => {
      const now = this.now();
      const row = this.sql.get.get(cardNumber) as FailureRow | undefined;
      if (row?.locked_until && new Date(row.locked_until) > now) {
        return { allowed: false, lockedUntil: new Date(row.locked_until) };
      }
      // Wrong PINs are forgotten once a lock has run out, or after a quiet lockout period.
      const windowStart = addMinutes(now, -policy.lockoutMinutes);
      const stale = !row || row.locked_until !== null || new Date(row.last_attempt_at) < windowStart;
      const attempts = stale ? 0 : row.failed_count;
      if (attempts >= policy.maxPinAttempts) return { allowed: false, lockedUntil: this.lock(cardNumber, policy, row) };
      this.sql.countAttempt.run(cardNumber, attempts + 1, now.toISOString());
      return { allowed: true };
    }).immediate();
  }

  attemptFailed(cardNumber: string, policy: LockoutPolicy): FailureVerdict {
    return this.db.transaction((): FailureVerdict => {
      const now = this.now();
      const cutoff = addMinutes(now, -policy.lockoutMinutes).toISOString();
      this.sql.dropStale.run(cutoff, now.toISOString());
      const row = this.sql.get.get(cardNumber) as FailureRow | undefined;
      const attempts = row?.failed_count ?? policy.maxPinAttempts;
      if (attempts >= policy.maxPinAttempts) return { locked: true, lockedUntil: this.lock(cardNumber, policy, row) };
      return { locked: false, attemptsLeft: policy.maxPinAttempts - attempts };
    }).immediate();
  }

  /** The PIN could not be checked (the ILS was down): the attempt does not count. */
  attemptAbandoned(cardNumber: string): void {
    this.sql.uncountAttempt.run(cardNumber);
  }

  attemptSucceeded(cardNumber: string): void {
    this.sql.clear.run(cardNumber);
  }

  /** Locks the card, once however many of its guesses were in flight; for a day after repeated locks. */
  private lock(cardNumber: string, policy: LockoutPolicy, row: FailureRow | undefined): Date {
    const now = this.now();
    if (row?.locked_until && new Date(row.locked_until) > now) return new Date(row.locked_until);
    this.sql.forgetLocks.run(addDays(now, -1).toISOString());
    this.sql.noteLock.run(cardNumber, now.toISOString());
    const locks = this.sql.locksOf.get(cardNumber) as number;
    const lockedUntil = locks >= policy.locksBeforeDayLock ? addDays(now, 1) : addMinutes(now, policy.lockoutMinutes);
    this.sql.lock.run(lockedUntil.toISOString(), cardNumber);
    return lockedUntil;
  }
}
