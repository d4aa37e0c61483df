import { describe, expect, it, vi } from 'vitest';
import { createActor, fromCallback, fromPromise, SimulatedClock } from 'xstate';
import { HubError } from '../../../shared/api/hub-client';
import type { EbookCatalogue, EbookSummary, TicketIssued, TicketStatus } from '../../../shared/ebooks/schemas';
import { Delays, ebooksMachine, LIST_PAGE } from '../../../kiosk/ebooks/ebooks-machine';
import { CatalogueCopy } from '../../../kiosk/ebooks/catalogue-copy';
import type { CatalogueEvent, ShelfRequest, ShownEbook, TitleList } from '../../../kiosk/ebooks/ebooks-types';
import { ticketActors } from '../../../kiosk/ebooks/ticket-watcher';
import { Delays as SessionDelays } from '../../../kiosk/session/session-setup';
import { sessionMachine } from '../../../kiosk/session/session-machine';
import { CONFIG, delays, settle, signedIn } from '../kiosk/session-harness';
import { ebookSummary } from '../support/ebook-summary';

/** Searchable by its title's letters only, unless a test gives it pinyin. */
function ebook(id: number, title: string, overrides: Partial<EbookSummary> = {}): EbookSummary {
  return ebookSummary(id, title, {
    categoryIds: [1],
    searchKeys: { text: [title.toLowerCase()], pinyin: [], initials: [] },
    createdAt: `2026-01-0${id}T00:00:00.000Z`,
    ...overrides,
  });
}

const HLM = ebook(1, '红楼梦', { searchKeys: { text: ['红楼梦'], pinyin: ['hongloumeng'], initials: ['hlm'] } });
const CARD_TITLE = ebook(2, 'Card only', { access: 'card' });
const CATEGORIES = [{ id: 1, nameZh: '小说', nameEn: 'Fiction', sort: 0 }];
const SYNCED_AT = '2026-01-01T00:00:00.000Z';
/** The hub's answer: one page, `ebooks` changed since the copy's syncedAt. */
const page = (ebooks: EbookSummary[], overrides: Partial<EbookCatalogue> = {}): EbookCatalogue => ({
  ebooks,
  withdrawnIds: [],
  categories: CATEGORIES,
  popularIds: [2],
  syncedAt: '2026-01-02T00:00:00.000Z',
  next: null,
  ...overrides,
});
const TICKET: TicketIssued = {
  ticketId: 7,
  token: 't'.repeat(43),
  shortCode: 'ABC234',
  downloadUrl: `http://192.168.1.20:8080/d/${'t'.repeat(43)}`,
  expiresAt: '2026-01-01T00:10:00.000Z',
  downloadsLeft: 3,
};
const status = (overrides: Partial<TicketStatus> = {}): TicketStatus => ({
  ticketId: 7,
  state: 'live',
  downloadsUsed: 0,
  downloadsLeft: 3,
  expiresAt: TICKET.expiresAt,
  ...overrides,
});

/**
 * The catalogue worker as the machine sees it, over a real CatalogueCopy: the saved copy holds
 * `saved`; the sync brings `pages` (or fails when offline), each sent when `releasePage` says so
 * (at once by default).
 */
