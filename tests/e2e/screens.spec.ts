/**
 * Visits every screen in both languages and both orientations: saves a screenshot of each
 * (test-results/screens/), runs axe-core (no serious or critical violations), checks that every
 * touch target is at least 64 px, that no English is left on a Chinese screen and that no text needs an
 * emoji font (a kiosk has none: a pictograph shows as an empty box). The admin pages get the font check too.
 * Each language is a `test.describe` with its own `lang`, each orientation one with its own viewport.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { seriousAxeViolations } from './axe';
import { translate } from '../../shared/i18n';
import { staffTranslate } from '../../shared/i18n/staff';
import { DEMO, expect, type KioskPage, test } from './fixtures';

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

/** Saves a screenshot of the kiosk's current screen and runs every check on it, as one step of the journey. */
async function checkScreen(kiosk: KioskPage, name: string) {
  const { page, lang } = kiosk;
  const viewport = page.viewportSize();
  const orientation = viewport && viewport.height > viewport.width ? 'portrait' : 'landscape';
  await test.step(`check the ${name} screen`, async () => {
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
  }, { box: true });
}

const orientations = [
  { orientation: 'landscape', viewport: { width: 1920, height: 1080 } },
  { orientation: 'portrait', viewport: { width: 1080, height: 1920 } },
];

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(lang, () => {
    test.use({ lang });

    for (const { orientation, viewport } of orientations) {
      test.describe(orientation, () => {
        test.use({ viewport });

        test('every screen is accessible and translated', async ({ kiosk }) => {
          await kiosk.open();
          await checkScreen(kiosk, 'attract');

          await test.step('the PIN screen, with digits typed, then signing in', async () => {
            await kiosk.scan(DEMO.holder.card);
            await kiosk.expectScreen('pin');
            await kiosk.typeOnPad('12');
            await checkScreen(kiosk, 'pin');
            await kiosk.press(translate(lang, 'pad.clear'));
            await kiosk.typeOnPad(DEMO.holder.pin);
            await kiosk.press(kiosk.names.ok);
            await kiosk.expectScreen('home');
          });
          await checkScreen(kiosk, 'home');

          await test.step('Borrow, with a refused item', async () => {
            await kiosk.press(kiosk.names.borrow);
            await kiosk.scan('39010042');
            await expect(kiosk.row('borrow-row', '39010042')).toHaveAttribute('data-status', 'refused');
            await checkScreen(kiosk, 'borrow');
          });

          await test.step('My loans', async () => {
            await kiosk.press(kiosk.names.loans);
            await kiosk.expectScreen('loans');
            await checkScreen(kiosk, 'loans');
          });

          await test.step('Return, with a refused item', async () => {
            await kiosk.press(kiosk.names.return);
            await kiosk.expectScreen('return');
            await kiosk.scan('39010020');
            await expect(kiosk.row('return-row', '39010020')).toHaveAttribute('data-status', 'refused');
            await checkScreen(kiosk, 'return');
          });

          await test.step('Finish, with no receipt, then goodbye', async () => {
            await kiosk.press(kiosk.names.finish);
            await kiosk.expectScreen('finish');
            await checkScreen(kiosk, 'finish');
            await kiosk.press(translate(lang, 'finish.noReceipt'));
            await kiosk.expectScreen('goodbye');
            await checkScreen(kiosk, 'goodbye');
          });
        });

        test('the e-book screens are accessible and translated', async ({ kiosk, page }) => {
          await kiosk.open();

          await test.step('the shelves', async () => {
            await kiosk.press(translate(lang, 'action.ebooks'));
            await kiosk.expectScreen('ebooks');
            await expect(page.getByTestId('cover-tile').first()).toBeVisible();
            await checkScreen(kiosk, 'ebooks-browse');
          });

          await test.step('a search typed on the on-screen keyboard', async () => {
            await kiosk.press(translate(lang, 'ebooks.keyboard.label'));
            for (const letter of 'hlm') await kiosk.press(letter);
            await expect(page.getByRole('searchbox', { name: translate(lang, 'ebooks.search.label') })).toHaveValue('hlm');
            await expect(page.getByTestId('result-count')).toBeVisible();
            await checkScreen(kiosk, 'ebooks-search');
          });

          await test.step('a book, its QR code, and back', async () => {
            await kiosk.press(page.getByRole('button', { name: /红楼梦/ }).first());
            await expect(page.getByTestId('ebook-title')).toHaveText('红楼梦');
            await checkScreen(kiosk, 'ebooks-detail');

            await kiosk.press(translate(lang, 'ebooks.send'));
            await expect(page.getByTestId('ebook-qr')).toBeVisible();
            await checkScreen(kiosk, 'ebooks-qr');
            await kiosk.press(translate(lang, 'action.cancel'));
            await expect(page.getByTestId('ebook-title')).toBeVisible();
          });
        });

        test('the pairing screen and the offline notice are accessible and translated', async ({ kiosk, page, context }) => {
          await test.step('the pairing screen, with digits typed', async () => {
            await page.goto(lang === 'en' ? '/kiosk/?pair&lang=en' : '/kiosk/?pair');
            await kiosk.expectScreen('pairing');
            await kiosk.typeOnPad('12');
            await checkScreen(kiosk, 'pairing');
          });

          await test.step('the hub cannot be reached: the Return screen says so', async () => {
            await kiosk.open();
            // The context's route also sees what the service worker fetches.
            await context.route('**/api/**', (route) => route.abort('connectionrefused'));
            await kiosk.press(kiosk.names.return);
            await kiosk.expectScreen('return');
            await kiosk.scan('39010020');
            await expect(page.getByTestId('offline-notice')).toBeVisible({ timeout: 15_000 });
            await checkScreen(kiosk, 'offline-return');
          });
        });
      });
    }

    test('the card-number screen and the idle warning (landscape)', async ({ kiosk, page }) => {
      await page.clock.install();
      await kiosk.open();
      await kiosk.press(kiosk.names.borrow);
      await kiosk.expectScreen('cardEntry');
      await kiosk.typeOnPad('2014');
      await checkScreen(kiosk, 'cardEntry');
      await page.clock.runFor(61_000);
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await checkScreen(kiosk, 'idle');
      await page.clock.runFor(21_000);
      await kiosk.expectScreen('attract');
    });

    test('the admin pages need no emoji font', async ({ page }) => {
      const t = (key: Parameters<typeof staffTranslate>[1]) => staffTranslate(lang, key);
      await page.goto(lang === 'en' ? '/admin/?lang=en' : '/admin/');
      await expect(page.getByLabel(t('admin.username'))).toBeVisible();
      expect(await textNeedingEmojiFont(page), `text needing an emoji font on the sign-in page (${lang})`).toEqual([]);

      await page.getByLabel(t('admin.username')).fill('admin');
      await page.getByLabel(t('admin.password')).fill('e2e-staff-password');
      await page.getByRole('button', { name: t('admin.signIn') }).click();
      await expect(page.getByTestId('ebook-row').first()).toBeVisible();
      expect(await textNeedingEmojiFont(page), `text needing an emoji font on the e-books page (${lang})`).toEqual([]);
    });
  });
}

test.describe('in English', () => {
  test.use({ lang: 'en' });

  test('a shelf tile keeps its width however long its author list, and clips it', async ({ kiosk, page }) => {
    const authors = Array.from({ length: 12 }, (_, index) => `Contributing Author ${index + 1}`);
    await page.route(
      (url) => url.pathname === '/api/ebooks',
      async (route) => {
        const catalogue = await (await route.fetch()).json();
        catalogue.ebooks[0].authors = authors;
        await route.fulfill({ json: catalogue });
      },
    );
    await kiosk.open();
    await kiosk.press(translate('en', 'action.ebooks'));
    const longTile = page.getByTestId('cover-tile').filter({ hasText: authors[0] }).first();
    await expect(longTile).toBeVisible();

    const widths = await page.locator('.shelf-row [data-testid="cover-tile"]').evaluateAll((tiles) => tiles.map((tile) => tile.getBoundingClientRect().width));
    expect(new Set(widths).size, `tile widths ${widths.join(', ')}`).toBe(1);
    const authorLine = longTile.locator('.cover-authors');
    expect(await authorLine.evaluate((line) => line.scrollWidth > line.clientWidth)).toBe(true);
    await expect(authorLine).toHaveCSS('text-overflow', 'ellipsis');
  });
});
