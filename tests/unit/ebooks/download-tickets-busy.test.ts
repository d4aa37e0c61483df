/**
 * Issuing and redeeming a ticket read and then write: under a write lock held elsewhere they must
 * wait for it (busy_timeout), not fail at once with SQLITE_BUSY as a deferred transaction does.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHubDatabase, type Database } from '../../../server/db/database';
import { DownloadTickets } from '../../../server/ebooks/download-tickets';
import { storeEbook } from '../../../server/ebooks/store-ebook';
import { holdWriteLock } from '../../support/hold-write-lock';
import { minimalEpub, scratchDataDir } from './ebook-test-kit';

let dataDir: string;
let db: Database;
let tickets: DownloadTickets;
let ebookId: number;

beforeAll(async () => {
  dataDir = scratchDataDir();
  ({ db } = openHubDatabase(dataDir));
  const stored = await storeEbook({ db, dataDir, bytes: await minimalEpub([], '<dc:title>Open</dc:title>'), originalName: 'open.epub' });
  if (!stored.ok) throw new Error('fixture refused');
  ebookId = stored.id;
  tickets = new DownloadTickets(db, () => new Date(), { timeZone: 'Asia/Shanghai' });
});

afterAll(() => {
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('when another connection holds the write lock', () => {
  const underLock = async <T>(call: () => T): Promise<T> => {
    const { released } = await holdWriteLock(join(dataDir, 'hub.sqlite'), 300);
    try {
      return call();
    } finally {
      await released;
    }
  };

  it('issuing a ticket waits for it, then redeeming one does too', async () => {
    const issued = await underLock(() => tickets.issue({ ebookId, kioskId: 'lobby', patronCard: null }));
    expect(issued).toMatchObject({ ok: true });
    if (!issued.ok) return;
    expect(await underLock(() => tickets.redeem(issued.ticket.token, undefined))).toMatchObject({ ok: true, downloadsLeft: 2 });
  });
});
