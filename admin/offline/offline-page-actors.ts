/** The Offline transactions page machine's actors, backed by the hub. */
import { fromPromise } from 'xstate';
import type { StaffHubClient } from '../../shared/api/staff-hub-client';
import type { PageInput } from '../shell/page-machine';
import type { MarkHandledInput } from './offline-page-machine';

export function offlinePageActors(hub: StaffHubClient) {
  return {
    loadOfflineIssues: fromPromise(({ input, signal }: { input: PageInput; signal: AbortSignal }) => hub.offlineIssues(input.token, signal)),
    markOfflineIssueHandled: fromPromise(({ input, signal }: { input: MarkHandledInput; signal: AbortSignal }) => hub.markOfflineIssueHandled(input.token, input.id, signal)),
  };
}
