/**
 * Staff manage the e-book collection in the admin panel: sign in, upload a real EPUB and two
 * files that are not e-books, make the new title card-only, shelve it in a new category,
 * withdraw it, and find all of that again after a reload (which keeps the staff session).
 *
 * The hub and its demo library are shared with the kiosk e-book journeys: this spec changes
 * only the title it uploads itself, and adds a category rather than renaming one.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { seriousAxeViolations } from './axe';
import { adminPanel, type Lang } from './support/admin-panel';

const SHANHAIJING = fileURLToPath(new URL('../../../shared/testdata/epub/chinese-shanhaijing.epub', import.meta.url));
const TITLE = '山海經';
const screensDir = 'test-results/screens';
mkdirSync(screensDir, { recursive: true });

// axe is injected as an inline script (see ./axe.ts).
test.use({ bypassCSP: true });

function admin(page: Page, lang: Lang) {
  const panel = adminPanel(page, lang);
  const { t } = panel;
  const row = (title: string) => page.getByTestId('ebook-row').filter({ hasText: title });
  return {
    t,
    row,
    async signIn() {
      await panel.signIn();
      await expect(page.getByRole('heading', { level: 1, name: t('admin.ebooks.title') })).toBeVisible();
      await expect(page.getByTestId('ebook-row').first()).toBeVisible();
    },
    uploadLine(name: string) {
      return page.getByTestId('upload-line').filter({ hasText: name });
    },
    async expectSaved(title: string) {
      await expect(row(title).getByRole('status')).toHaveText(t('admin.save.saved'));
    },
  };
}

/** axe finds no serious or critical problem, every control is at least 40 px, and a Chinese page has no untranslated English. */
async function checkPage(page: Page, lang: Lang) {
  await page.screenshot({ path: `${screensDir}/admin-ebooks-${lang}.png`, fullPage: true });

  const violations = await seriousAxeViolations(page);
  expect(violations, `axe on the e-books page (${lang})`).toEqual([]);

  // Checkboxes and radios are targets through their label; the file input through its button-like label.
  const smallTargets = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, a[href], select, input')]
      .map((el) => (el instanceof HTMLInputElement && ['checkbox', 'radio', 'file'].includes(el.type) ? el.closest('label') ?? el : el))
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 40 || box.height < 40)
      .map(({ el, box }) => `${el.textContent?.trim() || el.getAttribute('aria-label')} ${box.width}x${box.height}`),
  );
  expect(smallTargets, `targets under 40 px (${lang})`).toEqual([]);

  if (lang === 'zh-CN') {
    // Book data, file names, the username and file format names are not text to translate.
    const latinWords = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const words: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('[lang="en"], [data-book-data], [translate="no"], script, style')) continue;
        words.push(...(node.textContent?.replace(/EPUB|PDF|ZIP|OPF/g, '').match(/[A-Za-z]{3,}/g) ?? []));
      }
      return words;
    });
    expect(latinWords, 'English words on the Chinese e-books page').toEqual([]);
  }
}

