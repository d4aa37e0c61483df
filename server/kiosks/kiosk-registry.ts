/**
 * Which kiosks may use the hub. A kiosk proves who it is with a device token (header
 * x-kiosk-token); only the token's SHA-256 is stored.
 */
import type { Database } from 'better-sqlite3';
import { OfflinePolicy, type KioskConfig } from '../../shared/api/schemas';
import type { Clock } from '../clock';
import { loadLibraryName } from '../settings/library-name';
import type { ScanRules } from '../../shared/barcodes';
import { loadScanRules, unconfiguredScanRules } from '../settings/scan-rules';
import { newToken, sha256Hex } from '../security/tokens';

/** The kiosk that runs on the hub's own machine (claimed over loopback). */
export const LOCAL_KIOSK_ID = 'local';
const LOCAL_KIOSK_NAME = 'Demo kiosk';

/** Writing last_seen_at on every request would cost a write per call; once a minute is plenty. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

interface KioskRow {
  id: string;
  name: string;
  mode: KioskConfig['mode'];
  default_language: KioskConfig['defaultLanguage'];
  idle_timeout_seconds: number;
  idle_countdown_seconds: number;
  sound: 0 | 1;
  receipt: KioskConfig['receipt'];
  camera_device_id: string | null;
}

export class KioskRegistry {
  private readonly lastSeenWrites = new Map<string, number>();
  private readonly sql;

  constructor(
    private readonly db: Database,
    private readonly now: Clock,
    /** What the library's ILS implies for kiosks: the scan rules while the library has set none, its PIN format. */
    private readonly ils: { scanRulesWhenUnset: ScanRules; pinFormat: KioskConfig['pinFormat'] } = {
      scanRulesWhenUnset: unconfiguredScanRules('embedded'),
      pinFormat: 'digits',
    },
  ) {
    this.sql = {
      kioskIdByTokenHash: db.prepare('SELECT kiosk_id FROM kiosk_device_tokens WHERE token_hash = ?').pluck(),
      kioskById: db.prepare('SELECT * FROM kiosks WHERE id = ?'),
      insertKioskIfMissing: db.prepare('INSERT OR IGNORE INTO kiosks (id, name, mode, created_at) VALUES (?, ?, ?, ?)'),
      insertToken: db.prepare('INSERT INTO kiosk_device_tokens (token_hash, kiosk_id, created_at) VALUES (?, ?, ?)'),
      touch: db.prepare('UPDATE kiosks SET last_seen_at = ? WHERE id = ?'),
    };
  }

  /** The id of the kiosk holding this device token, or null. */
  kioskIdForToken(token: string): string | null {
    return (this.sql.kioskIdByTokenHash.get(sha256Hex(token)) as string | undefined) ?? null;
  }

  /**
   * A new device token for the kiosk on the hub's own machine, creating that kiosk on first use.
   * LAN kiosks will get theirs by pairing from the admin panel, through `issueToken`.
   */
  claimLocal(): string {
    this.sql.insertKioskIfMissing.run(LOCAL_KIOSK_ID, LOCAL_KIOSK_NAME, 'both', this.now().toISOString());
    return this.issueToken(LOCAL_KIOSK_ID);
  }

  issueToken(kioskId: string): string {
    const token = newToken();
    this.sql.insertToken.run(sha256Hex(token), kioskId, this.now().toISOString());
    return token;
  }

  touch(kioskId: string): void {
    const now = this.now();
    const last = this.lastSeenWrites.get(kioskId);
    if (last !== undefined && now.getTime() - last < LAST_SEEN_RESOLUTION_MS) return;
    this.lastSeenWrites.set(kioskId, now.getTime());
    this.sql.touch.run(now.toISOString(), kioskId);
  }

  config(kioskId: string): KioskConfig | null {
    const row = this.sql.kioskById.get(kioskId) as KioskRow | undefined;
    if (!row) return null;
    return {
      kioskId: row.id,
      name: row.name,
      mode: row.mode,
      defaultLanguage: row.default_language,
      libraryName: loadLibraryName(this.db),
      idleTimeoutSeconds: row.idle_timeout_seconds,
      idleCountdownSeconds: row.idle_countdown_seconds,
      sound: row.sound === 1,
      receipt: row.receipt,
      // Not yet a column: the kiosk profiles will store it.
      phoneReceipt: true,
      cameraDeviceId: row.camera_device_id,
      scanRules: loadScanRules(this.db, this.ils.scanRulesWhenUnset),
      pinFormat: this.ils.pinFormat,
      // Defaults until the kiosk profile holds the offline policy; the config route adds the card list.
      offline: OfflinePolicy.parse({}),
    };
  }
}
