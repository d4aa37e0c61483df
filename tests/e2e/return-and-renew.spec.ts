import { translate } from '../../shared/i18n';
import { DEMO, expect, type Lang, test } from './fixtures';

// The demo patron 20140001 has 39010051 (due in 2 days) and 39010052 (reserved by 20140004) on loan.
// These journeys run in order on one demo library: renewals first, then the reserved item comes back.

test('my loans: renew one, then all; a reserved item is refused with the reason (zh-CN)', async ({ kiosk }) => {
  await kiosk.open();
  await test.step('sign in and open my loans', async () => {
    await kiosk.signIn(DEMO.active.card, DEMO.active.pin);
    await kiosk.press(kiosk.names.loans);
    await kiosk.expectScreen('loans');
  });

  const dueSoon = kiosk.row('loan-row', '39010051');
  await test.step('renew the item due soon: its due date moves', async () => {
    const dueBefore = await dueSoon.textContent();
    await kiosk.press(dueSoon.getByRole('button', { name: kiosk.names.renew, exact: true }));
    await expect(dueSoon).toHaveAttribute('data-status', 'ok');
    await expect(dueSoon).not.toHaveText(dueBefore ?? '');
  });

  await test.step('renew all: the reserved item is refused with the reason', async () => {
    await kiosk.press(translate('zh-CN', 'loans.renewAll'));
    await expect(dueSoon).toHaveAttribute('data-status', 'ok');
    const reserved = kiosk.row('loan-row', '39010052');
    await expect(reserved).toHaveAttribute('data-status', 'refused');
    await expect(reserved).toContainText(translate('zh-CN', 'code.renew.onHold'));
  });
});

test.describe('in English', () => {
  test.use({ lang: 'en' });

  test('my loans: a third renewal is refused with the reason (en)', async ({ kiosk }) => {
    await kiosk.open();
    await kiosk.signIn(DEMO.active.card, DEMO.active.pin);
    await kiosk.press(kiosk.names.loans);
    const dueSoon = kiosk.row('loan-row', '39010051');
    await kiosk.press(dueSoon.getByRole('button', { name: kiosk.names.renew, exact: true }));
    await expect(dueSoon).toHaveAttribute('data-status', 'refused');
    await expect(dueSoon).toContainText(translate('en', 'code.renew.limitReached'));
  });
});

const langs: Lang[] = ['zh-CN', 'en'];
for (const [index, lang] of langs.entries()) {
  const barcode = `3901001${index}`;

  test.describe(`returning (${lang})`, () => {
    test.use({ lang });

    test(`returning without signing in (${lang})`, async ({ kiosk }) => {
      await kiosk.open();

      await test.step('borrow a book first', async () => {
        await kiosk.signIn(DEMO.active.card, DEMO.active.pin);
        await kiosk.press(kiosk.names.borrow);
        await kiosk.scan(barcode);
        await expect(kiosk.row('borrow-row', barcode)).toHaveAttribute('data-status', 'ok');
        await kiosk.press(kiosk.names.finish);
        await kiosk.press(translate(lang, 'finish.noReceipt'));
        await kiosk.expectGoodbyeThenAttract();
      });

      await test.step('return it from the attract screen, with no card', async () => {
        await kiosk.press(kiosk.names.return);
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
  });
}

test.describe('returning a reserved item', () => {
  test.use({ lang: 'en' });

  test('returning a reserved item says to put it aside for the hold', async ({ kiosk }) => {
    await kiosk.open();
    await kiosk.press(kiosk.names.return);
    await kiosk.scan('39010052');
    const row = kiosk.row('return-row', '39010052');
    await expect(row).toHaveAttribute('data-status', 'ok');
    await expect(row).toContainText(translate('en', 'disposition.hold'));
  });
});
