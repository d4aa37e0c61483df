/**
 * The Statistics page's and the annual report's shapes. Days are the library's calendar days
 * (YYYY-MM-DD in its time zone); a period is a day, a month (YYYY-MM) or a year (YYYY).
 */
import { z } from 'zod';

export const STATISTICS_GRANULARITIES = ['day', 'month', 'year'] as const;
export const StatisticsGranularity = z.enum(STATISTICS_GRANULARITIES);
export type StatisticsGranularity = z.infer<typeof StatisticsGranularity>;

/** The longest range answered, in days: by day a year (a leap year too), by month or year ten years. */
export const MAX_RANGE_DAYS: Record<StatisticsGranularity, number> = { day: 366, month: 3660, year: 3660 };

/** A real calendar date: 2026-02-30 is refused. */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
  });

export const StatisticsQuery = z.object({
  from: LocalDate,
  to: LocalDate,
  granularity: StatisticsGranularity.default('month'),
  kiosk: z.string().min(1).max(64).optional(),
});
export type StatisticsQuery = z.input<typeof StatisticsQuery>;

export const StatisticsFigures = z.object({
  /** Successful checkouts. */
  loans: z.number().int().nonnegative(),
  /** Successful checkins. */
  returns: z.number().int().nonnegative(),
  renewals: z.number().int().nonnegative(),
  /** Refused sign-ins, checkouts, checkins and renewals. */
  refusals: z.number().int().nonnegative(),
  /** Refusals by their outcome code (shared/circulation/codes.ts), e.g. `item.notForLoan`. */
  refusalsByReason: z.record(z.string(), z.number().int().nonnegative()),
  /** QR codes issued at the e-book kiosk. */
  ebookTickets: z.number().int().nonnegative(),
  /** Files downloaded by phones from those codes. */
  ebookDownloads: z.number().int().nonnegative(),
  /** Different cards with a successful sign-in, loan, return, renewal or card e-book in the period. */
  distinctPatrons: z.number().int().nonnegative(),
  /** Loans, returns and renewals a kiosk made while the hub or ILS was unreachable. */
  offline: z.number().int().nonnegative(),
});
export type StatisticsFigures = z.infer<typeof StatisticsFigures>;

export const StatisticsRow = StatisticsFigures.extend({
  period: z.string(),
  /** The kiosk's id; null in a period's total over every kiosk. */
  kiosk: z.string().nullable(),
});
export type StatisticsRow = z.infer<typeof StatisticsRow>;

export const StatisticsKiosk = z.object({ id: z.string(), name: z.string() });
export type StatisticsKiosk = z.infer<typeof StatisticsKiosk>;

export const StatisticsAnswer = z.object({
  from: LocalDate,
  to: LocalDate,
  granularity: StatisticsGranularity,
  timeZone: z.string(),
  kiosks: z.array(StatisticsKiosk),
  /** One per period and kiosk, periods in order, every period of the range (zeros too). */
  rows: z.array(StatisticsRow),
  /** One per period over every kiosk (or the chosen one). */
  periodTotals: z.array(StatisticsRow),
  /** The whole range; distinct patrons counted once over it. */
  total: StatisticsFigures,
});
export type StatisticsAnswer = z.infer<typeof StatisticsAnswer>;

export const AnnualReportQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const MonthFigures = z.object({
  month: z.string(),
  loans: z.number().int().nonnegative(),
  returns: z.number().int().nonnegative(),
  renewals: z.number().int().nonnegative(),
});
export type MonthFigures = z.infer<typeof MonthFigures>;

export const AnnualReport = z.object({
  year: z.number().int(),
  timeZone: z.string(),
  loans: z.number().int().nonnegative(),
  returns: z.number().int().nonnegative(),
  /** Loans and returns together, the figure libraries quote first. */
  loansAndReturns: z.number().int().nonnegative(),
  renewals: z.number().int().nonnegative(),
  distinctPatrons: z.number().int().nonnegative(),
  /** A visit: one patron at one kiosk on one day with a successful sign-in or transaction. */
  visits: z.number().int().nonnegative(),
  ebookTickets: z.number().int().nonnegative(),
  ebookDownloads: z.number().int().nonnegative(),
  /** Cards created that year in the embedded library; null when patrons live in the library's own system (SIP2). */
  newCards: z.number().int().nonnegative().nullable(),
  busiestMonth: z.object({ month: z.string(), loansAndReturns: z.number().int() }).nullable(),
  busiestKiosk: z.object({ id: z.string(), name: z.string(), loansAndReturns: z.number().int() }).nullable(),
  offline: z.number().int().nonnegative(),
  /** Offline loans, returns and renewals as a share (0–1) of all of them; null in a year without any. */
  offlineShare: z.number().min(0).max(1).nullable(),
  months: z.array(MonthFigures),
});
export type AnnualReport = z.infer<typeof AnnualReport>;

/** The CSV export's header, stable for spreadsheets and scripts that read it. */
export const STATISTICS_CSV_COLUMNS = [
  'period',
  'kiosk',
  'loans',
  'returns',
  'renewals',
  'refusals',
  'ebook_tickets',
  'ebook_downloads',
  'distinct_patrons',
] as const;
