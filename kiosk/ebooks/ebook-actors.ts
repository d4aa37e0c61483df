/**
 * The e-books machine's actors, backed by the hub and the IndexedDB cache. Dexie is imported
 * on first use, so it stays out of the kiosk's first load.
 */
import { fromPromise } from 'xstate';
import type { HubClient } from '../../shared/api/hub-client';
import type { CatalogueDb } from './catalogue-db';
import type { IssueInput } from './ebooks-types';
import { ticketWatcher } from './ticket-watcher';

export function ebookActors(hub: HubClient) {
  let opened: Promise<{ db: CatalogueDb; cache: typeof import('./catalogue-db') }> | undefined;
  const cache = () => (opened ??= import('./catalogue-db').then((module) => ({ db: new module.CatalogueDb(), cache: module })));

  return {
    loadCatalogue: fromPromise(async () => {
      const { db, cache: queries } = await cache();
      return queries.readCatalogue(db);
    }),
    syncCatalogue: fromPromise(async ({ signal }: { signal: AbortSignal }) => {
      const { db, cache: queries } = await cache();
      const since = await queries.lastSyncedAt(db);
      const answer = await hub.ebookCatalogue(since, signal);
      await queries.storeCatalogue(db, answer);
      // A first sync's answer is the whole catalogue: no need to read it back.
      return since === null ? { ebooks: answer.ebooks, categories: answer.categories, popularIds: answer.popularIds } : queries.readCatalogue(db);
    }),
    issueTicket: fromPromise(({ input, signal }: { input: IssueInput; signal: AbortSignal }) =>
      hub.issueEbookTicket(input.ebookId, input.patronToken, signal),
    ),
    watchTicket: ticketWatcher({
      status: (ticketId, signal) => hub.ebookTicketStatus(ticketId, signal),
      cancel: (ticketId) => void hub.cancelEbookTicket(ticketId).catch(() => undefined),
    }),
  };
}
