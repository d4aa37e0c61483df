/**
 * Visits every screen in both languages and both orientations: saves a screenshot of each
 * (test-results/screens/), runs axe-core (no serious or critical violations), checks that every
 * touch target is at least 64 px, that no English is left on a Chinese screen and that no text needs an
 * emoji font (a kiosk has none: a pictograph shows as an empty box). The admin pages get the font check too.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { seriousAxeViolations } from './axe';
import { translate } from '../../shared/i18n';
import { staffTranslate } from '../../shared/i18n/staff';
import { DEMO, KioskPage, type Lang } from './kiosk-page';

const screensDir = 'test-results/screens';
// axe is injected as an inline script (see ./axe.ts).
test.use({ bypassCSP: true });
mkdirSync(screensDir, { recursive: true });

/**
 * Text on the page, generated content included, with characters that only an emoji font draws.
 * Digits, # and * have the Emoji property too, but not Extended_Pictographic.
 */
function textNeedingEmojiFont(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const needsEmojiFont = /[\p{Extended_Pictographic}\u{FE0F}]/u;
    const texts = [...document.querySelectorAll('body *')].flatMap((el) => [
      ...[...el.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent ?? ''),
      getComputedStyle(el, '::before').content,
      getComputedStyle(el, '::after').content,
    ]);
    return texts.filter((text) => needsEmojiFont.test(text));
  });
}

async function checkScreen(page: Page, name: string, lang: Lang, orientation: string) {
  await page.screenshot({ path: `${screensDir}/${orientation}-${lang}-${name}.png` });

  const violations = await seriousAxeViolations(page);
  expect(violations, `axe on ${name} (${lang})`).toEqual([]);

  const smallTargets = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, a[href], [role="button"], input, select')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 64 || box.height < 64)
      .map(({ el, box }) => `${el.textContent?.trim() || el.getAttribute('aria-label')} ${box.width}x${box.height}`),
  );
  expect(smallTargets, `touch targets under 64 px on ${name} (${lang})`).toEqual([]);
  expect(await textNeedingEmojiFont(page), `text needing an emoji font on ${name} (${lang})`).toEqual([]);

  if (lang === 'zh-CN') {
    // Latin words of three letters or more on a Chinese screen are untranslated strings;
    // the switch to English (labelled "English"), book data (English titles) and text typed as shown
    // (translate="no": the download address and code) are the exceptions.
    const latinWords = await page.evaluate(() => {
      const skip = (node: Node) => node.parentElement?.closest('[lang="en"], [data-book-data], [translate="no"]');
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const words: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (skip(node) || node.parentElement?.closest('[hidden], script, style')) continue;
        words.push(...(node.textContent?.match(/[A-Za-z]{3,}/g) ?? []));
      }
      return words;
    });
    expect(latinWords, `English words on the Chinese ${name} screen`).toEqual([]);
  }
}

const orientations = [
  { name: 'landscape', viewport: { width: 1920, height: 1080 } },
  { name: 'portrait', viewport: { width: 1080, height: 1920 } },
];

for (const { name: orientation, viewport } of orientations) {
  for (const lang of ['zh-CN', 'en'] as const) {
    test(`every screen is accessible and translated (${orientation}, ${lang})`, async ({ page }) => {
      await page.setViewportSize(viewport);
      const kiosk = new KioskPage(page, lang);
      await kiosk.open();
      await checkScreen(page, 'attract', lang, orientation);

      await kiosk.scan(DEMO.holder.card);
      await kiosk.expectScreen('pin');
      await kiosk.typeOnPad('12');
      await checkScreen(page, 'pin', lang, orientation);
      await kiosk.button(translate(lang, 'pad.clear')).click();
      await kiosk.typeOnPad(DEMO.holder.pin);
      await kiosk.button(kiosk.names.ok).click();

      await kiosk.expectScreen('home');
      await checkScreen(page, 'home', lang, orientation);

      await kiosk.button(kiosk.names.borrow).click();
      await kiosk.scan('39010042');
      await expect(kiosk.row('borrow-row', '39010042')).toHaveAttribute('data-status', 'refused');
      await checkScreen(page, 'borrow', lang, orientation);

      await kiosk.button(kiosk.names.loans).click();
      await kiosk.expectScreen('loans');
      await checkScreen(page, 'loans', lang, orientation);

      await kiosk.button(kiosk.names.return).click();
      await kiosk.expectScreen('return');
      await kiosk.scan('39010020');
      await expect(kiosk.row('return-row', '39010020')).toHaveAttribute('data-status', 'refused');
      await checkScreen(page, 'return', lang, orientation);

      await kiosk.button(kiosk.names.finish).click();
      await kiosk.expectScreen('finish');
      await checkScreen(page, 'finish', lang, orientation);
      await kiosk.button(translate(lang, 'finish.noReceipt')).click();
      await kiosk.expectScreen('goodbye');
      await checkScreen(page, 'goodbye', lang, orientation);
    });
  }
}

