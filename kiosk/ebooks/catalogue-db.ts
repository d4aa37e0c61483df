/**
 * The kiosk's copy of the e-book catalogue and its cover thumbnails in IndexedDB, so browsing is
 * instant and still works, covers included, while the hub is unreachable. Every query of the
 * copy is in this module.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { EbookCategory, EbookSummary } from '../../shared/ebooks/schemas';
import type { CatalogueSnapshot, StoreInput } from './ebooks-types';

interface SyncState {
  key: 'sync';
  /** The hub's `syncedAt` of the last sync: the next asks only for what changed from then on. */
  syncedAt: string;
  categories: EbookCategory[];
  popularIds: number[];
}

/** A saved cover thumbnail; `url` is the versioned cover URL it was fetched from. */
interface SavedCover {
  ebookId: number;
  url: string;
  image: Blob;
}

export class CatalogueDb extends Dexie {
  ebooks!: EntityTable<EbookSummary, 'id'>;
  state!: EntityTable<SyncState, 'key'>;
  covers!: EntityTable<SavedCover, 'ebookId'>;

  /**
   * A shipped version is never changed: a new one is added below (with its upgrade test in
   * tests/unit/kiosk/catalogue-db-versions.test.ts). Should a newer kiosk build open the copy
   * elsewhere, this page closes it (so that one is not blocked) and reloads to run the newer code.
   */
  constructor(name = 'kiosk-ebooks', onNewerVersion: () => void = () => location.reload()) {
    super(name);
    this.version(1).stores({ ebooks: 'id', state: 'key' });
    this.version(2).stores({ covers: 'ebookId, url' });
    this.on('versionchange', () => {
      this.close();
      onNewerVersion();
      return false;
    });
  }
}

/** Titles per read and per write: 10,000 at once held the kiosk's main thread for most of a second. */
const READ_CHUNK = 2500;
const WRITE_CHUNK = 500;

const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The copy, read in chunks by id with a pause for the screen between them; `onChunk` readies each (search keys). */
export async function readCatalogue(db: CatalogueDb, onChunk: (ebooks: EbookSummary[]) => void = () => undefined): Promise<CatalogueSnapshot> {
  const state = await db.state.get('sync');
  const ebooks: EbookSummary[] = [];
  for (let chunk: EbookSummary[] = []; ebooks.length === 0 || chunk.length === READ_CHUNK; ) {
    const after = ebooks.at(-1)?.id ?? -Infinity;
    chunk = await db.ebooks.where('id').above(after).limit(READ_CHUNK).toArray();
    onChunk(chunk);
    ebooks.push(...chunk);
    if (chunk.length === 0) break;
    await pause();
  }
  return { ebooks, categories: state?.categories ?? [], popularIds: state?.popularIds ?? [], syncedAt: state?.syncedAt ?? null };
}

/**
 * Stores a page of a sync's answer: the first page of the whole catalogue (no `since`) replaces
 * the copy; otherwise the withdrawn titles are deleted and the changed ones put. Titles go in
 * chunks, with a pause for the screen between them, and the sync state (`syncedAt`) goes after the
 * last page's: a sync cut short leaves the old `syncedAt`, so the next asks again from there
 * (putting a title twice is harmless; a whole catalogue cut short is replaced whole next time).
 */
export async function storeCatalogue(db: CatalogueDb, { answer, since, after, syncedAt }: StoreInput): Promise<void> {
  await db.transaction('rw', db.ebooks, db.covers, db.state, async () => {
    if (since === null && after === null) await Promise.all([db.ebooks.clear(), db.covers.clear(), db.state.clear()]);
    await Promise.all([db.ebooks.bulkDelete(answer.withdrawnIds), db.covers.bulkDelete(answer.withdrawnIds)]);
  });
  for (let start = 0; start < answer.ebooks.length; start += WRITE_CHUNK) {
    await pause();
    await db.ebooks.bulkPut(answer.ebooks.slice(start, start + WRITE_CHUNK));
  }
  if (answer.next === null) await db.state.put({ key: 'sync', syncedAt, categories: answer.categories, popularIds: answer.popularIds });
}

/** Titles whose cover is not saved yet, or was saved from an older version of it. */
export async function coversToSave(db: CatalogueDb, ebooks: readonly EbookSummary[]): Promise<Array<{ ebookId: number; url: string }>> {
  // Cover URLs name the title and the version of its cover: the saved URLs alone say what is missing.
  const saved = new Set(await db.covers.orderBy('url').keys());
  return ebooks.flatMap((ebook) => (ebook.coverUrl && !saved.has(ebook.coverUrl) ? [{ ebookId: ebook.id, url: ebook.coverUrl }] : []));
}

export async function saveCovers(db: CatalogueDb, covers: SavedCover[]): Promise<void> {
  await db.covers.bulkPut(covers);
}

/** The saved image of this version of the cover, or null. */
export async function savedCover(db: CatalogueDb, ebookId: number, url: string): Promise<Blob | null> {
  const cover = await db.covers.get(ebookId);
  return cover?.url === url ? cover.image : null;
}
