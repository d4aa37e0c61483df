/**
 * The kiosk's e-book section: browse and search the cached catalogue, open a title, show its
 * QR code until the phone has downloaded it. Invoked by the session machine's `ebooks` state,
 * so leaving that state (or the idle timeout) stops it, and the ticket watcher with it.
 *
 * Three regions: `catalogue` follows the catalogue actor (the worker's copy: saved copy first,
 * then the hub's changes page by page, then covers, see catalogue-sync.ts), `shelf` loads an opened
 * shelf's titles a screenful at a time, `view` is the screens. The titles stay in the worker; the
 * machine holds the shelves, the compact search copy it searches as the patron types
 * (catalogue-search.ts: results in the same frame), and the tiles of the list on screen.
 * All I/O is injected: the catalogue actor, list and title look-ups, ticket issue and status, and
 * the ticket guard (which cancels an unsettled ticket when stopped, see ticket-watcher.ts). Every
 * wait is one of `Delays`.
 */
import { and, assertEvent, assign, enqueueActions, fromCallback, fromPromise, sendParent, sendTo, setup } from 'xstate';
import { isRefusal } from '../../shared/api/hub-client';
import type { TicketIssued, TicketStatus } from '../../shared/ebooks/schemas';
import type { Notice } from '../session/notices';
import { errorNotice } from '../session/notices';
import { searchPositions, tileAt, type SearchCopy } from './catalogue-search';
import type { CatalogueEvent, CatalogueView, EbooksInput, IssueInput, ListKey, ShelfRequest, ShownEbook, TicketGuardEvent, TicketInput, TitleList } from './ebooks-types';
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
  /** The patron scrolled near the end of the titles loaded for the list on screen. */
  | { type: 'list.more' }
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
  view: CatalogueView;
  /** What the patron's queries are searched in; null before the worker sent one. */
  search: SearchCopy | null;
  /** The positions in `search` of the results on screen, all of them; their tiles load as the patron scrolls. */
  found: Int32Array | null;
  /** null until the first sync has ended or shown a page; false: the hub could not be reached. */
  online: boolean | null;
  /** Until the sync's last page is in (or it failed). */
  syncing: boolean;
  query: string;
  /** The on-screen letter keyboard takes half the screen: shown when the patron goes to search. */
  keyboardOpen: boolean;
  openShelfId: string | null;
  /** The tiles loaded of the search or the opened shelf on screen; null when neither is. */
  list: TitleList | null;
  /** The title being opened (the worker sends the whole of it), then shown. */
  openingId: number | null;
  selected: ShownEbook | null;
  ticket: TicketIssued | null;
  notice: Notice | null;
  patronToken: string | null;
  openEbookId: number | null;
  now: () => number;
}

type MachineEvent = EbooksEvent | CatalogueEvent | { type: 'shelf.requested' };

const MAX_QUERY_LENGTH = 40;
/** Titles loaded per request: a few screenfuls of covers. */
export const LIST_PAGE = 48;

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

/** The list the screen shows: the search while there is a query, else the opened shelf. */
function listKeyOf(context: EbooksContext): ListKey | null {
  if (context.query.trim() !== '') return { kind: 'search', query: context.query };
  return context.openShelfId === null ? null : { kind: 'shelf', shelfId: context.openShelfId };
}

const sameList = (a: ListKey | undefined, b: ListKey) => JSON.stringify(a) === JSON.stringify(b);

/** How many tiles to load of the list `key`: as many as are loaded already (the catalogue changed), so the screen keeps its place. */
function loadedOf(context: EbooksContext, key: ListKey): number {
  return Math.max(LIST_PAGE, sameList(context.list?.key, key) ? (context.list?.titles.length ?? 0) : 0);
}

/** A search's results: all their positions, the first tiles. */
function searched(context: EbooksContext, query: string, count: number): Pick<EbooksContext, 'list' | 'found'> {
  const found = context.search ? searchPositions(context.search, query) : new Int32Array(0);
  const titles = Array.from(found.subarray(0, count), (position) => tileAt(context.search!, position));
  return { found, list: { key: { kind: 'search', query }, total: found.length, titles } };
}