function fakeIo(options: { offline?: boolean; saved?: EbookSummary[]; pages?: EbookCatalogue[]; heldPages?: boolean } = {}) {
  const copy = new CatalogueCopy();
  copy.load({ ebooks: options.saved ?? [HLM], state: { key: 'sync', syncedAt: SYNCED_AT, categories: CATEGORIES, popularIds: [] } });
  const pages = [...(options.pages ?? [page([CARD_TITLE])])];
  const io = {
    /** What the hub answers to the next status questions (an Error: it cannot be reached); then `live`. */
    statuses: [] as Array<TicketStatus | Error>,
    cancelled: [] as number[],
    shelvesAsked: [] as ShelfRequest[],
    releasePage: () => {},
    syncStopped: false,
    statusAsked: 0,
    issue: vi.fn(async (_input: { ebookId: number; patronToken: string | null }) => {
      if (options.offline) throw new HubError('network.offline');
      return TICKET;
    }),
  };
  const actors = {
    syncCatalogue: fromCallback<{ type: never }>(({ sendBack }) => {
      let stopped = false;
      void (async () => {
        sendBack({ type: 'catalogue.loaded', view: copy.view(true) } satisfies CatalogueEvent);
        if (options.offline) return sendBack({ type: 'catalogue.syncFailed' } satisfies CatalogueEvent);
        for (let after: number | null = null, i = 0; i < pages.length; i++) {
          if (options.heldPages) await new Promise<void>((resolve) => (io.releasePage = resolve));
          if (stopped) return;
          const answer = pages[i]!;
          copy.applyPage(answer, { since: SYNCED_AT, after }, pages[0]!.syncedAt);
          sendBack({ type: 'catalogue.synced', view: copy.view(true), complete: answer.next === null } satisfies CatalogueEvent);
          after = answer.next;
        }
      })();
      return () => {
        stopped = true;
        io.syncStopped = true;
      };
    }),
    shelfTitles: fromPromise<TitleList, ShelfRequest>(async ({ input }) => {
      io.shelvesAsked.push(input);
      return copy.shelf(input);
    }),
    findTitle: fromPromise<ShownEbook | null, { ebookId: number }>(async ({ input }) => copy.find(input.ebookId)),
    issueTicket: fromPromise(({ input }: { input: { ebookId: number; patronToken: string | null } }) => io.issue(input)),
    ...ticketActors({
      status: async () => {
        io.statusAsked += 1;
        const next = io.statuses.shift() ?? status();
        if (next instanceof Error) throw next;
        return next;
      },
      cancel: (ticketId) => void io.cancelled.push(ticketId),
    }),
  };
  return { io, actors };
}

function startEbooks(options: Parameters<typeof fakeIo>[0] & { patronToken?: string | null; openEbookId?: number } = {}) {
  const { io, actors } = fakeIo(options);
  const clock = new SimulatedClock();
  const actor = createActor(ebooksMachine.provide({ actors }), {
    clock,
    input: { patronToken: options.patronToken ?? null, openEbookId: options.openEbookId ?? null, now: () => clock.now() },
  }).start();
  /** Moves the simulated clock on by one of the machine's named delays, then lets the hub's answers arrive. */
  const wait = async (ms: number) => {
    clock.increment(ms);
    await settle();
  };
  return {
    actor,
    io,
    clock,
    wait,
    view: () => (['starting', 'browsing', 'opening', 'detail', 'issuing', 'showingQr', 'sent'] as const).find((v) => actor.getSnapshot().matches({ view: v })),
    listed: () => actor.getSnapshot().context.list?.titles.map((e) => e.id),
  };
}

