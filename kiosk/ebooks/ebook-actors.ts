/**
 * The e-books machine's actors, backed by the hub and the IndexedDB cache. Dexie is imported
 * on first use, so it stays out of the kiosk's first load.
 */
import { fromPromise } from 'xstate';
import type { HubClient } from '../../shared/api/hub-client';
import type { CatalogueDb } from './catalogue-db';
import type { IssueInput, StoreInput } from './ebooks-types';
import { ticketWatcher } from './ticket-watcher';

export function ebookActors(hub: HubClient) {
  let opened: Promise<{ db: CatalogueDb; cache: typeof import('./catalogue-db') }> | undefined;
  const cache = () => (opened ??= import('./catalogue-db').then((module) => ({ db: new module.CatalogueDb(), cache: module })));

  return {
    loadCatalogue: fromPromise(async () => {
      const { db, cache: queries } = await cache();
      return queries.readCatalogue(db);
    }),
    fetchChanges: fromPromise(({ input, signal }: { input: { since: string | null }; signal: AbortSignal }) => hub.ebookCatalogue(input.since, signal)),
    storeChanges: fromPromise(async ({ input }: { input: StoreInput }) => {
      const { db, cache: queries } = await cache();
      await queries.storeCatalogue(db, input.answer, input.since);
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
