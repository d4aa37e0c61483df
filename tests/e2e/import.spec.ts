/**
 * Import into the embedded library, in Chromium, in both languages: an admin imports a real MARC record
 * (../shared/testdata/marc/) with a first barcode, reads the preview and report, confirms, prints the labels
 * (PDF), and a label read through the kiosk's fake camera borrows that item; a patron CSV is imported and one
 * of its patrons signs in at the kiosk with the initial PIN and must choose a new one. Screenshots of the
 * import pages and a label sheet go to test-results/screens/.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO, expect, test } from './fixtures';
import { adminPanel, type Lang } from './support/admin-panel';
import { videoOf } from './support/fake-camera-videos';
import { translate } from '../../shared/i18n';

const videos = mkdtempSync(join(tmpdir(), 'import-camera-'));
const MARC_FILE = '../shared/testdata/marc/zh_ol_880_alternate_script.mrc';

test.use({ bypassCSP: true });

function panel(page: Page, lang: Lang) {
  const admin = adminPanel(page, lang);
  return { ...admin, openImport: () => admin.openPage('admin.nav.import', 'admin.import.title') };
}

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(`import (${lang})`, () => {
    test.use({ lang });
    // Each language's run takes its own barcodes and cards: both run against the same hub.
    const firstBarcode = lang === 'en' ? '39017101' : '39017001';
    const card = lang === 'en' ? '20149102' : '20149101';

    test('MARC records with a first barcode: preview, import, labels as PDF, a label read by the camera borrows the item', async ({ page, kioskWithCamera }) => {
      const admin = panel(page, lang);
      const { t } = admin;
      await admin.signIn();
      await admin.openImport();

      await test.step('upload the MARC file with a first barcode: the preview and an empty report', async () => {
        await page.getByRole('radio', { name: t('admin.import.format.marc') }).check();
        await page.getByLabel(t('admin.import.barcodeStart')).fill(firstBarcode);
        await page.getByLabel(t('admin.import.file')).setInputFiles(MARC_FILE);
        await page.getByRole('button', { name: t('admin.import.upload') }).click();
        await expect(page.getByText(t('admin.import.noProblems'))).toBeVisible();
        await expect(page.getByRole('region', { name: t('admin.import.preview', { count: 1 }) })).toContainText(firstBarcode);
        await admin.look('import-preview');
      });

      await test.step('confirm: one added', async () => {
        await page.getByRole('button', { name: t('admin.import.confirm') }).click();
        await expect(page.getByRole('status')).toHaveText(t('admin.import.done', { added: 1, updated: 0 }));
        await admin.look('import-done');
      });

      const labelPng = join(videos, `label-${lang}.png`);
      await test.step('print the labels: an A4 sheet, as PDF', async () => {
        await page.getByRole('button', { name: t('admin.import.printLabels') }).click();
        await expect(page.getByRole('heading', { level: 1, name: t('admin.labels.title') })).toBeVisible();
        const label = page.locator(`.label[data-barcode="${firstBarcode}"]`);
        await expect(label).toBeVisible();
        await admin.look('labels');
        const pdf = await page.pdf({ format: 'A4', printBackground: true });
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
        await label.screenshot({ path: labelPng, scale: 'device' });
      });

      await test.step('the label through the kiosk camera borrows the item', async () => {
        const kiosk = await kioskWithCamera(videoOf(labelPng, videos, `label-${lang}`));
        await kiosk.open();
        await kiosk.signIn(DEMO.holder.card, DEMO.holder.pin);
        await kiosk.press(kiosk.names.borrow);
        await kiosk.expectScreen('borrow');
        await kiosk.press(translate(lang, 'camera.use'));
        await expect(kiosk.row('borrow-row', firstBarcode)).toHaveAttribute('data-status', 'ok', { timeout: 15_000 });
      });
    });

    test('patrons from CSV: one signs in with the initial PIN and must choose a new one', async ({ page, kiosk }) => {
      const admin = panel(page, lang);
      const { t } = admin;
      await admin.signIn();
      await admin.openImport();
      await page.getByRole('radio', { name: t('admin.import.kind.patrons') }).check();
      const csv = `card_number,name,pin,expires_on,category\r\n${card},赵小明,4826,2030-06-30,学生\r\n`;
      await page.getByLabel(t('admin.import.file')).setInputFiles({ name: 'patrons.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByRole('button', { name: t('admin.import.upload') }).click();
      await expect(page.getByText(t('admin.import.pinSet'))).toBeVisible();
      await expect(page.getByText('4826')).toHaveCount(0);
      await page.getByRole('button', { name: t('admin.import.confirm') }).click();
      await expect(page.getByRole('status')).toHaveText(t('admin.import.done', { added: 1, updated: 0 }));

      await kiosk.open();
      await kiosk.press(kiosk.names.borrow);
      await kiosk.expectScreen('cardEntry');
      await kiosk.signIn(card, '4826');
      await kiosk.expectScreen('pinChange');
    });

    test('a CSV with mistakes: the report by line, nothing to confirm', async ({ page }) => {
      const admin = panel(page, lang);
      const { t } = admin;
      await admin.signIn();
      await admin.openImport();
      const csv = readFileSync(join(import.meta.dirname, 'support', 'import-mistakes.csv'));
      await page.getByLabel(t('admin.import.file')).setInputFiles({ name: 'items.csv', mimeType: 'text/csv', buffer: csv });
      await page.getByRole('button', { name: t('admin.import.upload') }).click();
      await expect(page.getByText(t('admin.import.problemCount', { count: 3 }))).toBeVisible();
      await expect(page.getByRole('row').filter({ hasText: t('admin.import.at.line', { at: 3 }) })).toContainText('9787506365438');
      await expect(page.getByRole('button', { name: t('admin.import.confirm') })).toBeDisabled();
      await admin.look('import-report');
    });
  });
}
