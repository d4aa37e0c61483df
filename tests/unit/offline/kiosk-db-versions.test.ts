/**
 * Kiosks in the field hold the kiosk database at every shipped Dexie version. Each test writes a
 * database the way that version's code did, then opens it with today's KioskDb and reads it.
 * Adding a version: copy the constructor's `version()` lines as they are into `shippedSchemas`.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, expect, it, vi } from 'vitest';
import { KioskDb, deviceToken, lastProfile } from '../../../kiosk/db/kiosk-db';
import { readCopy, savedCover, saveCovers, writeCopy } from '../../../kiosk/ebooks/catalogue-store';
import { enqueue, outboxDepth } from '../../../kiosk/offline/outbox';
import type { EbookSummary } from '../../../shared/ebooks/schemas';
import { CONFIG } from '../kiosk/session-harness';

const shippedSchemas = {
  1: (db: Dexie) => db.version(1).stores({ profile: 'key', token: 'key' }),
  2: (db: Dexie) => {
    shippedSchemas[1](db);
    db.version(2).stores({ outbox: '++seq, &requestId, cardNumber', syncLog: 'requestId, answeredAt' });
  },
} as const;

const opened: Dexie[] = [];
let nextName = 0;
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

it('keeps a version 1 profile and token, gives the profile the default offline policy, and adds the outbox', async () => {
  const name = `kiosk-v1-${nextName++}`;
  const old = new Dexie(name);
  shippedSchemas[1](old);
  // Version 1 profiles were saved before the config had an offline policy.
  const { offline: _none, ...configBefore } = CONFIG;
  await old.table('profile').put({ key: 'current', config: configBefore, savedAt: '2026-03-02T02:00:00.000Z' });
  await old.table('token').put({ key: 'current', token: 'device-token-1' });
  old.close();

  const db = new KioskDb(name, vi.fn());
  opened.push(db);
  expect(await lastProfile(db)).toEqual({
    ...configBefore,
    offline: { returnsQueued: true, borrowing: false, maxItemsPerCard: 3, loanDays: 30, cardHashSalt: '', blockedCards: [] },
  });
  expect(await deviceToken(db)).toBe('device-token-1');
  await enqueue(db, { type: 'checkin', requestId: crypto.randomUUID(), itemBarcode: '39010001', occurredAt: '2026-03-02T02:00:00.000Z' });
  expect(await outboxDepth(db)).toBe(1);
});

it('keeps a version 2 profile, token and outbox, and adds the e-book copy (titles in chunks, sync state, covers)', async () => {
  const name = `kiosk-v2-${nextName++}`;
  const old = new Dexie(name);
  shippedSchemas[2](old);
  await old.table('profile').put({ key: 'current', config: CONFIG, savedAt: '2026-03-02T02:00:00.000Z' });
  await old.table('token').put({ key: 'current', token: 'device-token-2' });
  await old.table('outbox').add({ type: 'checkin', requestId: 'r-1', itemBarcode: '39010001', occurredAt: '2026-03-02T02:00:00.000Z' });
  old.close();

  const db = new KioskDb(name, vi.fn());
  opened.push(db);
  expect(await lastProfile(db)).toEqual(CONFIG);
  expect(await deviceToken(db)).toBe('device-token-2');
  expect(await outboxDepth(db)).toBe(1);
  const title = { id: 7, title: '三体', coverUrl: '/api/ebooks/7/cover?v=1' } as unknown as EbookSummary;
  await writeCopy(db, { replace: true, chunks: [{ key: 0, ebooks: [title] }], withdrawnIds: [], state: { key: 'sync', syncedAt: '2026-03-02T02:00:00.000Z', categories: [], popularIds: [] } });
  await saveCovers(db, [{ ebookId: 7, url: title.coverUrl!, image: new Blob(['webp']) }]);
  expect(await readCopy(db)).toEqual({ ebooks: [title], state: { key: 'sync', syncedAt: '2026-03-02T02:00:00.000Z', categories: [], popularIds: [] } });
  expect(await savedCover(db, 7, title.coverUrl!)).not.toBeNull();
});

it('closes and asks to reload when a newer kiosk build opens the database elsewhere', async () => {
  const name = `kiosk-newer-${nextName++}`;
  const onNewerVersion = vi.fn();
  const db = new KioskDb(name, onNewerVersion);
  await db.open();
  const newer = new Dexie(name);
  newer.version(99).stores({ profile: 'key', token: 'key', outbox: '++seq, &requestId, cardNumber', syncLog: 'requestId, answeredAt' });
  opened.push(newer);
  await newer.open();
  expect(onNewerVersion).toHaveBeenCalledOnce();
  expect(db.isOpen()).toBe(false);
});
