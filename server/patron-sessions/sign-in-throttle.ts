/**
 * Limits failed sign-ins per kiosk and per network address, whatever the card: one PIN tried
 * over many card numbers meets this limit where the per-card lockout never would. A sliding
 * window kept in SQLite, so a restart hands out no fresh attempts. Like the card lockout, an
 * attempt counts as failed from the start, so parallel guesses cannot slip past the limit;
 * it is taken back when the sign-in succeeds or no PIN was checked.
 */
import type { Database } from 'better-sqlite3';
import { addMinutes, type Clock } from '../clock';

export interface ThrottlePolicy {
  throttleMinutes: number;
  maxFailuresPerKiosk: number;
  maxFailuresPerAddress: number;
}

/** Where a sign-in comes from: the verified kiosk and the address it connects from. */
export interface SignInOrigin {
  kioskId: string;
  address: string;
}

export type ThrottleGate = { allowed: true; attemptId: number } | { allowed: false };

export class SignInThrottle {
  private readonly sql;

  constructor(
    private readonly db: Database,
    private readonly now: Clock,
  ) {
    this.sql = {
      forget: db.prepare('DELETE FROM sign_in_failures WHERE at <= ?'),
      byKiosk: db.prepare('SELECT COUNT(*) FROM sign_in_failures WHERE kiosk_id = ?').pluck(),
      byAddress: db.prepare('SELECT COUNT(*) FROM sign_in_failures WHERE address = ?').pluck(),
      count: db.prepare('INSERT INTO sign_in_failures (kiosk_id, address, at) VALUES (?, ?, ?)'),
      takeBack: db.prepare('DELETE FROM sign_in_failures WHERE id = ?'),
    };
  }

  /** Counts the attempt as failed, or refuses it while the kiosk or the address has failed too often. */
  beginAttempt({ kioskId, address }: SignInOrigin, policy: ThrottlePolicy): ThrottleGate {
    return this.db.transaction((): ThrottleGate => {
      const now = this.now();
      this.sql.forget.run(addMinutes(now, -policy.throttleMinutes).toISOString());
      const kioskFailures = this.sql.byKiosk.get(kioskId) as number;
      const addressFailures = this.sql.byAddress.get(address) as number;
      if (kioskFailures >= policy.maxFailuresPerKiosk || addressFailures >= policy.maxFailuresPerAddress) return { allowed: false };
      const { lastInsertRowid } = this.sql.count.run(kioskId, address, now.toISOString());
      return { allowed: true, attemptId: Number(lastInsertRowid) };
    }).immediate();
  }

  /** The sign-in succeeded, or no PIN was checked (card locked, ILS down): it was no failure. */
  takeBack(attemptId: number): void {
    this.sql.takeBack.run(attemptId);
  }
}
