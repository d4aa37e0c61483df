import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { HubError } from '../../../shared/api/hub-client';
import type { EbookCategory } from '../../../shared/ebooks/schemas';
import { sizeInMb, visibleEbooks } from '../../../admin/ebooks/collection-view';
import { ebooksPageMachine } from '../../../admin/ebooks/ebooks-page-machine';
import { deferred, fakeHub, HISTORY, HLM, LITERATURE, refusal, settle, SGYY, staffEbook, TOKEN, type FakeHubAnswers } from './admin-harness';

async function openPage(answers: Partial<FakeHubAnswers> = {}) {
  const hub = fakeHub(answers);
  const actor = createActor(ebooksPageMachine.provide({ actors: hub.pageActors }), { input: { token: TOKEN } }).start();
  await settle();
  const context = () => actor.getSnapshot().context;
  /** The row as staff see it: the hub's copy with unanswered changes on top. */
  const row = (id: number) => visibleEbooks(context().ebooks, context().pendingChanges, '').rows.find((e) => e.id === id);
  return { actor, hub, context, row };
}

const epub = (name: string) => ({ name, file: new Blob([name], { type: 'application/epub+zip' }) });

describe('the e-books page: the list', () => {
  it('loads every title and the categories in shelf order with the staff token', async () => {
    const { actor, hub, context } = await openPage();
    expect(actor.getSnapshot().matches({ working: { list: 'ready' } })).toBe(true);
    expect(hub.calls.list).toEqual([{ token: TOKEN }]);
    expect(context().ebooks.map((e) => e.title)).toEqual(['红楼梦', '三国演义']);
    expect(context().categories.map((c) => c.id)).toEqual([LITERATURE.id, HISTORY.id]);
  });

  it('says why the list could not load, and loads it again on request', async () => {
    let offline = true;
    const { actor, context } = await openPage({
      list: () => {
        if (offline) throw new HubError('network.offline');
        return { ebooks: [HLM], categories: [] };
      },
    });
    expect(actor.getSnapshot().matches({ working: { list: 'failed' } })).toBe(true);
    expect(context().loadError).toBe('code.network.offline');

    offline = false;
    actor.send({ type: 'list.reload' });
    await settle();
    expect(actor.getSnapshot().matches({ working: { list: 'ready' } })).toBe(true);
    expect(context().loadError).toBeNull();
    expect(context().ebooks).toEqual([HLM]);
  });

  it('filters by title or author, ignoring case and full-width letters', () => {
    const holmes = staffEbook(3, 'The Adventures of Sherlock Holmes', { authors: ['Arthur Conan Doyle'] });
    const ebooks = [HLM, SGYY, holmes];
    expect(visibleEbooks(ebooks, [], '红楼').rows.map((e) => e.id)).toEqual([1]);
    expect(visibleEbooks(ebooks, [], '罗贯中').rows.map((e) => e.id)).toEqual([2]);
    expect(visibleEbooks(ebooks, [], ' ＤＯＹＬＥ ').rows.map((e) => e.id)).toEqual([3]);
    expect(visibleEbooks(ebooks, [], '').matching).toBe(3);
    expect(visibleEbooks(ebooks, [], '水浒').rows).toEqual([]);
  });

  it('gives sizes in MB with one decimal, never 0', () => {
    expect(sizeInMb(1.44 * 1024 ** 2, 'zh-CN')).toBe('1.4');
    expect(sizeInMb(12_345_678, 'en')).toBe('11.8');
    expect(sizeInMb(3666, 'en')).toBe('0.1');
  });

  it('lists at most 200 rows, while counting every match', () => {
    const many = Array.from({ length: 250 }, (_, i) => staffEbook(i + 1, `Title ${i + 1}`));
    const shown = visibleEbooks(many, [], 'title');
    expect(shown.matching).toBe(250);
    expect(shown.rows).toHaveLength(200);
  });
});

