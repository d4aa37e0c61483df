/**
 * The Statistics page's and the annual report's shapes. Days are the library's calendar days
 * (YYYY-MM-DD in its time zone); a period is a day, a month (YYYY-MM) or a year (YYYY).
 */
import { z } from 'zod/mini';

export const STATISTICS_GRANULARITIES = ['day', 'month', 'year'] as const;
export const StatisticsGranularity = z.enum(STATISTICS_GRANULARITIES);
export type StatisticsGranularity = z.infer<typeof StatisticsGranularity>;

/** The longest range answered, in days: by day a year (a leap year too), by month or year ten years. */
export const MAX_RANGE_DAYS: Record<StatisticsGranularity, number> = { day: 366, month: 3660, year: 3660 };

/** A real calendar date: 2026-02-30 is refused. */
export const LocalDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/),
  z.refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
  }),
);

export const StatisticsQuery = z.object({
  from: LocalDate,
  to: LocalDate,
  granularity: z._default(StatisticsGranularity, 'month'),
  kiosk: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
});
export type StatisticsQuery = z.input<typeof StatisticsQuery>;

export const StatisticsFigures = z.object({
  /** Successful checkouts. */
  loans: z.int().check(z.nonnegative()),
  /** Successful checkins. */
  returns: z.int().check(z.nonnegative()),
  renewals: z.int().check(z.nonnegative()),
  /** Refused sign-ins, checkouts, checkins and renewals. */
  refusals: z.int().check(z.nonnegative()),
  /** Refusals by their outcome code (shared/circulation/codes.ts), e.g. `item.notForLoan`. */
  refusalsByReason: z.record(z.string(), z.int().check(z.nonnegative())),
  /** QR codes issued at the e-book kiosk. */
  ebookTickets: z.int().check(z.nonnegative()),
  /** Files downloaded by phones from those codes. */
  ebookDownloads: z.int().check(z.nonnegative()),
  /** Different cards with a successful sign-in, loan, return, renewal or card e-book in the period. */
  distinctPatrons: z.int().check(z.nonnegative()),
  /** Loans, returns and renewals a kiosk made while the hub or ILS was unreachable. */
  offline: z.int().check(z.nonnegative()),
});
export type StatisticsFigures = z.infer<typeof StatisticsFigures>;

export const StatisticsRow = z.extend(StatisticsFigures, {
  period: z.string(),
  /** The kiosk's id; null in a period's total over every kiosk. */
  kiosk: z.nullable(z.string()),
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

export const AnnualReportQuery = z.object({ year: z.coerce.number().check(z.int(), z.minimum(2000), z.maximum(2100)) });

export const MonthFigures = z.object({
  month: z.string(),
  loans: z.int().check(z.nonnegative()),
  returns: z.int().check(z.nonnegative()),
  renewals: z.int().check(z.nonnegative()),
});
export type MonthFigures = z.infer<typeof MonthFigures>;

export const AnnualReport = z.object({
  year: z.int(),
  timeZone: z.string(),
  loans: z.int().check(z.nonnegative()),
  returns: z.int().check(z.nonnegative()),
  /** Loans and returns together, the figure libraries quote first. */
  loansAndReturns: z.int().check(z.nonnegative()),
  renewals: z.int().check(z.nonnegative()),
  distinctPatrons: z.int().check(z.nonnegative()),
  /** A visit: one patron at one kiosk on one day with a successful sign-in or transaction. */
  visits: z.int().check(z.nonnegative()),
  ebookTickets: z.int().check(z.nonnegative()),
  ebookDownloads: z.int().check(z.nonnegative()),
  /** Cards created that year in the embedded library; null when patrons live in the library's own system (SIP2). */
  newCards: z.nullable(z.int().check(z.nonnegative())),
  busiestMonth: z.nullable(z.object({ month: z.string(), loansAndReturns: z.int() })),
  busiestKiosk: z.nullable(z.object({ id: z.string(), name: z.string(), loansAndReturns: z.int() })),
  offline: z.int().check(z.nonnegative()),
  /** Offline loans, returns and renewals as a share (0–1) of all of them; null in a year without any. */
  offlineShare: z.nullable(z.number().check(z.minimum(0), z.maximum(1))),
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
