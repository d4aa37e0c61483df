/**
 * A receipt on the phone: at the kiosk a patron borrows, taps Finish → Receipt on my phone, and
 * a phone (WeChat's browser here) reads the QR code off the screen: the page lists the titles and
 * due dates, its calendar file holds every due date, and a second device is refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { dayIn } from '../../server/receipts/calendar-file';
import { formatDate, translate } from '../../shared/i18n';
import { IN_APP_USER_AGENTS } from '../unit/ebooks/user-agents';
import { DEMO, expect, type Lang, test } from './fixtures';
import { phone, readQr } from './support/phone';

/** The hub's TIME_ZONE in playwright.config.ts (the default). */
const TIME_ZONE = 'Asia/Shanghai';

/** Items no other journey borrows. */
const journeys: Array<{ lang: Lang; items: string[] }> = [
  { lang: 'zh-CN', items: ['39010034', '39010035'] },
  { lang: 'en', items: ['39010036'] },
];

/** Titles and due dates of the open loans, straight from the hub's database. */
function loansOf(barcodes: string[]): { barcode: string; title: string; dueAt: string }[] {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error('E2E_DATA_DIR is set by playwright.config.ts');
  const db = new Database(join(dataDir, 'hub.sqlite'), { readonly: true });
  try {
    return barcodes.map((barcode) =>
      db
        .prepare('SELECT items.barcode, title, due_at AS dueAt FROM loans JOIN items ON items.barcode = loans.item_barcode WHERE barcode = ? AND returned_at IS NULL')
        .get(barcode) as { barcode: string; title: string; dueAt: string },
    );
  } finally {
    db.close();
  }
}

/** The DTSTART dates of an iCalendar file, after unfolding its lines. */
function eventDays(ics: string): string[] {
  expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  expect(lines.filter((line) => line === 'BEGIN:VEVENT').length).toBe(lines.filter((line) => line === 'BEGIN:VALARM').length);
  expect(lines.filter((line) => line === 'TRIGGER:-P2D').length).toBe(lines.filter((line) => line === 'BEGIN:VEVENT').length);
  return lines.filter((line) => line.startsWith('DTSTART;VALUE=DATE:')).map((line) => line.slice('DTSTART;VALUE=DATE:'.length));
}

for (const { lang, items } of journeys) {
  test.describe(`Receipt on the phone (${lang})`, () => {
    test.use({ lang });

    test('borrow, Finish → Receipt on my phone, scan the QR code: titles, due dates and a calendar file on the phone', async ({ page, browser, kiosk }) => {
      await kiosk.open();
      await kiosk.signIn(DEMO.active.card, DEMO.active.pin);
      await kiosk.expectScreen('home');
      await kiosk.press(kiosk.names.borrow);
      for (const barcode of items) {
        await kiosk.scan(barcode);
        await expect(kiosk.row('borrow-row', barcode)).toHaveAttribute('data-status', 'ok');
      }
      await kiosk.press(kiosk.names.finish);
      await kiosk.expectScreen('finish');
      await expect(kiosk.button(translate(lang, 'finish.print'))).toBeVisible();
      await page.screenshot({ path: `test-results/screens/finish-${lang}-choices.png` });
      await kiosk.press(translate(lang, 'finish.phone'));
      const url = await readQr(page, 'receipt-qr');
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/r\/[\w-]{43}$/);
      await page.screenshot({ path: `test-results/screens/finish-${lang}-phone-receipt.png` });

      const loans = loansOf(items);
      const mobile = await phone(browser, lang, IN_APP_USER_AGENTS.wechatIos);
      await mobile.page.goto(url);
      await expect(mobile.page.getByRole('heading', { name: translate(lang, 'receipt.phone.title') })).toBeVisible();
      const body = mobile.page.locator('body');
      for (const loan of loans) {
        await expect(body).toContainText(loan.title);
        await expect(body).toContainText(loan.barcode);
        await expect(body).toContainText(translate(lang, 'receipt.phone.dueOn', { date: formatDate(lang, loan.dueAt, TIME_ZONE) }));
      }
      await expect(body).not.toContainText(DEMO.active.card);
      await mobile.page.screenshot({ path: `test-results/screens/phone-${lang}-receipt.png`, fullPage: true });

      const [download] = await Promise.all([
        mobile.page.waitForEvent('download'),
        mobile.page.getByRole('link', { name: translate(lang, 'receipt.phone.calendar') }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('due-dates.ics');
      const days = eventDays(readFileSync(await download.path(), 'utf8'));
      expect(days.sort()).toEqual([...new Set(loans.map((loan) => dayIn(TIME_ZONE, loan.dueAt).replace(/-/g, '')))].sort());

      // Leaving the Finish screen takes the QR code away.
      await kiosk.press(translate(lang, 'finish.phone.done'));
      await kiosk.expectScreen('goodbye');
      await expect(page.getByTestId('receipt-qr')).toHaveCount(0);

      // Whoever photographed the screen opens the same address on another device: refused.
      const other = await phone(browser, lang);
      await other.page.goto(url);
      await expect(other.page.locator('body')).toContainText(translate(lang, 'receipt.phone.taken'));
      await expect(other.page.locator('body')).not.toContainText(loans[0]!.title);
      await other.page.screenshot({ path: `test-results/screens/phone-${lang}-receipt-taken.png`, fullPage: true });
      // The first phone still has it.
      await mobile.page.reload();
      await expect(mobile.page.locator('body')).toContainText(loans[0]!.title);
      await other.context.close();
      await mobile.context.close();
    });
  });
}
