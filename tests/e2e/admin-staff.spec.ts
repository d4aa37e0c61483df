/**
 * Staff accounts in the admin panel, in both languages: the admin creates a librarian, the
 * librarian signs in with the initial password and must choose a new one (a mismatch and a
 * common password are refused, in their language), then sees the e-books page and no Staff or
 * Audit log entry; a reload keeps the session; the admin reads the audit log, filtered, and
 * disables the account, which ends the librarian's session.
 */
import { expect, test } from '@playwright/test';
import { adminPanel as panel } from './support/admin-panel';

// axe is injected as an inline script (see ./axe.ts).
test.use({ bypassCSP: true });

for (const lang of ['zh-CN', 'en'] as const) {
  test(`an admin creates a librarian, who must choose a new password and sees no staff pages (${lang})`, async ({ page, browser }) => {
    const admin = panel(page, lang);
    const { t } = admin;
    const username = `liwei-${lang === 'en' ? 'en' : 'zh'}`;

    await test.step('the admin creates the account', async () => {
      await admin.signIn();
      await admin.openPage('admin.nav.staff', 'admin.staff.title');
      const form = page.getByRole('region', { name: t('admin.staff.new.title') });
      await form.getByLabel(t('admin.username')).fill(username);
      await form.getByLabel(t('admin.staff.new.password')).fill('1234567890');
      await form.getByRole('button', { name: t('admin.staff.create') }).click();
      await expect(page.getByRole('alert')).toHaveText(t('code.staff.passwordCommon'));
      await form.getByLabel(t('admin.staff.new.password')).fill('temporary pass 42');
      await form.getByRole('button', { name: t('admin.staff.create') }).click();
      await expect(page.getByRole('status')).toHaveText(t('admin.staff.created', { username }));
      const row = page.getByRole('row').filter({ hasText: username });
      await expect(row).toContainText(t('admin.role.librarian'));
      await expect(row).toContainText(t('admin.staff.mustChange'));
      await admin.look('staff');
    });

    const librarianContext = await browser.newContext();
    const librarianPage = await librarianContext.newPage();
    const librarian = panel(librarianPage, lang);

    await test.step('the librarian must choose a new password first', async () => {
      await librarian.signIn(username, 'temporary pass 42');
      await expect(librarianPage.getByRole('heading', { level: 1, name: t('admin.password.title') })).toBeVisible();
      await expect(librarianPage.getByText(t('admin.password.rule'))).toBeVisible();
      await librarian.look('new-password');
      const choose = async (newPassword: string, repeated = newPassword) => {
        await librarianPage.getByLabel(t('admin.password.new'), { exact: true }).fill(newPassword);
        await librarianPage.getByLabel(t('admin.password.repeat')).fill(repeated);
        await librarianPage.getByRole('button', { name: t('admin.password.save') }).click();
      };
      await choose('my own secret words', 'my own secret word');
      await expect(librarianPage.getByRole('alert')).toHaveText(t('admin.password.mismatch'));
      await choose('woaini1314');
      await expect(librarianPage.getByRole('alert')).toHaveText(t('code.staff.passwordCommon'));
      await choose('temporary pass 42');
      await expect(librarianPage.getByRole('alert')).toHaveText(t('code.staff.passwordUnchanged'));
      await choose('my own secret words');
      await expect(librarianPage.getByRole('heading', { level: 1, name: t('admin.ebooks.title') })).toBeVisible();
    });

    await test.step('the librarian sees no admin-only pages, and a reload keeps the session', async () => {
      const adminOnly = [t('admin.nav.staff'), t('admin.nav.audit'), t('admin.nav.ils')];
      const librarianLinks = async () => librarian.nav.getByRole('link').allTextContents();
      await expect(librarian.nav.getByRole('link', { name: t('admin.nav.ebooks') })).toBeVisible();
      expect((await librarianLinks()).filter((name) => adminOnly.includes(name))).toEqual([]);
      await librarianPage.reload();
      await expect(librarianPage.getByRole('heading', { level: 1, name: t('admin.ebooks.title') })).toBeVisible();
      expect((await librarianLinks()).filter((name) => adminOnly.includes(name))).toEqual([]);
    });

    await test.step('the admin reads the audit log, filtered by who', async () => {
      await admin.openPage('admin.nav.audit', 'admin.audit.title');
      await page.getByLabel(t('admin.audit.who')).fill(username);
      await page.getByRole('button', { name: t('admin.audit.apply'), exact: true }).click();
      const rows = page.getByRole('table').getByRole('row');
      // Header, then the librarian's own actions, newest first: the password change, the sign-in.
      await expect(rows.nth(1)).toContainText(t('audit.action.password.changed'));
      await expect(rows.nth(2)).toContainText(t('audit.action.signIn'));
      await admin.look('audit');
    });

    await test.step('disabling the account ends the librarian’s session', async () => {
      await admin.nav.getByRole('link', { name: t('admin.nav.staff') }).click();
      await page.getByRole('button', { name: t('admin.staff.disableNamed', { username }) }).click();
      await expect(page.getByRole('status')).toHaveText(t('admin.staff.disabledDone', { username }));
      await librarianPage.reload();
      await expect(librarianPage.getByRole('button', { name: t('admin.signIn') })).toBeVisible();
    });
    await librarianContext.close();
  });
}
