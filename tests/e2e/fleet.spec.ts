/**
 * The kiosk fleet, in both languages: an admin signs in, creates a profile and adds a kiosk; a
 * second browser opens /kiosk/?pair, types the code on the pad and reaches the attract screen.
 * The admin changes the profile (idle timeout 10 s, a slide): the kiosk takes it within 35 s,
 * between patrons, and its next patron is asked "still there?" after 10 s. The fleet page shows
 * the kiosk online, then offline once its page closed; revoking it shows the not-registered
 * screen. Screenshots (and axe) of the Profiles page and its form, the Kiosks page, the pairing and
 * not-registered screens.
 */
import { expect, test, type Browser } from '@playwright/test';
import { translate, type MessageKey, type MessageParams } from '../../shared/i18n';
import { adminPanel, type Lang } from './support/admin-panel';
import { look } from './support/look';

// axe is injected as an inline script (see ./axe.ts).
test.use({ bypassCSP: true });

async function openKiosk(browser: Browser, lang: Lang, path: string) {
  const context = await browser.newContext({ locale: lang, viewport: { width: 1920, height: 1080 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${path}${lang === 'en' ? `${path.includes('?') ? '&' : '?'}lang=en` : ''}`);
  return { context, page, screen: page.locator('main[data-screen]') };
}

for (const lang of ['zh-CN', 'en'] as const) {
  test(`an admin pairs a kiosk, changes its profile, watches it live and revokes it (${lang})`, async ({ page, browser }) => {
    test.setTimeout(240_000);
    const admin = adminPanel(page, lang);
    const { t, nav } = admin;
    const k = (key: MessageKey, params?: MessageParams) => translate(lang, key, params);
    const profileName = lang === 'en' ? 'Children’s room' : '少儿阅览室';
    const kioskName = lang === 'en' ? 'Children’s kiosk' : '少儿自助机';
    const slide = lang === 'en' ? 'World Book Day, 23 April' : '4月23日世界读书日';

    await test.step('the admin signs in and creates a profile', async () => {
      await admin.signIn();
      await admin.openPage('admin.nav.profiles', 'admin.profiles.title');
      await page.getByRole('button', { name: t('admin.profiles.new') }).click();
      await page.getByLabel(t('admin.profile.field.name')).fill(profileName);
      const idle = page.getByLabel(t('admin.profile.field.idleTimeoutSeconds'), { exact: true });
      // A refused value says which field and why.
      await idle.fill('5');
      await page.getByRole('button', { name: t('admin.profiles.save') }).click();
      await expect(page.getByRole('alert').filter({ hasText: t('admin.problem.tooSmall', { field: t('admin.profile.field.idleTimeoutSeconds'), limit: 10 }) })).toBeVisible();
      // Try a barcode against rules of the profile's own (then back to the library's).
      await page.getByLabel(t('admin.profile.libraryRules')).uncheck();
      await page.getByLabel(t('admin.profile.try.label')).fill('2014');
      await expect(page.getByTestId('try-result')).toHaveText(
        t('admin.profile.try.rejected', { card: t('barcode.reason.tooShort'), item: t('barcode.reason.tooShort') }),
      );
      await page.getByLabel(t('admin.profile.try.label')).fill('20140001');
      await expect(page.getByTestId('try-result')).toHaveText(t('admin.profile.try.card'));
      await look(page, 'admin-profile-form', lang);
      await page.getByLabel(t('admin.profile.libraryRules')).check();
      await idle.fill('120');
      await page.getByRole('button', { name: t('admin.profiles.save') }).click();
      await expect(page.getByRole('status')).toHaveText(t('admin.profiles.saved', { name: profileName }));
      await look(page, 'admin-profiles', lang);
    });

    let code = '';
    await test.step('adds a kiosk and reads its pairing code', async () => {
      await nav.getByRole('link', { name: t('admin.nav.kiosks'), exact: true }).click();
      const form = page.getByRole('region', { name: t('admin.kiosks.add') });
      await form.getByLabel(t('admin.kiosks.name')).fill(kioskName);
      await form.getByLabel(t('admin.kiosks.location')).fill(lang === 'en' ? 'First floor' : '二楼');
      await form.getByLabel(t('admin.kiosks.profile')).selectOption({ label: profileName });
      await form.getByRole('button', { name: t('admin.kiosks.add'), exact: true }).click();
      code = (await page.getByTestId('pairing-code').textContent()) ?? '';
      expect(code).toMatch(/^\d{6}$/);
      await expect(page.getByRole('row').filter({ hasText: kioskName })).toContainText(t('admin.kiosks.waitingPairing', { time: '' }).split(/[（(]/)[0]!);
      await look(page, 'admin-kiosks', lang);
    });

    const kiosk = await openKiosk(browser, lang, '/kiosk/?pair');
    await test.step('a second browser opens /kiosk/?pair, types the code and reaches the attract screen', async () => {
      await expect(kiosk.screen).toHaveAttribute('data-screen', 'pairing');
      await expect(kiosk.page.getByText(k('pairing.prompt'), { exact: true })).toBeVisible();
      await look(kiosk.page, 'kiosk-pairing', lang);
      // A wrong code first: refused in the kiosk's language, the pad cleared.
      const wrong = code === '000000' ? '111111' : '000000';
      for (const digit of wrong) await kiosk.page.getByRole('button', { name: digit, exact: true }).click();
      await kiosk.page.getByRole('button', { name: k('pad.ok'), exact: true }).click();
      await expect(kiosk.page.getByTestId('notice')).toContainText(k('code.pairing.codeInvalid'));
      for (const digit of code) await kiosk.page.getByRole('button', { name: digit, exact: true }).click();
      await kiosk.page.getByRole('button', { name: k('pad.ok'), exact: true }).click();
      await expect(kiosk.screen).toHaveAttribute('data-screen', 'attract');
    });

    const row = page.getByRole('row').filter({ hasText: kioskName });
    await test.step('the fleet page shows it online, without a reload', async () => {
      await expect(row.getByTestId('kiosk-status')).toHaveText(t('admin.kiosks.online'), { timeout: 15_000 });
      await expect(row).toContainText(t('admin.kiosks.screen.attract'));
      await expect(row).toContainText(profileName);
    });

    await test.step('the admin changes the profile; the kiosk takes it within 35 s, between patrons', async () => {
      await nav.getByRole('link', { name: t('admin.nav.profiles'), exact: true }).click();
      await page.getByRole('listitem').filter({ hasText: profileName }).getByRole('button', { name: t('admin.profiles.edit') }).click();
      await page.getByLabel(t('admin.profile.field.idleTimeoutSeconds'), { exact: true }).fill('10');
      await page.getByLabel(t('admin.profile.field.idleCountdownSeconds'), { exact: true }).fill('5');
      await page.getByRole('button', { name: t('admin.profile.slide.add') }).click();
      await page
        .getByRole('group', { name: t('admin.profile.slide.legend', { n: 1 }) })
        .getByLabel(t(lang === 'en' ? 'admin.profile.slide.en' : 'admin.profile.slide.zh'), { exact: true })
        .fill(slide);
      await page.getByRole('button', { name: t('admin.profiles.save') }).click();
      await expect(page.getByRole('status')).toHaveText(t('admin.profiles.saved', { name: profileName }));

      await expect(kiosk.page.getByText(slide)).toBeVisible({ timeout: 35_000 });
      // The next patron: card entry, then nothing; "still there?" after 10 s, not 120.
      await kiosk.page.getByRole('button', { name: k('action.borrow'), exact: true }).click();
      await expect(kiosk.screen).toHaveAttribute('data-screen', 'cardEntry');
      await expect(kiosk.page.getByRole('alertdialog')).toBeVisible({ timeout: 14_000 });
      await expect(kiosk.screen).toHaveAttribute('data-screen', 'attract', { timeout: 10_000 });
    });

    await test.step('the fleet page shows it offline as soon as its page closes', async () => {
      await nav.getByRole('link', { name: t('admin.nav.kiosks'), exact: true }).click();
      await expect(row.getByTestId('kiosk-status')).toHaveText(t('admin.kiosks.online'), { timeout: 15_000 });
      await kiosk.page.close();
      await expect(row.getByTestId('kiosk-status')).toContainText(t('admin.kiosks.offlineSince', { time: '' }).trim().replace(/[,，]$/, ''), { timeout: 15_000 });
    });

    await test.step('revoking it shows the not-registered screen within 35 s', async () => {
      const again = await kiosk.context.newPage();
      await again.goto(lang === 'en' ? '/kiosk/?lang=en' : '/kiosk/');
      await expect(again.locator('main[data-screen]')).toHaveAttribute('data-screen', 'attract');
      await expect(row.getByTestId('kiosk-status')).toHaveText(t('admin.kiosks.online'), { timeout: 15_000 });
      await row.getByRole('button', { name: t('admin.kiosks.revoke'), exact: true }).click();
      await row.getByRole('alertdialog').getByRole('button', { name: t('admin.kiosks.confirm.yes') }).click();
      await expect(page.getByRole('status')).toHaveText(t('admin.kiosks.revokedDone', { name: kioskName }));
      await expect(row.getByTestId('kiosk-status')).toHaveText(t('admin.kiosks.revoked'));
      await expect(again.locator('main[data-screen]')).toHaveAttribute('data-screen', 'unregistered', { timeout: 35_000 });
      await expect(again.getByRole('alert')).toHaveText(k('code.kiosk.unknown'));
      await look(again, 'kiosk-not-registered', lang);
      await kiosk.context.close();
    });
  });
}