describe('the e-book section', () => {
  it('browses the saved copy at once, then the synced catalogue with shelves', async () => {
    const { actor, io } = startEbooks({ heldPages: true });
    await settle();
    expect(actor.getSnapshot().context.view.shelves.map((s) => [s.id, s.ebooks.map((e) => e.id)])).toEqual([['new', [1]], ['category-1', [1]]]);
    expect([actor.getSnapshot().context.online, actor.getSnapshot().context.syncing]).toEqual([null, true]);
    io.releasePage();
    await settle();
    const { context } = actor.getSnapshot();
    expect([context.online, context.syncing, context.view.count]).toEqual([true, false, 2]);
    expect(context.view.shelves.map((s) => [s.id, s.ebooks.map((e) => e.id)])).toEqual([
      ['new', [2, 1]],
      ['popular', [2]],
      // Titles in Chinese reading order: Chinese before Latin.
      ['category-1', [1, 2]],
    ]);
  });

  it('pages through a large sync: each page on screen as it comes, still syncing until the last', async () => {
    const first = page([CARD_TITLE], { next: 2 });
    const last = page([ebook(3, 'Third')]);
    const { actor, io } = startEbooks({ pages: [first, last], heldPages: true });
    await settle();
    io.releasePage();
    await settle();
    expect([actor.getSnapshot().context.view.count, actor.getSnapshot().context.online, actor.getSnapshot().context.syncing]).toEqual([2, true, true]);
    io.releasePage();
    await settle();
    expect([actor.getSnapshot().context.view.count, actor.getSnapshot().context.syncing]).toEqual([3, false]);
  });

  it('stops the sync when the section is stopped (leaving, idle timeout)', async () => {
    const { actor, io } = startEbooks({ heldPages: true });
    await settle();
    actor.stop();
    expect(io.syncStopped).toBe(true);
  });

  it('shows the letter keyboard only when the patron goes to search', async () => {
    const { actor } = startEbooks();
    const open = () => actor.getSnapshot().context.keyboardOpen;
    expect(open()).toBe(false);
    actor.send({ type: 'keyboard.opened' });
    expect(open()).toBe(true);
    actor.send({ type: 'ebook.opened', ebookId: 1 });
    await settle();
    actor.send({ type: 'back' });
    expect(open()).toBe(true);
    actor.send({ type: 'keyboard.closed' });
    expect(open()).toBe(false);
  });

  it('searches as the patron types, by pinyin initials too, with the results at once', async () => {
    const { actor, listed } = startEbooks();
    await settle();
    for (const char of 'hl') actor.send({ type: 'query.typed', char });
    actor.send({ type: 'query.typed', char: 'm' });
    expect(actor.getSnapshot().context.list).toEqual({
      key: { kind: 'search', query: 'hlm' },
      total: 1,
      titles: [{ id: 1, title: '红楼梦', authors: [], coverUrl: null, language: 'zh' }],
    });
    actor.send({ type: 'query.backspace' });
    actor.send({ type: 'query.changed', query: 'card' });
    expect(listed()).toEqual([2]);
    actor.send({ type: 'query.cleared' });
    expect(actor.getSnapshot().context.list).toBeNull();
  });

  it('shows a long list a screenful of tiles at a time as the patron scrolls, and a new query from its top', async () => {
    const many = Array.from({ length: LIST_PAGE + 10 }, (_, i) => ebook(10 + i, `Book ${i}`));
    const { actor, listed } = startEbooks({ pages: [page(many)] });
    await settle();
    actor.send({ type: 'query.changed', query: 'book' });
    expect([listed()?.length, actor.getSnapshot().context.list?.total]).toEqual([LIST_PAGE, LIST_PAGE + 10]);
    actor.send({ type: 'list.more' });
    expect(listed()).toEqual(many.map((e) => e.id));
    actor.send({ type: 'list.more' });
    expect(listed()?.length).toBe(LIST_PAGE + 10);
    actor.send({ type: 'query.typed', char: ' ' });
    expect(listed()?.length).toBe(LIST_PAGE);
  });

  it('searches again when a sync page changes the catalogue, keeping as many tiles', async () => {
    const { actor, io, listed } = startEbooks({ heldPages: true });
    await settle();
    actor.send({ type: 'query.changed', query: 'card' });
    expect(listed()).toEqual([]);
    io.releasePage();
    await settle();
    expect(listed()).toEqual([2]);
  });

  it('opens a tapped title whole from the worker, and keeps browsing when it is gone meanwhile', async () => {
    const { actor, view } = startEbooks();
    await settle();
    actor.send({ type: 'ebook.opened', ebookId: 1 });
    expect(view()).toBe('opening');
    await settle();
    expect([view(), actor.getSnapshot().context.selected?.description]).toEqual(['detail', null]);
    actor.send({ type: 'back' });
    actor.send({ type: 'ebook.opened', ebookId: 99 });
    await settle();
    expect([view(), actor.getSnapshot().context.selected]).toEqual(['browsing', null]);
  });

  it('lists an opened shelf whole, in its order, and drops it when closed', async () => {
    const { actor, listed } = startEbooks();
    await settle();
    actor.send({ type: 'shelf.opened', shelfId: 'category-1' });
    await settle();
    expect(listed()).toEqual([1, 2]);
    actor.send({ type: 'ebook.opened', ebookId: 2 });
    await settle();
    await settle();
    expect(actor.getSnapshot().context.selected?.id).toBe(2);
    actor.send({ type: 'back' });
    actor.send({ type: 'shelf.closed' });
    expect(actor.getSnapshot().context.list).toBeNull();
  });

  it('shows a title, sends it, asks the hub every ticketPoll until the phone has it, then browses again', async () => {
    const { actor, io, view, wait } = startEbooks();
    await settle();
    actor.send({ type: 'ebook.opened', ebookId: 1 });
    await settle();
    await settle();
    expect([view(), actor.getSnapshot().context.selected?.title]).toEqual(['detail', '红楼梦']);
    actor.send({ type: 'send.requested' });
    await settle();
    expect(io.issue).toHaveBeenCalledWith({ ebookId: 1, patronToken: null });
    expect([view(), actor.getSnapshot().context.ticket]).toEqual(['showingQr', TICKET]);

    await wait(Delays.ticketPoll - 1);
    expect(io.statusAsked).toBe(0);
    await wait(1);
    expect([view(), io.statusAsked]).toEqual(['showingQr', 1]);
    io.statuses.push(status({ downloadsUsed: 1, downloadsLeft: 2 }));
    await wait(Delays.ticketPoll);
    expect([view(), io.statusAsked]).toEqual(['sent', 2]);
    await wait(Delays.sent);
    expect(view()).toBe('browsing');
    expect(io.cancelled).toEqual([]);
  });

  it('cancels the ticket when the patron goes back, or the section is stopped (leaving, idle timeout)', async () => {
    const { actor, io, view } = startEbooks();
    await settle();
    actor.send({ type: 'ebook.opened', ebookId: 1 });
    await settle();
    actor.send({ type: 'send.requested' });
    await settle();
    actor.send({ type: 'back' });
    expect([view(), io.cancelled]).toEqual(['detail', [7]]);

    actor.send({ type: 'send.requested' });
    await settle();
    actor.stop();
    expect(io.cancelled).toEqual([7, 7]);
  });

  it('goes back to the title with a message when the ticket expires on screen', async () => {
    const { actor, io, view, wait } = startEbooks();
    await settle();
    actor.send({ type: 'ebook.opened', ebookId: 1 });
    await settle();
    actor.send({ type: 'send.requested' });
    await settle();
    io.statuses.push(status({ state: 'expired' }));
    await wait(Delays.ticketPoll);
    expect([view(), actor.getSnapshot().context.notice]).toEqual(['detail', { key: 'phone.ticket.expired' }]);
    // An ended ticket needs no cancelling.
    expect(io.cancelled).toEqual([]);
  });

  it('keeps the QR code up and asks again when the hub cannot be reached for a moment', async () => {
    const { actor, io, view, wait } = startEbooks();
    await settle();
    actor.send({ type: 'ebook.opened', ebookId: 1 });
    await settle();
    actor.send({ type: 'send.requested' });
    await settle();
    io.statuses.push(new HubError('network.offline'));
    await wait(Delays.ticketPoll);
    expect([view(), io.statusAsked]).toEqual(['showingQr', 1]);
    await wait(Delays.ticketPoll);
    expect([view(), io.statusAsked]).toEqual(['showingQr', 2]);
  });

  it('opens the title a patron signed in for once the catalogue has it, or browses after resumeWait', async () => {
    const saved = startEbooks({ openEbookId: 1 });
    await settle();
    expect([saved.view(), saved.actor.getSnapshot().context.selected?.id]).toEqual(['detail', 1]);

    const found = startEbooks({ openEbookId: 2, heldPages: true });
    await settle();
    expect(found.view()).toBe('starting');
    found.io.releasePage();
    await settle();
    expect([found.view(), found.actor.getSnapshot().context.selected?.id]).toEqual(['detail', 2]);

    const gone = startEbooks({ openEbookId: 99 });
    await settle();
    expect(gone.view()).toBe('starting');
    await gone.wait(Delays.resumeWait);
    expect(gone.view()).toBe('browsing');
  });

  it('browses the cache while the hub is unreachable, and says sending needs the network', async () => {
    const { actor, io, view } = startEbooks({ offline: true });
    await settle();
    expect([actor.getSnapshot().context.online, actor.getSnapshot().context.syncing]).toEqual([false, false]);
    expect(actor.getSnapshot().context.view.shelves[0]?.ebooks.map((e) => e.title)).toEqual(['红楼梦']);
    actor.send({ type: 'ebook.opened', ebookId: 1 });
    await settle();
    actor.send({ type: 'send.requested' });
    await settle();
    expect([view(), actor.getSnapshot().context.notice]).toEqual(['detail', { key: 'ebooks.needsNetwork' }]);
  });
});

