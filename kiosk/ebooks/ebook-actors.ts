/**
 * The e-books machine's actors: the catalogue from the catalogue worker (started on first use, so
 * neither it nor Dexie is in the kiosk's first load), tickets from the hub, and the saved covers
 * the screens fall back on.
 */
import { fromCallback, fromPromise } from 'xstate';
import type { HubClient } from '../../shared/api/hub-client';
import type { CatalogueApi } from './catalogue-service';
import type { CatalogueEvent, IssueInput, ShelfRequest, ShownEbook, TitleList } from './ebooks-types';
import type { SavedCovers } from './saved-covers';
import { ticketActors } from './ticket-watcher';
import { RpcClient, type Call } from './worker-rpc';

/** Object URLs of saved covers kept alive: several screens of covers, not the whole collection. */
const OBJECT_URLS = 300;
/** The worker hears of the patron's taps at most this often (cover saving waits for a quiet moment). */
const ACTIVITY_EVERY_MS = 100;

/** A worker call as a promise actor's: stopping the actor cancels the call. */
function asPromise<R>(call: Call<R>, signal: AbortSignal): Promise<R> {
  signal.addEventListener('abort', () => call.cancel(), { once: true });
  return call.result;
}

export function ebookServices(hub: HubClient, kioskToken: () => string | null) {
  let worker: RpcClient<CatalogueApi> | undefined;
  const catalogue = () => {
    if (worker) return worker;
    const started = new Worker(new URL('./catalogue-worker.ts', import.meta.url), { type: 'module', name: 'catalogue' });
    // The worker's database connection gave way to a newer kiosk build: reload into it.
    started.addEventListener('message', ({ data }: MessageEvent<{ reload?: boolean }>) => data.reload && location.reload());
    worker = new RpcClient<CatalogueApi>(started);
    return worker;
  };

  let lastActivity = -Infinity;
  for (const type of ['keydown', 'pointerdown'] as const) {
    addEventListener(
      type,
      () => {
        if (!worker || performance.now() - lastActivity < ACTIVITY_EVERY_MS) return;
        lastActivity = performance.now();
        worker.call('patronActive', null);
      },
      { capture: true, passive: true },
    );
  }

  const objectUrls = new Map<string, string>();
  const savedCovers: SavedCovers = {
    async objectUrl(ebookId, url) {
      const known = objectUrls.get(url);
      if (known) return known;
      const image = await catalogue().call('savedCover', { ebookId, url }).result;
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
    /** The saved copy, then the hub's changes page by page, then the covers; stopped, it ends the worker's sync. */
    syncCatalogue: fromCallback<{ type: never }>(({ sendBack }) => {
      const call = catalogue().call('sync', { kioskToken: kioskToken() }, (progress) =>
        sendBack(
          (progress.type === 'loaded'
            ? { type: 'catalogue.loaded', view: progress.view }
            : { type: 'catalogue.synced', view: progress.view, complete: progress.complete }) satisfies CatalogueEvent,
        ),
      );
      call.result.catch(() => sendBack({ type: 'catalogue.syncFailed' } satisfies CatalogueEvent));
      return () => call.cancel();
    }),
    shelfTitles: fromPromise<TitleList, ShelfRequest>(({ input, signal }) => asPromise(catalogue().call('shelf', input), signal)),
    findTitle: fromPromise<ShownEbook | null, { ebookId: number }>(({ input, signal }) => asPromise(catalogue().call('find', input), signal)),
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
