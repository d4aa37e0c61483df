/** The Statistics page machine's actors and its CSV download, backed by the hub and the browser. */
import { fromPromise } from 'xstate';
import type { StaffHubClient } from '../../shared/api/staff-hub-client';
import type { StatisticsAnswer, StatisticsQuery } from '../../shared/statistics/schemas';
import { statisticsCsv } from '../../shared/statistics/statistics-csv';

export function statisticsPageActors(hub: StaffHubClient) {
  return {
    readStatistics: fromPromise(({ input, signal }: { input: { token: string; query: StatisticsQuery }; signal: AbortSignal }) =>
      hub.statistics(input.token, input.query, signal),
    ),
  };
}

/** The same file the hub's statistics.csv route sends, made from the answer on screen. */
export function statisticsPageActions() {
  return {
    saveCsv: (_: unknown, answer: StatisticsAnswer) => {
      const url = URL.createObjectURL(new Blob([statisticsCsv(answer)], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `statistics-${answer.from}-${answer.to}-${answer.granularity}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  };
}
