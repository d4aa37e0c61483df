/**
 * The admin panel as an e2e spec uses it: the staff translations of one language, signing in (as the hub's admin
 * unless told otherwise), the nav, and a look at a screen (./look.ts). Specs add their own steps.
 */
import { expect, type Page } from '@playwright/test';
import type { MessageParams } from '../../../shared/i18n';
import { staffTranslate, type StaffMessageKey } from '../../../shared/i18n/staff';
import { look } from './look';

export { SCREENS_DIR } from './look';

export type Lang = 'zh-CN' | 'en';

/** The admin's password, as playwright.config.ts starts the hub. */
export const ADMIN_PASSWORD = 'e2e-staff-password';

export function adminPanel(page: Page, lang: Lang) {
  const t = (key: StaffMessageKey, params?: MessageParams) => staffTranslate(lang, key, params);
  const nav = page.getByRole('navigation', { name: t('admin.nav.label') });
  return {
    t,
    nav,
    async signIn(username = 'admin', password = ADMIN_PASSWORD) {
      await page.goto(lang === 'en' ? '/admin/?lang=en' : '/admin/');
      await page.getByLabel(t('admin.username')).fill(username);
      await page.getByLabel(t('admin.password')).fill(password);
      await page.getByRole('button', { name: t('admin.signIn') }).click();
    },
    /** Opens a page from the nav and waits for its heading. */
    async openPage(link: StaffMessageKey, title: StaffMessageKey) {
      await nav.getByRole('link', { name: t(link), exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: t(title) })).toBeVisible();
    },
    /** A screenshot `admin-${name}-${lang}.png`, and no serious axe finding. */
    look: (name: string) => look(page, `admin-${name}`, lang),
  };
}
