import { describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise, SimulatedClock } from 'xstate';
import { HubError } from '../../../shared/api/hub-client';
import type { EbookCatalogue, EbookSummary, TicketIssued, TicketStatus } from '../../../shared/ebooks/schemas';
import { Delays, ebooksMachine } from '../../../kiosk/ebooks/ebooks-machine';
import type { CatalogueSnapshot, PageRequest, StoreInput } from '../../../kiosk/ebooks/ebooks-types';
import { ticketActors } from '../../../kiosk/ebooks/ticket-watcher';
import { Delays as SessionDelays } from '../../../kiosk/session/session-setup';
import { sessionMachine } from '../../../kiosk/session/session-machine';
import { CONFIG, delays, settle, signedIn } from '../kiosk/session-harness';

function ebook(id: number, title: string, overrides: Partial<EbookSummary> = {}): EbookSummary {
  return {
    id,
    format: 'epub',
    title,
    authors: [],
    language: 'zh',
    publisher: null,
    published: null,
    description: null,
    subjects: [],
    isbn: null,
    coverUrl: null,
    sizeBytes: 1000,
    access: 'open',
    categoryIds: [1],
    searchKeys: { text: [title.toLowerCase()], pinyin: [], initials: [] },
    createdAt: `2026-01-0${id}T00:00:00.000Z`,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const HLM = ebook(1, '红楼梦', { searchKeys: { text: ['红楼梦'], pinyin: ['hongloumeng'], initials: ['hlm'] } });
const CARD_TITLE = ebook(2, 'Card only', { access: 'card' });
const CATEGORIES = [{ id: 1, nameZh: '小说', nameEn: 'Fiction', sort: 0 }];
const CACHED: CatalogueSnapshot = { ebooks: [HLM], categories: CATEGORIES, popularIds: [], syncedAt: '2026-01-01T00:00:00.000Z' };
/** The hub's answer to `since` = CACHED.syncedAt: one title added. */
const CHANGES: EbookCatalogue = { ebooks: [CARD_TITLE], withdrawnIds: [], categories: CATEGORIES, popularIds: [2], syncedAt: '2026-01-02T00:00:00.000Z', next: null };
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

function fakeIo(options: { offline?: boolean; cached?: CatalogueSnapshot; changes?: EbookCatalogue; pages?: EbookCatalogue[] } = {}) {
  const io = {
    /** What the hub answers to the next status questions (an Error: it cannot be reached); then `live`. */
    statuses: [] as Array<TicketStatus | Error>,
    cancelled: [] as number[],
    asked: [] as Array<string | null>,
    pagesAsked: [] as PageRequest[],
    stored: [] as StoreInput[],
    coversSaved: [] as number[][],
    statusAsked: 0,
    issue: vi.fn(async (_input: { ebookId: number; patronToken: string | null }) => {
      if (options.offline) throw new HubError('network.offline');
      return TICKET;
    }),
  };
  const actors = {
    loadCatalogue: fromPromise(async () => options.cached ?? CACHED),
    fetchChanges: fromPromise(async ({ input }: { input: PageRequest }) => {
      io.asked.push(input.since);
      io.pagesAsked.push(input);
      if (options.offline) throw new HubError('network.offline');
      return options.pages?.[io.pagesAsked.length - 1] ?? options.changes ?? CHANGES;
    }),
    storeChanges: fromPromise(async ({ input }: { input: StoreInput }) => {
      io.stored.push(input);
    }),
    saveCovers: fromPromise(async ({ input }: { input: { ebooks: EbookSummary[] } }) => {
      io.coversSaved.push(input.ebooks.map((e) => e.id));
    }),
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
    view: () => (['starting', 'browsing', 'detail', 'issuing', 'showingQr', 'sent'] as const).find((v) => actor.getSnapshot().matches({ view: v })),
  };
}

describe('the e-book section', () => {
  it('browses the cache at once, then the synced catalogue with shelves', async () => {
    const { actor } = startEbooks();
    await settle();
    const { context } = actor.getSnapshot();
    expect(context.online).toBe(true);
    expect(context.catalogue.ebooks.map((e) => e.id)).toEqual([1, 2]);
    expect(context.shelves.map((s) => [s.id, s.ebooks.map((e) => e.id)])).toEqual([
      ['new', [2, 1]],
      ['popular', [2]],
      // Titles in Chinese reading order: Chinese before Latin.
      ['category-1', [1, 2]],
    ]);
  });

  it('asks the hub only for what changed since the cached copy, shows it, then writes it to the cache', async () => {
    const withdrawn = ebook(3, 'Withdrawn');
    const renamed = { ...HLM, title: '红楼梦（校注本）' };
    const { actor, io } = startEbooks({
      cached: { ...CACHED, ebooks: [HLM, withdrawn] },
      changes: { ...CHANGES, ebooks: [renamed, CARD_TITLE], withdrawnIds: [3] },
    });
    await settle();
    expect(io.asked).toEqual([CACHED.syncedAt]);
    const { context } = actor.getSnapshot();
    expect(context.catalogue.ebooks.map((e) => e.title)).toEqual(['红楼梦（校注本）', 'Card only']);
    expect(context.catalogue.syncedAt).toBe(CHANGES.syncedAt);
    expect(io.stored).toEqual([
      { answer: { ...CHANGES, ebooks: [renamed, CARD_TITLE], withdrawnIds: [3] }, since: CACHED.syncedAt, after: null, syncedAt: CHANGES.syncedAt },
    ]);
    // Then the covers of the new copy, for browsing without the hub.
    expect(io.coversSaved).toEqual([[1, 2]]);
    expect(actor.getSnapshot().matches({ sync: 'done' })).toBe(true);
    expect(actor.getSnapshot().context.unsaved).toBeNull();
  });

  it('an empty cache gets the whole catalogue, and the answer replaces the copy', async () => {
    const { actor, io } = startEbooks({ cached: { ebooks: [], categories: [], popularIds: [], syncedAt: null }, changes: { ...CHANGES, ebooks: [HLM, CARD_TITLE] } });
    await settle();
    expect(io.asked).toEqual([null]);
    expect(actor.getSnapshot().context.catalogue.ebooks.map((e) => e.id)).toEqual([1, 2]);
    expect(io.stored.map((write) => write.since)).toEqual([null]);
  });

  it('pages through a large catalogue: shows the first page at once, asks for the next after writing each, keeps the first page’s syncedAt', async () => {
    const first = { ...CHANGES, ebooks: [HLM], next: 1, syncedAt: '2026-01-02T00:00:00.000Z' };
    // A title changed while the kiosk paged: the hub's newest `updated_at` moved on.
    const last = { ...CHANGES, ebooks: [CARD_TITLE], next: null, syncedAt: '2026-01-03T00:00:00.000Z' };
    let releaseFirstWrite = () => {};
    const { io, actors } = fakeIo({ cached: { ebooks: [], categories: [], popularIds: [], syncedAt: null }, pages: [first, last] });
    const actor = createActor(
      ebooksMachine.provide({
        actors: {
          ...actors,
          storeChanges: fromPromise(async ({ input }: { input: StoreInput }) => {
            io.stored.push(input);
            if (input.after === null) await new Promise<void>((resolve) => (releaseFirstWrite = resolve));
          }),
        },
      }),
      { input: { patronToken: null, openEbookId: null, now: () => 0 } },
    ).start();
    await settle();
    // The first page is on screen while it is written, and the next is not asked for yet.
    expect(actor.getSnapshot().context.catalogue.ebooks.map((e) => e.id)).toEqual([1]);
    expect(actor.getSnapshot().context.online).toBe(true);
    expect(io.pagesAsked).toEqual([{ since: null, after: null }]);
    releaseFirstWrite();
    await settle();
    expect(io.pagesAsked).toEqual([{ since: null, after: null }, { since: null, after: 1 }]);
    expect(actor.getSnapshot().context.catalogue.ebooks.map((e) => e.id)).toEqual([1, 2]);
    expect(io.stored.map(({ after, syncedAt }) => ({ after, syncedAt }))).toEqual([
      { after: null, syncedAt: first.syncedAt },
      { after: 1, syncedAt: first.syncedAt },
    ]);
    expect(actor.getSnapshot().context.catalogue.syncedAt).toBe(first.syncedAt);
    expect(io.coversSaved).toEqual([[1, 2]]);
  });

  it('shows the letter keyboard only when the patron goes to search', async () => {
    const { actor } = startEbooks();
    const open = () => actor.getSnapshot().context.keyboardOpen;
    expect(open()).toBe(false);
    actor.send({ type: 'keyboard.opened' });
    expect(open()).toBe(true);
    actor.send({ type: 'ebook.opened', ebookId: 1 });
    actor.send({ type: 'back' });
    expect(open()).toBe(true);
    actor.send({ type: 'keyboard.closed' });
    expect(open()).toBe(false);
  });

  it('searches as the patron types, by pinyin initials too', async () => {
    const { actor } = startEbooks();
    await settle();
    for (const char of 'hl') actor.send({ type: 'query.typed', char });
    actor.send({ type: 'query.typed', char: 'm' });
    expect(actor.getSnapshot().context.results.map((e) => e.title)).toEqual(['红楼梦']);
    actor.send({ type: 'query.backspace' });
    actor.send({ type: 'query.changed', query: 'card' });
    expect(actor.getSnapshot().context.results.map((e) => e.id)).toEqual([2]);
    actor.send({ type: 'query.cleared' });
    expect(actor.getSnapshot().context.results).toEqual([]);
  });

  it('shows a title, sends it, asks the hub every ticketPoll until the phone has it, then browses again', async () => {
    const { actor, io, view, wait } = startEbooks();
    await settle();
    actor.send({ type: 'ebook.opened', ebookId: 1 });
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
    actor.send({ type: 'send.requested' });
    await settle();
    io.statuses.push(new HubError('network.offline'));
    await wait(Delays.ticketPoll);
    expect([view(), io.statusAsked]).toEqual(['showingQr', 1]);
    await wait(Delays.ticketPoll);
    expect([view(), io.statusAsked]).toEqual(['showingQr', 2]);
  });

  it('opens the title a patron signed in for once the catalogue has it, or browses after resumeWait', async () => {
    const found = startEbooks({ openEbookId: 2 });
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
    expect(actor.getSnapshot().context.online).toBe(false);
    expect(actor.getSnapshot().context.catalogue.ebooks.map((e) => e.title)).toEqual(['红楼梦']);
    expect(io.coversSaved).toEqual([]);
    actor.send({ type: 'ebook.opened', ebookId: 1 });
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
