/**
 * Failed staff sign-ins, per username typed and per network address, in a sliding window kept in
 * SQLite (a restart hands out no fresh attempts). Each failure is answered later than the one
 * before; past the limit the username (known or not, so the answer says nothing about which
 * exist) or the address is locked until the window lets old failures go. As for patrons, an
 * attempt counts as failed from the start, so parallel guesses cannot slip past the limit.
 */
import type { Database } from 'better-sqlite3';
import { addMinutes, type Clock } from '../clock';

export const STAFF_LOCK_MINUTES = 15;
export const MAX_FAILURES_PER_USERNAME = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

/** A failed sign-in is answered after 1 s, then 2, 4 and at most 8 s as failures add up. */
export function failureDelayMs(failures: number): number {
  return 1000 * 2 ** Math.min(3, Math.max(0, failures - 2));
}

export type StaffSignInGate = { allowed: true; attemptId: number; failures: number } | { allowed: false };

export class StaffSignInThrottle {
  private readonly sql;

  constructor(
    private readonly db: Database,
    private readonly now: Clock,
  ) {
    this.sql = {
      forget: db.prepare('DELETE FROM staff_sign_in_failures WHERE at <= ?'),
      byUsername: db.prepare('SELECT COUNT(*) FROM staff_sign_in_failures WHERE username_key = ?').pluck(),
      byAddress: db.prepare('SELECT COUNT(*) FROM staff_sign_in_failures WHERE address = ?').pluck(),
      count: db.prepare('INSERT INTO staff_sign_in_failures (username_key, address, at) VALUES (?, ?, ?)'),
      takeBack: db.prepare('DELETE FROM staff_sign_in_failures WHERE id = ?'),
    };
  }

  /** Counts the attempt as failed (with how many failures that makes), or refuses it while locked. */
  beginAttempt(username: string, address: string): StaffSignInGate {
    return this.db
      .transaction((): StaffSignInGate => {
        const now = this.now();
        const key = username.toLowerCase();
        this.sql.forget.run(addMinutes(now, -STAFF_LOCK_MINUTES).toISOString());
        const byUsername = this.sql.byUsername.get(key) as number;
        const byAddress = this.sql.byAddress.get(address) as number;
        if (byUsername >= MAX_FAILURES_PER_USERNAME || byAddress >= MAX_FAILURES_PER_ADDRESS) return { allowed: false };
        const { lastInsertRowid } = this.sql.count.run(key, address, now.toISOString());
        return { allowed: true, attemptId: Number(lastInsertRowid), failures: Math.max(byUsername, byAddress) + 1 };
      })
      .immediate();
  }

  /** The password was right: the attempt was no failure. */
  takeBack(attemptId: number): void {
    this.sql.takeBack.run(attemptId);
  }
}
