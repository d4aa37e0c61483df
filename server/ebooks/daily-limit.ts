/**
 * How many `card` titles a patron took today. A title counts once per ticket however often the
 * phone downloads it (a failed download retried is not a second book). "Today" is the
 * library's calendar day in its time zone.
 */
import type { Database } from 'better-sqlite3';
import { LocalDays } from '../statistics/local-days';

export const DEFAULT_DAILY_CARD_LIMIT = 5;

export function cardTitlesToday(db: Database, patronCard: string, now: Date, timeZone: string): number {
  const dayStart = startOfLocalDay(now, timeZone);
  const row = db
    .prepare('SELECT COUNT(DISTINCT ticket_id) AS n FROM ebook_downloads WHERE patron_card = ? AND at >= ? AND at <= ?')
    .get(patronCard, dayStart.toISOString(), now.toISOString()) as { n: number };
  return row.n;
}

/** Local midnight of `now`'s day in `timeZone` (an IANA name such as Asia/Shanghai), as an instant. */
export function startOfLocalDay(now: Date, timeZone: string): Date {
  const days = new LocalDays(timeZone);
  return days.startOf(days.dayOf(now.getTime()));
}
