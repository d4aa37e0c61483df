/**
 * Which kiosks may use the hub, and what each is set up to do. A kiosk proves who it is with a
 * device token (header x-kiosk-token); only the token's SHA-256 is stored. Its settings come
 * from its profile (kiosk-profiles.ts); its last heartbeat says how it is doing.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { Heartbeat, type KioskChange } from '../../shared/api/fleet-schemas';
import { OfflinePolicy, type KioskConfig } from '../../shared/api/schemas';
import type { Clock } from '../clock';
import { loadLibraryName } from '../settings/library-name';
import type { ScanRules } from '../../shared/barcodes';
import { loadScanRules, unconfiguredScanRules } from '../settings/scan-rules';
import { newToken, sha256Hex } from '../security/tokens';
import { DEFAULT_PROFILE_ID, KioskProfiles } from './kiosk-profiles';

/** The kiosk that runs on the hub's own machine (claimed over loopback). */
export const LOCAL_KIOSK_ID = 'local';
const LOCAL_KIOSK_NAME = 'Demo kiosk';

/** Writing last_seen_at on every request would cost a write per call; once a minute is plenty. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * Claiming the local kiosk keeps its newest token and adds one (a second tab, a reload that lost
 * its storage): at most two, however often a page claims.
 */
const LOCAL_TOKENS_KEPT = 1;

