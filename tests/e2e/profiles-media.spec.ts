/**
 * Kiosk profile pictures, barcode rules and the offline policy, in both languages: an admin
 * creates a profile, uploads a logo and a slide picture (a text file called .png is refused by
 * its content, translated), adds a card rule and removes another while "try a barcode" follows,
 * allows borrowing while offline, saves; the saved profile opens again as it was. A kiosk paired
 * to it shows the logo and the slide's picture on its attract screen, the buttons still whole on
 * the screen. Screenshots (and axe) of the profile form and that attract screen.
 */
import { expect, test, type Locator } from '@playwright/test';
import sharp from 'sharp';
import { look } from './support/look';
import { translate, type MessageKey, type MessageParams } from '../../shared/i18n';
import { staffTranslate, type StaffMessageKey } from '../../shared/i18n/staff';

type Lang = 'zh-CN' | 'en';

// axe is injected as an inline script (see ./axe.ts).
test.use({ bypassCSP: true });

/** A World Book Day poster as staff would upload it: a large JPEG (a phone photo's size). */
function poster(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="1600">
    <rect width="2400" height="1600" fill="#0b4f9c"/><circle cx="1900" cy="400" r="300" fill="#f4b400"/>
    <text x="160" y="760" font-family="Noto Sans CJK SC, sans-serif" font-size="260" font-weight="bold" fill="#fff">4·23 世界读书日</text>
    <text x="160" y="1100" font-family="Noto Sans CJK SC, sans-serif" font-size="170" fill="#fff">World Book Day</text></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/** The library's logo: a wide PNG with a transparent background. */
function logo(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="400">
    <rect x="20" y="60" width="280" height="280" rx="40" fill="#0b4f9c"/><path d="M90 130h140v140H90z" fill="#fff"/>
    <text x="340" y="250" font-family="Noto Sans CJK SC, sans-serif" font-size="150" font-weight="bold" fill="#0b4f9c">城关图书馆</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

const loaded = (image: Locator) => image.evaluate((element: HTMLImageElement) => (element.complete ? element.naturalWidth : 0));

for (const lang of ['zh-CN', 'en'] as const) {
  test(`an admin gives a profile a logo, a picture slide, its own barcode rules and offline borrowing; its kiosk shows them (${lang})`, async ({ page, browser }) => {
    test.setTimeout(180_000);
    const t = (key: StaffMessageKey, params?: MessageParams) => staffTranslate(lang, key, params);
    const k = (key: MessageKey, params?: MessageParams) => translate(lang, key, params);
    const nav = page.getByRole('navigation', { name: t('admin.nav.label') });
    const profileName = lang === 'en' ? 'Lobby with pictures' : '大厅（带图片）';
    const kioskName = lang === 'en' ? 'Lobby kiosk' : '大厅自助机';
    const slide = { 'zh-CN': '4月23日世界读书日：来馆借书送书签', en: 'World Book Day, 23 April: a bookmark with every loan' };
    const form = page.locator('form.profile-form');
    const slideGroup = form.getByRole('group', { name: t('admin.profile.slide.legend', { n: 1 }) });
    const current = t('admin.profile.image.current');

    await test.step('the admin signs in and starts a profile', async () => {
      await page.goto(lang === 'en' ? '/admin/?lang=en' : '/admin/');
      await page.getByLabel(t('admin.username')).fill('admin');
      await page.getByLabel(t('admin.password')).fill('e2e-staff-password');
      await page.getByRole('button', { name: t('admin.signIn') }).click();
      await nav.getByRole('link', { name: t('admin.nav.profiles'), exact: true }).click();
      await page.getByRole('button', { name: t('admin.profiles.new') }).click();
      await form.getByLabel(t('admin.profile.field.name')).fill(profileName);
    });

    await test.step('uploads a logo and a slide picture; a text file called .png is refused by its content', async () => {
      const logoField = form.locator('.image-field-logo');
      await logoField.getByLabel(t('admin.profile.image.chooseLogo')).setInputFiles({ name: 'not-a-picture.png', mimeType: 'image/png', buffer: Buffer.from('plain text, not a picture') });
      await expect(logoField.getByRole('alert')).toHaveText(t('code.profileImage.unsupportedType'));
      await logoField.getByLabel(t('admin.profile.image.chooseLogo')).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: await logo() });
      await expect(logoField.getByRole('img', { name: current })).toBeVisible();
      await expect(logoField.getByRole('alert')).toHaveCount(0);

      await form.getByRole('button', { name: t('admin.profile.slide.add') }).click();
      await slideGroup.getByLabel(t('admin.profile.slide.zh'), { exact: true }).fill(slide['zh-CN']);
      await slideGroup.getByLabel(t('admin.profile.slide.en'), { exact: true }).fill(slide.en);
      await slideGroup.getByLabel(t('admin.profile.image.chooseSlide', { n: 1 })).setInputFiles({ name: 'book-day.jpg', mimeType: 'image/jpeg', buffer: await poster() });
      const preview = slideGroup.getByRole('img', { name: current });
      await expect(preview).toBeVisible();
      await expect.poll(() => loaded(preview)).toBe(1600);
    });

    await test.step('adds a card rule and removes the first; "try a barcode" follows', async () => {
      await form.getByLabel(t('admin.profile.libraryRules')).uncheck();
      const tryField = form.getByLabel(t('admin.profile.try.label'));
      await tryField.fill('31117013206375');
      await expect(page.getByTestId('try-result')).toHaveText(t('admin.profile.try.rejected', { card: t('barcode.reason.tooLong'), item: t('barcode.reason.tooLong') }));
      // One rule of a kind cannot be removed: the library's rules are the choice for none.
      const cardRule = (n: number) => form.getByRole('group', { name: `${t('admin.profile.rules.card')} ${n}`, exact: true });
      await expect(cardRule(1).getByRole('button', { name: t('admin.profile.rule.remove') })).toHaveCount(0);
      await form.getByRole('button', { name: t('admin.profile.rules.addcard') }).click();
      await cardRule(2).getByLabel(t('admin.profile.rule.minLength')).fill('14');
      await cardRule(2).getByLabel(t('admin.profile.rule.maxLength')).fill('14');
      await cardRule(2).getByLabel(t('admin.profile.rule.checkDigit')).selectOption('luhn');
      await expect(page.getByTestId('try-result')).toHaveText(t('admin.profile.try.card'));
      // The first card rule (8 digits) goes; the 14-digit one is now rule 1 and still takes the card.
      await cardRule(1).getByRole('button', { name: t('admin.profile.rule.remove') }).click();
      await expect(cardRule(2)).toHaveCount(0);
      await expect(cardRule(1).getByLabel(t('admin.profile.rule.minLength'))).toHaveValue('14');
      await expect(page.getByTestId('try-result')).toHaveText(t('admin.profile.try.card'));
      await tryField.fill('20140001');
      await expect(page.getByTestId('try-result')).toHaveText(t('admin.profile.try.item'));
    });

    await test.step('allows borrowing while offline, two items a card, and saves', async () => {
      const offline = form.getByRole('group', { name: t('admin.profile.field.offline') });
      await expect(offline.getByLabel(t('admin.profile.field.offline.returnsQueued'))).toBeChecked();
      await expect(offline.getByLabel(t('admin.profile.field.offline.borrowing'))).not.toBeChecked();
      await offline.getByLabel(t('admin.profile.field.offline.borrowing')).check();
      await offline.getByLabel(t('admin.profile.field.offline.maxItemsPerCard')).fill('2');
      await look(page, 'admin-profile-media-form', lang);
      await form.getByRole('button', { name: t('admin.profiles.save') }).click();
      await expect(page.getByRole('status')).toHaveText(t('admin.profiles.saved', { name: profileName }));
    });

    await test.step('the saved profile opens again as it was', async () => {
      await page.getByRole('listitem').filter({ hasText: profileName }).getByRole('button', { name: t('admin.profiles.edit') }).click();
      await expect(form.locator('.image-field-logo').getByRole('img', { name: current })).toBeVisible();
      await expect(slideGroup.getByRole('img', { name: current })).toBeVisible();
      await expect(slideGroup.getByLabel(t('admin.profile.slide.en'), { exact: true })).toHaveValue(slide.en);
      await expect(form.getByRole('group', { name: new RegExp(`^${t('admin.profile.rules.card')} \\d$`) })).toHaveCount(1);
      await expect(form.getByRole('group', { name: `${t('admin.profile.rules.card')} 1`, exact: true }).getByLabel(t('admin.profile.rule.minLength'))).toHaveValue('14');
      await expect(form.getByLabel(t('admin.profile.field.offline.borrowing'))).toBeChecked();
      await expect(form.getByLabel(t('admin.profile.field.offline.maxItemsPerCard'))).toHaveValue('2');
      await form.getByRole('button', { name: t('admin.profiles.cancel') }).click();
    });

    let code = '';
    await test.step('adds a kiosk with the profile', async () => {
      await nav.getByRole('link', { name: t('admin.nav.kiosks'), exact: true }).click();
      const add = page.getByRole('region', { name: t('admin.kiosks.add') });
      await add.getByLabel(t('admin.kiosks.name')).fill(kioskName);
      await add.getByLabel(t('admin.kiosks.profile')).selectOption({ label: profileName });
      await add.getByRole('button', { name: t('admin.kiosks.add'), exact: true }).click();
      code = (await page.getByTestId('pairing-code').textContent()) ?? '';
      expect(code).toMatch(/^\d{6}$/);
    });

    await test.step('the kiosk, paired, shows the logo and the slide’s picture on its attract screen', async () => {
      const context = await browser.newContext({ locale: lang, viewport: { width: 1920, height: 1080 }, bypassCSP: true });
      const kiosk = await context.newPage();
      await kiosk.goto(lang === 'en' ? '/kiosk/?pair&lang=en' : '/kiosk/?pair');
      for (const digit of code) await kiosk.getByRole('button', { name: digit, exact: true }).click();
      await kiosk.getByRole('button', { name: k('pad.ok'), exact: true }).click();
      await expect(kiosk.locator('main[data-screen]')).toHaveAttribute('data-screen', 'attract');
      const picture = kiosk.getByRole('img', { name: slide[lang] });
      await expect(picture).toBeVisible();
      await expect.poll(() => loaded(picture)).toBeGreaterThan(0);
      await expect.poll(() => loaded(kiosk.locator('img.attract-logo'))).toBe(800);
      // The pictures leave the buttons whole, at least 64 px, on the screen: landscape and portrait, large text too.
      const buttonsOnScreen = async (height: number, how: string) => {
        for (const name of [k('action.borrow'), k('action.return'), k('action.ebooks')]) {
          const box = await kiosk.getByRole('button', { name, exact: true }).boundingBox();
          expect(box!.height, `${name}, ${how}`).toBeGreaterThanOrEqual(64);
          expect(box!.y + box!.height, `${name}, ${how}`).toBeLessThanOrEqual(height);
        }
      };
      await buttonsOnScreen(1080, 'landscape');
      await look(kiosk, 'kiosk-attract-media', lang);
      await kiosk.setViewportSize({ width: 1080, height: 1920 });
      await buttonsOnScreen(1920, 'portrait');
      await look(kiosk, 'kiosk-attract-media-portrait', lang);
      await kiosk.getByRole('button', { name: k('largeText.on') }).click();
      await buttonsOnScreen(1920, 'portrait, large text');
      await kiosk.setViewportSize({ width: 1920, height: 1080 });
      await buttonsOnScreen(1080, 'landscape, large text');
      await look(kiosk, 'kiosk-attract-media-large', lang);
      await context.close();
    });
  });
}
