import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';

let appsDir: string;
let app: FastifyInstance;

beforeAll(async () => {
  appsDir = mkdtempSync(join(tmpdir(), 'hub-apps-'));
  for (const name of ['kiosk', 'admin']) {
    mkdirSync(join(appsDir, name));
    writeFileSync(join(appsDir, name, 'index.html'), `<!doctype html><title>${name}</title>`);
  }
  mkdirSync(join(appsDir, 'assets'));
  writeFileSync(join(appsDir, 'assets', 'kiosk-3f2a1b.js'), 'console.log(1)');
  app = await buildApp({ config: loadConfig({}), db: new Database(':memory:'), logger: false, appsDir });
});

afterAll(async () => {
  await app.close();
  rmSync(appsDir, { recursive: true });
});

it('sends / to the kiosk', async () => {
  const response = await app.inject('/');
  expect(response.statusCode).toBe(302);
  expect(response.headers.location).toBe('/kiosk/');
});

it('serves each app’s page, always revalidated', async () => {
  for (const name of ['kiosk', 'admin']) {
    const response = await app.inject(`/${name}/`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(`<title>${name}</title>`);
    expect(response.headers['cache-control']).toBe('no-cache');
  }
});

it('lets browsers keep hashed assets for good', async () => {
  const response = await app.inject('/assets/kiosk-3f2a1b.js');
  expect(response.statusCode).toBe(200);
  expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
});

it('still answers API routes and unknown paths with the API’s shapes', async () => {
  expect((await app.inject('/healthz')).statusCode).toBe(200);
  const missing = await app.inject('/api/nothing-here');
  expect(missing.statusCode).toBe(404);
  expect(missing.json()).toEqual({ error: { code: 'request.invalid' } });
});