describe('the e-books page: uploads', () => {
  it('uploads files one after another; a refused file does not stop the ones after it', async () => {
    const held = deferred<void>();
    let running = 0;
    let mostAtOnce = 0;
    const { actor, hub, context } = await openPage({
      upload: async (input) => {
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        if (input.name === 'first.epub') await held.promise;
        running -= 1;
        if (input.name === 'fake.epub') throw new HubError('ebook.notZip');
        if (input.name === 'again.epub') return { ebook: HLM, duplicate: true };
        return { ebook: staffEbook(20 + hub.calls.upload.length, `《${input.name}》`, { access: input.access }), duplicate: false };
      },
    });

    actor.send({ type: 'upload.accessChosen', access: 'card' });
    actor.send({ type: 'upload.filesChosen', files: [epub('first.epub'), epub('fake.epub'), epub('again.epub'), epub('last.pdf')] });
    await settle();
    expect(context().uploadLines.map((line) => line.state)).toEqual(['uploading', 'waiting', 'waiting', 'waiting']);
    expect(hub.calls.upload.map((call) => call.name)).toEqual(['first.epub']);

    held.resolve();
    await settle();
    expect(hub.calls.upload.map((call) => call.name)).toEqual(['first.epub', 'fake.epub', 'again.epub', 'last.pdf']);
    expect(mostAtOnce).toBe(1);
    expect(hub.calls.upload.every((call) => call.access === 'card' && call.token === TOKEN)).toBe(true);
    expect(context().uploadLines.map(({ name, state, title, reason }) => ({ name, state, title, reason }))).toEqual([
      { name: 'first.epub', state: 'added', title: '《first.epub》', reason: null },
      { name: 'fake.epub', state: 'refused', title: null, reason: 'code.ebook.notZip' },
      { name: 'again.epub', state: 'duplicate', title: '红楼梦', reason: null },
      { name: 'last.pdf', state: 'added', title: '《last.pdf》', reason: null },
    ]);
    // New titles come first in the list; the duplicate is not listed twice.
    expect(context().ebooks.map((e) => e.title)).toEqual(['《last.pdf》', '《first.epub》', '红楼梦', '三国演义']);
    expect(context().uploadQueue).toEqual([]);
    expect(actor.getSnapshot().matches({ working: { uploads: 'idle' } })).toBe(true);
  });

  it('queues files chosen during an upload behind it, with the access chosen at the time', async () => {
    const held = deferred<void>();
    const { actor, hub, context } = await openPage({
      upload: async (input) => {
        if (input.name === 'first.epub') await held.promise;
        return { ebook: staffEbook(30 + hub.calls.upload.length, input.name, { access: input.access }), duplicate: false };
      },
    });
    actor.send({ type: 'upload.filesChosen', files: [epub('first.epub')] });
    actor.send({ type: 'upload.accessChosen', access: 'card' });
    actor.send({ type: 'upload.filesChosen', files: [epub('second.epub')] });
    await settle();
    expect(hub.calls.upload).toHaveLength(1);

    held.resolve();
    await settle();
    expect(hub.calls.upload.map((call) => [call.name, call.access])).toEqual([
      ['first.epub', 'open'],
      ['second.epub', 'card'],
    ]);
    expect(context().uploadLines.map((line) => line.id)).toEqual([1, 2]);
  });

  it('clears finished lines but keeps the ones still to come', async () => {
    const held = deferred<void>();
    const { actor, context } = await openPage({
      upload: async (input) => {
        if (input.name === 'slow.epub') await held.promise;
        return { ebook: staffEbook(40, input.name), duplicate: false };
      },
    });
    actor.send({ type: 'upload.filesChosen', files: [epub('quick.epub'), epub('slow.epub')] });
    await settle();
    actor.send({ type: 'uploads.cleared' });
    expect(context().uploadLines.map((line) => [line.name, line.state])).toEqual([['slow.epub', 'uploading']]);
    held.resolve();
    await settle();
    expect(context().uploadLines.map((line) => line.state)).toEqual(['added']);
  });
});

