/** The Statistics page's filters as the form holds them, and the hub query they make. */
import { MAX_RANGE_DAYS, StatisticsQuery, type StatisticsGranularity } from '../../shared/statistics/schemas';
import type { StaffMessageKey } from '../../shared/i18n/staff';

export interface StatisticsFilters {
  from: string;
  to: string;
  granularity: StatisticsGranularity;
  /** '' for every kiosk. */
  kiosk: string;
}

/** This month so far, by day: what staff look at first. */
export function defaultFilters(today: string): StatisticsFilters {
  return { from: `${today.slice(0, 8)}01`, to: today, granularity: 'day', kiosk: '' };
}

export function statisticsQueryOf(filters: StatisticsFilters): StatisticsQuery {
  return { from: filters.from, to: filters.to, granularity: filters.granularity, ...(filters.kiosk ? { kiosk: filters.kiosk } : {}) };
}

/** What the hub would refuse, said before asking it (the hub checks again). */
export function filtersProblem(filters: StatisticsFilters): StaffMessageKey | null {
  const parsed = StatisticsQuery.safeParse(statisticsQueryOf(filters));
  if (!parsed.success || filters.from > filters.to) return 'code.statistics.badDate';
  const days = (Date.parse(filters.to) - Date.parse(filters.from)) / 86_400_000 + 1;
  return days > MAX_RANGE_DAYS[filters.granularity] ? 'code.statistics.rangeTooLong' : null;
}

/** Today's date (YYYY-MM-DD) where the browser is. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
