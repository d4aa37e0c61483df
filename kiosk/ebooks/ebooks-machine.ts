/**
 * The kiosk's e-book section: browse and search the cached catalogue, open a title, show its
 * QR code until the phone has downloaded it. Invoked by the session machine's `ebooks` state,
 * so leaving that state (or the idle timeout) stops it, and the ticket watcher with it.
 *
 * Two regions: `sync` fills the catalogue (cache first, then the hub's changes page by page,
 * each shown before it is written back to the cache), `view` is the screens. All I/O is injected: the cache's
 * load and store, the hub's catalogue, ticket issue and status, and the ticket guard (which
 * cancels an unsettled ticket when stopped, see ticket-watcher.ts). Every wait is one of `Delays`.
 */
import { assertEvent, assign, fromCallback, fromPromise, sendParent, sendTo, setup } from 'xstate';
import { isRefusal } from '../../shared/api/hub-client';
import type { EbookCatalogue, EbookSummary, TicketIssued, TicketStatus } from '../../shared/ebooks/schemas';
import type { Notice } from '../session/notices';
import { errorNotice } from '../session/notices';
import { prepareForSearch, searchCatalogue } from './catalogue-search';
import { applyPage, shelfEbooks, shelvesOf } from './catalogue-view';
import type { CatalogueSnapshot, EbooksInput, IssueInput, PageRequest, Shelf, StoreInput, TicketGuardEvent, TicketInput } from './ebooks-types';
import { notProvided, notProvidedCallback } from '../../shared/machines/not-provided';

export type EbooksEvent =
  | { type: 'query.changed'; query: string }
  | { type: 'query.typed'; char: string }
  | { type: 'query.backspace' }
  | { type: 'query.cleared' }
  | { type: 'keyboard.opened' }
  | { type: 'keyboard.closed' }
  | { type: 'shelf.opened'; shelfId: string }
  | { type: 'shelf.closed' }
  | { type: 'ebook.opened'; ebookId: number }
  | { type: 'send.requested' }
  | { type: 'back' }
  | { type: 'leave' };

/** What the e-books machine tells the session machine. */
export type EbooksParentEvent =
  | { type: 'ebooks.left' }
  | { type: 'ebooks.signInRequired'; ebookId: number }
  /** The hub no longer knows the patron's sign-in (for a `card` title): the session ends. */
  | { type: 'ebooks.sessionExpired' };

export interface EbooksContext {
  catalogue: CatalogueSnapshot;
  /** The page of the sync to ask for next, and the sync's `syncedAt` (its first page's; null before). */
  page: PageRequest & { syncedAt: string | null };
  /** The hub's page while it is written to the cache. */
  unsaved: StoreInput | null;
  shelves: Shelf[];
  /** Every title of the opened shelf. */
  shelfEbooks: EbookSummary[];
  /** null until the first sync has ended; false: the hub could not be reached. */
  online: boolean | null;
  query: string;
  /** The on-screen letter keyboard takes half the screen: shown when the patron goes to search. */
  keyboardOpen: boolean;
  results: EbookSummary[];
  openShelfId: string | null;
  selected: EbookSummary | null;
  ticket: TicketIssued | null;
  notice: Notice | null;
  patronToken: string | null;
  openEbookId: number | null;
  now: () => number;
}

const MAX_QUERY_LENGTH = 40;

/** Every wait of the e-book section, in one place. */
export const Delays = {
  /** How long the section waits for the title a patron signed in for to reach the catalogue, before browsing. */
  resumeWait: 3000,
  /** Between two questions to the hub whether the phone has downloaded the ticket on screen. */
  ticketPoll: 2000,
  /** How long "Sent to your phone" stays before browsing again. */
  sent: 4000,
};

function sendingNotice(error: unknown, now: number): Notice {
  return isRefusal(error, 'network.offline') ? { key: 'ebooks.needsNetwork' } : errorNotice(error, now);
}

function endedNotice(status: TicketStatus): Notice {
  if (status.state === 'live') throw new Error('a live ticket has not ended');
  return { key: `phone.ticket.${status.state}` };
}

function ticketInput({ context }: { context: EbooksContext }): TicketInput {
  if (!context.ticket) throw new Error('showing a QR code without a ticket');
  return { ticketId: context.ticket.ticketId };
}