describe('the e-books page: changing a title', () => {
  it('shows a new access at once, saves it, and keeps what the hub answered', async () => {
    const held = deferred<void>();
    const { actor, hub, context, row } = await openPage({
      change: async (input) => {
        await held.promise;
        return { ...HLM, ...input.change, downloads: 7 };
      },
    });
    actor.send({ type: 'ebook.accessChosen', ebookId: HLM.id, access: 'card' });
    await settle();
    expect(row(HLM.id)?.access).toBe('card');
    expect(context().rowStatus[HLM.id]).toEqual({ state: 'saving' });
    expect(hub.calls.change).toEqual([{ token: TOKEN, ebookId: HLM.id, change: { access: 'card' } }]);

    held.resolve();
    await settle();
    expect(context().rowStatus[HLM.id]).toEqual({ state: 'saved' });
    expect(context().pendingChanges).toEqual([]);
    expect(context().ebooks.find((e) => e.id === HLM.id)).toMatchObject({ access: 'card', downloads: 7 });
  });

  it('shows the reason of a refused change, and the row goes back to what the hub has', async () => {
    const { actor, context, row } = await openPage({ change: refusal('category.unknown') });
    actor.send({ type: 'ebook.categoryToggled', ebookId: HLM.id, categoryId: HISTORY.id, checked: true });
    expect(row(HLM.id)?.categoryIds).toEqual([LITERATURE.id, HISTORY.id]);
    await settle();
    expect(context().rowStatus[HLM.id]).toEqual({ state: 'failed', reason: 'code.category.unknown' });
    expect(row(HLM.id)?.categoryIds).toEqual([LITERATURE.id]);
  });

  it('builds each category change on the ones not yet saved, and saves them in order', async () => {
    const held = deferred<void>();
    const { actor, hub, context, row } = await openPage({
      change: async (input) => {
        await held.promise;
        return { ...SGYY, ...input.change };
      },
    });
    actor.send({ type: 'ebook.categoryToggled', ebookId: SGYY.id, categoryId: LITERATURE.id, checked: false });
    actor.send({ type: 'ebook.categoryToggled', ebookId: SGYY.id, categoryId: HISTORY.id, checked: false });
    expect(row(SGYY.id)?.categoryIds).toEqual([]);
    held.resolve();
    await settle();
    expect(hub.calls.change.map((call) => call.change)).toEqual([{ categoryIds: [HISTORY.id] }, { categoryIds: [] }]);
    expect(context().ebooks.find((e) => e.id === SGYY.id)?.categoryIds).toEqual([]);
    expect(context().rowStatus[SGYY.id]).toEqual({ state: 'saved' });
  });

  it('withdraws a title and restores it', async () => {
    const { actor, hub, context, row } = await openPage();
    actor.send({ type: 'ebook.withdrawChosen', ebookId: SGYY.id, withdrawn: true });
    expect(row(SGYY.id)?.withdrawn).toBe(true);
    await settle();
    expect(context().ebooks.find((e) => e.id === SGYY.id)?.withdrawnAt).not.toBeNull();
    expect(row(SGYY.id)?.withdrawn).toBe(true);

    actor.send({ type: 'ebook.withdrawChosen', ebookId: SGYY.id, withdrawn: false });
    await settle();
    expect(hub.calls.change.map((call) => call.change)).toEqual([{ withdrawn: true }, { withdrawn: false }]);
    expect(context().ebooks.find((e) => e.id === SGYY.id)?.withdrawnAt).toBeNull();
    expect(context().rowStatus[SGYY.id]).toEqual({ state: 'saved' });
  });

  it('leaves the title on the shelves when the hub cannot be reached', async () => {
    const { actor, context, row } = await openPage({ change: refusal('network.offline') });
    actor.send({ type: 'ebook.withdrawChosen', ebookId: HLM.id, withdrawn: true });
    await settle();
    expect(row(HLM.id)?.withdrawn).toBe(false);
    expect(context().rowStatus[HLM.id]).toEqual({ state: 'failed', reason: 'code.network.offline' });
  });
});

