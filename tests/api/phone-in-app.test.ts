import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDemoEbooks } from '../../server/ebooks/demo/create-demo-ebooks';
import { EbookCatalogue, TicketIssued, TicketStatus } from '../../shared/ebooks/schemas';
import { translate } from '../../shared/i18n';
import { DOWNLOADING_USER_AGENTS, IN_APP_USER_AGENTS } from '../unit/ebooks/user-agents';
import { createTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;
let dataDir: string;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'phone-in-app-'));
  hub = await createTestHub({ config: { dataDir } });
  await createDemoEbooks({ db: hub.db, dataDir, now: hub.now });
});
afterEach(async () => {
  await hub.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function issueTicket() {
  const { ebooks } = EbookCatalogue.parse((await hub.call('GET', '/api/ebooks')).json());
  const ebook = ebooks.find((entry) => entry.title === '红楼梦')!;
  return TicketIssued.parse((await hub.call('POST', `/api/ebooks/${ebook.id}/tickets`, { body: {} })).json());
}

const HINT = 'data-testid="in-app-hint"';

describe('the phone page in an in-app browser', () => {
  it.each(Object.entries(IN_APP_USER_AGENTS))('%s: says how to open the page in a browser, with the short code large', async (_, userAgent) => {
    const ticket = await issueTicket();
    for (const path of [`/d/${ticket.token}`, `/d/code/${ticket.shortCode}`]) {
      const page = await hub.app.inject({ url: path, headers: { 'user-agent': userAgent, 'accept-language': 'zh-CN' } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(HINT);
      expect(page.body).toContain(translate('zh-CN', 'phone.inApp.step'));
      expect(page.body).toContain(`<p class="short-code" data-testid="short-code" translate="no">${ticket.shortCode}</p>`);
      expect(page.body).toContain('http://localhost:80/d<');
      expect(page.body).toContain('<svg');
      expect(page.headers.vary).toContain('user-agent');
    }
    // Neither page used up a download.
    const status = TicketStatus.parse((await hub.call('GET', `/api/ebook-tickets/${ticket.ticketId}`)).json());
    expect(status.downloadsLeft).toBe(ticket.downloadsLeft);
  });

  it('speaks the phone’s language', async () => {
    const ticket = await issueTicket();
    const page = await hub.app.inject({ url: `/d/${ticket.token}`, headers: { 'user-agent': IN_APP_USER_AGENTS.wechatIos, 'accept-language': 'en' } });
    expect(page.body).toContain('Tap ··· at the top right and choose Open in browser');
    expect(page.body).toContain(translate('en', 'phone.inApp.drawing'));
  });

  it.each(Object.entries(DOWNLOADING_USER_AGENTS))('%s: nothing gets in the way of the Download button', async (_, userAgent) => {
    const ticket = await issueTicket();
    const page = await hub.app.inject({ url: `/d/${ticket.token}`, headers: { 'user-agent': userAgent } });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(HINT);
    expect(page.body).toContain(`href="/d/${ticket.token}/file" download`);
  });
});
