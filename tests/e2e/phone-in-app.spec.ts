/**
 * The e-book phone page in the apps patrons scan with: in WeChat (and the other in-app browsers
 * that do not download) it first says how to open the page in the phone's browser, with the
 * download code large; in a plain browser the Download button works as before.
 */
import { readFileSync } from 'node:fs';
import { translate } from '../../shared/i18n';
import { IN_APP_USER_AGENTS } from '../unit/ebooks/user-agents';
import { expect, type Lang, test } from './fixtures';
import type { KioskPage } from './kiosk-page';
import { phone, readQr } from './support/phone';

/** 红楼梦 on the kiosk's e-book section, sent to a phone: the QR code's URL and the short code. */
async function sendToPhone(kiosk: KioskPage, lang: Lang) {
  await kiosk.open();
  await kiosk.button(translate(lang, 'action.ebooks')).click();
  await kiosk.expectScreen('ebooks');
  await kiosk.page.getByRole('searchbox').click();
  for (const letter of 'hlm') await kiosk.button(letter).click();
  await kiosk.page.getByRole('button', { name: /红楼梦/ }).first().click();
  await kiosk.button(translate(lang, 'ebooks.send')).click();
  const url = await readQr(kiosk.page, 'ebook-qr');
  const shortCode = (await kiosk.page.getByTestId('short-code').textContent())?.trim() ?? '';
  return { url, shortCode };
}

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(lang, () => {
    test.use({ lang });
    test(`${lang}: in WeChat the phone page shows how to open it in a browser and the code; in a browser it downloads`, async ({ browser, kiosk }) => {
      const { url, shortCode } = await sendToPhone(kiosk, lang);
      expect(shortCode).toMatch(/^\w{6}$/);

      const wechat = await phone(browser, lang, IN_APP_USER_AGENTS.wechatAndroid);
      await wechat.page.goto(url);
      const hint = wechat.page.getByTestId('in-app-hint');
      await expect(hint).toBeVisible();
      await expect(hint).toContainText(translate(lang, 'phone.inApp.step'));
      await expect(hint.getByTestId('short-code')).toHaveText(shortCode);
      await expect(hint.getByRole('img', { name: translate(lang, 'phone.inApp.drawing') })).toBeVisible();
      // The code is large: readable at a glance.
      const size = await hint.getByTestId('short-code').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
      expect(size).toBeGreaterThanOrEqual(40);
      await wechat.page.screenshot({ path: `test-results/screens/phone-${lang}-wechat-hint.png`, fullPage: true });
      expect(wechat.cspErrors).toEqual([]);
      await wechat.context.close();

      const plain = await phone(browser, lang);
      await plain.page.goto(url);
      await expect(plain.page.getByRole('heading', { name: '红楼梦' })).toBeVisible();
      await expect(plain.page.getByTestId('in-app-hint')).toHaveCount(0);
      const [download] = await Promise.all([
        plain.page.waitForEvent('download'),
        plain.page.getByRole('link', { name: translate(lang, 'phone.download') }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('红楼梦.epub');
      expect(readFileSync(await download.path()).subarray(0, 2).toString()).toBe('PK');
      await plain.context.close();
    });
  });
}

test('every in-app browser that cannot download gets the hint', async ({ browser, kiosk }) => {
  const { url } = await sendToPhone(kiosk, 'zh-CN');
  for (const [name, userAgent] of Object.entries(IN_APP_USER_AGENTS)) {
    const app = await phone(browser, 'zh-CN', userAgent);
    await app.page.goto(url);
    await expect(app.page.getByTestId('in-app-hint'), name).toBeVisible();
    await app.context.close();
  }
});
