import { expect, test } from '@playwright/test';
import { translate } from '../../shared/i18n';
import { DEMO, KioskPage, type Lang } from './kiosk-page';

// The demo patron 20140001 has 39010051 (due in 2 days) and 39010052 (reserved by 20140004) on loan.
// These journeys run in order on one demo library: renewals first, then the reserved item comes back.

test('my loans: renew one, then all; a reserved item is refused with the reason (zh-CN)', async ({ page }) => {
  const kiosk = new KioskPage(page, 'zh-CN');
  await kiosk.open();
  await kiosk.signIn(DEMO.active.card, DEMO.active.pin);
  await kiosk.button(kiosk.names.loans).click();
  await kiosk.expectScreen('loans');

  const dueSoon = kiosk.row('loan-row', '39010051');
  const dueBefore = await dueSoon.textContent();
  await dueSoon.getByRole('button', { name: kiosk.names.renew, exact: true }).click();
  await expect(dueSoon).toHaveAttribute('data-status', 'ok');
  await expect(dueSoon).not.toHaveText(dueBefore ?? '');

  await kiosk.button(translate('zh-CN', 'loans.renewAll')).click();
  await expect(dueSoon).toHaveAttribute('data-status', 'ok');
  const reserved = kiosk.row('loan-row', '39010052');
  await expect(reserved).toHaveAttribute('data-status', 'refused');
  await expect(reserved).toContainText(translate('zh-CN', 'code.renew.onHold'));
});

test('my loans: a third renewal is refused with the reason (en)', async ({ page }) => {
  const kiosk = new KioskPage(page, 'en');
  await kiosk.open();
  await kiosk.signIn(DEMO.active.card, DEMO.active.pin);
  await kiosk.button(kiosk.names.loans).click();
  const dueSoon = kiosk.row('loan-row', '39010051');
  await dueSoon.getByRole('button', { name: kiosk.names.renew, exact: true }).click();
  await expect(dueSoon).toHaveAttribute('data-status', 'refused');
  await expect(dueSoon).toContainText(translate('en', 'code.renew.limitReached'));
});

const langs: Lang[] = ['zh-CN', 'en'];
for (const [index, lang] of langs.entries()) {
  const barcode = `3901001${index}`;

  test(`returning without signing in (${lang})`, async ({ page }) => {
    const kiosk = new KioskPage(page, lang);
    await kiosk.open();

    await test.step('borrow a book first', async () => {
      await kiosk.signIn(DEMO.active.card, DEMO.active.pin);
      await kiosk.button(kiosk.names.borrow).click();
      await kiosk.scan(barcode);
      await expect(kiosk.row('borrow-row', barcode)).toHaveAttribute('data-status', 'ok');
      await kiosk.button(kiosk.names.finish).click();
      await kiosk.button(translate(lang, 'finish.noReceipt')).click();
      await kiosk.expectGoodbyeThenAttract();
    });

    await test.step('return it from the attract screen, with no card', async () => {
      await kiosk.button(kiosk.names.return).click();
      await kiosk.expectScreen('return');
      await kiosk.scan(barcode);
      const row = kiosk.row('return-row', barcode);
      await expect(row).toHaveAttribute('data-status', 'ok');
      await expect(row).toContainText(translate(lang, 'disposition.shelf'));
    });

    await test.step('an item that is not on loan is explained', async () => {
      await kiosk.scan('39010020');
      await expect(kiosk.row('return-row', '39010020')).toContainText(translate(lang, 'code.item.notOnLoan'));
    });
  });
}

test('returning a reserved item says to put it aside for the hold', async ({ page }) => {
  const kiosk = new KioskPage(page, 'en');
  await kiosk.open();
  await kiosk.button(kiosk.names.return).click();
  await kiosk.scan('39010052');
  const row = kiosk.row('return-row', '39010052');
  await expect(row).toHaveAttribute('data-status', 'ok');
  await expect(row).toContainText(translate('en', 'disposition.hold'));
});