export interface KioskRow {
  id: string;
  name: string;
  location: string;
  profile_id: number;
  camera_device_id: string | null;
  revoked_at: string | null;
  heartbeat_json: string | null;
  heartbeat_at: string | null;
  token_count: number;
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
    readonly profiles = new KioskProfiles(db, now),
  ) {
    const select = `SELECT k.*, (SELECT COUNT(*) FROM kiosk_device_tokens t WHERE t.kiosk_id = k.id) AS token_count FROM kiosks k`;
    this.sql = {
      kioskIdByTokenHash: db.prepare('SELECT kiosk_id FROM kiosk_device_tokens WHERE token_hash = ?').pluck(),
      kioskById: db.prepare(`${select} WHERE k.id = ?`),
      allKiosks: db.prepare(`${select} ORDER BY k.created_at, k.id`),
      insertKiosk: db.prepare('INSERT INTO kiosks (id, name, location, profile_id, created_at) VALUES (?, ?, ?, ?, ?)'),
      insertKioskIfMissing: db.prepare('INSERT OR IGNORE INTO kiosks (id, name, profile_id, created_at) VALUES (?, ?, ?, ?)'),
      insertToken: db.prepare('INSERT INTO kiosk_device_tokens (token_hash, kiosk_id, created_at) VALUES (?, ?, ?)'),
      pruneTokens: db.prepare(
        `DELETE FROM kiosk_device_tokens WHERE kiosk_id = ? AND token_hash NOT IN
           (SELECT token_hash FROM kiosk_device_tokens WHERE kiosk_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?)`,
      ),
      deleteTokens: db.prepare('DELETE FROM kiosk_device_tokens WHERE kiosk_id = ?'),
      setRevoked: db.prepare('UPDATE kiosks SET revoked_at = ? WHERE id = ?'),
      rename: db.prepare('UPDATE kiosks SET name = coalesce(?, name), location = coalesce(?, location), profile_id = coalesce(?, profile_id) WHERE id = ?'),
      touch: db.prepare('UPDATE kiosks SET last_seen_at = ? WHERE id = ?'),
      heartbeat: db.prepare('UPDATE kiosks SET heartbeat_json = ?, heartbeat_at = ?, last_seen_at = ? WHERE id = ?'),
    };
  }

  /** The id of the kiosk holding this device token, or null. */
  kioskIdForToken(token: string): string | null {
    return (this.sql.kioskIdByTokenHash.get(sha256Hex(token)) as string | undefined) ?? null;
  }

  /**
   * A device token for the kiosk on the hub's own machine, creating that kiosk on first use; null
   * once staff revoked it (then it is paired again like any other).
   */
  claimLocal(): string | null {
    return this.db.transaction(() => {
      this.sql.insertKioskIfMissing.run(LOCAL_KIOSK_ID, LOCAL_KIOSK_NAME, DEFAULT_PROFILE_ID, this.now().toISOString());
      if (this.row(LOCAL_KIOSK_ID)?.revoked_at) return null;
      this.sql.pruneTokens.run(LOCAL_KIOSK_ID, LOCAL_KIOSK_ID, LOCAL_TOKENS_KEPT);
      return this.issueToken(LOCAL_KIOSK_ID);
    }).immediate();
  }

  issueToken(kioskId: string): string {
    const token = newToken();
    this.sql.insertToken.run(sha256Hex(token), kioskId, this.now().toISOString());
    return token;
  }

  /** Pairing: the kiosk's one device token, replacing any it had, and no longer revoked. */
  pair(kioskId: string): string {
    return this.db.transaction(() => {
      this.sql.deleteTokens.run(kioskId);
      this.sql.setRevoked.run(null, kioskId);
      return this.issueToken(kioskId);
    }).immediate();
  }

  /** A new kiosk, waiting to be paired. */
  add(name: string, location: string, profileId: number): string {
    this.profiles.require(profileId);
    const id = `kiosk-${randomBytes(4).toString('hex')}`;
    this.sql.insertKiosk.run(id, name, location, profileId, this.now().toISOString());
    return id;
  }

  change(kioskId: string, change: KioskChange): void {
    if (change.profileId !== undefined) this.profiles.require(change.profileId);
    this.sql.rename.run(change.name ?? null, change.location ?? null, change.profileId ?? null, kioskId);
  }

  /** No device token of the kiosk works any more, until it is paired again. */
  revoke(kioskId: string): void {
    this.db.transaction(() => {
      this.sql.deleteTokens.run(kioskId);
      this.sql.setRevoked.run(this.now().toISOString(), kioskId);
    }).immediate();
  }

  row(kioskId: string): KioskRow | null {
    return (this.sql.kioskById.get(kioskId) as KioskRow | undefined) ?? null;
  }

  rows(): KioskRow[] {
    return this.sql.allKiosks.all() as KioskRow[];
  }

  touch(kioskId: string): void {
    const now = this.now();
    const last = this.lastSeenWrites.get(kioskId);
    if (last !== undefined && now.getTime() - last < LAST_SEEN_RESOLUTION_MS) return;
    this.lastSeenWrites.set(kioskId, now.getTime());
    this.sql.touch.run(now.toISOString(), kioskId);
  }

  recordHeartbeat(kioskId: string, heartbeat: Heartbeat): void {
    const at = this.now().toISOString();
    this.sql.heartbeat.run(JSON.stringify(heartbeat), at, at, kioskId);
  }

  lastHeartbeat(row: KioskRow): Heartbeat | null {
    if (row.heartbeat_json === null) return null;
    const parsed = Heartbeat.safeParse(JSON.parse(row.heartbeat_json));
    return parsed.success ? parsed.data : null;
  }

  config(kioskId: string): KioskConfig | null {
    const row = this.row(kioskId);
    if (!row) return null;
    const settings = this.profiles.settings(row.profile_id);
    const config: Omit<KioskConfig, 'configVersion'> = {
      kioskId: row.id,
      name: row.name,
      mode: settings.mode,
      defaultLanguage: settings.defaultLanguage,
      languageSwitch: settings.languageSwitch,
      libraryName: settings.libraryName ?? loadLibraryName(this.db),
      idleTimeoutSeconds: settings.idleTimeoutSeconds,
      idleCountdownSeconds: settings.idleCountdownSeconds,
      sound: settings.sound,
      receipt: settings.receipt,
      phoneReceipt: settings.phoneReceipt,
      cameraDeviceId: row.camera_device_id,
      cameraLabel: settings.cameraLabel,
      slides: settings.slides,
      logo: settings.logo,
      scanRules: settings.scanRules ?? loadScanRules(this.db, this.ils.scanRulesWhenUnset),
      pinFormat: this.ils.pinFormat,
      // The profile's offline policy; the config route adds the loan period and the card list.
      offline: OfflinePolicy.parse(settings.offline),
    };
    return { ...config, configVersion: sha256Hex(JSON.stringify(config)).slice(0, 16) };
  }
}
