/**
 * The kiosk's copy of the e-book catalogue in IndexedDB, so browsing is instant and still works
 * while the hub is unreachable. Covers are left to the HTTP cache: their URLs are versioned
 * and served `immutable`. Every query of the cache is in this module.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { EbookCatalogue, EbookCategory, EbookSummary } from '../../shared/ebooks/schemas';
import type { CatalogueSnapshot } from './ebooks-types';

interface SyncState {
  key: 'sync';
  /** The hub's `syncedAt` of the last sync: the next asks only for what changed from then on. */
  syncedAt: string;
  categories: EbookCategory[];
  popularIds: number[];
}

export class CatalogueDb extends Dexie {
  ebooks!: EntityTable<EbookSummary, 'id'>;
  state!: EntityTable<SyncState, 'key'>;

  constructor(name = 'kiosk-ebooks') {
    super(name);
    this.version(1).stores({ ebooks: 'id', state: 'key' });
  }
}

export async function readCatalogue(db: CatalogueDb): Promise<CatalogueSnapshot> {
  return db.transaction('r', db.ebooks, db.state, async () => {
    const [ebooks, state] = await Promise.all([db.ebooks.toArray(), db.state.get('sync')]);
    return { ebooks, categories: state?.categories ?? [], popularIds: state?.popularIds ?? [], syncedAt: state?.syncedAt ?? null };
  });
}

/** Titles per write: one write of 10,000 titles would hold the kiosk's main thread for most of a second. */
const WRITE_CHUNK = 500;

/**
 * Stores a sync's answer: the whole catalogue (`since` null) replaces the copy; otherwise the
 * withdrawn titles are deleted and the changed ones put. Titles go in chunks, with a pause for
 * the screen between them, and the sync state (`syncedAt`) goes last: a write cut short leaves
 * the old `syncedAt`, so the next sync asks again from there (putting a title twice is harmless).
 */
export async function storeCatalogue(db: CatalogueDb, answer: EbookCatalogue, since: string | null): Promise<void> {
  await db.transaction('rw', db.ebooks, async () => {
    if (since === null) await db.ebooks.clear();
    await db.ebooks.bulkDelete(answer.withdrawnIds);
  });
  for (let start = 0; start < answer.ebooks.length; start += WRITE_CHUNK) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await db.ebooks.bulkPut(answer.ebooks.slice(start, start + WRITE_CHUNK));
  }
  await db.state.put({ key: 'sync', syncedAt: answer.syncedAt, categories: answer.categories, popularIds: answer.popularIds });
}
