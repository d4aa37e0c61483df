/**
 * One sync of the kiosk's copy with the hub, in the catalogue worker: what changed since the
 * copy's `syncedAt`, page by page (5,000 titles by id, `next` names the following page). Each
 * page goes to the screens first (`onPage`), then into the saved copy, before the next is asked
 * for; the sync state goes with the last page, carrying the first page's `syncedAt` (what changes
 * while the kiosk pages through is newer, so the next sync sends it again). A sync cut short only
 * means the next asks again from the old `syncedAt`. Then the covers not saved yet.
 * All I/O is injected, so tests run it without a browser.
 */
import type { EbookCatalogue } from '../../shared/ebooks/schemas';
import type { SavedCover } from '../db/kiosk-db';
import type { CatalogueCopy } from './catalogue-copy';
import type { CopyWrite } from './catalogue-store';
import type { PageRequest } from './ebooks-types';

export interface SyncIo {
  fetchPage(page: PageRequest, signal: AbortSignal): Promise<EbookCatalogue>;
  write(change: CopyWrite): Promise<void>;
  coversToSave(): Promise<Array<{ ebookId: number; url: string }>>;
  /** The covers fetched (the ones the hub still has), saved in one write. */
  fetchCovers(covers: Array<{ ebookId: number; url: string }>, signal: AbortSignal): Promise<SavedCover[]>;
  saveCovers(covers: SavedCover[]): Promise<void>;
  /** Resolves once the patron has not typed or touched for a moment: their taps come first. */
  quietMoment(signal: AbortSignal): Promise<void>;
}

/** Covers fetched together and saved in one write: one write per cover would make 10,000 take minutes. */
export const COVER_BATCH = 24;

/**
 * Syncs `copy` page by page; `onPage` is told after each page (`complete` after the last, once
 * saved). Rejects with the hub's error when a page cannot be fetched: what was shown stays.
 */
export async function syncCatalogue(copy: CatalogueCopy, io: SyncIo, onPage: (complete: boolean) => void, signal: AbortSignal): Promise<void> {
  const since = copy.view().syncedAt;
  let syncedAt: string | null = null;
  for (let after: number | null = null, first = true; first || after !== null; first = false) {
    const answer = await io.fetchPage({ since, after }, signal);
    syncedAt ??= answer.syncedAt;
    const change = copy.applyPage(answer, { since, after }, syncedAt);
    onPage(false);
    await io.write(change);
    after = answer.next;
    if (signal.aborted) return;
  }
  onPage(true);
  await saveMissingCovers(io, signal);
}

/** Saves the covers not saved yet; stopped (the patron leaves), it goes on from there next time. */
async function saveMissingCovers(io: SyncIo, signal: AbortSignal): Promise<void> {
  const missing = await io.coversToSave();
  for (let start = 0; start < missing.length && !signal.aborted; start += COVER_BATCH) {
    await io.quietMoment(signal);
    const fetched = await io.fetchCovers(missing.slice(start, start + COVER_BATCH), signal);
    await io.saveCovers(fetched);
  }
}
