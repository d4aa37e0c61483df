import { translate } from '../../shared/i18n';
import { DEMO, expect, type Lang, test } from './fixtures';

const journeys: Array<{ lang: Lang; items: [string, string] }> = [
  { lang: 'zh-CN', items: ['39010001', '39010002'] },
  { lang: 'en', items: ['39010003', '39010004'] },
];

for (const { lang, items } of journeys) {
  test.describe(`Borrowing (${lang})`, () => {
    test.use({ lang });

    test('a patron signs in, borrows two books, is refused the ones that cannot go, and leaves', async ({ kiosk }) => {
      await kiosk.open();

      await test.step('sign in with a scanned card and the on-screen PIN pad', async () => {
        await kiosk.signIn(DEMO.active.card, DEMO.active.pin);
        await kiosk.expectScreen('home');
      });

      await test.step('scan two available books: each row shows its due date', async () => {
        await kiosk.press(kiosk.names.borrow);
        await kiosk.expectScreen('borrow');
        for (const barcode of items) {
          await kiosk.scan(barcode);
          await expect(kiosk.row('borrow-row', barcode)).toHaveAttribute('data-status', 'ok');
        }
        const dueYear = String(new Date(Date.now() + 30 * 86_400_000).getFullYear());
        await expect(kiosk.row('borrow-row', items[0])).toContainText(dueYear);
      });

      await test.step('reference-only, reserved and unknown items are refused in words', async () => {
        const refusals = [
          ['39010042', 'code.item.notForLoan'],
          ['39010041', 'code.item.reservedForOther'],
          ['39019999', 'code.item.unknown'],
        ] as const;
        for (const [barcode, message] of refusals) {
          await kiosk.scan(barcode);
          const row = kiosk.row('borrow-row', barcode);
          await expect(row).toHaveAttribute('data-status', 'refused');
          await expect(row).toContainText(translate(lang, message));
        }
      });

      await test.step('finish without a receipt and return to the attract screen', async () => {
        await kiosk.press(kiosk.names.finish);
        await kiosk.expectScreen('finish');
        await kiosk.press(translate(lang, 'finish.noReceipt'));
        await kiosk.expectGoodbyeThenAttract();
      });
    });
  });
}

test('the patron who reserved an item may borrow it', async ({ kiosk }) => {
  await kiosk.open();
  await test.step('the holder signs in and borrows the reserved item', async () => {
    await kiosk.signIn(DEMO.holder.card, DEMO.holder.pin);
    await kiosk.press(kiosk.names.borrow);
    await kiosk.scan('39010041');
    await expect(kiosk.row('borrow-row', '39010041')).toHaveAttribute('data-status', 'ok');
  });
});

test.describe('in English', () => {
  test.use({ lang: 'en' });

  test('a blocked patron is told why and cannot borrow', async ({ kiosk }) => {
    await kiosk.open();
    await test.step('home lists the blocks', async () => {
      await kiosk.signIn(DEMO.blocked.card, DEMO.blocked.pin);
      await kiosk.expectScreen('home');
      await expect(kiosk.main()).toContainText(translate('en', 'block.overdue', { days: 30 }));
    });
    await test.step('a scanned item is refused with the reason', async () => {
      await kiosk.press(kiosk.names.borrow);
      await kiosk.scan('39010005');
      await expect(kiosk.row('borrow-row', '39010005')).toHaveAttribute('data-status', 'refused');
      await expect(kiosk.row('borrow-row', '39010005')).toContainText(translate('en', 'code.patron.blocked'));
    });
  });

  test('a patron with the default PIN must choose a new one before anything else', async ({ kiosk }) => {
    await kiosk.open();
    await kiosk.signIn(DEMO.mustChangePin.card, DEMO.mustChangePin.pin);
    await kiosk.expectScreen('pinChange');
    await test.step('a weak PIN is refused', async () => {
      await kiosk.typeOnPad('1111');
      await kiosk.press(kiosk.names.ok);
      await expect(kiosk.main()).toContainText(translate('en', 'code.pin.weak'));
    });
    await test.step('a good PIN, typed twice, leads home', async () => {
      for (let i = 0; i < 2; i++) {
        await kiosk.typeOnPad('4826');
        await kiosk.press(kiosk.names.ok);
      }
      await kiosk.expectScreen('home');
    });
  });
});

test('a wrong PIN is refused with the tries left, in Chinese', async ({ kiosk }) => {
  await kiosk.open();
  await kiosk.signIn(DEMO.holder.card, '9999');
  await expect(kiosk.main()).toContainText(translate('zh-CN', 'code.pin.wrong', { attemptsLeft: 4 }));
});
