/**
 * The figures a library quotes in its annual report, for one calendar year in its time zone.
 * Visits: one patron at one kiosk on one day with a successful sign-in, loan, return, renewal
 * or card e-book, however many things they did there (statistics_patron_days holds exactly those).
 */
import type { Database } from 'better-sqlite3';
import type { AnnualReport } from '../../shared/statistics/schemas';
import type { LocalDays } from './local-days';
import { readStatistics } from './statistics-query';

export function annualReport(db: Database, year: number, days: LocalDays, { patronsInHub }: { patronsInHub: boolean }): AnnualReport {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const statistics = readStatistics(db, { from, to, granularity: 'month', kiosk: null }, days.timeZone);
  const { total } = statistics;

  const months = statistics.periodTotals.map(({ period, loans, returns, renewals }) => ({ month: period, loans, returns, renewals }));
  const busiestMonth = busiest(months.map((month) => ({ month: month.month, loansAndReturns: month.loans + month.returns })));

  const byKiosk = new Map<string, number>();
  for (const row of statistics.rows) byKiosk.set(row.kiosk!, (byKiosk.get(row.kiosk!) ?? 0) + row.loans + row.returns);
  const busiestKiosk = busiest(
    statistics.kiosks.map((kiosk) => ({ id: kiosk.id, name: kiosk.name, loansAndReturns: byKiosk.get(kiosk.id) ?? 0 })),
  );

  // The day-and-kiosk counts of statistics_patron_counts: how many rows statistics_patron_days has in the year.
  const visits = db
    .prepare(`SELECT TOTAL(patrons) FROM statistics_patron_counts WHERE period BETWEEN ? AND ? AND length(period) = 10 AND kiosk_id <> ''`)
    .pluck()
    .get(from, to) as number;
  const newCards = patronsInHub
    ? (db
        .prepare('SELECT COUNT(*) FROM patrons WHERE created_at >= ? AND created_at < ?')
        .pluck()
        .get(days.startOf(from).toISOString(), days.startOf(`${year + 1}-01-01`).toISOString()) as number)
    : null;
  const circulation = total.loans + total.returns + total.renewals;

  return {
    year,
    timeZone: days.timeZone,
    loans: total.loans,
    returns: total.returns,
    loansAndReturns: total.loans + total.returns,
    renewals: total.renewals,
    distinctPatrons: total.distinctPatrons,
    visits,
    ebookTickets: total.ebookTickets,
    ebookDownloads: total.ebookDownloads,
    newCards,
    busiestMonth,
    busiestKiosk,
    offline: total.offline,
    offlineShare: circulation === 0 ? null : total.offline / circulation,
    months,
  };
}

/** The entry with the most loans and returns (the first of equals); null when nothing was lent or returned. */
function busiest<T extends { loansAndReturns: number }>(entries: T[]): T | null {
  const top = entries.reduce<T | null>((best, entry) => (best === null || entry.loansAndReturns > best.loansAndReturns ? entry : best), null);
  return top && top.loansAndReturns > 0 ? top : null;
}
