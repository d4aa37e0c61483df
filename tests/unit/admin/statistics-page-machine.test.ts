import { describe, expect, it } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import { annualReportMachine } from '../../../admin/annual-report/annual-report-machine';
import { perKioskPage, perKioskPageCount } from '../../../admin/statistics/per-kiosk-pages';
import { statisticsQueryOf } from '../../../admin/statistics/statistics-filters';
import { statisticsPageMachine } from '../../../admin/statistics/statistics-page-machine';
import { HubError } from '../../../shared/api/hub-client';
import type { RefusalCode } from '../../../shared/circulation/codes';
import type { AnnualReport, StatisticsAnswer, StatisticsQuery } from '../../../shared/statistics/schemas';
import { settle, TOKEN } from './admin-harness';

const ZERO = { loans: 0, returns: 0, renewals: 0, refusals: 0, refusalsByReason: {}, ebookTickets: 0, ebookDownloads: 0, distinctPatrons: 0, offline: 0 };

function answerFor(query: StatisticsQuery): StatisticsAnswer {
  return {
    from: query.from, to: query.to, granularity: query.granularity ?? 'month', timeZone: 'Asia/Shanghai',
    kiosks: [{ id: 'local', name: '大厅' }],
    rows: [{ period: query.from, kiosk: 'local', ...ZERO, loans: 2 }],
    periodTotals: [{ period: query.from, kiosk: null, ...ZERO, loans: 2 }],
    total: { ...ZERO, loans: 2 },
  };
}

function startStatistics(answer: (query: StatisticsQuery) => Promise<StatisticsAnswer> | StatisticsAnswer = answerFor) {
  const calls: StatisticsQuery[] = [];
  const saved: StatisticsAnswer[] = [];
  const machine = statisticsPageMachine.provide({
    actors: {
      readStatistics: fromPromise(async ({ input }: { input: { token: string; query: StatisticsQuery } }) => {
        expect(input.token).toBe(TOKEN);
        calls.push(input.query);
        return answer(input.query);
      }),
    },
    actions: { saveCsv: (_, csvAnswer) => void saved.push(csvAnswer) },
  });
  const actor = createActor(machine, { input: { token: TOKEN, today: '2026-03-18' } }).start();
  return { actor, calls, saved };
}

const refuse = (code: RefusalCode) => () => Promise.reject(new HubError(code));

describe('the Statistics page', () => {
  it('opens on this month so far by day, then asks for the filters applied', async () => {
    const { actor, calls } = startStatistics();
    await settle();
    expect(calls).toEqual([{ from: '2026-03-01', to: '2026-03-18', granularity: 'day' }]);
    expect(actor.getSnapshot().context.answer?.total.loans).toBe(2);

    const filters = { from: '2025-01-01', to: '2025-12-31', granularity: 'month', kiosk: 'local' } as const;
    actor.send({ type: 'filters.applied', filters });
    expect(actor.getSnapshot().matches('loading')).toBe(true);
    await settle();
    expect(calls.at(-1)).toEqual({ from: '2025-01-01', to: '2025-12-31', granularity: 'month', kiosk: 'local' });
    expect(statisticsQueryOf({ ...filters, kiosk: '' })).toEqual({ from: '2025-01-01', to: '2025-12-31', granularity: 'month' });
  });

  it('takes filters applied while the first answer is still coming, and asks again with them', async () => {
    const { actor, calls } = startStatistics();
    const filters = { from: '2025-01-01', to: '2025-12-31', granularity: 'day', kiosk: '' } as const;
    actor.send({ type: 'filters.applied', filters });
    await settle();
    expect(calls.at(-1)).toEqual({ from: '2025-01-01', to: '2025-12-31', granularity: 'day' });
    expect(actor.getSnapshot().context.answer?.from).toBe('2025-01-01');
  });

  it('refuses a backwards, impossible or too long range before asking the hub', async () => {
    const { actor, calls } = startStatistics();
    await settle();
    actor.send({ type: 'filters.applied', filters: { from: '2026-03-10', to: '2026-03-01', granularity: 'day', kiosk: '' } });
    expect(actor.getSnapshot().context.error).toBe('code.statistics.badDate');
    actor.send({ type: 'filters.applied', filters: { from: '', to: '2026-03-01', granularity: 'day', kiosk: '' } });
    expect(actor.getSnapshot().context.error).toBe('code.statistics.badDate');
    actor.send({ type: 'filters.applied', filters: { from: '2024-01-01', to: '2026-03-01', granularity: 'day', kiosk: '' } });
    expect(actor.getSnapshot().context.error).toBe('code.statistics.rangeTooLong');
    await settle();
    expect(calls).toHaveLength(1);
    // The same range by month is fine.
    actor.send({ type: 'filters.applied', filters: { from: '2024-01-01', to: '2026-03-01', granularity: 'month', kiosk: '' } });
    await settle();
    expect(calls).toHaveLength(2);
    expect(actor.getSnapshot().context.error).toBeNull();
  });

  it('exports the answer on screen as CSV and toggles the data table', async () => {
    const { actor, saved } = startStatistics();
    actor.send({ type: 'csv.requested' });
    expect(saved).toEqual([]);
    await settle();
    actor.send({ type: 'csv.requested' });
    expect(saved).toEqual([actor.getSnapshot().context.answer]);
    expect(actor.getSnapshot().context.tableShown).toBe(false);
    actor.send({ type: 'table.toggled' });
    expect(actor.getSnapshot().context.tableShown).toBe(true);
  });

  it('shows the per-kiosk table of a year by day in pages of whole periods, the first for every new answer', async () => {
    const kiosks = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, name: id }));
    const days = Array.from({ length: 365 }, (_, i) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10));
    const year: StatisticsAnswer = {
      ...answerFor({ from: '2025-01-01', to: '2025-12-31', granularity: 'day' }),
      kiosks,
      rows: days.flatMap((period) => kiosks.map((kiosk) => ({ period, kiosk: kiosk.id, ...ZERO }))),
      periodTotals: days.map((period) => ({ period, kiosk: null, ...ZERO })),
    };
    const { actor } = startStatistics(() => year);
    await settle();
    // 33 days of six kiosks (198 rows) a page: twelve pages, the last of two days.
    expect(perKioskPageCount(year)).toBe(12);
    expect(perKioskPage(year, 0)).toMatchObject({ first: '2025-01-01', last: '2025-02-02' });
    expect(perKioskPage(year, 0).rows).toHaveLength(198);
    expect(perKioskPage(year, 11)).toMatchObject({ first: '2025-12-30', last: '2025-12-31' });
    expect(perKioskPage(year, 11).rows).toHaveLength(12);
    actor.send({ type: 'page.chosen', page: 11 });
    expect(actor.getSnapshot().context.page).toBe(11);
    for (const page of [12, -1, 1.5]) actor.send({ type: 'page.chosen', page });
    expect(actor.getSnapshot().context.page).toBe(11);
    actor.send({ type: 'filters.applied', filters: { from: '2025-01-01', to: '2025-12-31', granularity: 'day', kiosk: '' } });
    await settle();
    expect(actor.getSnapshot().context.page).toBe(0);
    // One kiosk and a month: one page.
    expect(perKioskPageCount(answerFor({ from: '2026-03-01', to: '2026-03-18', granularity: 'day' }))).toBe(1);
  });

  it('shows the hub’s refusal, and ends when the staff session has expired', async () => {
    const refused = startStatistics(refuse('statistics.unknownKiosk'));
    await settle();
    expect(refused.actor.getSnapshot().context.error).toBe('code.statistics.unknownKiosk');
    const expired = startStatistics(refuse('staff.signInRequired'));
    await settle();
    expect(expired.actor.getSnapshot().status).toBe('done');
  });
});

