/**
 * The figures for a range of library-local days, by day, month or year, per kiosk and in total,
 * read from the rollup tables (statistics-rollup.ts). A period that the range cuts (a month from
 * the 15th) counts only the days inside the range.
 */
import type { Database } from 'better-sqlite3';
import type { StatisticsAnswer, StatisticsFigures, StatisticsGranularity, StatisticsKiosk, StatisticsRow } from '../../shared/statistics/schemas';
import { DistinctPatrons } from './distinct-patrons';
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

/** The figures of one day at one kiosk, added up in SQL. */
interface FigureRow {
  day: string;
  kiosk: string;
  loans: number;
  returns: number;
  renewals: number;
  refusals: number;
  ebookTickets: number;
  ebookDownloads: number;
  offline: number;
}

const SUMMED = ['loans', 'returns', 'renewals', 'refusals', 'ebookTickets', 'ebookDownloads', 'offline'] as const;

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
  const params = { from: range.from, to: range.to, kiosk: range.kiosk };

  const rows = new Map<string, StatisticsRow>();
  const totals = new Map<string, StatisticsRow>();
  for (const { period } of periods) {
    totals.set(period, { period, kiosk: null, ...emptyFigures() });
    for (const kiosk of kiosks) rows.set(`${period}\t${kiosk.id}`, { period, kiosk: kiosk.id, ...emptyFigures() });
  }
  const total = emptyFigures();

  // Added up by day and kiosk in SQL, in the table's key order (no sorting), then into periods here.
  const figures = db
    .prepare(
      `SELECT day, kiosk_id AS kiosk,
              TOTAL(count) FILTER (WHERE result = 'ok' AND event = 'checkout') AS loans,
              TOTAL(count) FILTER (WHERE result = 'ok' AND event = 'checkin') AS returns,
              TOTAL(count) FILTER (WHERE result = 'ok' AND event = 'renew') AS renewals,
              TOTAL(count) FILTER (WHERE result = 'refused') AS refusals,
              TOTAL(count) FILTER (WHERE result = 'ok' AND event = 'ebookTicket') AS ebookTickets,
              TOTAL(count) FILTER (WHERE result = 'ok' AND event = 'ebookDownload') AS ebookDownloads,
              TOTAL(count) FILTER (WHERE result = 'ok' AND offline = 1 AND event IN ('checkout', 'checkin', 'renew')) AS offline
         FROM statistics_daily WHERE day BETWEEN @from AND @to ${kioskFilter}
        GROUP BY day, kiosk_id`,
    )
    .all(params) as FigureRow[];
  for (const figure of figures) {
    const period = figure.day.slice(0, length);
    for (const sum of [rows.get(`${period}\t${figure.kiosk}`), totals.get(period), total]) {
      if (sum) for (const name of SUMMED) sum[name] += figure[name];
    }
  }
  const reasons = db
    .prepare(
      `SELECT day, kiosk_id AS kiosk, code, SUM(count) AS count
         FROM statistics_daily WHERE day BETWEEN @from AND @to ${kioskFilter} AND result = 'refused'
        GROUP BY day, kiosk_id, code`,
    )
    .all(params) as { day: string; kiosk: string; code: string; count: number }[];
  for (const { day, kiosk, code, count } of reasons) {
    const period = day.slice(0, length);
    for (const sum of [rows.get(`${period}\t${kiosk}`), totals.get(period), total]) {
      if (sum) sum.refusalsByReason[code] = (sum.refusalsByReason[code] ?? 0) + count;
    }
  }

  // Distinct patrons do not add up: each level is counted over its own days (a cut period only those in the range).
  const patrons = new DistinctPatrons(db, { from: range.from, to: range.to, length });
  const everyKiosk = range.kiosk ?? '';
  for (const { period, from, to } of periods) {
    for (const kiosk of kiosks) rows.get(`${period}\t${kiosk.id}`)!.distinctPatrons = patrons.count(from, to, kiosk.id);
    totals.get(period)!.distinctPatrons = patrons.count(from, to, everyKiosk);
  }
  total.distinctPatrons = patrons.count(range.from, range.to, everyKiosk);

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

/** The periods from `from` to `to` in order, each named by its first `length` characters, with its days inside the range. */
function periodsOf(from: string, to: string, length: number): { period: string; from: string; to: string }[] {
  const periods: { period: string; from: string; to: string }[] = [];
  for (let day = from; day <= to; day = nextDay(day)) {
    const period = day.slice(0, length);
    const last = periods[periods.length - 1];
    if (last?.period === period) last.to = day;
    else periods.push({ period, from: day, to: day });
  }
  return periods;
}
