/**
 * A Codabar label read by the kiosk's camera, in Chromium: the admin makes a label for a typed demo barcode
 * on the Labels page with the library's symbology set to Codabar; the label as Chromium renders it becomes
 * the fake camera's video, and the kiosk borrows that item from it. (import.spec.ts does the same with the
 * Code 128 label of an imported record.) The symbology is set back to Code 128 afterwards: it is the
 * library's setting, and the other specs print their labels with it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { translate } from '../../shared/i18n';
import { DEMO, expect, test } from './fixtures';
import { adminPanel } from './support/admin-panel';
import { videoOf } from './support/fake-camera-videos';

const videos = mkdtempSync(join(tmpdir(), 'labels-camera-'));

test.use({ bypassCSP: true });

async function chooseSymbology(page: Page, t: ReturnType<typeof adminPanel>['t'], symbology: 'code128' | 'codabar') {
  const select = page.getByLabel(t('admin.labels.symbology'));
  await select.selectOption(symbology);
  // Saved on the hub, then the sheet drawn again with it.
  await expect(page.locator('.label svg').first()).toHaveAttribute('data-symbology', symbology);
  await expect(select).toBeEnabled();
  await expect(select).toHaveValue(symbology);
}

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(`labels (${lang})`, () => {
    test.use({ lang });
    /** Shelf items no other journey takes. */
    const barcode = lang === 'en' ? '39010040' : '39010039';

    test(`a Codabar label read by the kiosk camera borrows the item (${lang})`, async ({ page, kioskWithCamera }) => {
      const admin = adminPanel(page, lang);
      const { t } = admin;
      await admin.signIn();
      await admin.openPage('admin.nav.labels', 'admin.labels.title');

      const labelPng = join(videos, `codabar-${lang}.png`);
      try {
        await test.step('a label for a typed barcode, in Codabar', async () => {
          await page.getByLabel(t('admin.labels.barcodes')).fill(barcode);
          await page.getByRole('button', { name: t('admin.labels.show'), exact: true }).click();
          await chooseSymbology(page, t, 'codabar');
          const label = page.locator(`.label[data-barcode="${barcode}"]`);
          await expect(label).toContainText(barcode);
          await admin.look('labels-codabar');
          await label.screenshot({ path: labelPng, scale: 'device' });
        });
      } finally {
        await chooseSymbology(page, t, 'code128');
      }

      await test.step('the label through the kiosk camera borrows the item', async () => {
        const kiosk = await kioskWithCamera(videoOf(labelPng, videos, `codabar-${lang}`));
        await kiosk.open();
        await kiosk.signIn(DEMO.holder.card, DEMO.holder.pin);
        await kiosk.press(kiosk.names.borrow);
        await kiosk.expectScreen('borrow');
        await kiosk.press(translate(lang, 'camera.use'));
        await expect(kiosk.row('borrow-row', barcode)).toHaveAttribute('data-status', 'ok', { timeout: 15_000 });
        // Back on the shelf, scanned as a USB scanner types it.
        await kiosk.press(kiosk.names.finish);
        await kiosk.press(translate(lang, 'finish.noReceipt'));
        await kiosk.expectGoodbyeThenAttract();
        await kiosk.press(kiosk.names.return);
        await kiosk.scan(barcode);
        await expect(kiosk.row('return-row', barcode)).toHaveAttribute('data-status', 'ok');
      });
    });
  });
}
