/**
 * Statistics and the annual report, in Chromium: a patron borrows two books at the kiosk and returns
 * them; the Statistics page (zh-CN and en) shows two more loans and two more returns for today, and
 * its Export CSV file has the stable header and the same figures; the Annual report for this year, in
 * both languages, shows them too and prints on one A4 page. Screenshots and axe of both pages in both
 * languages go to test-results/screens/.
 *
 * The hub is shared with the other journeys, which borrow and return too: the figures are checked
 * against what the hub answered before this spec's own loans and returns, not as absolute numbers.
 */
import { readFileSync } from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import { API } from '../../shared/api/routes';
import { translate } from '../../shared/i18n';
import { AnnualReport, StatisticsAnswer } from '../../shared/statistics/schemas';
import { formatCount, formatPeriod } from '../../admin/statistics/format-period';
import { DEMO, expect, test } from './fixtures';
import { adminPanel, SCREENS_DIR, type Lang } from './support/admin-panel';

/** Shelf items no other journey takes. */
const BOOKS = ['39010037', '39010038'];
const TIME_ZONE = 'Asia/Shanghai';
const CSV_HEADER = 'period,kiosk,loans,returns,renewals,refusals,ebook_tickets,ebook_downloads,distinct_patrons';

test.use({ bypassCSP: true, timezoneId: TIME_ZONE });
test.describe.configure({ mode: 'serial' });

/** Today in the library's time zone, as the hub counts it. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const thisYear = Number(today.slice(0, 4));

async function staffApi(request: APIRequestContext) {
  const login = await request.post(API.staffLogin, { data: { username: 'admin', password: 'e2e-staff-password' } });
  expect(login.ok(), await login.text()).toBe(true);
  const { token } = (await login.json()) as { token: string };
  const get = async (path: string) => {
    const response = await request.get(path, { headers: { authorization: `Bearer ${token}` } });
    expect(response.ok(), await response.text()).toBe(true);
    return response.json();
  };
  return {
    today: async () => StatisticsAnswer.parse(await get(`${API.staffStatistics}?from=${today}&to=${today}&granularity=day`)),
    report: async () => AnnualReport.parse(await get(`${API.staffAnnualReport}?year=${thisYear}`)),
  };
}

function panel(page: Page, lang: Lang) {
  const admin = adminPanel(page, lang);
  const { t } = admin;
  return {
    ...admin,
    n: (count: number) => formatCount(count, lang),
    async openStatistics() {
      await admin.openPage('admin.nav.statistics', 'admin.statistics.title');
      await page.getByLabel(t('admin.statistics.from'), { exact: true }).fill(today);
      await page.getByLabel(t('admin.statistics.to'), { exact: true }).fill(today);
      await page.getByRole('combobox', { name: t('admin.statistics.granularity'), exact: true }).selectOption('day');
      await page.getByRole('button', { name: t('admin.statistics.show'), exact: true }).click();
    },
    async openReport() {
      await admin.nav.getByRole('link', { name: t('admin.nav.annualReport'), exact: true }).click();
      await page.getByLabel(t('admin.report.year'), { exact: true }).fill(String(thisYear));
      await page.getByRole('button', { name: t('admin.report.show'), exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('admin.report.title', { year: thisYear }) })).toBeVisible();
    },
    /** The figure in a two-column table's row named `label`. */
    cell: (testId: string, label: string) =>
      page.getByTestId(testId).getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) }).getByRole('cell'),
  };
}

let before: { today: StatisticsAnswer; report: AnnualReport };
/** The kiosk this spec borrowed at, its figures for today after the loans and returns, and how many kiosks the hub counts. */
let kioskUsed: { name: string; loans: number; returns: number; kiosks: number };

