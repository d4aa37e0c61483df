/**
 * A statistics period (YYYY-MM-DD, YYYY-MM or YYYY) and a count as staff read them in their
 * language. The formatters are made once: a year by day for six kiosks formats 20,000 numbers.
 */
import type { Language } from '../../shared/api/schemas';

const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let found = formatters.get(key) as T | undefined;
  if (!found) {
    found = make();
    formatters.set(key, found);
  }
  return found;
}

export function formatPeriod(period: string, language: Language): string {
  if (period.length === 4) return language === 'zh-CN' ? `${period}年` : period;
  const month = period.length === 7;
  const format = formatter(`${language}:${month ? 'month' : 'day'}`, () =>
    new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', ...(month ? {} : { day: 'numeric' }), timeZone: 'UTC' }),
  );
  // Noon UTC of the period's first day, formatted in UTC: the same calendar day wherever the browser is.
  return format.format(new Date(`${month ? `${period}-01` : period}T12:00:00Z`));
}

/**
 * A chart's tick: the period without its year when the tick before it (`previous`) is in the same
 * year, so twelve months fit under a chart; the chart's table has every period in full.
 */
export function formatTick(period: string, language: Language, previous: string | null): string {
  if (period.length === 4 || previous === null || previous.slice(0, 4) !== period.slice(0, 4)) return formatPeriod(period, language);
  const month = period.length === 7;
  const format = formatter(`${language}:tick:${month ? 'month' : 'day'}`, () =>
    new Intl.DateTimeFormat(language, { month: 'short', ...(month ? {} : { day: 'numeric' }), timeZone: 'UTC' }),
  );
  return format.format(new Date(`${month ? `${period}-01` : period}T12:00:00Z`));
}

export function formatCount(count: number, language: Language): string {
  return formatter(`${language}:count`, () => new Intl.NumberFormat(language)).format(count);
}