const REPORT: AnnualReport = {
  year: 2025, timeZone: 'Asia/Shanghai', loans: 3, returns: 2, loansAndReturns: 5, renewals: 1, distinctPatrons: 2, visits: 3,
  ebookTickets: 1, ebookDownloads: 1, newCards: 4, busiestMonth: { month: '2025-03', loansAndReturns: 5 },
  busiestKiosk: { id: 'local', name: '大厅', loansAndReturns: 5 }, offline: 0, offlineShare: 0, months: [],
};

describe('the Annual report page', () => {
  function startReport(answer: (year: number) => Promise<AnnualReport> | AnnualReport = (year) => ({ ...REPORT, year })) {
    const years: number[] = [];
    const machine = annualReportMachine.provide({
      actors: {
        readAnnualReport: fromPromise(async ({ input }: { input: { token: string; year: number } }) => {
          years.push(input.year);
          return answer(input.year);
        }),
      },
    });
    return { actor: createActor(machine, { input: { token: TOKEN, thisYear: 2026 } }).start(), years };
  }

  it('opens on last year, and loads the year chosen', async () => {
    const { actor, years } = startReport();
    await settle();
    expect(years).toEqual([2025]);
    expect(actor.getSnapshot().context.report?.year).toBe(2025);
    actor.send({ type: 'year.chosen', year: 2026 });
    await settle();
    expect(years).toEqual([2025, 2026]);
    expect(actor.getSnapshot().context.report?.year).toBe(2026);
  });

  it('takes a year chosen while the first report is still coming', async () => {
    const { actor, years } = startReport();
    actor.send({ type: 'year.chosen', year: 2024 });
    await settle();
    expect(years.at(-1)).toBe(2024);
    expect(actor.getSnapshot().context.report?.year).toBe(2024);
  });

  it('refuses a year the hub would refuse without asking, and ends on an expired session', async () => {
    const { actor, years } = startReport();
    await settle();
    actor.send({ type: 'year.chosen', year: 1999 });
    actor.send({ type: 'year.chosen', year: Number.NaN });
    await settle();
    expect(years).toEqual([2025]);
    expect(actor.getSnapshot().context.error).toBe('code.statistics.badYear');
    const expired = startReport(refuse('staff.signInRequired'));
    await settle();
    expect(expired.actor.getSnapshot().status).toBe('done');
  });
});
