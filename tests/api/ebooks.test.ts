import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { createDemoEbooks } from '../../server/ebooks/demo/create-demo-ebooks';
import { setEbookCategories } from '../../server/ebooks/ebook-curation';
import { EbookCatalogue, TicketIssued, TicketStatus } from '../../shared/ebooks/schemas';
import { createTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;
let dataDir: string;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ebooks-api-'));
  hub = await createTestHub({ config: { dataDir, publicUrl: 'http://192.168.1.20:8080', ebookTicketTtlSeconds: 120 } });
  await createDemoEbooks({ db: hub.db, dataDir, now: hub.now });
});
afterEach(async () => {
  await hub.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function catalogue(since?: string) {
  const response = await hub.call('GET', since ? `/api/ebooks?since=${encodeURIComponent(since)}` : '/api/ebooks');
  expect(response.statusCode).toBe(200);
  return EbookCatalogue.parse(response.json());
}

async function issue(title: string, patronToken: string | null = null) {
  const ebook = (await catalogue()).ebooks.find((entry) => entry.title === title)!;
  const response = await hub.call('POST', `/api/ebooks/${ebook.id}/tickets`, { patronToken, body: {} });
  return { ebook, response };
}

function storedFile(ebookId: number): Buffer {
  const { file_path } = hub.db.prepare('SELECT file_path FROM ebooks WHERE id = ?').get(ebookId) as { file_path: string };
  return readFileSync(join(dataDir, file_path));
}

describe('e-books in the hub', () => {
  it('serve the demo shelf to the kiosk, then only what changed since', async () => {
    const full = await catalogue();
    expect(full.ebooks.length).toBeGreaterThanOrEqual(12);
    expect(full.categories.length).toBeGreaterThan(1);
    expect(full.ebooks.find((e) => e.title === '红楼梦')?.searchKeys.initials).toContain('hlm');
    hub.advanceMinutes(1);
    const later = new Date(hub.now()).toISOString();
    expect((await catalogue(later)).ebooks).toEqual([]);
    const moved = full.ebooks[0]!;
    setEbookCategories(hub.db, moved.id, [full.categories[1]!.id], hub.now());
    expect((await catalogue(later)).ebooks.map((e) => [e.id, e.categoryIds])).toEqual([[moved.id, [full.categories[1]!.id]]]);
    expect((await hub.call('GET', '/api/ebooks', { kioskToken: null })).statusCode).toBe(401);
    expect((await hub.call('GET', '/api/ebooks?since=yesterday')).statusCode).toBe(400);
  });

  it('hand an open title to a phone: page, download with a UTF-8 name, ranges, and a used-up page', async () => {
    const { ebook, response } = await issue('红楼梦');
    expect(response.statusCode).toBe(201);
    const ticket = TicketIssued.parse(response.json());
    expect(ticket.downloadUrl).toBe(`http://192.168.1.20:8080/d/${ticket.token}`);
    const pagePath = new URL(ticket.downloadUrl).pathname;

    const page = await hub.app.inject({ url: pagePath, headers: { 'accept-language': 'en-GB,en;q=0.9,zh;q=0.5' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="en">');
    expect(page.body).toContain('Download');
    expect((await hub.app.inject({ url: pagePath, headers: { 'accept-language': 'zh-CN' } })).body).toContain('下载');

    expect((await hub.app.inject({ method: 'HEAD', url: `${pagePath}/file` })).statusCode).toBe(404);
    const file = await hub.app.inject({ url: `${pagePath}/file` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/epub+zip');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="[\x20-\x7e]+\.epub"; filename\*=UTF-8''%E7%BA%A2%E6%A5%BC%E6%A2%A6\.epub$/);
    expect(file.rawPayload.equals(storedFile(ebook.id))).toBe(true);

    const resumed = await hub.app.inject({ url: `${pagePath}/file`, headers: { range: 'bytes=100-' } });
    expect(resumed.statusCode).toBe(206);
    expect(resumed.headers['content-range']).toBe(`bytes 100-${ebook.sizeBytes - 1}/${ebook.sizeBytes}`);
    expect(resumed.rawPayload.equals(storedFile(ebook.id).subarray(100))).toBe(true);

    const status = TicketStatus.parse((await hub.call('GET', `/api/ebook-tickets/${ticket.ticketId}`)).json());
    expect(status).toMatchObject({ state: 'live', downloadsUsed: 1, downloadsLeft: 2 });

    await hub.app.inject({ url: `${pagePath}/file` });
    await hub.app.inject({ url: `/d/code/${ticket.shortCode}/file` });
    const usedUp = await hub.app.inject({ url: `${pagePath}/file`, headers: { 'accept-language': 'zh-CN' } });
    expect(usedUp.statusCode).toBe(410);
    expect(usedUp.body).toContain('下载次数已经用完');
    expect(usedUp.body).toContain('发送到手机');
  });

  it('find a title by the short code typed at /d', async () => {
    const { response } = await issue('红楼梦');
    const ticket = TicketIssued.parse(response.json());
    const form = await hub.app.inject({ url: '/d', headers: { 'accept-language': 'en' } });
    expect(form.body).toContain('Type your download code');
    const typed = `${ticket.shortCode.slice(0, 3).toLowerCase()}-${ticket.shortCode.slice(3)}`;
    const redirect = await hub.app.inject({ url: `/d?code=${typed}` });
    expect([redirect.statusCode, redirect.headers.location]).toEqual([303, `/d/code/${ticket.shortCode}`]);
    expect((await hub.app.inject({ url: `/d/code/${ticket.shortCode}` })).body).toContain('红楼梦');
  });

  it('show expired, cancelled and unknown tickets a page that says what to do', async () => {
    const expiring = TicketIssued.parse((await issue('红楼梦')).response.json());
    const cancelled = TicketIssued.parse((await issue('红楼梦')).response.json());
    expect((await hub.call('DELETE', `/api/ebook-tickets/${cancelled.ticketId}`)).statusCode).toBe(204);
    hub.advanceMinutes(3);
    for (const [path, text] of [
      [`/d/${expiring.token}`, 'has expired'],
      [`/d/${cancelled.token}`, 'cancelled at the kiosk'],
      ['/d/not-a-real-token-at-all', 'not valid'],
    ] as const) {
      const response = await hub.app.inject({ url: path, headers: { 'accept-language': 'en' } });
      expect(response.statusCode).toBeGreaterThanOrEqual(404);
      expect(response.body).toContain(text);
      expect(response.body).toContain('scan the new QR code');
    }
  });

  it('never write a download token or short code into the log', async () => {
    const lines: string[] = [];
    const logged = await buildApp({
      config: { ...loadConfig({}), dataDir },
      db: hub.db,
      now: hub.now,
      logger: { level: 'info', stream: { write: (line: string) => void lines.push(line) } },
    });
    const ticket = TicketIssued.parse((await issue('红楼梦')).response.json());
    await logged.inject({ url: `/d/${ticket.token}` });
    await logged.inject({ url: `/d/${ticket.token}/file` });
    await logged.inject({ url: `/d?code=${ticket.shortCode}` });
    await logged.close();
    const log = lines.join('');
    expect(log).toContain('/d/[redacted]/file');
    expect(log).not.toContain(ticket.token);
    expect(log).not.toContain(ticket.shortCode);
  });

  it('ask for a signed-in patron before a card title, and count it against the daily limit', async () => {
    const cardTitle = (await catalogue()).ebooks.find((e) => e.access === 'card')!;
    const anonymous = await hub.call('POST', `/api/ebooks/${cardTitle.id}/tickets`, { body: {} });
    expect([anonymous.statusCode, anonymous.json()]).toEqual([401, { error: { code: 'ebook.cardRequired' } }]);
    const patronToken = await hub.signIn('20140001', '2580');
    const issued = await hub.call('POST', `/api/ebooks/${cardTitle.id}/tickets`, { patronToken, body: {} });
    expect(issued.statusCode).toBe(201);
  });
});

describe('the download limit', () => {
  async function liveTicket() {
    const { ebook, response } = await issue('红楼梦');
    const ticket = TicketIssued.parse(response.json());
    const file = (range?: string) =>
      hub.app.inject({ url: `/d/${ticket.token}/file`, headers: range === undefined ? {} : { range, 'accept-language': 'en' } });
    const used = async () => TicketStatus.parse((await hub.call('GET', `/api/ebook-tickets/${ticket.ticketId}`)).json()).downloadsUsed;
    return { ebook, ticket, file, used, bytes: storedFile(ebook.id) };
  }

  it('counts every answer that starts at the first byte as a download, however the range is written', async () => {
    const { ebook, file, used, bytes } = await liveTicket();
    const padded = await file('bytes=00-');
    expect([padded.statusCode, padded.rawPayload.equals(bytes)]).toEqual([206, true]);
    expect(await used()).toBe(1);
    // Several ranges get the whole file, which is a download like any other.
    const multi = await file('bytes=1-,0-');
    expect([multi.statusCode, multi.rawPayload.equals(bytes)]).toEqual([200, true]);
    expect(await used()).toBe(2);
    expect((await file(`bytes=-${ebook.sizeBytes}`)).statusCode).toBe(206);
    expect(await used()).toBe(3);

    for (const range of ['bytes=00-', 'bytes=1-,0-', 'bytes=0-', 'bytes=000-99', `bytes=-${ebook.sizeBytes + 5}`, 'bytes=x', undefined]) {
      const refused = await file(range);
      expect([range, refused.statusCode, refused.body.includes('data-code="ticket.usedUp"')]).toEqual([range, 410, true]);
    }
    expect(await used()).toBe(3);
  });

  it('lets a phone resume only as many bytes as the ticket’s downloads hold in all', async () => {
    const { ebook, file, used, bytes } = await liveTicket();
    expect((await file()).statusCode).toBe(200);
    // Three downloads allowed: one whole file plus two almost-whole resumptions fit, a third does not.
    for (let i = 0; i < 2; i++) {
      const resumed = await file('bytes=1-');
      expect([resumed.statusCode, resumed.rawPayload.equals(bytes.subarray(1))]).toEqual([206, true]);
    }
    const refused = await file('bytes=1-');
    expect([refused.statusCode, refused.body.includes('data-code="ticket.usedUp"')]).toEqual([410, true]);
    expect((await file()).statusCode).toBe(410);
    expect(await used()).toBe(1);
    expect(ebook.sizeBytes).toBe(bytes.length);
  });

  it('resumes the last download of a used-up ticket, and a download fetched in pieces uses one download', async () => {
    const { ebook, file, used, bytes } = await liveTicket();
    const pieces: Buffer[] = [];
    for (let start = 0; start < ebook.sizeBytes; start += 1000) {
      const piece = await file(`bytes=${start}-${start + 999}`);
      expect(piece.statusCode).toBe(206);
      pieces.push(piece.rawPayload);
    }
    expect(Buffer.concat(pieces).equals(bytes)).toBe(true);
    expect(await used()).toBe(1);

    await file();
    const interrupted = await file('bytes=0-99');
    expect(interrupted.statusCode).toBe(206);
    expect(await used()).toBe(3);
    const rest = await file('bytes=100-');
    expect([rest.statusCode, rest.rawPayload.equals(bytes.subarray(100))]).toEqual([206, true]);
  });

  it('resumes nothing once the ticket has expired or been cancelled', async () => {
    const cancelled = await liveTicket();
    await cancelled.file();
    expect((await hub.call('DELETE', `/api/ebook-tickets/${cancelled.ticket.ticketId}`)).statusCode).toBe(204);
    expect((await cancelled.file('bytes=100-')).body.includes('data-code="ticket.cancelled"')).toBe(true);

    const expiring = await liveTicket();
    await expiring.file();
    hub.advanceMinutes(3);
    for (const range of ['bytes=100-', 'bytes=00-', 'bytes=1-,0-']) {
      const refused = await expiring.file(range);
      expect([range, refused.statusCode, refused.body.includes('data-code="ticket.expired"')]).toEqual([range, 410, true]);
    }
  });
});

describe('cover thumbnails', () => {
  it('are not rate-limited: a kiosk saves every cover of the collection in one go', async () => {
    await hub.close();
    hub = await createTestHub({ config: { dataDir, rateLimitMax: 5 } });
    await createDemoEbooks({ db: hub.db, dataDir, now: hub.now });
    const { ebooks } = await catalogue();
    const covers = ebooks.flatMap((ebook) => (ebook.coverUrl ? [ebook.coverUrl] : []));
    expect(covers.length).toBeGreaterThan(5);
    for (const url of covers) expect((await hub.call('GET', url)).statusCode).toBe(200);
    // The rest of the API still counts: the catalogue call above used one of five.
    for (let i = 0; i < 4; i++) await hub.call('GET', '/api/ebooks');
    expect((await hub.call('GET', '/api/ebooks')).statusCode).toBe(429);
  });
});
