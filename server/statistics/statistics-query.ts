/**
 * The figures for a range of library-local days, by day, month or year, per kiosk and in total,
 * read from the rollup tables (statistics-rollup.ts). A period that the range cuts (a month from
 * the 15th) counts only the days inside the range.
 */
import type { Database } from 'better-sqlite3';
import type { StatisticsAnswer, StatisticsFigures, StatisticsGranularity, StatisticsKiosk, StatisticsRow } from '../../shared/statistics/schemas';
import { nextDay } from './local-days';

export interface StatisticsRange {
  from: string;
  to: string;
  granularity: StatisticsGranularity;
  /** Only this kiosk; every kiosk when null. */
  kiosk: string | null;
}

/** How many characters of a day (YYYY-MM-DD) name its period. */
const PERIOD_LENGTH: Record<StatisticsGranularity, number> = { day: 10, month: 7, year: 4 };

interface CountRow {
  period: string;
  kiosk: string;
  event: string;
  result: 'ok' | 'refused';
  code: string;
  offline: number;
  count: number;
}

export function emptyFigures(): StatisticsFigures {
  return { loans: 0, returns: 0, renewals: 0, refusals: 0, refusalsByReason: {}, ebookTickets: 0, ebookDownloads: 0, distinctPatrons: 0, offline: 0 };
}

/** Every kiosk the hub knows, and any that only the figures still name (a kiosk since removed). */
export function statisticsKiosks(db: Database): StatisticsKiosk[] {
  return db
    .prepare(
      `SELECT id, name FROM kiosks
       UNION SELECT DISTINCT kiosk_id, kiosk_id FROM statistics_daily WHERE kiosk_id NOT IN (SELECT id FROM kiosks)
       ORDER BY id`,
    )
    .all() as StatisticsKiosk[];
}

export function readStatistics(db: Database, range: StatisticsRange, timeZone: string): StatisticsAnswer {
  const length = PERIOD_LENGTH[range.granularity];
  const kiosks = statisticsKiosks(db).filter((kiosk) => range.kiosk === null || kiosk.id === range.kiosk);
  const periods = periodsOf(range.from, range.to, length);
  const kioskFilter = range.kiosk === null ? '' : 'AND kiosk_id = @kiosk';
  const params = { from: range.from, to: range.to, length, kiosk: range.kiosk };

  const rows = new Map<string, StatisticsRow>();
  const totals = new Map<string, StatisticsRow>();
  for (const period of periods) {
    totals.set(period, { period, kiosk: null, ...emptyFigures() });
    for (const kiosk of kiosks) rows.set(`${period}\t${kiosk.id}`, { period, kiosk: kiosk.id, ...emptyFigures() });
  }
  const total = emptyFigures();

  const counts = db
    .prepare(
      `SELECT substr(day, 1, @length) AS period, kiosk_id AS kiosk, event, result, code, offline, SUM(count) AS count
         FROM statistics_daily WHERE day BETWEEN @from AND @to ${kioskFilter}
        GROUP BY period, kiosk_id, event, result, code, offline`,
    )
    .all(params) as CountRow[];
  for (const count of counts) {
    for (const figures of [rows.get(`${count.period}\t${count.kiosk}`), totals.get(count.period), total]) {
      if (figures) addCount(figures, count);
    }
  }

  // Distinct patrons do not add up: each level is counted from the patron days itself.
  const distinct = (columns: string[]) =>
    db.prepare(
      `SELECT ${[...columns, 'COUNT(DISTINCT patron_hash) AS patrons'].join(', ')}
         FROM statistics_patron_days WHERE day BETWEEN @from AND @to ${kioskFilter}
         ${columns.length > 0 ? `GROUP BY ${columns.map((_, index) => index + 1).join(', ')}` : ''}`,
    );
  const perKiosk = distinct(['substr(day, 1, @length) AS period', 'kiosk_id AS kiosk']).all(params) as { period: string; kiosk: string; patrons: number }[];
  for (const { period, kiosk, patrons } of perKiosk) {
    const row = rows.get(`${period}\t${kiosk}`);
    if (row) row.distinctPatrons = patrons;
  }
  for (const { period, patrons } of distinct(['substr(day, 1, @length) AS period']).all(params) as { period: string; patrons: number }[]) {
    const row = totals.get(period);
    if (row) row.distinctPatrons = patrons;
  }
  total.distinctPatrons = (distinct([]).get(params) as { patrons: number }).patrons;

  return {
    from: range.from,
    to: range.to,
    granularity: range.granularity,
    timeZone,
    kiosks,
    rows: [...rows.values()],
    periodTotals: [...totals.values()],
    total,
  };
}

/** The periods from `from` to `to` in order, each named by its first `length` characters. */
function periodsOf(from: string, to: string, length: number): string[] {
  const periods: string[] = [];
  for (let day = from; day <= to; day = nextDay(day)) {
    const period = day.slice(0, length);
    if (periods[periods.length - 1] !== period) periods.push(period);
  }
  return periods;
}

function addCount(figures: StatisticsFigures, { event, result, code, offline, count }: CountRow): void {
  if (result === 'refused') {
    figures.refusals += count;
    figures.refusalsByReason[code] = (figures.refusalsByReason[code] ?? 0) + count;
    return;
  }
  if (event === 'checkout') figures.loans += count;
  else if (event === 'checkin') figures.returns += count;
  else if (event === 'renew') figures.renewals += count;
  else if (event === 'ebookTicket') figures.ebookTickets += count;
  else if (event === 'ebookDownload') figures.ebookDownloads += count;
  if (offline === 1 && (event === 'checkout' || event === 'checkin' || event === 'renew')) figures.offline += count;
}
