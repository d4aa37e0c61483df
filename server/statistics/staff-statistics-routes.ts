/**
 * The Statistics page and the annual report (admin panel). Registered in the staff scope for
 * admins and librarians; each request first rolls up what happened since the last one.
 *
 *   GET /api/admin/statistics?from&to&granularity&kiosk       figures per period and kiosk → StatisticsAnswer
 *   GET /api/admin/statistics.csv?from&to&granularity&kiosk   the same rows as CSV (UTF-8 with BOM)
 *   GET /api/admin/annual-report?year                         the year's quotable figures → AnnualReport
 */
import type { FastifyInstance } from 'fastify';
import { API } from '../../shared/api/routes';
import { statisticsCsv } from '../../shared/statistics/statistics-csv';
import { AnnualReportQuery, MAX_RANGE_DAYS, StatisticsQuery, type AnnualReport, type StatisticsAnswer } from '../../shared/statistics/schemas';
import type { HubConfig } from '../config';
import { HttpError } from '../http/http-error';
import type { HubServices } from '../hub-services';
import { annualReport } from './annual-report';
import { daysInRange } from './local-days';
import { readStatistics, statisticsKiosks, type StatisticsRange } from './statistics-query';
import { StatisticsRollup } from './statistics-rollup';

/** Clear card numbers are pruned this often even when nobody opens the statistics. */
const PRUNE_EVERY_MS = 60 * 60_000;

export function registerStaffStatisticsRoutes(app: FastifyInstance, { db, now }: HubServices, config: HubConfig): void {
  const rollup = new StatisticsRollup(db, config.timeZone, now);
  const upToDate = () => {
    rollup.catchUp();
    rollup.pruneCards();
  };
  const timer = setInterval(upToDate, PRUNE_EVERY_MS).unref();
  app.addHook('onClose', async () => clearInterval(timer));

  const statistics = (query: unknown): StatisticsAnswer => {
    const range = statisticsRange(query);
    upToDate();
    if (range.kiosk !== null && !statisticsKiosks(db).some((kiosk) => kiosk.id === range.kiosk)) {
      throw new HttpError(404, 'statistics.unknownKiosk');
    }
    return readStatistics(db, range, config.timeZone);
  };

  app.get(API.staffStatistics, async (request, reply): Promise<StatisticsAnswer> => {
    void reply.header('cache-control', 'no-store');
    return statistics(request.query);
  });

  app.get(API.staffStatisticsCsv, async (request, reply) => {
    const answer = statistics(request.query);
    void reply
      .header('cache-control', 'no-store')
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="statistics-${answer.from}-${answer.to}-${answer.granularity}.csv"`);
    return statisticsCsv(answer);
  });

  app.get(API.staffAnnualReport, async (request, reply): Promise<AnnualReport> => {
    const parsed = AnnualReportQuery.safeParse(request.query);
    if (!parsed.success) throw new HttpError(400, 'statistics.badYear');
    upToDate();
    void reply.header('cache-control', 'no-store');
    return annualReport(db, parsed.data.year, rollup.days, { patronsInHub: config.ils === 'embedded' });
  });
}

/** The query's range, or a refusal that says what is wrong with it. */
function statisticsRange(query: unknown): StatisticsRange {
  const parsed = StatisticsQuery.safeParse(query);
  if (!parsed.success) {
    const badGranularity = parsed.error.issues.some((issue) => issue.path[0] === 'granularity' || issue.path[0] === 'kiosk');
    throw new HttpError(400, badGranularity ? 'request.invalid' : 'statistics.badDate');
  }
  const { from, to, granularity, kiosk } = parsed.data;
  if (from > to) throw new HttpError(400, 'statistics.badDate');
  if (daysInRange(from, to) > MAX_RANGE_DAYS[granularity]) throw new HttpError(400, 'statistics.rangeTooLong');
  return { from, to, granularity, kiosk: kiosk ?? null };
}