function shelfRequest({ context }: { context: EbooksContext }): ShelfRequest {
  if (context.openShelfId === null) throw new Error('loading a shelf with none open');
  return { shelfId: context.openShelfId, offset: 0, limit: loadedOf(context, { kind: 'shelf', shelfId: context.openShelfId }) };
}

function moreRequest({ context }: { context: EbooksContext }): ShelfRequest {
  if (context.list?.key.kind !== 'shelf') throw new Error('loading more of no shelf');
  return { shelfId: context.list.key.shelfId, offset: context.list.titles.length, limit: LIST_PAGE };
}

export const ebooksMachine = setup({
  types: {
    context: {} as EbooksContext,
    events: {} as MachineEvent,
    input: {} as EbooksInput,
  },
  actors: {
    syncCatalogue: fromCallback<{ type: never }>(notProvidedCallback),
    shelfTitles: fromPromise<TitleList, ShelfRequest>(notProvided),
    findTitle: fromPromise<ShownEbook | null, { ebookId: number }>(notProvided),
    issueTicket: fromPromise<TicketIssued, IssueInput>(notProvided),
    ticketStatus: fromPromise<TicketStatus, TicketInput>(notProvided),
    ticketGuard: fromCallback<TicketGuardEvent, TicketInput>(notProvidedCallback),
  },
  actions: {
    /** The list on screen after a new query, shelf or catalogue: a search's results at once, a shelf's from the worker. */
    showList: enqueueActions(({ context, enqueue }) => {
      const key = listKeyOf(context);
      if (key?.kind === 'search') enqueue.assign(searched(context, key.query, loadedOf(context, key)));
      else if (key) enqueue.raise({ type: 'shelf.requested' });
      else enqueue.assign({ list: null, found: null });
    }),
    /** The next tiles of the search results, from the search copy. */
    moreResults: assign(({ context }) => {
      const { list, found, search } = context;
      if (!list || !found || !search) return {};
      const more = Array.from(found.subarray(list.titles.length, list.titles.length + LIST_PAGE), (position) => tileAt(search, position));
      return { list: { ...list, titles: [...list.titles, ...more] } };
    }),
    keepView: assign(({ context }, view: CatalogueView) => ({ view, search: view.search ?? context.search })),
    setQuery: assign((_, query: string) => ({ query: query.slice(0, MAX_QUERY_LENGTH), openShelfId: null })),
    openShelf: assign(({ event }) => {
      assertEvent(event, 'shelf.opened');
      return { openShelfId: event.shelfId };
    }),
    closeShelf: assign({ openShelfId: null }),
    forgetSelection: assign({ selected: null, openingId: null, openEbookId: null, notice: null }),
    keepTicket: assign((_, ticket: TicketIssued) => ({ ticket })),
    forgetTicket: assign({ ticket: null }),
    showNotice: assign((_, notice: Notice) => ({ notice })),
    clearNotice: assign({ notice: null }),
    settleTicket: sendTo('ticketGuard', { type: 'ticket.settled' }),
  },
  guards: {
    hasSelection: ({ context }) => context.selected !== null,
    needsSignIn: ({ context }) => context.selected?.access === 'card' && context.patronToken === null,
    hasMore: ({ context }) => context.list !== null && context.list.titles.length < context.list.total,
    listsResults: ({ context }) => context.list?.key.kind === 'search',
  },
  delays: Delays,
}).createMachine({
  id: 'ebooks',
  type: 'parallel',
  context: ({ input }) => ({
    view: { count: 0, shelves: [], syncedAt: null },
    search: null,
    found: null,
    online: null,
    syncing: true,
    query: '',
    keyboardOpen: false,
    openShelfId: null,
    list: null,
    openingId: null,
    selected: null,
    ticket: null,
    notice: null,
    patronToken: input.patronToken,
    openEbookId: input.openEbookId,
    now: input.now,
  }),
  states: {
    /** The catalogue actor runs while the section is open; leaving it (or the idle timeout) stops the sync. */
    catalogue: {
      invoke: { src: 'syncCatalogue' },
      on: {
        'catalogue.loaded': { actions: [{ type: 'keepView', params: ({ event }) => event.view }, 'showList'] },
        'catalogue.synced': {
          actions: [{ type: 'keepView', params: ({ event }) => event.view }, assign({ online: true, syncing: ({ event }) => !event.complete }), 'showList'],
        },
        // Unreachable after the first page, the kiosk keeps what it has shown; the next visit syncs again.
        'catalogue.syncFailed': { actions: assign({ online: ({ context }) => context.online === true, syncing: false }) },
      },
    },

    /** An opened shelf's tiles, a screenful at a time; a new shelf or query stops the request before. Search results need no worker. */
    shelf: {
      initial: 'idle',
      states: {
        idle: {
          on: {
            'shelf.requested': 'loading',
            'list.more': [{ guard: and(['hasMore', 'listsResults']), actions: 'moreResults' }, { guard: 'hasMore', target: 'loadingMore' }],
          },
        },
        loading: {
          on: { 'shelf.requested': { target: 'loading', reenter: true } },
          invoke: {
            src: 'shelfTitles',
            input: shelfRequest,
            onDone: { target: 'idle', actions: assign({ list: ({ context, event }) => (context.openShelfId === null ? context.list : event.output), found: null }) },
            onError: 'idle',
          },
        },
        loadingMore: {
          on: { 'shelf.requested': 'loading' },
          invoke: {
            src: 'shelfTitles',
            input: moreRequest,
            onDone: {
              target: 'idle',
              actions: assign({
                list: ({ context, event }) =>
                  sameList(context.list?.key, event.output.key) ? { ...event.output, titles: [...(context.list?.titles ?? []), ...event.output.titles] } : context.list,
              }),
            },
            onError: 'idle',
          },
        },
      },
    },

    view: {
      initial: 'starting',
      states: {
        /** Straight to the title a patron signed in for, once the catalogue has it; else browsing after `resumeWait`. */
        starting: {
          always: { guard: ({ context }) => context.openEbookId === null, target: 'browsing' },
          after: { resumeWait: 'browsing' },
          on: { 'ebook.opened': { target: 'opening', actions: assign({ openingId: ({ event }) => event.ebookId }) } },
          initial: 'finding',
          states: {
            finding: {
              invoke: {
                src: 'findTitle',
                input: ({ context }) => ({ ebookId: context.openEbookId ?? 0 }),
                onDone: [
                  { guard: ({ event }) => event.output !== null, target: '#ebooks.view.detail', actions: assign({ selected: ({ event }) => event.output }) },
                  { target: 'waiting' },
                ],
                onError: 'waiting',
              },
            },
            // Not in the copy yet: looked for again in each page the sync brings.
            waiting: { on: { 'catalogue.synced': 'finding' } },
          },
        },
        browsing: {
          on: {
            'query.changed': { actions: [{ type: 'setQuery', params: ({ event }) => event.query }, 'showList'] },
            'query.typed': { actions: [{ type: 'setQuery', params: ({ context, event }) => context.query + event.char }, 'showList'] },
            'query.backspace': { actions: [{ type: 'setQuery', params: ({ context }) => context.query.slice(0, -1) }, 'showList'] },
            'query.cleared': { actions: [{ type: 'setQuery', params: '' }, 'showList'] },
            'keyboard.opened': { actions: assign({ keyboardOpen: true }) },
            'keyboard.closed': { actions: assign({ keyboardOpen: false }) },
            'shelf.opened': { actions: ['openShelf', 'showList'] },
            'shelf.closed': { actions: ['closeShelf', 'showList'] },
            'ebook.opened': { target: 'opening', actions: assign({ openingId: ({ event }) => event.ebookId }) },
            leave: { actions: sendParent({ type: 'ebooks.left' }) },
          },
        },
        /** A tapped tile: the worker sends the whole title (a moment); one gone meanwhile leaves the patron browsing. */
        opening: {
          invoke: {
            src: 'findTitle',
            input: ({ context }) => ({ ebookId: context.openingId ?? 0 }),
            onDone: [
              { guard: ({ event }) => event.output !== null, target: 'detail', actions: assign({ selected: ({ event }) => event.output, notice: null }) },
              { target: 'browsing' },
            ],
            onError: 'browsing',
          },
          on: { leave: { actions: sendParent({ type: 'ebooks.left' }) } },
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
