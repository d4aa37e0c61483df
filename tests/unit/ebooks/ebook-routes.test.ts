import { describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import { storeEbook } from '../../../server/ebooks/store-ebook';
import { API, KIOSK_TOKEN_HEADER } from '../../../shared/api/routes';
import { EbookCatalogue, TicketIssued, TicketStatus } from '../../../shared/ebooks/schemas';
import { migratedDb, minimalEpub, scratchDataDir } from './ebook-test-kit';

async function hub() {
  const db = migratedDb();
  const dataDir = scratchDataDir();
  const bytes = await minimalEpub([], '<dc:title>红楼梦</dc:title><dc:creator>曹雪芹</dc:creator>');
  const stored = await storeEbook({ db, dataDir, bytes, originalName: 'hlm.epub' });
  if (!stored.ok) throw new Error(stored.code);
  const app = await buildApp({ config: { ...loadConfig({}), dataDir, publicUrl: 'https://hub.example' }, db, logger: false });
  const claimed = await app.inject({ method: 'POST', url: API.kioskClaimLocal, payload: {} });
  const kiosk = { [KIOSK_TOKEN_HEADER]: (claimed.json() as { token: string }).token };
  return { app, bytes, id: stored.id, kiosk };
}

describe('e-book routes', () => {
  it('serve the catalogue to kiosks only', async () => {
    const { app, kiosk } = await hub();
    expect((await app.inject({ url: '/api/ebooks' })).statusCode).toBe(401);
    const catalogue = EbookCatalogue.parse((await app.inject({ url: '/api/ebooks', headers: kiosk })).json());
    expect(catalogue.ebooks[0]?.searchKeys.initials).toContain('hlm');
  });

  it('hand the file to the phone with the QR code’s URL, as often as the ticket allows', async () => {
    const { app, bytes, id, kiosk } = await hub();
    const issued = TicketIssued.parse((await app.inject({ method: 'POST', url: `/api/ebooks/${id}/tickets`, headers: kiosk })).json());
    expect(issued.downloadUrl).toBe(`https://hub.example/d/${issued.token}`);

    const page = await app.inject({ url: new URL(issued.downloadUrl).pathname });
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('红楼梦');
    const path = `${new URL(issued.downloadUrl).pathname}/file`;
    expect((await app.inject({ method: 'HEAD', url: path })).statusCode).toBe(404);
    const download = await app.inject({ url: path });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/epub+zip');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''%E7%BA%A2%E6%A5%BC%E6%A2%A6.epub");
    expect(download.rawPayload.equals(bytes)).toBe(true);

    await app.inject({ url: path });
    await app.inject({ url: `/d/code/${issued.shortCode}/file` });
    const usedUp = await app.inject({ url: path });
    expect([usedUp.statusCode, usedUp.body]).toEqual([410, expect.stringContaining('data-code="ticket.usedUp"')]);
    const status = TicketStatus.parse((await app.inject({ url: `/api/ebook-tickets/${issued.ticketId}`, headers: kiosk })).json());
    expect(status).toMatchObject({ state: 'usedUp', downloadsUsed: 3 });
  });

  it('stop a cancelled ticket', async () => {
    const { app, id, kiosk } = await hub();
    const issued = TicketIssued.parse((await app.inject({ method: 'POST', url: `/api/ebooks/${id}/tickets`, headers: kiosk })).json());
    expect((await app.inject({ method: 'DELETE', url: `/api/ebook-tickets/${issued.ticketId}`, headers: kiosk })).statusCode).toBe(204);
    const refused = await app.inject({ url: `/d/${issued.token}` });
    expect([refused.statusCode, refused.body]).toEqual([410, expect.stringContaining('data-code="ticket.cancelled"')]);
  });
});