describe('the e-book section in a session', () => {
  function startSession() {
    const { io, actors } = fakeIo();
    const machine = sessionMachine.provide({
      actors: {
        signIn: fromPromise(async () => signedIn()),
        signOut: fromPromise<void, { patronToken: string }>(async () => {}),
        loadEbooks: fromPromise(async () => {}),
        ebooks: ebooksMachine.provide({ actors }),
      },
    });
    const clock = new SimulatedClock();
    const actor = createActor(machine, { clock, input: { config: CONFIG, now: () => clock.now() } }).start();
    const ebooks = () => actor.getSnapshot().children.ebooks as ReturnType<typeof createActor<typeof ebooksMachine>> | undefined;
    return { actor, io, ebooks, clock };
  }

  it('signs the patron in for a card title and reopens it, then sends with the patron’s token', async () => {
    const { actor, io, ebooks } = startSession();
    actor.send({ type: 'ebooks.chosen' });
    await settle();
    ebooks()?.send({ type: 'ebook.opened', ebookId: 2 });
    await settle();
    ebooks()?.send({ type: 'send.requested' });
    expect(actor.getSnapshot().matches({ flow: 'cardEntry' })).toBe(true);

    actor.send({ type: 'card.scanned', code: '20140001' });
    for (const char of '2580') actor.send({ type: 'key.typed', char });
    actor.send({ type: 'key.enter' });
    await settle();
    expect(actor.getSnapshot().matches({ flow: 'ebooks' })).toBe(true);
    expect(ebooks()?.getSnapshot().context.selected?.id).toBe(2);
    ebooks()?.send({ type: 'send.requested' });
    await settle();
    expect(io.issue).toHaveBeenCalledWith({ ebookId: 2, patronToken: signedIn().token });

    ebooks()?.send({ type: 'leave' });
    expect(actor.getSnapshot().matches({ flow: 'home' })).toBe(true);
    expect(io.cancelled).toEqual([7]);
  });

  it('ends the session when the hub no longer knows the sign-in a card title is sent with', async () => {
    const { actor, io, ebooks } = startSession();
    actor.send({ type: 'ebooks.chosen' });
    await settle();
    ebooks()?.send({ type: 'ebook.opened', ebookId: 2 });
    await settle();
    ebooks()?.send({ type: 'send.requested' });
    actor.send({ type: 'card.scanned', code: '20140001' });
    for (const char of '2580') actor.send({ type: 'key.typed', char });
    actor.send({ type: 'key.enter' });
    await settle();
    io.issue.mockRejectedValueOnce(new HubError('session.expired'));
    ebooks()?.send({ type: 'send.requested' });
    await settle();
    expect(actor.getSnapshot().matches({ flow: 'goodbye' })).toBe(true);
    expect(actor.getSnapshot().context.summary?.sessionExpired).toBe(true);
    expect(actor.getSnapshot().context.patronToken).toBeNull();
  });

  it('cancels a shown ticket when the idle timeout ends the session', async () => {
    const { actor, io, ebooks, clock } = startSession();
    actor.send({ type: 'ebooks.chosen' });
    await settle();
    ebooks()?.send({ type: 'ebook.opened', ebookId: 1 });
    await settle();
    ebooks()?.send({ type: 'send.requested' });
    await settle();
    const { idleTimeout, countdown } = delays();
    clock.increment(idleTimeout);
    for (let left = countdown; left > 0; left -= SessionDelays.countdownTick) clock.increment(SessionDelays.countdownTick);
    await settle();
    expect(actor.getSnapshot().matches({ flow: 'attract' })).toBe(true);
    expect(io.cancelled).toEqual([7]);
  });
});