describe('the e-books page: categories', () => {
  it('adds a category with trimmed names and puts it in shelf order', async () => {
    const { actor, hub, context } = await openPage({ addCategory: (input) => ({ id: 9, ...input.draft }) });
    actor.send({ type: 'category.addRequested', fields: { nameZh: ' 地方志 ', nameEn: 'Local history', sort: 0 } });
    expect(context().categoryStatus.new).toEqual({ state: 'saving' });
    await settle();
    expect(hub.calls.addCategory).toEqual([{ token: TOKEN, draft: { nameZh: '地方志', nameEn: 'Local history', sort: 0 } }]);
    expect(context().categories.map((c) => c.nameZh)).toEqual(['地方志', '文学', '历史']);
    expect(context().categoryStatus.new).toEqual({ state: 'saved' });
  });

  it('refuses an empty name or a bad sort order before asking the hub', async () => {
    const { actor, hub, context } = await openPage();
    actor.send({ type: 'category.addRequested', fields: { nameZh: '   ', nameEn: 'Blank', sort: 0 } });
    actor.send({ type: 'category.saveRequested', categoryId: LITERATURE.id, fields: { nameZh: '文学', nameEn: 'Literature', sort: 1.5 } });
    await settle();
    expect(hub.calls.addCategory).toEqual([]);
    expect(hub.calls.updateCategory).toEqual([]);
    expect(context().categoryStatus.new).toEqual({ state: 'failed', reason: 'admin.categories.invalid' });
    expect(context().categoryStatus[LITERATURE.id]).toEqual({ state: 'failed', reason: 'admin.categories.invalid' });
  });

  it('renames and reorders a category, and says so when the hub refuses', async () => {
    const { actor, hub, context } = await openPage({
      updateCategory: (input) => {
        if (input.categoryId === 99) throw new HubError('category.unknown');
        if (input.draft.nameEn === 'Bad') throw new HubError('request.invalid');
        return { id: input.categoryId, ...input.draft } satisfies EbookCategory;
      },
    });
    actor.send({ type: 'category.saveRequested', categoryId: HISTORY.id, fields: { nameZh: '历史地理', nameEn: 'History and geography', sort: 0 } });
    actor.send({ type: 'category.saveRequested', categoryId: 99, fields: { nameZh: '无', nameEn: 'None', sort: 0 } });
    actor.send({ type: 'category.saveRequested', categoryId: LITERATURE.id, fields: { nameZh: '文学', nameEn: 'Bad', sort: 1 } });
    await settle();
    expect(hub.calls.updateCategory.map((call) => call.categoryId)).toEqual([HISTORY.id, 99, LITERATURE.id]);
    expect(context().categories).toEqual([{ id: HISTORY.id, nameZh: '历史地理', nameEn: 'History and geography', sort: 0 }, LITERATURE]);
    expect(context().categoryStatus[HISTORY.id]).toEqual({ state: 'saved' });
    expect(context().categoryStatus[99]).toEqual({ state: 'failed', reason: 'code.category.unknown' });
    // The hub's own text for request.invalid is about barcodes: the form says what is wrong instead.
    expect(context().categoryStatus[LITERATURE.id]).toEqual({ state: 'failed', reason: 'admin.categories.invalid' });
  });
});

describe('the e-books page: an expired staff token', () => {
  const expiries: Array<[string, Partial<FakeHubAnswers>, (actor: ReturnType<typeof createActor<typeof ebooksPageMachine>>) => void]> = [
    ['loading the list', { list: refusal('staff.signInRequired') }, () => undefined],
    ['an upload', { upload: refusal('staff.signInRequired') }, (actor) => actor.send({ type: 'upload.filesChosen', files: [epub('a.epub'), epub('b.epub')] })],
    ['a change', { change: refusal('staff.signInRequired') }, (actor) => actor.send({ type: 'ebook.accessChosen', ebookId: HLM.id, access: 'card' })],
    [
      'a category',
      { addCategory: refusal('staff.signInRequired') },
      (actor) => actor.send({ type: 'category.addRequested', fields: { nameZh: '新', nameEn: 'New', sort: 0 } }),
    ],
  ];

  for (const [what, answers, act] of expiries) {
    it(`ends the page when ${what} finds the token expired`, async () => {
      const { actor, hub } = await openPage(answers);
      act(actor);
      await settle();
      expect(actor.getSnapshot().status).toBe('done');
      expect(actor.getSnapshot().value).toBe('expired');
      // Nothing more is sent with a token the hub no longer knows.
      expect(hub.calls.upload.length).toBeLessThanOrEqual(1);
    });
  }
});

