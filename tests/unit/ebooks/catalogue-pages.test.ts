import { describe, expect, it } from 'vitest';
import { catalogue, coverUrlOf } from '../../../server/ebooks/ebook-catalogue';
import { changeEbook } from '../../../server/ebooks/ebook-curation';
import { storeEbook } from '../../../server/ebooks/store-ebook';
import { migratedDb, minimalEpub, scratchDataDir } from './ebook-test-kit';

/** A hub database with `count` small titles, stored one second apart from `start`. */
async function library(count: number, start = Date.parse('2026-03-01T00:00:00.000Z')) {
  const db = migratedDb();
  const dataDir = scratchDataDir();
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const stored = await storeEbook({ db, dataDir, bytes: await minimalEpub([], `<dc:title>书${i}</dc:title>`), originalName: `${i}.epub`, now: () => new Date(start + i * 1000) });
    if (!stored.ok) throw new Error(stored.code);
    ids.push(stored.id);
  }
  return { db, ids };
}

const at = (iso: string) => new Date(iso);

describe('the catalogue a kiosk syncs', () => {
  it('comes in pages by id, each saying which comes next, with the newest change as syncedAt on each', async () => {
    const { db, ids } = await library(5);
    const now = at('2026-03-02T00:00:00.000Z');
    const first = catalogue(db, coverUrlOf, now, null, null, 2);
    const second = catalogue(db, coverUrlOf, now, null, first.next, 2);
    const last = catalogue(db, coverUrlOf, now, null, second.next, 2);
    expect([first, second, last].map((page) => page.ebooks.map((e) => e.id))).toEqual([ids.slice(0, 2), ids.slice(2, 4), ids.slice(4)]);
    expect([first.next, second.next, last.next]).toEqual([ids[1], ids[3], null]);
    expect(first.syncedAt).toBe('2026-03-01T00:00:04.000Z');
  });

  it('sends a later sync only the titles changed since the last one, and the ids of those withdrawn', async () => {
    const { db, ids } = await library(4);
    const synced = catalogue(db, coverUrlOf, at('2026-03-02T00:00:00.000Z')).syncedAt;
    expect(catalogue(db, coverUrlOf, at('2026-03-02T00:00:00.000Z'), synced).ebooks.map((e) => e.id)).toEqual([ids[3]]);
    changeEbook(db, ids[1]!, { withdrawn: true }, at('2026-03-03T00:00:00.000Z'));
    const later = catalogue(db, coverUrlOf, at('2026-03-03T00:00:00.000Z'), synced);
    expect(later.ebooks.map((e) => e.id)).toEqual([ids[3]]);
    expect(later.withdrawnIds).toEqual([ids[1]]);
    expect(later.next).toBeNull();
  });
});
