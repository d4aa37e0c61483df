/**
 * The lobby e-book journey: find a demo e-book by pinyin initials, send it to a phone by QR
 * code, download it on a (mobile-emulated) phone, and see used-up, cancelled and expired links
 * get the page that says what to do. The hub's TTL is 20 s here (playwright.config.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, type Lang, test } from './fixtures';
import type { KioskPage } from './kiosk-page';
import { phone, readQr } from './support/phone';

const TTL_MS = 20_000;

const names = {
  'zh-CN': { ebooks: '电子书', send: '发送到手机', sent: '已发送到您的手机', cancel: '取消', download: '下载', back: '返回' },
  en: { ebooks: 'E-books', send: 'Send to my phone', sent: 'Sent to your phone', cancel: 'Cancel', download: 'Download', back: 'Back' },
} as const;

const phonePages = {
  'zh-CN': { usedUp: '下载次数已经用完', cancelled: '已在自助机上取消', expired: '已经过期', again: '扫描新的二维码' },
  en: { usedUp: 'used as often as it allows', cancelled: 'cancelled at the kiosk', expired: 'has expired', again: 'scan the new QR code' },
} as const;

/** The stored file of the e-book with this title, straight from the hub's DATA_DIR. */
function storedFile(title: string): Buffer {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error('E2E_DATA_DIR is set by playwright.config.ts');
  const db = new Database(join(dataDir, 'hub.sqlite'), { readonly: true });
  try {
    const row = db.prepare('SELECT file_path FROM ebooks WHERE title = ?').get(title) as { file_path: string };
    return readFileSync(join(dataDir, row.file_path));
  } finally {
    db.close();
  }
}

async function openEbooks(kiosk: KioskPage, lang: Lang) {
  await kiosk.open();
  await kiosk.button(names[lang].ebooks).click();
  await kiosk.expectScreen('ebooks');
  await expect(kiosk.page.getByTestId('cover-tile').first()).toBeVisible();
}

async function findAndOpen(kiosk: KioskPage, letters: string, title: string) {
  // Tapping the search field brings up the letter keyboard.
  await kiosk.page.getByRole('searchbox').click();
  for (const letter of letters) await kiosk.button(letter).click();
  await expect(kiosk.page.getByTestId('result-count')).toBeVisible();
  await kiosk.page.getByRole('button', { name: new RegExp(title) }).first().click();
  await expect(kiosk.page.getByTestId('ebook-title')).toHaveText(title);
}

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(lang, () => {
    test.use({ lang });

    test(`${lang}: find 红楼梦 by hlm, send it to a phone, download it there`, async ({ page, browser, kiosk }) => {
      const n = names[lang];
      await openEbooks(kiosk, lang);
      await expect(page.getByRole('heading', { name: lang === 'en' ? 'New arrivals' : '新书' })).toBeVisible();
      await findAndOpen(kiosk, 'hlm', '红楼梦');
      await kiosk.button(n.send).click();
      const url = await readQr(page, 'ebook-qr');
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/d\/[\w-]{43}$/);
      await page.screenshot({ path: `test-results/screens/ebooks-${lang}-qr.png` });

      const { context, page: mobile } = await phone(browser, lang);
      await mobile.goto(url);
      await expect(mobile.getByRole('heading', { name: '红楼梦' })).toBeVisible();
      await mobile.screenshot({ path: `test-results/screens/phone-${lang}-ebook.png`, fullPage: true });
      const [download] = await Promise.all([mobile.waitForEvent('download'), mobile.getByRole('link', { name: n.download }).click()]);
      expect(download.suggestedFilename()).toBe('红楼梦.epub');
      expect(readFileSync(await download.path()).equals(storedFile('红楼梦'))).toBe(true);

      await expect(page.getByRole('heading', { name: n.sent })).toBeVisible({ timeout: 10_000 });

      // Two more downloads are allowed; the fourth gets the used-up page.
      for (let i = 0; i < 2; i++) expect((await mobile.request.get(`${url}/file`)).status()).toBe(200);
      await mobile.goto(url);
      await expect(mobile.locator('body')).toContainText(phonePages[lang].usedUp);
      await mobile.screenshot({ path: `test-results/screens/phone-${lang}-used-up.png`, fullPage: true });
      await expect(mobile.locator('body')).toContainText(phonePages[lang].again);
      await context.close();
    });

    test(`${lang}: a QR code left on screen is cancelled, and one not used expires`, async ({ page, browser, kiosk }) => {
      const n = names[lang];
      await openEbooks(kiosk, lang);
      await findAndOpen(kiosk, 'hlm', '红楼梦');
      const { context, page: mobile } = await phone(browser, lang);

      await kiosk.button(n.send).click();
      const cancelled = await readQr(page, 'ebook-qr');
      await kiosk.button(n.cancel).click();
      await expect(page.getByTestId('ebook-title')).toBeVisible();
      await expect.poll(async () => (await mobile.goto(cancelled))?.status()).toBe(410);
      await expect(mobile.locator('body')).toContainText(phonePages[lang].cancelled);

      await kiosk.button(n.send).click();
      const expiring = await readQr(page, 'ebook-qr');
      const issuedAt = Date.now();
      await page.waitForTimeout(TTL_MS - (Date.now() - issuedAt) + 1000);
      await mobile.goto(expiring);
      await expect(mobile.locator('body')).toContainText(phonePages[lang].expired);
      await expect(mobile.locator('body')).toContainText(phonePages[lang].again);
      await context.close();
    });
  });
}
