/**
 * Limits failed sign-ins per kiosk and per network address, whatever the card: one PIN tried
 * over many card numbers meets this limit where the per-card lockout never would. A sliding
 * window kept in SQLite (../security/failure-window), so a restart hands out no fresh attempts.
 * Like the card lockout, an attempt counts as failed from the start, so parallel guesses cannot
 * slip past the limit; it is taken back when the sign-in succeeds or no PIN was checked.
 */
import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { FailureWindow, type FailureGate } from '../security/failure-window';

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

export type ThrottleGate = FailureGate;

export class SignInThrottle {
  private readonly failures;

  constructor(db: Database, now: Clock) {
    this.failures = new FailureWindow(db, now, { table: 'sign_in_failures', subjectColumn: 'kiosk_id' });
  }

  /** Counts the attempt as failed, or refuses it while the kiosk or the address has failed too often. */
  beginAttempt({ kioskId, address }: SignInOrigin, policy: ThrottlePolicy): ThrottleGate {
    return this.failures.beginAttempt(kioskId, address, {
      windowMinutes: policy.throttleMinutes,
      maxPerSubject: policy.maxFailuresPerKiosk,
      maxPerAddress: policy.maxFailuresPerAddress,
    });
  }

  /** The sign-in succeeded, or no PIN was checked (card locked, ILS down): it was no failure. */
  takeBack(attemptId: number): void {
    this.failures.takeBack(attemptId);
  }
}
