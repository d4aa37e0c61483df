/**
 * Failed staff sign-ins, per username typed and per network address, in a sliding window kept in
 * SQLite (../security/failure-window; a restart hands out no fresh attempts). Each failure is
 * answered later than the one before; past the limit the username (known or not, so the answer
 * says nothing about which exist) or the address is locked until the window lets old failures go.
 * As for patrons, an attempt counts as failed from the start, so parallel guesses cannot slip past the limit.
 */
import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { FailureWindow, type FailureGate } from '../security/failure-window';

export const STAFF_LOCK_MINUTES = 15;
export const MAX_FAILURES_PER_USERNAME = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

const STAFF_LIMITS = { windowMinutes: STAFF_LOCK_MINUTES, maxPerSubject: MAX_FAILURES_PER_USERNAME, maxPerAddress: MAX_FAILURES_PER_ADDRESS };

/** A failed sign-in is answered after 1 s, then 2, 4 and at most 8 s as failures add up. */
export function failureDelayMs(failures: number): number {
  return 1000 * 2 ** Math.min(3, Math.max(0, failures - 2));
}

export type StaffSignInGate = FailureGate;

export class StaffSignInThrottle {
  private readonly failures;

  constructor(db: Database, now: Clock) {
    this.failures = new FailureWindow(db, now, { table: 'staff_sign_in_failures', subjectColumn: 'username_key' });
  }

  /** Counts the attempt as failed (with how many failures that makes), or refuses it while locked. */
  beginAttempt(username: string, address: string): StaffSignInGate {
    return this.failures.beginAttempt(username.toLowerCase(), address, STAFF_LIMITS);
  }

  /** The password was right: the attempt was no failure. */
  takeBack(attemptId: number): void {
    this.failures.takeBack(attemptId);
  }
}