test('the card-number screen and the idle warning (zh-CN and en)', async ({ page }) => {
  await page.clock.install();
  for (const lang of ['zh-CN', 'en'] as const) {
    const kiosk = new KioskPage(page, lang);
    await kiosk.open();
    await kiosk.button(kiosk.names.borrow).click();
    await kiosk.expectScreen('cardEntry');
    await kiosk.typeOnPad('2014');
    await checkScreen(page, 'cardEntry', lang, 'landscape');
    await page.clock.runFor(61_000);
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await checkScreen(page, 'idle', lang, 'landscape');
    await page.clock.runFor(21_000);
    await kiosk.expectScreen('attract');
  }
});

for (const { name: orientation, viewport } of orientations) {
  for (const lang of ['zh-CN', 'en'] as const) {
    test(`the e-book screens are accessible and translated (${orientation}, ${lang})`, async ({ page }) => {
      await page.setViewportSize(viewport);
      const kiosk = new KioskPage(page, lang);
      await kiosk.open();
      await kiosk.button(translate(lang, 'action.ebooks')).click();
      await kiosk.expectScreen('ebooks');
      await expect(page.getByTestId('cover-tile').first()).toBeVisible();
      await checkScreen(page, 'ebooks-browse', lang, orientation);

      await kiosk.button(translate(lang, 'ebooks.keyboard.label')).click();
      for (const letter of 'hlm') await kiosk.button(letter).click();
      await expect(page.getByRole('searchbox', { name: translate(lang, 'ebooks.search.label') })).toHaveValue('hlm');
      await expect(page.getByTestId('result-count')).toBeVisible();
      await checkScreen(page, 'ebooks-search', lang, orientation);

      await page.getByRole('button', { name: /红楼梦/ }).first().click();
      await expect(page.getByTestId('ebook-title')).toHaveText('红楼梦');
      await checkScreen(page, 'ebooks-detail', lang, orientation);

      await kiosk.button(translate(lang, 'ebooks.send')).click();
      await expect(page.getByTestId('ebook-qr')).toBeVisible();
      await checkScreen(page, 'ebooks-qr', lang, orientation);
      await kiosk.button(translate(lang, 'action.cancel')).click();
      await expect(page.getByTestId('ebook-title')).toBeVisible();
    });
  }
}

test('the admin pages need no emoji font (zh-CN and en)', async ({ page }) => {
  for (const lang of ['zh-CN', 'en'] as const) {
    const t = (key: Parameters<typeof staffTranslate>[1]) => staffTranslate(lang, key);
    await page.goto(lang === 'en' ? '/admin/?lang=en' : '/admin/');
    await expect(page.getByLabel(t('admin.username'))).toBeVisible();
    expect(await textNeedingEmojiFont(page), `text needing an emoji font on the sign-in page (${lang})`).toEqual([]);

    await page.getByLabel(t('admin.username')).fill('admin');
    await page.getByLabel(t('admin.password')).fill('e2e-staff-password');
    await page.getByRole('button', { name: t('admin.signIn') }).click();
    await expect(page.getByTestId('ebook-row').first()).toBeVisible();
    expect(await textNeedingEmojiFont(page), `text needing an emoji font on the e-books page (${lang})`).toEqual([]);
    // The panel keeps its sign-in across reloads: the next language starts signed out.
    await page.evaluate(() => sessionStorage.clear());
  }
});

test('a shelf tile keeps its width however long its author list, and clips it', async ({ page }) => {
  const authors = Array.from({ length: 12 }, (_, index) => `Contributing Author ${index + 1}`);
  await page.route(
    (url) => url.pathname === '/api/ebooks',
    async (route) => {
      const catalogue = await (await route.fetch()).json();
      catalogue.ebooks[0].authors = authors;
      await route.fulfill({ json: catalogue });
    },
  );
  const kiosk = new KioskPage(page, 'en');
  await kiosk.open();
  await kiosk.button(translate('en', 'action.ebooks')).click();
  const longTile = page.getByTestId('cover-tile').filter({ hasText: authors[0] }).first();
  await expect(longTile).toBeVisible();

  const widths = await page.locator('.shelf-row [data-testid="cover-tile"]').evaluateAll((tiles) => tiles.map((tile) => tile.getBoundingClientRect().width));
  expect(new Set(widths).size, `tile widths ${widths.join(', ')}`).toBe(1);
  const authorLine = longTile.locator('.cover-authors');
  expect(await authorLine.evaluate((line) => line.scrollWidth > line.clientWidth)).toBe(true);
  await expect(authorLine).toHaveCSS('text-overflow', 'ellipsis');
});
