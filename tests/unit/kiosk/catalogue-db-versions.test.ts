/**
 * Kiosks in the field hold the e-book copy at every shipped Dexie version. Each test writes a
 * database the way that version's code did, then opens it with today's CatalogueDb and reads it.
 * Adding a version: first copy the constructor's `version()` lines as they are into
 * `shippedSchemas` under today's version number, then a test like the one for version 1 that
 * writes that version's data and reads it under the new schema.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EbookSummary } from '../../../shared/ebooks/schemas';
import { CatalogueDb, coversToSave, readCatalogue, savedCover, saveCovers } from '../../../kiosk/ebooks/catalogue-db';

/** The schema of each shipped version, exactly as its constructor declared it (the current one, 2, is CatalogueDb itself). */
const shippedSchemas = {
  1: (db: Dexie) => db.version(1).stores({ ebooks: 'id', state: 'key' }),
} as const;

const title = { id: 7, title: '三体', authors: ['刘慈欣'], coverUrl: '/api/ebooks/7/cover?v=1' } as unknown as EbookSummary;
const category = { id: 1, nameZh: '科幻', nameEn: 'Science fiction' };
const opened: Dexie[] = [];
let nextName = 0;

afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
});

async function shippedDatabase(version: keyof typeof shippedSchemas): Promise<string> {
  const name = `kiosk-ebooks-v${version}-${nextName++}`;
  const old = new Dexie(name);
  shippedSchemas[version](old);
  await old.table('ebooks').put(title);
  await old.table('state').put({ key: 'sync', syncedAt: '2026-03-02T02:00:00.000Z', categories: [category], popularIds: [7] });
  old.close();
  return name;
}

function current(name: string, onNewerVersion = vi.fn()): CatalogueDb {
  const db = new CatalogueDb(name, onNewerVersion);
  opened.push(db);
  return db;
}

describe('the kiosk’s e-book copy', () => {
  it('keeps a version 1 copy (titles and sync state) under the current schema, which adds saved covers', async () => {
    const db = current(await shippedDatabase(1));
    expect(await readCatalogue(db)).toEqual({
      ebooks: [title],
      categories: [category],
      popularIds: [7],
      syncedAt: '2026-03-02T02:00:00.000Z',
    });
    expect(await coversToSave(db, [title])).toEqual([{ ebookId: 7, url: title.coverUrl }]);
    const image = new Blob(['webp']);
    await saveCovers(db, [{ ebookId: 7, url: title.coverUrl!, image }]);
    expect(await savedCover(db, 7, title.coverUrl!)).not.toBeNull();
  });

  it('closes and asks for a reload when a newer version opens the database elsewhere (so that one is not blocked)', async () => {
    const name = `kiosk-ebooks-newer-${nextName++}`;
    const onNewerVersion = vi.fn();
    const db = current(name, onNewerVersion);
    await db.open();
    const newer = new Dexie(name);
    newer.version(db.verno + 1).stores({ ebooks: 'id', state: 'key', covers: 'ebookId, url', extra: 'id' });
    opened.push(newer);
    await newer.open();
    expect(onNewerVersion).toHaveBeenCalledOnce();
    expect(db.isOpen()).toBe(false);
  });
});
