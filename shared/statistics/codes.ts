/** Why the hub refuses a statistics or annual report request (admin panel only). */
export const STATISTICS_REFUSALS = [
  /** `from`/`to` not a calendar date YYYY-MM-DD, or `from` after `to`. */
  'statistics.badDate',
  /** More than 366 days by day, or more than 10 years by month or year. */
  'statistics.rangeTooLong',
  /** The kiosk filter names no kiosk the hub knows or has figures for. */
  'statistics.unknownKiosk',
  /** The annual report's year is not a year from 2000 to 2100. */
  'statistics.badYear',
] as const;
export type StatisticsRefusal = (typeof STATISTICS_REFUSALS)[number];
