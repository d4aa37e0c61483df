/**
 * Another connection holding the database's write lock (a backup, a second process, a long
 * write) makes sign-in wait for it (busy_timeout), not fail at once with `internal`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { API, KIOSK_TOKEN_HEADER } from '../../shared/api/routes';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { openHubDatabase, type Database } from '../../server/db/database';
import { createDemoLibrary, DEMO_PATRONS } from '../../server/demo/demo-library';
import { holdWriteLock } from '../support/hold-write-lock';

const HOLD_MS = 300;
let dataDir: string;
let db: Database;
let app: FastifyInstance;
let kioskToken: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'hub-busy-'));
  ({ db } = openHubDatabase(dataDir));
  await createDemoLibrary(db, new Date());
  app = await buildApp({ config: { ...loadConfig({}), rateLimitMax: 0 }, db, logger: false });
  kioskToken = ((await app.inject({ method: 'POST', url: API.kioskClaimLocal, payload: {} })).json() as { token: string }).token;
});

afterAll(async () => {
  await app.close();
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const signIn = () =>
  app.inject({
    method: 'POST',
    url: API.session,
    headers: { [KIOSK_TOKEN_HEADER]: kioskToken },
    payload: { cardNumber: DEMO_PATRONS.active.cardNumber, pin: DEMO_PATRONS.active.pin },
  });

it('signs in once a write lock held elsewhere is released', async () => {
  // A first sign-in notes the kiosk as seen, so the lock meets the sign-in itself, not that write.
  expect((await signIn()).statusCode).toBe(200);
  const { released } = await holdWriteLock(join(dataDir, 'hub.sqlite'), HOLD_MS);
  const started = Date.now();
  const response = await signIn();
  expect(response.json()).toMatchObject({ pinChangeRequired: false });
  expect(response.statusCode).toBe(200);
  expect(Date.now() - started).toBeGreaterThanOrEqual(HOLD_MS / 2);
  await released;
});
