/**
 * The kiosk's own database (IndexedDB through Dexie): its last profile (the config the hub sent,
 * so the attract screen opens with the hub down), its device token, and the outbox of transactions
 * made while the hub could not be reached. The e-book catalogue and covers stay in their own
 * database (kiosk/ebooks/catalogue-db.ts), which the e-book section owns.
 *
 * Patron data: only what a queued transaction needs (card number and item barcode), deleted when
 * the hub has answered it (outbox.ts). The sync log keeps outcomes without cards.
 */
import Dexie, { type EntityTable } from 'dexie';
import { OfflinePolicy, type KioskConfig, type OfflineOutcome, type OfflineTransaction } from '../../shared/api/schemas';
import type { RefusalCode } from '../../shared/circulation/codes';

/** One row each, under the key 'current'. */
export interface ProfileRecord {
  key: 'current';
  config: KioskConfig;
  savedAt: string;
}
export interface TokenRecord {
  key: 'current';
  token: string;
}

/** A queued transaction; `seq` orders the outbox (oldest first). */
export type OutboxEntry = OfflineTransaction & { seq?: number };

/** How the hub answered one queued transaction: no card, no item, kept for the last SYNC_LOG_SIZE. */
export interface SyncLogEntry {
  requestId: string;
  type: OfflineTransaction['type'];
  outcome: OfflineOutcome;
  code: RefusalCode | null;
  answeredAt: string;
}

export class KioskDb extends Dexie {
  profile!: EntityTable<ProfileRecord, 'key'>;
  token!: EntityTable<TokenRecord, 'key'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  syncLog!: EntityTable<SyncLogEntry, 'requestId'>;

  /**
   * A shipped version is never changed: a new one is added below, with its upgrade test in
   * tests/unit/offline/kiosk-db-versions.test.ts. Every transaction is written with strict
   * durability: flushed to disk before it resolves, so "done" on screen survives a power cut.
   * Should a newer kiosk build open this database in another tab, this one closes (so the other is
   * not blocked) and reloads into the newer code.
   */
  constructor(name = 'kiosk', onNewerVersion: () => void = () => location.reload()) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ profile: 'key', token: 'key' });
    this.version(2)
      .stores({ outbox: '++seq, &requestId, cardNumber', syncLog: 'requestId, answeredAt' })
      .upgrade(async (tx) => {
        // Version 1 saved profiles from before offline policies: they get the defaults (returns queued, no borrowing).
        await tx
          .table<ProfileRecord, 'key'>('profile')
          .toCollection()
          .modify((record) => {
            record.config = { ...record.config, offline: OfflinePolicy.parse(record.config.offline ?? {}) };
          });
      });
    this.on('versionchange', () => {
      this.close();
      onNewerVersion();
      return false;
    });
  }
}

export async function saveProfile(db: KioskDb, config: KioskConfig, now: Date): Promise<void> {
  await db.profile.put({ key: 'current', config, savedAt: now.toISOString() });
}

/** The profile the hub sent last, for a start with the hub down. */
export async function lastProfile(db: KioskDb): Promise<KioskConfig | null> {
  return (await db.profile.get('current'))?.config ?? null;
}

export async function saveDeviceToken(db: KioskDb, token: string): Promise<void> {
  await db.token.put({ key: 'current', token });
}

export async function deviceToken(db: KioskDb): Promise<string | null> {
  return (await db.token.get('current'))?.token ?? null;
}
