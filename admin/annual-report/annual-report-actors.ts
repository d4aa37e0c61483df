/** The Annual report page machine's actor, backed by the hub. */
import { fromPromise } from 'xstate';
import type { StaffHubClient } from '../../shared/api/staff-hub-client';

export function annualReportActors(hub: StaffHubClient) {
  return {
    readAnnualReport: fromPromise(({ input, signal }: { input: { token: string; year: number }; signal: AbortSignal }) =>
      hub.annualReport(input.token, input.year, signal),
    ),
  };
}