test('loans and returns at the kiosk', async ({ kiosk, request }) => {
  const staff = await staffApi(request);
  before = { today: await staff.today(), report: await staff.report() };

  await kiosk.open();
  await test.step('borrow two books', async () => {
    await kiosk.signIn(DEMO.active.card, DEMO.active.pin);
    await kiosk.press(kiosk.names.borrow);
    for (const book of BOOKS) {
      await kiosk.scan(book);
      await expect(kiosk.row('borrow-row', book)).toHaveAttribute('data-status', 'ok');
    }
    await kiosk.press(kiosk.names.finish);
    await kiosk.press(translate('zh-CN', 'finish.noReceipt'));
    await kiosk.expectGoodbyeThenAttract();
  });
  await test.step('return them', async () => {
    await kiosk.press(kiosk.names.return);
    await kiosk.expectScreen('return');
    for (const book of BOOKS) {
      await kiosk.scan(book);
      await expect(kiosk.row('return-row', book)).toHaveAttribute('data-status', 'ok');
    }
  });
  // The kiosk page on the hub's machine registered itself: the one whose loans went up by two.
  const after = await staff.today();
  const loansBefore = (kiosk: string | null) => before.today.rows.find((row) => row.kiosk === kiosk)?.loans ?? 0;
  const row = after.rows.find((r) => r.loans - loansBefore(r.kiosk) === 2);
  expect(row, JSON.stringify(after.rows)).toBeDefined();
  kioskUsed = { name: after.kiosks.find((k) => k.id === row!.kiosk)!.name, loans: row!.loans, returns: row!.returns, kiosks: after.kiosks.length };
  expect(row!.returns - (before.today.rows.find((r) => r.kiosk === row!.kiosk)?.returns ?? 0)).toBe(2);
});

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(`statistics and the annual report (${lang})`, () => {
    test.use({ lang });

    test(`the Statistics page and its CSV show today's loans and returns (${lang})`, async ({ page }) => {
      const admin = panel(page, lang);
      const { t, n } = admin;
      await admin.signIn();
      await admin.openStatistics();
      const total = before.today.total;
      await expect(admin.cell('statistics-totals', t('admin.statistics.loans'))).toHaveText(n(total.loans + 2));
      await expect(admin.cell('statistics-totals', t('admin.statistics.returns'))).toHaveText(n(total.returns + 2));
      const kioskRow = page.getByTestId('statistics-per-kiosk').getByRole('row').filter({ has: page.getByRole('cell', { name: kioskUsed.name, exact: true }) });
      await expect(kioskRow.getByRole('rowheader')).toHaveText(formatPeriod(today, lang));
      await expect(kioskRow.getByRole('cell').nth(1)).toHaveText(n(kioskUsed.loans));
      await expect(kioskRow.getByRole('cell').nth(2)).toHaveText(n(kioskUsed.returns));
      // 20140001 was seen today: the patron count is at least one.
      expect(Number((await admin.cell('statistics-totals', t('admin.statistics.distinctPatrons')).textContent())?.replace(/\D/g, ''))).toBeGreaterThanOrEqual(1);
      await admin.look('statistics');

      await test.step('Export CSV: the stable header, a BOM, the same figures', async () => {
        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: t('admin.statistics.exportCsv') }).click();
        const file = await (await download).path();
        const bytes = readFileSync(file);
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const lines = bytes.subarray(3).toString('utf8').split('\r\n');
        expect(lines[0]).toBe(CSV_HEADER);
        const row = lines.find((line) => line.startsWith(`${today},`) && line.split(',')[1] === kioskUsed.name)?.split(',');
        expect(row, lines.join('\n')).toBeDefined();
        expect(row!.slice(2, 4).map(Number)).toEqual([kioskUsed.loans, kioskUsed.returns]);
        expect(Number(row![8])).toBeGreaterThanOrEqual(1);
      });

      await test.step('the whole year by day: the per-kiosk table in pages of whole days', async () => {
        await page.getByLabel(t('admin.statistics.from'), { exact: true }).fill(`${thisYear}-01-01`);
        await page.getByLabel(t('admin.statistics.to'), { exact: true }).fill(`${thisYear}-12-31`);
        await page.getByRole('button', { name: t('admin.statistics.show'), exact: true }).click();
        // About 200 rows a page (admin/statistics/per-kiosk-pages.ts): whole days of every kiosk.
        const daysPerPage = Math.floor(200 / kioskUsed.kiosks);
        const days = (Date.UTC(thisYear + 1, 0, 1) - Date.UTC(thisYear, 0, 1)) / 86_400_000;
        const day = (index: number) => formatPeriod(new Date(Date.UTC(thisYear, 0, 1 + index)).toISOString().slice(0, 10), lang);
        const pages = Math.ceil(days / daysPerPage);
        const pager = page.getByRole('navigation', { name: t('admin.statistics.pagesLabel') });
        await expect(pager).toContainText(t('admin.statistics.pageOf', { page: 1, pages, first: day(0), last: day(daysPerPage - 1) }));
        await expect(page.getByTestId('statistics-per-kiosk').locator('tbody tr')).toHaveCount(daysPerPage * kioskUsed.kiosks);
        await expect(pager.getByRole('button', { name: t('admin.statistics.previousPage') })).toBeDisabled();
        await pager.getByRole('button', { name: t('admin.statistics.nextPage') }).click();
        await expect(pager).toContainText(
          t('admin.statistics.pageOf', { page: 2, pages, first: day(daysPerPage), last: day(Math.min(days, 2 * daysPerPage) - 1) }),
        );
        await expect(page.getByTestId('statistics-per-kiosk').locator('tbody tr').first().getByRole('rowheader')).toHaveText(day(daysPerPage));
        await expect(page.getByTestId('chart-table').locator('tbody tr')).toHaveCount(days);
        await admin.look('statistics-year-by-day');
      });
    });

    test(`the Annual report shows them and prints on one A4 page (${lang})`, async ({ page }) => {
      const admin = panel(page, lang);
      const { t, n } = admin;
      await admin.signIn();
      await admin.openReport();
      const report = page.getByTestId('annual-report');
      const figure = (label: string) => report.locator('.report-figures > div').filter({ hasText: label }).locator('dd');
      await expect(figure(t('admin.report.figureLoansAndReturns'))).toHaveText(n(before.report.loansAndReturns + 4));
      await expect(report).toContainText(
        t('admin.report.loansAndReturns', { total: n(before.report.loansAndReturns + 4), loans: n(before.report.loans + 2), returns: n(before.report.returns + 2) }),
      );
      await expect(report.locator('.bar-chart svg')).toBeVisible();
      // The chart's numbers are in a table for screen readers: this month has the new loans.
      const month = report.getByTestId('chart-table').getByRole('row').filter({ has: page.getByRole('rowheader', { name: formatPeriod(today.slice(0, 7), lang), exact: true }) });
      const monthBefore = before.report.months.find((m) => m.month === today.slice(0, 7))!;
      await expect(month.getByRole('cell')).toHaveText([n(monthBefore.loans + 2), n(monthBefore.returns + 2)]);
      await admin.look('annual-report');

      await test.step('printed: one A4 page, without the navigation and the controls', async () => {
        const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
        await page.emulateMedia({ media: 'print' });
        await expect(page.getByRole('navigation', { name: t('admin.nav.label') })).toBeHidden();
        await expect(page.getByRole('button', { name: t('admin.report.print') })).toBeHidden();
        await page.setViewportSize({ width: 794, height: 1123 });
        await page.screenshot({ path: `${SCREENS_DIR}/admin-annual-report-print-${lang}.png`, fullPage: true });
      });
    });
  });
}
