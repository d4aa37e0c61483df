/**
 * The catalogue worker's calls (kiosk/ebooks/catalogue-service.ts) over fake-indexeddb and a fake
 * hub: syncs page by page into the kiosk database, later syncs ask only for what changed, a sync
 * cut short asks again, covers are saved, lists search the copy, and a copy left in the e-book
 * section's old database is moved in once.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HubError } from '../../../shared/api/hub-client';
import type { EbookCatalogue, EbookSummary } from '../../../shared/ebooks/schemas';
import { KioskDb } from '../../../kiosk/db/kiosk-db';
import { catalogueService, type SyncProgress } from '../../../kiosk/ebooks/catalogue-service';
import { CHUNK_SIZE, readCopy } from '../../../kiosk/ebooks/catalogue-store';
import type { PageRequest } from '../../../kiosk/ebooks/ebooks-types';
import { ebookSummary } from '../support/ebook-summary';

const ebook = (id: number, title: string, overrides: Partial<EbookSummary> = {}): EbookSummary =>
  ebookSummary(id, title, { coverUrl: `/api/ebooks/${id}/cover?v=1`, categoryIds: [1], ...overrides });

const CATEGORIES = [{ id: 1, nameZh: '小说', nameEn: 'Fiction', sort: 0 }];
const page = (ebooks: EbookSummary[], overrides: Partial<EbookCatalogue> = {}): EbookCatalogue => ({
  ebooks,
  withdrawnIds: [],
  categories: CATEGORIES,
  popularIds: [],
  syncedAt: '2026-03-01T00:00:00.000Z',
  next: null,
  ...overrides,
});

const opened: Dexie[] = [];
let nextName = 0;
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** A worker over the kiosk database `name`; the hub answers `answers` in turn (an Error: unreachable). */
function worker(name: string, answers: Array<EbookCatalogue | Error>) {
  const db = new KioskDb(name, vi.fn());
  opened.push(db);
  const asked: PageRequest[] = [];
  const fetched: string[] = [];
  const service = catalogueService({
    db,
    hub: () => ({
      ebookCatalogue: async (since, after) => {
        asked.push({ since, after });
        const answer = answers.shift();
        if (!answer || answer instanceof Error) throw new HubError('network.offline');
        return answer;
      },
    }),
    fetch: async (input) => {
      fetched.push(String(input));
      return new Response(new Blob(['webp']), { status: String(input).includes('/3/') ? 404 : 200 });
    },
    now: () => 0,
  });
  const sync = async () => {
    const progress: SyncProgress[] = [];
    const result = service.sync({ kioskToken: 'device' }, { signal: new AbortController().signal, emit: (event) => progress.push(event) });
    await result.catch(() => undefined);
    return { progress, result };
  };
  return { db, service, asked, fetched, sync };
}

