/**
 * The e-books machine's actors, backed by the hub and the IndexedDB copy, and the saved covers
 * the screens fall back on. Dexie is imported on first use, so it stays out of the kiosk's first load.
 */
import { fromPromise } from 'xstate';
import type { HubClient } from '../../shared/api/hub-client';
import type { EbookSummary } from '../../shared/ebooks/schemas';
import type { CatalogueDb } from './catalogue-db';
import type { IssueInput, PageRequest, StoreInput } from './ebooks-types';
import type { SavedCovers } from './saved-covers';
import { prepareForSearch } from './catalogue-search';
import { ticketActors } from './ticket-watcher';

/** Covers fetched together and saved in one write: one write per cover would make 10,000 take minutes. */
const COVER_BATCH = 24;
/** Cover saving waits until the patron has not typed or touched for this long: their taps come first. */
const QUIET_MS = 400;
/** Object URLs of saved covers kept alive: several screens of covers, not the whole collection. */
const OBJECT_URLS = 300;

export function ebookServices(hub: HubClient) {
  let lastInput = 0;
  for (const type of ['keydown', 'pointerdown'] as const) addEventListener(type, () => (lastInput = performance.now()), { capture: true, passive: true });
  const quietMoment = async (signal: AbortSignal) => {
    for (let wait = lastInput + QUIET_MS - performance.now(); wait > 0 && !signal.aborted; wait = lastInput + QUIET_MS - performance.now()) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  };

  let opened: Promise<{ db: CatalogueDb; copy: typeof import('./catalogue-db') }> | undefined;
  const open = () => (opened ??= import('./catalogue-db').then((module) => ({ db: new module.CatalogueDb(), copy: module })));

  const objectUrls = new Map<string, string>();
  const savedCovers: SavedCovers = {
    async objectUrl(ebookId, url) {
      const known = objectUrls.get(url);
      if (known) return known;
      const { db, copy } = await open();
      const image = await copy.savedCover(db, ebookId, url);
      if (!image) return null;
      const objectUrl = URL.createObjectURL(image);
      objectUrls.set(url, objectUrl);
      // The oldest goes: a Map iterates in insertion order.
      for (const [oldUrl, oldObjectUrl] of objectUrls) {
        if (objectUrls.size <= OBJECT_URLS) break;
        objectUrls.delete(oldUrl);
        URL.revokeObjectURL(oldObjectUrl);
      }
      return objectUrl;
    },
  };

  const actors = {
    loadCatalogue: fromPromise(async () => {
      const { db, copy } = await open();
      return copy.readCatalogue(db, (chunk) => prepareForSearch(chunk, false));
    }),
    fetchChanges: fromPromise(({ input, signal }: { input: PageRequest; signal: AbortSignal }) => hub.ebookCatalogue(input.since, input.after, signal)),
    storeChanges: fromPromise(async ({ input }: { input: StoreInput }) => {
      const { db, copy } = await open();
      await copy.storeCatalogue(db, input);
    }),
    /** Saves the covers not saved yet; stopped (the patron leaves), it goes on from there next time. */
    saveCovers: fromPromise(async ({ input, signal }: { input: { ebooks: EbookSummary[] }; signal: AbortSignal }) => {
      const { db, copy } = await open();
      const missing = await copy.coversToSave(db, input.ebooks);
      for (let start = 0; start < missing.length && !signal.aborted; start += COVER_BATCH) {
        await quietMoment(signal);
        const fetched = await Promise.all(
          missing.slice(start, start + COVER_BATCH).map(async ({ ebookId, url }) => {
            const response = await fetch(url, { signal });
            // A cover the hub no longer has is skipped; the next sync brings its title's new URL.
            return response.ok ? [{ ebookId, url, image: await response.blob() }] : [];
          }),
        );
        await copy.saveCovers(db, fetched.flat());
      }
    }),
    issueTicket: fromPromise(({ input, signal }: { input: IssueInput; signal: AbortSignal }) =>
      hub.issueEbookTicket(input.ebookId, input.patronToken, signal),
    ),
    ...ticketActors({
      status: (ticketId, signal) => hub.ebookTicketStatus(ticketId, signal),
      cancel: (ticketId) => void hub.cancelEbookTicket(ticketId).catch(() => undefined),
    }),
  };
  return { actors, savedCovers };
}
