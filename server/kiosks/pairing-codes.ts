/**
 * One-time pairing codes: staff add a kiosk and read a 6-digit code off the admin panel, someone
 * types it at the kiosk, and that browser gets the kiosk's device token. A code lives 10 minutes,
 * is stored as its SHA-256 only, and works once. Every wrong code typed at any kiosk counts
 * against every waiting code, and 5 wrong tries burn them: a guesser has 5 tries in 1,000,000
 * per code. Tries are also limited per network address (PairingThrottle).
 */
import { randomInt } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { PAIRING_CODE_MAX_WRONG, PAIRING_CODE_MINUTES, type IssuedPairingCode } from '../../shared/api/fleet-schemas';
import { addMinutes, type Clock } from '../clock';
import { sha256Hex } from '../security/tokens';

export class PairingCodes {
  private readonly sql;

  constructor(
    private readonly db: Database,
    private readonly now: Clock,
    /** A code, uniformly from 000000 to 999999 (tests pass their own). */
    private readonly drawCode: () => string = () => String(randomInt(0, 1_000_000)).padStart(6, '0'),
  ) {
    this.sql = {
      dropExpired: db.prepare('DELETE FROM kiosk_pairing_codes WHERE expires_at <= ?'),
      dropForKiosk: db.prepare('DELETE FROM kiosk_pairing_codes WHERE kiosk_id = ?'),
      taken: db.prepare('SELECT 1 FROM kiosk_pairing_codes WHERE code_hash = ?').pluck(),
      insert: db.prepare('INSERT INTO kiosk_pairing_codes (kiosk_id, code_hash, expires_at) VALUES (?, ?, ?)'),
      kioskByHash: db.prepare('SELECT kiosk_id FROM kiosk_pairing_codes WHERE code_hash = ?').pluck(),
      countWrong: db.prepare('UPDATE kiosk_pairing_codes SET wrong_tries = wrong_tries + 1'),
      burn: db.prepare('DELETE FROM kiosk_pairing_codes WHERE wrong_tries >= ?'),
      expiryOf: db.prepare('SELECT expires_at FROM kiosk_pairing_codes WHERE kiosk_id = ? AND expires_at > ?').pluck(),
    };
  }

  /** A new code for the kiosk, replacing any it had. */
  issue(kioskId: string): IssuedPairingCode {
    return this.db.transaction(() => {
      const now = this.now();
      this.sql.dropExpired.run(now.toISOString());
      this.sql.dropForKiosk.run(kioskId);
      let code = this.drawCode();
      // Two waiting codes must differ, or one would pair the other's kiosk.
      while (this.sql.taken.get(sha256Hex(code)) !== undefined) code = this.drawCode();
      const expiresAt = addMinutes(now, PAIRING_CODE_MINUTES).toISOString();
      this.sql.insert.run(kioskId, sha256Hex(code), expiresAt);
      return { kioskId, code, expiresAt };
    }).immediate();
  }

  /** The kiosk the code pairs (the code is used up), or null: wrong, expired, used or burnt. */
  redeem(code: string): string | null {
    return this.db.transaction(() => {
      this.sql.dropExpired.run(this.now().toISOString());
      const kioskId = this.sql.kioskByHash.get(sha256Hex(code)) as string | undefined;
      if (kioskId !== undefined) {
        this.sql.dropForKiosk.run(kioskId);
        return kioskId;
      }
      this.sql.countWrong.run();
      this.sql.burn.run(PAIRING_CODE_MAX_WRONG);
      return null;
    }).immediate();
  }

  /** When the kiosk's waiting code expires, or null. */
  waitingUntil(kioskId: string): string | null {
    return (this.sql.expiryOf.get(kioskId, this.now().toISOString()) as string | undefined) ?? null;
  }

  cancel(kioskId: string): void {
    this.sql.dropForKiosk.run(kioskId);
  }
}

/** Pairing tries per network address: 10 in any 10 minutes (kept in memory; a restart forgets them). */
export class PairingThrottle {
  static readonly MAX_TRIES = 10;
  static readonly WINDOW_MS = 10 * 60_000;
  private readonly tries = new Map<string, number[]>();

  constructor(private readonly now: Clock) {}

  /** Counts a try from `address`; false when it has used up its tries. */
  allow(address: string): boolean {
    const now = this.now().getTime();
    const recent = (this.tries.get(address) ?? []).filter((at) => now - at < PairingThrottle.WINDOW_MS);
    if (recent.length >= PairingThrottle.MAX_TRIES) {
      this.tries.set(address, recent);
      return false;
    }
    recent.push(now);
    this.tries.set(address, recent);
    // Addresses that stopped trying are forgotten, so the map cannot grow without end.
    if (this.tries.size > 10_000) for (const [key, times] of this.tries) if (times.every((at) => now - at >= PairingThrottle.WINDOW_MS)) this.tries.delete(key);
    return true;
  }
}
