/**
 * How many different patrons were seen on a range of library-local days, at one kiosk or at all
 * of them ('' in the tables). Distinct patrons do not add up over days or kiosks, so the rollup
 * (statistics-rollup.ts) keeps them per day, month and year: a range that is one whole day, month
 * or year is one row of statistics_patron_counts; any other range is cut into the whole years,
 * months and days it is made of and their patrons counted once over all of them.
 */
import type { Database } from 'better-sqlite3';
import { nextDay } from './local-days';

/** The whole years (YYYY), then months (YYYY-MM), then days (YYYY-MM-DD) that make up from..to, in order. */
export function calendarBlocks(from: string, to: string): string[] {
  const blocks: string[] = [];
  for (let day = from; day <= to; ) {
    const year = day.slice(0, 4);
    const month = day.slice(0, 7);
    const monthEnd = lastDayOfMonth(month);
    if (day.endsWith('-01-01') && `${year}-12-31` <= to) {
      blocks.push(year);
      day = `${Number(year) + 1}-01-01`;
    } else if (day.endsWith('-01') && monthEnd <= to) {
      blocks.push(month);
      day = nextDay(monthEnd);
    } else {
      blocks.push(day);
      day = nextDay(day);
    }
  }
  return blocks;
}

function lastDayOfMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  // Day 0 of the next month is the last of this one.
  return new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
}

export class DistinctPatrons {
  private readonly known = new Map<string, number>();
  /** The length of the preloaded periods: one of those without a row had no patrons. */
  private readonly preloaded: number;
  private readonly sql;

  /** `preload`: the counts of every period of this length from..to, read at once (a year by day asks for 2,555). */
  constructor(db: Database, preload: { from: string; to: string; length: number }) {
    this.sql = {
      count: db.prepare('SELECT patrons FROM statistics_patron_counts WHERE period = ? AND kiosk_id = ?').pluck(),
      union: db
        .prepare(
          `SELECT COUNT(DISTINCT patron_hash) FROM (
             SELECT patron_hash FROM statistics_patron_periods WHERE kiosk_id = @kiosk AND period IN (SELECT value FROM json_each(@periods))
             UNION ALL
             SELECT patron_hash FROM statistics_patron_days WHERE kiosk_id = @kiosk AND day IN (SELECT value FROM json_each(@days)))`,
        )
        .pluck(),
    };
    const rows = db
      .prepare('SELECT period, kiosk_id AS kiosk, patrons FROM statistics_patron_counts WHERE period BETWEEN ? AND ? AND length(period) = ?')
      .all(preload.from.slice(0, preload.length), preload.to.slice(0, preload.length), preload.length) as { period: string; kiosk: string; patrons: number }[];
    for (const { period, kiosk, patrons } of rows) this.known.set(`${period}\t${kiosk}`, patrons);
    this.preloaded = preload.length;
  }

  /** Patrons seen from `from` to `to` (days, both counted) at `kiosk`, or at any kiosk for ''. */
  count(from: string, to: string, kiosk: string): number {
    const blocks = calendarBlocks(from, to);
    if (blocks.length === 1) return this.countOf(blocks[0]!, kiosk);
    // A day at one kiosk is in statistics_patron_days; every other block in statistics_patron_periods.
    const days = kiosk === '' ? [] : blocks.filter((block) => block.length === 10);
    const periods = kiosk === '' ? blocks : blocks.filter((block) => block.length !== 10);
    return this.sql.union.get({ kiosk, periods: JSON.stringify(periods), days: JSON.stringify(days) }) as number;
  }

  private countOf(period: string, kiosk: string): number {
    const key = `${period}\t${kiosk}`;
    let patrons = this.known.get(key);
    if (patrons === undefined) {
      patrons = period.length === this.preloaded ? 0 : ((this.sql.count.get(period, kiosk) as number | undefined) ?? 0);
      this.known.set(key, patrons);
    }
    return patrons;
  }
}
