/** The kiosk's service worker and the apps' manifests, as the hub serves them from the build. */
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
  appsDir = mkdtempSync(join(tmpdir(), 'hub-pwa-'));
  for (const name of ['kiosk', 'admin']) {
    mkdirSync(join(appsDir, name));
    writeFileSync(join(appsDir, name, 'index.html'), `<!doctype html><title>${name}</title>`);
    writeFileSync(join(appsDir, name, 'manifest.webmanifest'), JSON.stringify({ name, scope: `/${name}/` }));
  }
  writeFileSync(join(appsDir, 'kiosk', 'sw.js'), 'self.addEventListener("fetch", () => {});');
  app = await buildApp({ config: loadConfig({}), db: new Database(':memory:'), logger: false, appsDir });
});

afterAll(async () => {
  await app.close();
  rmSync(appsDir, { recursive: true });
});

it('serves the kiosk’s service worker from /kiosk/ as a script that is always revalidated, so an update is seen', async () => {
  const response = await app.inject('/kiosk/sw.js');
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^(text|application)\/javascript/);
  expect(response.headers['cache-control']).toBe('no-cache');
  // From /kiosk/, its scope can be /kiosk/ without a Service-Worker-Allowed header.
  expect(response.headers['service-worker-allowed']).toBeUndefined();
});

it('lets pages register a same-origin worker and manifest, still with no inline scripts', async () => {
  const csp = String((await app.inject('/kiosk/')).headers['content-security-policy']);
  expect(csp).toContain("worker-src 'self'");
  expect(csp).toContain("manifest-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp.match(/script-src [^;]*/)?.[0]).not.toContain('unsafe-inline');
});

it('serves each app’s manifest as a web app manifest, revalidated', async () => {
  for (const name of ['kiosk', 'admin']) {
    const response = await app.inject(`/${name}/manifest.webmanifest`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.json()).toMatchObject({ scope: `/${name}/` });
  }
});