test('staff upload, refuse, restrict, shelve and withdraw an e-book, and find it so after a reload', async ({ page }) => {
  const zh = admin(page, 'zh-CN');
  const { t, row } = zh;
  await zh.signIn();
  await expect(page.getByRole('navigation', { name: t('admin.nav.label') }).getByRole('link', { name: t('admin.nav.ebooks') })).toHaveAttribute('aria-current', 'page');

  // The real EPUB and a text file named .epub, chosen together: they upload one after the other.
  await page.getByLabel(t('admin.upload.files')).setInputFiles([
    { name: 'chinese-shanhaijing.epub', mimeType: 'application/epub+zip', buffer: readFileSync(SHANHAIJING) },
    { name: 'not-a-book.epub', mimeType: 'application/epub+zip', buffer: Buffer.from('This is only text, not a ZIP archive.') },
  ]);
  await expect(zh.uploadLine('chinese-shanhaijing.epub')).toHaveAttribute('data-state', 'added');
  await expect(zh.uploadLine('chinese-shanhaijing.epub')).toContainText(TITLE);
  await expect(zh.uploadLine('not-a-book.epub')).toHaveAttribute('data-state', 'refused');
  await expect(zh.uploadLine('not-a-book.epub')).toContainText(t('code.ebook.notZip'));
  await expect(row(TITLE)).toHaveCount(1);
  await expect(row(TITLE)).toContainText('EPUB');

  // A file dropped on the upload area goes the same way; uploading the EPUB again adds nothing.
  const dropped = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['plain text'], 'dropped.pdf', { type: 'application/pdf' }));
    return transfer;
  });
  await page.getByText(t('admin.upload.hint')).dispatchEvent('drop', { dataTransfer: dropped });
  await expect(zh.uploadLine('dropped.pdf')).toContainText(t('code.ebook.notPdf'));
  await page.getByLabel(t('admin.upload.files')).setInputFiles(SHANHAIJING);
  await expect(zh.uploadLine('chinese-shanhaijing.epub').last()).toHaveAttribute('data-state', 'duplicate');
  await expect(row(TITLE)).toHaveCount(1);

  // Library card only.
  await row(TITLE).getByLabel(t('admin.list.accessOf', { title: TITLE })).selectOption('card');
  await zh.expectSaved(TITLE);

  // A new category, checked in the form first: blank names are refused before the hub is asked.
  const addForm = page.getByRole('group', { name: t('admin.categories.new') });
  await addForm.getByLabel(t('admin.categories.nameZh')).fill('   ');
  await addForm.getByLabel(t('admin.categories.nameEn')).fill('   ');
  await addForm.getByRole('button', { name: t('admin.categories.add') }).click();
  await expect(addForm.getByRole('status')).toContainText(t('admin.categories.invalid'));
  await addForm.getByLabel(t('admin.categories.nameZh')).fill('地方文献');
  await addForm.getByLabel(t('admin.categories.nameEn')).fill('Local records');
  await addForm.getByLabel(t('admin.categories.sort')).fill('90');
  await addForm.getByRole('button', { name: t('admin.categories.add') }).click();
  await expect(page.getByLabel(t('admin.categories.nameEnOf', { name: '地方文献' }))).toHaveValue('Local records');
  await expect(addForm.getByRole('status')).toHaveText(t('admin.categories.added'));
  await expect(addForm.getByLabel(t('admin.categories.nameZh'))).toHaveValue('');
  await row(TITLE).getByRole('checkbox', { name: '地方文献' }).check();
  await zh.expectSaved(TITLE);

  // Withdrawn: off the kiosks, marked in the list.
  await row(TITLE).getByRole('button', { name: t('admin.list.withdrawTitle', { title: TITLE }) }).click();
  await zh.expectSaved(TITLE);
  await expect(row(TITLE)).toContainText(t('admin.list.withdrawn'));
  await expect(row(TITLE)).toHaveClass(/withdrawn/);
  // For a look at the outcome lines and the row's saved status.
  await page.screenshot({ path: `${screensDir}/admin-ebooks-outcomes-zh-CN.png`, fullPage: true });

  // A reload keeps the staff session (its token is in sessionStorage); the hub's copy says the same.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: t('admin.ebooks.title') })).toBeVisible();
  await expect(row(TITLE)).toBeVisible();
  await expect(row(TITLE).getByLabel(t('admin.list.accessOf', { title: TITLE }))).toHaveValue('card');
  await expect(row(TITLE).getByRole('checkbox', { name: '地方文献' })).toBeChecked();
  await expect(row(TITLE)).toContainText(t('admin.list.withdrawn'));
  await expect(row(TITLE).getByRole('button', { name: t('admin.list.restoreTitle', { title: TITLE }) })).toBeVisible();

  // The filter narrows the list to the title.
  await page.getByLabel(t('admin.list.filter')).fill('山海');
  await expect(page.getByTestId('ebook-row')).toHaveCount(1);
  await page.getByLabel(t('admin.list.filter')).fill('');

  // Signing out forgets the token too.
  await page.getByRole('button', { name: t('admin.signOut') }).click();
  await expect(page.getByRole('status')).toHaveText(t('admin.signedOut'));
});

for (const lang of ['zh-CN', 'en'] as const) {
  test(`the e-books page is accessible and translated (${lang})`, async ({ page }) => {
    const view = admin(page, lang);
    await view.signIn();
    await expect(page.getByRole('heading', { name: view.t('admin.categories.title'), exact: true })).toBeVisible();
    await checkPage(page, lang);
  });
}
