/**
 * The kiosk's own database (IndexedDB through Dexie): its last profile (the config the hub sent,
 * so the attract screen opens with the hub down), its device token, and the outbox of transactions
 * made while the hub could not be reached; and the e-book section's copy of the catalogue and its
 * covers, which only the section's worker reads and writes (kiosk/ebooks/catalogue-store.ts).
 *
 * Patron data: only what a queued transaction needs (card number and item barcode), deleted when
 * the hub has answered it (outbox.ts). The sync log keeps outcomes without cards.
 */
import Dexie, { type EntityTable } from 'dexie';
import { OfflinePolicy, type KioskConfig, type OfflineOutcome, type OfflineTransaction } from '../../shared/api/schemas';
import type { RefusalCode } from '../../shared/circulation/codes';
import type { EbookCategory, EbookSummary } from '../../shared/ebooks/schemas';

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

/**
 * The e-book titles whose ids fall in one range (kiosk/ebooks/catalogue-store.ts), one record per
 * range: 100,000 titles took 6.6 s to write and 51 MB as one record each, 0.5 s and 8.7 MB this way.
 */
export interface EbookChunk {
  key: number;
  ebooks: EbookSummary[];
}
/** The e-book copy's sync state, under the key 'sync': `syncedAt` is the hub's, the next sync asks for what changed from then on. */
export interface EbookSyncState {
  key: 'sync';
  syncedAt: string;
  categories: EbookCategory[];
  popularIds: number[];
}
/** A saved cover thumbnail; `url` is the versioned cover URL it was fetched from. */
export interface SavedCover {
  ebookId: number;
  url: string;
  image: Blob;
}

export class KioskDb extends Dexie {
  profile!: EntityTable<ProfileRecord, 'key'>;
  token!: EntityTable<TokenRecord, 'key'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  syncLog!: EntityTable<SyncLogEntry, 'requestId'>;
  ebookChunks!: EntityTable<EbookChunk, 'key'>;
  ebookSync!: EntityTable<EbookSyncState, 'key'>;
  covers!: EntityTable<SavedCover, 'ebookId'>;

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
    // The e-book copy, until then a database of its own ('kiosk-ebooks'), which the section's worker moves in once.
    this.version(3).stores({ ebookChunks: 'key', ebookSync: 'key', covers: 'ebookId, url' });
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
