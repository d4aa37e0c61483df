/**
 * What the catalogue worker answers (catalogue-worker.ts wires it to the real database, hub and
 * fetch; tests to fake-indexeddb and fakes). The worker holds the copy in memory from its first
 * call on, for as long as the kiosk page is open: a patron who comes back to the e-books finds it
 * at once, and only the changes since are fetched.
 */
import type { HubClient } from '../../shared/api/hub-client';
import type { KioskDb, SavedCover } from '../db/kiosk-db';
import { CatalogueCopy } from './catalogue-copy';
import { adoptLegacyCopy, coversToSave, readCopy, saveCovers, savedCover, writeCopy } from './catalogue-store';
import { syncCatalogue } from './catalogue-sync';
import type { CatalogueView, ShelfRequest, ShownEbook, TitleList } from './ebooks-types';
import type { Handlers } from './worker-rpc';

export type SyncProgress = { type: 'loaded'; view: CatalogueView } | { type: 'synced'; view: CatalogueView; complete: boolean };

export type CatalogueApi = {
  /** Reads the saved copy (once), then syncs it with the hub and saves the missing covers. */
  sync: { args: { kioskToken: string | null }; emits: SyncProgress; result: void };
  shelf: { args: ShelfRequest; result: TitleList };
  find: { args: { ebookId: number }; result: ShownEbook | null };
  savedCover: { args: { ebookId: number; url: string }; result: Blob | null };
  /** The patron typed or touched: cover saving waits for a quiet moment. */
  patronActive: { args: null; result: void };
};

export interface ServiceIo {
  db: KioskDb;
  /** The hub, as the kiosk with this device token. */
  hub: (kioskToken: string | null) => Pick<HubClient, 'ebookCatalogue'>;
  fetch: typeof fetch;
  now: () => number;
}

/** Cover saving waits until the patron has not typed or touched for this long. */
export const QUIET_MS = 400;
/**
 * A new search copy goes to the screens at most this often while a sync pages through (and with
 * its last page): building and sending it for each of 20 pages would be work thrown away.
 */
export const SEARCH_COPY_EVERY_MS = 1000;

export function catalogueService({ db, hub, fetch, now }: ServiceIo): Handlers<CatalogueApi> {
  const copy = new CatalogueCopy();
  let loaded: Promise<void> | null = null;
  const load = () =>
    (loaded ??= adoptLegacyCopy(db)
      .catch(() => undefined)
      .then(() => readCopy(db))
      // An unreadable copy only means the hub's is needed.
      .then((saved) => copy.load(saved), () => undefined));
  let lastInput = -Infinity;
  let syncing = Promise.resolve();

  const fetchCovers = async (covers: Array<{ ebookId: number; url: string }>, signal: AbortSignal): Promise<SavedCover[]> => {
    const fetched = await Promise.all(
      covers.map(async ({ ebookId, url }) => {
        const response = await fetch(url, { signal });
        // A cover the hub no longer has is skipped; the next sync brings its title's new URL.
        return response.ok ? [{ ebookId, url, image: await response.blob() }] : [];
      }),
    );
    return fetched.flat();
  };
  const quietMoment = async (signal: AbortSignal) => {
    for (let wait = lastInput + QUIET_MS - now(); wait > 0 && !signal.aborted; wait = lastInput + QUIET_MS - now()) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  };

  return {
    async sync({ kioskToken }, { signal, emit }) {
      await load();
      emit({ type: 'loaded', view: copy.view(true) });
      // The first page's titles are searchable at once.
      let searchCopyAt = -Infinity;
      // One sync at a time: one stopped (the patron left) ends after the step it is in.
      const previous = syncing;
      let done = () => {};
      syncing = new Promise<void>((resolve) => (done = resolve));
      await previous;
      const client = hub(kioskToken);
      await syncCatalogue(
        copy,
        {
          fetchPage: (page, pageSignal) => client.ebookCatalogue(page.since, page.after, pageSignal),
          write: (change) => writeCopy(db, change),
          coversToSave: () => coversToSave(db, copy.titles()),
          fetchCovers,
          saveCovers: (covers) => saveCovers(db, covers),
          quietMoment,
        },
        (complete) => {
          const search = complete || now() - searchCopyAt >= SEARCH_COPY_EVERY_MS;
          if (search) searchCopyAt = now();
          emit({ type: 'synced', view: copy.view(search), complete });
        },
        signal,
      ).finally(done);
    },
    async shelf(request) {
      await load();
      return copy.shelf(request);
    },
    async find({ ebookId }) {
      await load();
      return copy.find(ebookId);
    },
    savedCover: ({ ebookId, url }) => savedCover(db, ebookId, url),
    async patronActive() {
      lastInput = now();
    },
  };
}