export const ebooksMachine = setup({
  types: {
    context: {} as EbooksContext,
    events: {} as EbooksEvent,
    input: {} as EbooksInput,
  },
  actors: {
    loadCatalogue: fromPromise<CatalogueSnapshot>(notProvided),
    fetchChanges: fromPromise<EbookCatalogue, PageRequest>(notProvided),
    storeChanges: fromPromise<void, StoreInput>(notProvided),
    saveCovers: fromPromise<void, { ebooks: EbookSummary[] }>(notProvided),
    issueTicket: fromPromise<TicketIssued, IssueInput>(notProvided),
    ticketStatus: fromPromise<TicketStatus, TicketInput>(notProvided),
    ticketGuard: fromCallback<TicketGuardEvent, TicketInput>(notProvidedCallback),
  },
  actions: {
    /** `shelves: false` keeps the shelves as they are: a sync's middle pages only add titles to search. */
    keepCatalogue: assign(({ context }, { catalogue, shelves = true }: { catalogue: CatalogueSnapshot; shelves?: boolean }) => {
      prepareForSearch(catalogue.ebooks, shelves);
      return {
      catalogue,
      shelves: shelves ? shelvesOf(catalogue) : context.shelves,
      shelfEbooks: context.openShelfId === null ? [] : shelfEbooks(catalogue, context.openShelfId),
      results: context.query === '' ? [] : searchCatalogue(catalogue.ebooks, context.query),
      selected: context.selected ?? catalogue.ebooks.find((ebook) => ebook.id === context.openEbookId) ?? null,
      };
    }),
    setQuery: assign(({ context }, query: string) => {
      const trimmed = query.slice(0, MAX_QUERY_LENGTH);
      return { query: trimmed, results: trimmed.trim() === '' ? [] : searchCatalogue(context.catalogue.ebooks, trimmed), openShelfId: null, shelfEbooks: [] };
    }),
    /** The sync asks for what changed since the copy's `syncedAt`, from its first page. */
    startSync: assign({ page: ({ context }) => ({ since: context.catalogue.syncedAt, after: null, syncedAt: null }) }),
    openShelf: assign(({ context, event }) => {
      assertEvent(event, 'shelf.opened');
      return { openShelfId: event.shelfId, shelfEbooks: shelfEbooks(context.catalogue, event.shelfId) };
    }),
    closeShelf: assign({ openShelfId: null, shelfEbooks: [] }),
    select: assign(({ context, event }) => {
      assertEvent(event, 'ebook.opened');
      return { selected: context.catalogue.ebooks.find((ebook) => ebook.id === event.ebookId) ?? null, notice: null };
    }),
    forgetSelection: assign({ selected: null, openEbookId: null, notice: null }),
    keepTicket: assign((_, ticket: TicketIssued) => ({ ticket })),
    forgetTicket: assign({ ticket: null }),
    showNotice: assign((_, notice: Notice) => ({ notice })),
    clearNotice: assign({ notice: null }),
    settleTicket: sendTo('ticketGuard', { type: 'ticket.settled' }),
  },
  guards: {
    hasSelection: ({ context }) => context.selected !== null,
    needsSignIn: ({ context }) => context.selected?.access === 'card' && context.patronToken === null,
  },
  delays: Delays,
}).createMachine({
  id: 'ebooks',
  type: 'parallel',
  context: ({ input }) => ({
    catalogue: { ebooks: [], categories: [], popularIds: [], syncedAt: null },
    page: { since: null, after: null, syncedAt: null },
    unsaved: null,
    shelves: [],
    shelfEbooks: [],
    online: null,
    query: '',
    keyboardOpen: false,
    results: [],
    openShelfId: null,
    selected: null,
    ticket: null,
    notice: null,
    patronToken: input.patronToken,
    openEbookId: input.openEbookId,
    now: input.now,
  }),
  states: {
    sync: {
      initial: 'loadingCache',
      states: {
        loadingCache: {
          invoke: {
            src: 'loadCatalogue',
            onDone: { target: 'syncing', actions: [{ type: 'keepCatalogue', params: ({ event }) => ({ catalogue: event.output }) }, 'startSync'] },
            // An unreadable cache only means the hub's copy is needed.
            onError: { target: 'syncing', actions: 'startSync' },
          },
        },
        /** One page of what changed since the copy's `syncedAt`; the first on screen is the whole catalogue's first. */
        syncing: {
          invoke: {
            src: 'fetchChanges',
            input: ({ context }) => ({ since: context.page.since, after: context.page.after }),
            onDone: {
              target: 'storing',
              actions: [
                assign({
                  unsaved: ({ context, event }) => ({
                    answer: event.output,
                    since: context.page.since,
                    after: context.page.after,
                    syncedAt: context.page.syncedAt ?? event.output.syncedAt,
                  }),
                }),
                {
                  type: 'keepCatalogue',
                  params: ({ context, event }) => ({
                    catalogue: applyPage(context.catalogue, event.output, context.page, context.page.syncedAt ?? event.output.syncedAt),
                    shelves: context.page.after === null || event.output.next === null,
                  }),
                },
                assign({
                  online: true,
                  page: ({ context, event }) => ({ ...context.page, after: event.output.next, syncedAt: context.page.syncedAt ?? event.output.syncedAt }),
                }),
              ],
            },
            // Unreachable after the first page, the kiosk keeps what it has shown; the next visit syncs again.
            onError: { target: 'done', actions: assign({ online: ({ context }) => context.online === true }) },
          },
        },
        /**
         * Patrons browse the new page meanwhile; then the next page. A failed write ends the sync
         * without its `syncedAt` written, so the next sync asks again from the old one.
         */
        storing: {
          exit: assign({ unsaved: null }),
          invoke: {
            src: 'storeChanges',
            input: ({ context }) => {
              if (!context.unsaved) throw new Error('storing without an answer');
              return context.unsaved;
            },
            onDone: [{ guard: ({ context }) => context.page.after !== null, target: 'syncing' }, { target: 'savingCovers' }],
            onError: 'savingCovers',
          },
        },
        /** Covers for browsing without the hub; a failure only means the next visit saves the rest. */
        savingCovers: {
          invoke: { src: 'saveCovers', input: ({ context }) => ({ ebooks: context.catalogue.ebooks }), onDone: 'done', onError: 'done' },
        },
        done: {},
      },
    },

    view: {
      initial: 'starting',
      states: {
        /** Straight to the title a patron signed in for, once the catalogue has it. */
        starting: {
          always: [{ guard: 'hasSelection', target: 'detail' }, { guard: ({ context }) => context.openEbookId === null, target: 'browsing' }],
          after: { resumeWait: 'browsing' },
          on: { 'ebook.opened': { target: 'detail', actions: 'select' } },
        },
        browsing: {
          on: {
            'query.changed': { actions: { type: 'setQuery', params: ({ event }) => event.query } },
            'query.typed': { actions: { type: 'setQuery', params: ({ context, event }) => context.query + event.char } },
            'query.backspace': { actions: { type: 'setQuery', params: ({ context }) => context.query.slice(0, -1) } },
            'query.cleared': { actions: { type: 'setQuery', params: '' } },
            'keyboard.opened': { actions: assign({ keyboardOpen: true }) },
            'keyboard.closed': { actions: assign({ keyboardOpen: false }) },
            'shelf.opened': { actions: 'openShelf' },
            'shelf.closed': { actions: 'closeShelf' },
            'ebook.opened': { target: 'detail', actions: 'select' },
            leave: { actions: sendParent({ type: 'ebooks.left' }) },
          },
        },
        detail: {
          on: {
            'send.requested': [
              {
                guard: 'needsSignIn',
                actions: sendParent(({ context }) => ({ type: 'ebooks.signInRequired', ebookId: context.selected?.id ?? 0 })),
              },
              { target: 'issuing', actions: 'clearNotice' },
            ],
            back: { target: 'browsing', actions: 'forgetSelection' },
            leave: { actions: sendParent({ type: 'ebooks.left' }) },
          },
        },
        issuing: {
          invoke: {
            src: 'issueTicket',
            input: ({ context }) => ({ ebookId: context.selected?.id ?? 0, patronToken: context.patronToken }),
            onDone: { target: 'showingQr', actions: { type: 'keepTicket', params: ({ event }) => event.output } },
            onError: [
              { guard: ({ event }) => isRefusal(event.error, 'session.expired'), target: 'detail', actions: sendParent({ type: 'ebooks.sessionExpired' }) },
              { target: 'detail', actions: { type: 'showNotice', params: ({ context, event }) => sendingNotice(event.error, context.now()) } },
            ],
          },
        },
        /** The QR code on screen: the hub is asked every `ticketPoll` until the phone has the title or the ticket ends. */
        showingQr: {
          exit: 'forgetTicket',
          invoke: { id: 'ticketGuard', src: 'ticketGuard', input: ticketInput },
          initial: 'waiting',
          on: {
            back: 'detail',
            leave: { actions: sendParent({ type: 'ebooks.left' }) },
          },
          states: {
            waiting: { after: { ticketPoll: 'asking' } },
            asking: {
              invoke: {
                src: 'ticketStatus',
                input: ticketInput,
                onDone: [
                  { guard: ({ event }) => event.output.downloadsUsed > 0, target: 'delivered', actions: 'settleTicket' },
                  {
                    guard: ({ event }) => event.output.state !== 'live',
                    target: 'ended',
                    actions: ['settleTicket', { type: 'showNotice', params: ({ event }) => endedNotice(event.output) }],
                  },
                  { target: 'waiting' },
                ],
                // Offline for a moment: the next poll asks again.
                onError: 'waiting',
              },
            },
            // Passed through so the guard hears `ticket.settled` before leaving the QR code stops it.
            delivered: { always: '#ebooks.view.sent' },
            ended: { always: '#ebooks.view.detail' },
          },
        },
        sent: {
          after: { sent: { target: 'browsing', actions: 'forgetSelection' } },
          on: {
            back: { target: 'browsing', actions: 'forgetSelection' },
            leave: { actions: sendParent({ type: 'ebooks.left' }) },
          },
        },
      },
    },
  },
});

export type EbooksMachine = typeof ebooksMachine;
