/**
 * The per-kiosk table in pages of whole periods, about 200 rows each: a year by day for six
 * kiosks is 2,190 rows, which take the browser longer to lay out than the whole answer takes to
 * count, and nobody reads them all on screen (the CSV has them all).
 */
import type { StatisticsAnswer, StatisticsRow } from '../../shared/statistics/schemas';

const ROWS_PER_PAGE = 200;

/** How many periods a page holds: at least one, however many kiosks. */
function periodsPerPage(answer: StatisticsAnswer): number {
  return Math.max(1, Math.floor(ROWS_PER_PAGE / Math.max(1, answer.kiosks.length)));
}

export function perKioskPageCount(answer: StatisticsAnswer): number {
  return Math.max(1, Math.ceil(answer.periodTotals.length / periodsPerPage(answer)));
}

/** The rows of page `page` (from 0) and its first and last period. */
export function perKioskPage(answer: StatisticsAnswer, page: number): { rows: StatisticsRow[]; first: string; last: string } {
  const size = periodsPerPage(answer);
  const periods = answer.periodTotals.slice(page * size, (page + 1) * size).map((row) => row.period);
  const shown = new Set(periods);
  return { rows: answer.rows.filter((row) => shown.has(row.period)), first: periods[0] ?? '', last: periods[periods.length - 1] ?? '' };
}
