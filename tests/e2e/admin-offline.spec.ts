/**
 * The admin panel's Offline transactions page, in both languages: offline transactions the hub
 * refused (sent through the kiosk API as a kiosk would after an outage) are listed with the time
 * at the kiosk, the kiosk, the card, the item and what happened; Mark handled takes one off the
 * list; an admin in Chinese, a librarian in English. Screenshots and axe. The refusals change nothing in the demo library (unknown card, unknown item).
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { API, KIOSK_TOKEN_HEADER } from '../../shared/api/routes';
import type { OfflineTransaction } from '../../shared/api/schemas';
import type { MessageParams } from '../../shared/i18n';
import { staffTranslate, type StaffMessageKey } from '../../shared/i18n/staff';
import { seriousAxeViolations } from './axe';

const screensDir = process.env.E2E_SCREENS_DIR ?? 'test-results/screens';
mkdirSync(screensDir, { recursive: true });

// axe is injected as an inline script (see ./axe.ts).
test.use({ bypassCSP: true });

/** Items and cards no demo library has, one pair a language, so the runs do not meet. */
const CASES = {
  'zh-CN': { unknownCard: '20149901', cardItem: '39019901', unknownItem: '39019902' },
  en: { unknownCard: '20149902', cardItem: '39019903', unknownItem: '39019904' },
} as const;

async function replayRefusals(request: APIRequestContext, { unknownCard, cardItem, unknownItem }: (typeof CASES)[keyof typeof CASES]) {
  const claimed = await request.post(API.kioskClaimLocal, { data: {} });
  expect(claimed.ok()).toBe(true);
  const headers = { [KIOSK_TOKEN_HEADER]: ((await claimed.json()) as { token: string }).token };
  // Two hours ago, at the kiosk, while it could not reach the hub.
  const occurredAt = new Date(Date.now() - 2 * 60 * 60_000).toISOString();
  const dueAt = new Date(Date.now() + 28 * 24 * 60 * 60_000).toISOString();
  const transactions: OfflineTransaction[] = [
    { type: 'checkout', requestId: crypto.randomUUID(), itemBarcode: cardItem, cardNumber: unknownCard, occurredAt, dueAt },
    { type: 'checkout', requestId: crypto.randomUUID(), itemBarcode: unknownItem, cardNumber: '20140001', occurredAt, dueAt },
  ];
  const replayed = await request.post(API.kioskOfflineTransactions, { headers, data: { transactions } });
  expect(await replayed.json()).toMatchObject({ results: [{ outcome: 'refused' }, { outcome: 'refused' }] });
}

/** The English run signs in as a librarian (the page is theirs too), made over the staff API with their own password. */
const LIBRARIAN = { username: 'desk-offline', password: 'offline desk pass 7' };
async function librarianAccount(request: APIRequestContext): Promise<void> {
  const login = async (username: string, password: string) =>
    ((await (await request.post(API.staffLogin, { data: { username, password } })).json()) as { token: string }).token;
  const admin = await login('admin', 'e2e-staff-password');
  const created = await request.post(API.staffAccounts, { headers: { authorization: `Bearer ${admin}` }, data: { username: LIBRARIAN.username, role: 'librarian', password: 'temporary pass 42' } });
  expect(created.status()).toBe(201);
  const first = await login(LIBRARIAN.username, 'temporary pass 42');
  expect((await request.post(API.staffPassword, { headers: { authorization: `Bearer ${first}` }, data: { newPassword: LIBRARIAN.password } })).ok()).toBe(true);
}

function panel(page: Page, lang: 'zh-CN' | 'en') {
  const t = (key: StaffMessageKey, params?: MessageParams) => staffTranslate(lang, key, params);
  return {
    t,
    async signIn(username = 'admin', password = 'e2e-staff-password') {
      await page.goto(lang === 'en' ? '/admin/?lang=en' : '/admin/');
      await page.getByLabel(t('admin.username')).fill(username);
      await page.getByLabel(t('admin.password')).fill(password);
      await page.getByRole('button', { name: t('admin.signIn') }).click();
    },
    async look(name: string) {
      await page.screenshot({ path: `${screensDir}/admin-${name}-${lang}.png`, fullPage: true });
      expect(await seriousAxeViolations(page), `axe on ${name} (${lang})`).toEqual([]);
    },
  };
}

for (const lang of ['zh-CN', 'en'] as const) {
  test(`staff see the refused offline transactions and mark one handled (${lang}${lang === 'en' ? ', as a librarian' : ', as an admin'})`, async ({ page, request }) => {
    const cases = CASES[lang];
    await replayRefusals(request, cases);
    const { t, signIn, look } = panel(page, lang);
    if (lang === 'en') {
      await librarianAccount(request);
      await signIn(LIBRARIAN.username, LIBRARIAN.password);
      await expect(page.getByRole('navigation', { name: t('admin.nav.label') }).getByRole('link', { name: t('admin.nav.staff') })).toHaveCount(0);
    } else {
      await signIn();
    }
    await page.getByRole('navigation', { name: t('admin.nav.label') }).getByRole('link', { name: t('admin.nav.offline') }).click();
    await expect(page.getByRole('heading', { level: 1, name: t('admin.offline.title') })).toBeVisible();

    const cardRow = page.getByRole('row').filter({ hasText: cases.cardItem });
    const itemRow = page.getByRole('row').filter({ hasText: cases.unknownItem });
    await expect(cardRow).toContainText(cases.unknownCard);
    await expect(cardRow).toContainText(t('admin.offline.type.checkout'));
    await expect(cardRow).toContainText(t('admin.offline.outcome.refused', { why: t('admin.offline.why.cardUnknown') }));
    await expect(itemRow).toContainText(t('admin.offline.outcome.refused', { why: t('admin.offline.why.itemUnknown') }));
    await expect(itemRow).toContainText('20140001');
    // The kiosk by its name, on the hub's own machine.
    await expect(itemRow.getByRole('cell').nth(1)).not.toHaveText('');
    await look('offline');

    await cardRow.getByRole('button', { name: t('admin.offline.handleNamed', { item: cases.cardItem }) }).click();
    await expect(page.getByRole('status')).toHaveText(t('admin.offline.handled', { item: cases.cardItem }));
    await expect(cardRow).toHaveCount(0);
    await expect(itemRow).toHaveCount(1);
    // Still gone after a reload from the hub.
    await page.getByRole('button', { name: t('admin.offline.reload') }).click();
    await expect(itemRow).toHaveCount(1);
    await expect(cardRow).toHaveCount(0);
    await look('offline-handled');
  });
}
