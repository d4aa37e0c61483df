/**
 * The e-book copy in the kiosk database (kiosk/db/kiosk-db.ts): titles in chunks by id range, the
 * sync state, saved covers. Only the catalogue worker calls these (catalogue-worker.ts), so no
 * read or write of 100,000 titles ever runs on the kiosk's main thread.
 */
import Dexie from 'dexie';
import type { EbookSummary } from '../../shared/ebooks/schemas';
import type { EbookChunk, EbookSyncState, KioskDb, SavedCover } from '../db/kiosk-db';

/** Titles per chunk: ids 0–999 in chunk 0, 1000–1999 in chunk 1, and so on. */
export const CHUNK_SIZE = 1000;
export const chunkKeyOf = (ebookId: number) => Math.floor(ebookId / CHUNK_SIZE);

export interface SavedCopy {
  ebooks: EbookSummary[];
  state: EbookSyncState | null;
}

/** The whole copy, by id. */
export async function readCopy(db: KioskDb): Promise<SavedCopy> {
  const [chunks, state] = await Promise.all([db.ebookChunks.orderBy('key').toArray(), db.ebookSync.get('sync')]);
  return { ebooks: chunks.flatMap((chunk) => chunk.ebooks), state: state ?? null };
}

/** What one page of a sync changes in the copy. */
export interface CopyWrite {
  /** The first page of a whole catalogue: the copy and its covers are replaced. */
  replace: boolean;
  /** The chunks the page touched, as they are now; an empty one is deleted. */
  chunks: EbookChunk[];
  withdrawnIds: number[];
  /** After the sync's last page: the copy is current to its `syncedAt`. */
  state: EbookSyncState | null;
}

/** One transaction: a write cut short leaves the copy as it was, and the old `syncedAt` asks again. */
export async function writeCopy(db: KioskDb, { replace, chunks, withdrawnIds, state }: CopyWrite): Promise<void> {
  await db.transaction('rw', db.ebookChunks, db.ebookSync, db.covers, async () => {
    if (replace) await Promise.all([db.ebookChunks.clear(), db.ebookSync.clear(), db.covers.clear()]);
    const [kept, emptied] = [chunks.filter((chunk) => chunk.ebooks.length > 0), chunks.filter((chunk) => chunk.ebooks.length === 0)];
    await Promise.all([
      db.ebookChunks.bulkPut(kept),
      db.ebookChunks.bulkDelete(emptied.map((chunk) => chunk.key)),
      db.covers.bulkDelete(withdrawnIds),
    ]);
    if (state) await db.ebookSync.put(state);
  });
}

/** Titles whose cover is not saved yet, or was saved from an older version of it. */
export async function coversToSave(db: KioskDb, ebooks: readonly EbookSummary[]): Promise<Array<{ ebookId: number; url: string }>> {
  // Cover URLs name the title and the version of its cover: the saved URLs alone say what is missing.
  const saved = new Set(await db.covers.orderBy('url').keys());
  return ebooks.flatMap((ebook) => (ebook.coverUrl && !saved.has(ebook.coverUrl) ? [{ ebookId: ebook.id, url: ebook.coverUrl }] : []));
}

export async function saveCovers(db: KioskDb, covers: SavedCover[]): Promise<void> {
  await db.covers.bulkPut(covers);
}

/** The saved image of this version of the cover, or null. */
export async function savedCover(db: KioskDb, ebookId: number, url: string): Promise<Blob | null> {
  const cover = await db.covers.get(ebookId);
  return cover?.url === url ? cover.image : null;
}

/** Where kiosks before the kiosk database kept the copy: a title per record, and the covers. */
export const LEGACY_DATABASE = 'kiosk-ebooks';

/**
 * Moves a copy left in the e-book section's old database into the kiosk database, once, so a
 * kiosk updated while the hub is down still has its catalogue; then deletes the old database.
 * A copy already in the kiosk database wins (the old one is only deleted).
 */
export async function adoptLegacyCopy(db: KioskDb, name = LEGACY_DATABASE): Promise<void> {
  if (!(await Dexie.exists(name))) return;
  const legacy = new Dexie(name);
  // The old database's last shipped schema (version 2).
  legacy.version(1).stores({ ebooks: 'id', state: 'key' });
  legacy.version(2).stores({ covers: 'ebookId, url' });
  try {
    const [ebooks, state, covers] = await Promise.all([
      legacy.table<EbookSummary, number>('ebooks').toArray(),
      legacy.table<Omit<EbookSyncState, 'key'> & { key: string }, string>('state').get('sync'),
      legacy.table<SavedCover, number>('covers').toArray(),
    ]);
    if (state && !(await db.ebookSync.get('sync'))) {
      const chunks = new Map<number, EbookSummary[]>();
      for (const ebook of ebooks) {
        const key = chunkKeyOf(ebook.id);
        if (!chunks.has(key)) chunks.set(key, []);
        chunks.get(key)!.push(ebook);
      }
      await writeCopy(db, {
        replace: true,
        chunks: [...chunks].map(([key, titles]) => ({ key, ebooks: titles })),
        withdrawnIds: [],
        state: { key: 'sync', syncedAt: state.syncedAt, categories: state.categories, popularIds: state.popularIds },
      });
      await saveCovers(db, covers);
    }
  } finally {
    legacy.close();
  }
  await Dexie.delete(name);
}
