/**
 * Checkout, check-in and renewal read and then write: under a write lock held elsewhere they must
 * wait for it (busy_timeout), not fail at once with SQLITE_BUSY as a deferred transaction does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHubDatabase, type Database } from '../../../server/db/database';
import { createDemoLibrary, DEMO_ITEMS, DEMO_PATRONS } from '../../../server/demo/demo-library';
import { EmbeddedIls } from '../../../server/ils/embedded/embedded-ils';
import { holdWriteLock } from '../../support/hold-write-lock';

const HOLD_MS = 300;
let dataDir: string;
let db: Database;
let ils: EmbeddedIls;
const ctx = () => ({ kioskId: 'k1', now: new Date() });

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ils-busy-'));
  ({ db } = openHubDatabase(dataDir));
  await createDemoLibrary(db, new Date());
  ils = new EmbeddedIls(db);
});

afterAll(() => {
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('when another connection holds the write lock', () => {
  const underLock = async <T>(call: () => Promise<T>): Promise<T> => {
    const { released } = await holdWriteLock(join(dataDir, 'hub.sqlite'), HOLD_MS);
    try {
      return await call();
    } finally {
      await released;
    }
  };
  const card = DEMO_PATRONS.active.cardNumber;

  it('a checkout waits for it and lends the item', async () => {
    expect(await underLock(() => ils.checkout(card, DEMO_ITEMS.firstOnShelf, ctx()))).toMatchObject({ ok: true });
  });

  it('a renewal waits for it and renews', async () => {
    expect(await underLock(() => ils.renew(card, DEMO_ITEMS.firstOnShelf, ctx()))).toMatchObject({ ok: true });
  });

  it('a check-in waits for it and returns the item', async () => {
    expect(await underLock(() => ils.checkin(DEMO_ITEMS.firstOnShelf, ctx()))).toMatchObject({ ok: true });
  });
});
