/** A statistics period (YYYY-MM-DD, YYYY-MM or YYYY) and a count as staff read them in their language. */
import type { Language } from '../../shared/api/schemas';

export function formatPeriod(period: string, language: Language): string {
  if (period.length === 4) return language === 'zh-CN' ? `${period}年` : period;
  const options: Intl.DateTimeFormatOptions = period.length === 7 ? { year: 'numeric', month: 'short' } : { year: 'numeric', month: 'short', day: 'numeric' };
  // Noon UTC of the period's first day: the same calendar day in every time zone the browser may be in.
  const date = new Date(`${period.length === 7 ? `${period}-01` : period}T12:00:00Z`);
  return new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' }).format(date);
}

export function formatCount(count: number, language: Language): string {
  return new Intl.NumberFormat(language).format(count);
}