describe('the catalogue worker', () => {
  it('syncs an empty kiosk page by page, shows each page, saves the copy in chunks, then the covers', async () => {
    const name = `kiosk-${nextName++}`;
    const first = page([ebook(1, '红楼梦'), ebook(CHUNK_SIZE + 1, '西游记')], { next: CHUNK_SIZE + 1 });
    const last = page([ebook(CHUNK_SIZE + 2, '水浒传')], { syncedAt: '2026-03-01T00:05:00.000Z' });
    const { db, asked, fetched, sync } = worker(name, [first, last]);
    const { progress } = await sync();
    expect(asked).toEqual([
      { since: null, after: null },
      { since: null, after: CHUNK_SIZE + 1 },
    ]);
    expect(progress.map((event) => (event.type === 'loaded' ? ['loaded', event.view.count] : ['synced', event.view.count, event.complete]))).toEqual([
      ['loaded', 0],
      ['synced', 2, false],
      ['synced', 3, false],
      ['synced', 3, true],
    ]);
    expect((await db.ebookChunks.toArray()).map((chunk) => [chunk.key, chunk.ebooks.map((e) => e.id)])).toEqual([
      [0, [1]],
      [1, [CHUNK_SIZE + 1, CHUNK_SIZE + 2]],
    ]);
    // The first page's syncedAt: what changed while the kiosk paged through comes again next time.
    expect((await readCopy(db)).state?.syncedAt).toBe(first.syncedAt);
    expect(fetched).toEqual([1, CHUNK_SIZE + 1, CHUNK_SIZE + 2].map((id) => `/api/ebooks/${id}/cover?v=1`));
    expect(await db.covers.count()).toBe(3);
  });

  it('reads the saved copy in a new page and asks the hub only for what changed since; withdrawn titles leave with their covers', async () => {
    const name = `kiosk-${nextName++}`;
    await worker(name, [page([ebook(1, '红楼梦'), ebook(2, '西游记'), ebook(3, '三国演义', { coverUrl: null })])]).sync();
    const later = worker(name, [page([ebook(2, '西游记（校注本）')], { withdrawnIds: [1], syncedAt: '2026-03-02T00:00:00.000Z' })]);
    const { progress } = await later.sync();
    expect(progress[0]).toMatchObject({ type: 'loaded', view: { count: 3, syncedAt: '2026-03-01T00:00:00.000Z' } });
    expect(later.asked).toEqual([{ since: '2026-03-01T00:00:00.000Z', after: null }]);
    const copy = await readCopy(later.db);
    expect(copy.ebooks.map((e) => e.title)).toEqual(['西游记（校注本）', '三国演义']);
    expect(copy.state?.syncedAt).toBe('2026-03-02T00:00:00.000Z');
    expect((await later.db.covers.toArray()).map((cover) => cover.ebookId)).toEqual([2]);
  });

  it('a sync cut short keeps the old syncedAt, so the next asks again from there', async () => {
    const name = `kiosk-${nextName++}`;
    const cut = worker(name, [page([ebook(1, '红楼梦')], { next: 1 }), new Error('unreachable')]);
    const { progress, result } = await cut.sync();
    await expect(result).rejects.toThrow(HubError);
    expect(progress.map((event) => event.type)).toEqual(['loaded', 'synced']);
    expect((await readCopy(cut.db)).state).toBeNull();
    const next = worker(name, [page([ebook(1, '红楼梦'), ebook(2, '西游记')])]);
    await next.sync();
    expect(next.asked).toEqual([{ since: null, after: null }]);
    expect((await readCopy(next.db)).ebooks.map((e) => e.id)).toEqual([1, 2]);
  });

  it('sends the screens a search copy, lists shelves a screenful at a time, finds titles, and hands out saved covers', async () => {
    const { service, sync } = worker(`kiosk-${nextName++}`, [page([ebook(1, '红楼梦'), ebook(2, '红星照耀中国'), ebook(3, '西游记')])]);
    const { progress } = await sync();
    const last = progress.at(-1);
    expect(last?.view.search?.ids).toEqual(Int32Array.from([1, 2, 3]));
    expect(await service.shelf({ shelfId: 'category-1', offset: 1, limit: 1 }, call())).toEqual({
      key: { kind: 'shelf', shelfId: 'category-1' },
      total: 3,
      titles: [{ id: 2, title: '红星照耀中国', authors: [], coverUrl: '/api/ebooks/2/cover?v=1', language: 'zh' }],
    });
    const found = await service.find({ ebookId: 3 }, call());
    expect([found?.title, found && 'searchKeys' in found]).toEqual(['西游记', false]);
    expect(await service.savedCover({ ebookId: 1, url: '/api/ebooks/1/cover?v=1' }, call())).toBeInstanceOf(Blob);
    expect(await service.savedCover({ ebookId: 1, url: '/api/ebooks/1/cover?v=2' }, call())).toBeNull();
  });

  it('moves a copy left in the old e-book database into the kiosk database once, then deletes the old one', async () => {
    const legacyName = 'kiosk-ebooks';
    const old = new Dexie(legacyName);
    old.version(1).stores({ ebooks: 'id', state: 'key' });
    old.version(2).stores({ covers: 'ebookId, url' });
    await old.table('ebooks').bulkPut([ebook(7, '三体'), ebook(CHUNK_SIZE * 3, '球状闪电')]);
    await old.table('state').put({ key: 'sync', syncedAt: '2026-02-01T00:00:00.000Z', categories: CATEGORIES, popularIds: [7] });
    await old.table('covers').put({ ebookId: 7, url: '/api/ebooks/7/cover?v=1', image: new Blob(['webp']) });
    old.close();

    const { db, asked, sync } = worker(`kiosk-${nextName++}`, [page([], { syncedAt: '2026-02-02T00:00:00.000Z' })]);
    const { progress } = await sync();
    expect(progress[0]).toMatchObject({ type: 'loaded', view: { count: 2, syncedAt: '2026-02-01T00:00:00.000Z' } });
    expect(asked).toEqual([{ since: '2026-02-01T00:00:00.000Z', after: null }]);
    expect((await db.ebookChunks.toArray()).map((chunk) => chunk.key)).toEqual([0, 3]);
    expect(await db.covers.get(7)).toMatchObject({ url: '/api/ebooks/7/cover?v=1' });
    expect(await Dexie.exists(legacyName)).toBe(false);
  });
});

function call() {
  return { signal: new AbortController().signal, emit: () => undefined };
}
