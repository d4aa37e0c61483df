/**
 * Patron care in the admin panel, in both languages: the admin finds the demo patron 20140003
 * by name or card and sees the overdue block and loan; blocks 20140004 by hand with a reason,
 * and the kiosk API refuses that patron's checkout with the manual block; unblocks (each
 * confirmed first); locks 20140004's card with wrong PINs at the kiosk API and unlocks it from
 * the panel, after which the patron signs in again.
 *
 * The hub and its demo library are shared with the kiosk journeys: the spec lifts its block and
 * lock again, ends its patron sessions, and takes back the failed sign-ins it counted against the
 * kiosk (straight in the hub's database), so the kiosk's own limit on failed sign-ins is as before.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { API, KIOSK_TOKEN_HEADER } from '../../shared/api/routes';
import { adminPanel, type Lang } from './support/admin-panel';

test.use({ bypassCSP: true });

const BLOCKED = { card: '20140003', name: '王芳' };
const HOLDER = { card: '20140004', pin: '8642', name: '陈静' };
/** An item on the shelf that no journey borrows for long: the refused checkout never lends it. */
const SHELF_ITEM = '39010020';

function panel(page: Page, lang: Lang) {
  const admin = adminPanel(page, lang);
  const { t } = admin;
  return {
    ...admin,
    async signIn() {
      await admin.signIn();
      await admin.openPage('admin.nav.patrons', 'admin.patrons.title');
    },
    async open(query: string, card: string, name: string) {
      await page.getByRole('searchbox', { name: t('admin.patrons.search.label') }).fill(query);
      await page.getByRole('button', { name: t('admin.patrons.search.submit'), exact: true }).click();
      await page.getByRole('button', { name: t('admin.patrons.openNamed', { name, card }) }).click();
      await expect(page.getByRole('heading', { level: 2, name: new RegExp(card) })).toBeVisible();
    },
    facts: () => page.locator('.patron-facts'),
  };
}

const escapeRegExp = (text = '') => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The kiosk's API, as the kiosk on the hub's own machine calls it. */
async function kioskApi(request: APIRequestContext) {
  const claimed = await request.post(API.kioskClaimLocal, { data: {} });
  expect(claimed.ok()).toBe(true);
  const { token } = (await claimed.json()) as { token: string };
  const headers = { [KIOSK_TOKEN_HEADER]: token };
  return {
    signIn: (pin: string) => request.post(API.session, { headers, data: { cardNumber: HOLDER.card, pin } }),
    checkout: (patronToken: string) =>
      request.post(API.checkout, { headers: { ...headers, authorization: `Bearer ${patronToken}` }, data: { itemBarcode: SHELF_ITEM, requestId: crypto.randomUUID() } }),
    endSession: (patronToken: string) => request.delete(API.session, { headers: { ...headers, authorization: `Bearer ${patronToken}` } }),
  };
}

/** Takes back the failed sign-ins counted since `since`, which would otherwise hold the kiosk back for the journeys after this one. */
function forgetFailedSignIns(since: string): void {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error('E2E_DATA_DIR is set by playwright.config.ts');
  const db = new Database(join(dataDir, 'hub.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('DELETE FROM sign_in_failures WHERE at >= ?').run(since);
  } finally {
    db.close();
  }
}

for (const lang of ['zh-CN', 'en'] as const) {
  test(`staff find a patron, block and unblock, and unlock a card locked at the kiosk (${lang})`, async ({ page, request }) => {
    const admin = panel(page, lang);
    const { t } = admin;
    const kiosk = await kioskApi(request);
    const started = new Date().toISOString();

    await test.step('find 20140003 and see the overdue block and loan', async () => {
      await admin.signIn();
      await admin.open(lang === 'zh-CN' ? '芳' : BLOCKED.card, BLOCKED.card, BLOCKED.name);
      await expect(admin.facts()).toContainText(t('admin.patrons.block.overdue'));
      await expect(page.getByRole('row').filter({ hasText: t('admin.patrons.overdue') })).toHaveCount(1);
      await admin.look('patron');
      await page.getByRole('button', { name: t('admin.patrons.back') }).click();
    });

    await test.step('block 20140004 with a reason: the kiosk refuses borrowing with that block', async () => {
      await admin.open(HOLDER.card, HOLDER.card, HOLDER.name);
      const reason = lang === 'zh-CN' ? '读者证遗失，待补办' : 'Card reported lost at the desk';
      await page.getByLabel(t('admin.patrons.block.reason')).fill(reason);
      await page.getByRole('button', { name: t('admin.patrons.block.submit') }).click();
      const confirm = page.getByRole('alertdialog');
      await expect(confirm).toContainText(t('admin.patrons.block.confirm', { name: HOLDER.name, card: HOLDER.card, reason }));
      await admin.look('patron-confirm');
      await confirm.getByRole('button', { name: t('admin.patrons.confirm.yes') }).click();
      await expect(page.getByRole('status')).toHaveText(t('admin.patrons.block.done', { card: HOLDER.card }));
      await expect(admin.facts()).toContainText(t('admin.patrons.block.manualReason', { reason }));

      const signedIn = await kiosk.signIn(HOLDER.pin);
      const { token } = (await signedIn.json()) as { token: string };
      const refused = await kiosk.checkout(token);
      expect(await refused.json()).toMatchObject({ ok: false, code: 'patron.blocked', blocks: ['manual'] });
      await kiosk.endSession(token);
    });

    await test.step('unblock, confirmed first', async () => {
      await page.getByRole('button', { name: t('admin.patrons.unblock') }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: t('admin.patrons.confirm.yes') }).click();
      await expect(page.getByRole('status')).toHaveText(t('admin.patrons.unblock.done', { card: HOLDER.card }));
      await expect(admin.facts()).toContainText(t('admin.patrons.noBlocks'));
    });

    await test.step('wrong PINs at the kiosk lock the card; the panel shows it and unlocks it', async () => {
      try {
        for (let i = 0; i < 5; i++) await kiosk.signIn('9999');
        expect((await kiosk.signIn(HOLDER.pin)).status()).toBe(423);
        await page.getByRole('button', { name: t('admin.patrons.back') }).click();
        await admin.open(HOLDER.card, HOLDER.card, HOLDER.name);
        // The time is in the browser's time zone: any time, then the count.
        const [before, after] = t('admin.patrons.lock.locked', { until: '\u0000', count: '5' }).split('\u0000').map(escapeRegExp);
        await expect(admin.facts()).toContainText(new RegExp(`${before}.+${after}`));
        await admin.look('patron-locked');
        await page.getByRole('button', { name: t('admin.patrons.unlock') }).click();
        await expect(page.getByRole('status')).toHaveText(t('admin.patrons.unlockDone', { card: HOLDER.card }));
        await expect(admin.facts()).toContainText(t('admin.patrons.lock.none', { count: '0' }));
        const signedIn = await kiosk.signIn(HOLDER.pin);
        expect(signedIn.status()).toBe(200);
        await kiosk.endSession(((await signedIn.json()) as { token: string }).token);
      } finally {
        forgetFailedSignIns(started);
      }
    });
  });
}
