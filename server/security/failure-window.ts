/**
 * Failed attempts in a sliding window kept in SQLite, so a restart hands out no fresh attempts, counted per subject
 * (the kiosk a patron signs in at, the username staff type) and per network address. An attempt counts as failed from
 * the start, so parallel guesses cannot slip past the limit; it is taken back when it turns out no failure.
 * The patrons' and the staff's sign-in throttles are this window over their own tables.
 */
import type { Database } from 'better-sqlite3';
import { addMinutes, type Clock } from '../clock';

/** A table of failures (id, the subject's column, address, at); named here, never from a request. */
export type FailureTable = { table: 'sign_in_failures'; subjectColumn: 'kiosk_id' } | { table: 'staff_sign_in_failures'; subjectColumn: 'username_key' };

export interface FailureLimits {
  windowMinutes: number;
  maxPerSubject: number;
  maxPerAddress: number;
}

/** Allowed: the attempt is counted, and `failures` is how many that makes for the subject or the address, whichever is more. */
export type FailureGate = { allowed: true; attemptId: number; failures: number } | { allowed: false };

export class FailureWindow {
  private readonly sql;

  constructor(
    private readonly db: Database,
    private readonly now: Clock,
    { table, subjectColumn }: FailureTable,
  ) {
    this.sql = {
      forget: db.prepare(`DELETE FROM ${table} WHERE at <= ?`),
      bySubject: db.prepare(`SELECT COUNT(*) FROM ${table} WHERE ${subjectColumn} = ?`).pluck(),
      byAddress: db.prepare(`SELECT COUNT(*) FROM ${table} WHERE address = ?`).pluck(),
      count: db.prepare(`INSERT INTO ${table} (${subjectColumn}, address, at) VALUES (?, ?, ?)`),
      takeBack: db.prepare(`DELETE FROM ${table} WHERE id = ?`),
    };
  }

  /** Counts the attempt as failed, or refuses it while the subject or the address has failed too often. */
  beginAttempt(subject: string, address: string, limits: FailureLimits): FailureGate {
    return this.db
      .transaction((): FailureGate => {
        const now = this.now();
        this.sql.forget.run(addMinutes(now, -limits.windowMinutes).toISOString());
        const bySubject = this.sql.bySubject.get(subject) as number;
        const byAddress = this.sql.byAddress.get(address) as number;
        if (bySubject >= limits.maxPerSubject || byAddress >= limits.maxPerAddress) return { allowed: false };
        const { lastInsertRowid } = this.sql.count.run(subject, address, now.toISOString());
        return { allowed: true, attemptId: Number(lastInsertRowid), failures: Math.max(bySubject, byAddress) + 1 };
      })
      .immediate();
  }

  /** The attempt was no failure after all. */
  takeBack(attemptId: number): void {
    this.sql.takeBack.run(attemptId);
  }
}
