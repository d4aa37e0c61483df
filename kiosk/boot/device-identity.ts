/**
 * The kiosk's identity on this browser: its device token (device data, never patron data) and the
 * last config the hub sent, both in the kiosk database (kiosk/db). The token is also held in
 * memory, because every hub call reads it synchronously (HubClient's `kioskToken`).
 */
import type { KioskConfig } from '../../shared/api/schemas';
import type { OpenKioskDb } from '../db/lazy-kiosk-db';

/** The database's record helpers, in the database's own chunk (lazy-kiosk-db.ts). */
const records = () => import('../db/kiosk-db');

/** Where kiosks before the offline issue kept the token; moved into the database once, then removed. */
export const LEGACY_TOKEN_KEY = 'kiosk.deviceToken';

export class DeviceIdentity {
  private token: string | null = null;
  private loaded: Promise<void> | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: OpenKioskDb,
    private readonly legacy: Pick<Storage, 'getItem' | 'removeItem'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The token as last loaded or stored; null before `load`, or when the kiosk was never paired. */
  current(): string | null {
    return this.token;
  }

  /** Reads the token from the database, moving a token left in localStorage there first. */
  load(): Promise<string | null> {
    this.loaded ??= this.readStored();
    return this.loaded.then(() => this.writing).then(() => this.token);
  }

  /** Takes a new token at once (the next hub call sends it); the durable write follows. */
  store(token: string): Promise<void> {
    this.token = token;
    this.writing = this.writing.then(async () => (await records()).saveDeviceToken(await this.db(), token));
    return this.writing;
  }

  async saveProfile(config: KioskConfig): Promise<void> {
    await (await records()).saveProfile(await this.db(), config, this.now());
  }

  async lastProfile(): Promise<KioskConfig | null> {
    return (await records()).lastProfile(await this.db());
  }

  private async readStored(): Promise<void> {
    const [{ deviceToken, saveDeviceToken }, db] = await Promise.all([records(), this.db()]);
    const legacy = this.legacy.getItem(LEGACY_TOKEN_KEY);
    const stored = await deviceToken(db);
    if (stored === null && legacy !== null) await saveDeviceToken(db, legacy);
    // Removed only once the database holds a token: a failed write leaves the old one to try again.
    if (legacy !== null) this.legacy.removeItem(LEGACY_TOKEN_KEY);
    // A token stored meanwhile (pairing) wins over what was read.
    this.token ??= stored ?? legacy;
  }
}
