import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API, KIOSK_TOKEN_HEADER } from '../../shared/api/routes';
import { EbookCatalogue, TicketIssued } from '../../shared/ebooks/schemas';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { createDemoEbooks } from '../../server/ebooks/demo/create-demo-ebooks';

let app: FastifyInstance;
let db: Database.Database;
let dataDir: string;
let log: string;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'log-redaction-'));
  db = new Database(':memory:');
  log = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      log += chunk.toString();
      done();
    },
  });
  app = await buildApp({ config: { ...loadConfig({}), dataDir }, db, logger: { level: 'info', stream } });
  await createDemoEbooks({ db, dataDir, now: () => new Date() });
});
afterEach(async () => {
  await app.close();
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function issueTicket(): Promise<TicketIssued> {
  const kioskToken = (await app.inject({ method: 'POST', url: API.kioskClaimLocal, payload: {} })).json<{ token: string }>().token;
  const headers = { [KIOSK_TOKEN_HEADER]: kioskToken };
  const { ebooks } = EbookCatalogue.parse((await app.inject({ url: API.ebooks, headers })).json());
  const open = ebooks.find((ebook) => ebook.access === 'open')!;
  return TicketIssued.parse((await app.inject({ method: 'POST', url: `/api/ebooks/${open.id}/tickets`, headers, payload: {} })).json());
}

describe('the request log', () => {
  it('never shows a download token or short code, however the path is spelt', async () => {
    const { token, shortCode } = await issueTicket();
    const served = {
      page: await app.inject(`/d/${token}`),
      encodedPage: await app.inject(`/%64/${token}`),
      codePage: await app.inject(`/d/code/${shortCode}`),
      encodedCodePage: await app.inject(`/d/%63ode/${encodeURIComponent(shortCode)}`),
      typedCode: await app.inject(`/d?code=${shortCode}`),
      file: await app.inject(`/d/${token}/file`),
      encodedFile: await app.inject(`/%64/${token}/%66ile`),
    };
    for (const [name, response] of Object.entries(served)) expect([name, response.statusCode]).not.toEqual([name, 404]);
    // Paths no route serves still reach the log.
    await app.inject(`/d/${token}/`);
    await app.inject(`//%64/${token}/file/more`);

    expect(log).toContain('"url":"/d/[redacted]"');
    expect(log).toContain('"url":"/d/[redacted]/file"');
    expect(log).toContain('"url":"/d/code/[redacted]"');
    expect(log).toContain('"url":"/d?[redacted]"');
    expect(log).not.toContain(token);
    expect(log).not.toContain(token.slice(0, 12));
    expect(log).not.toContain(shortCode);
  });

  it('keeps the parts of a URL that are no secret', async () => {
    await app.inject('/api/ebooks/7/cover');
    await app.inject('/api/ebooks?since=2026-03-01');
    await app.inject('/kiosk/assets/app.js');
    expect(log).toContain('"url":"/api/ebooks/7/cover"');
    expect(log).toContain('"url":"/api/ebooks?since=2026-03-01"');
    expect(log).toContain('"url":"/kiosk/assets/app.js"');
  });
});
