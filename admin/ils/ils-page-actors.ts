/** The Library system page machine's actors, backed by the hub. */
import { fromPromise } from 'xstate';
import type { StaffHubClient } from '../../shared/api/staff-hub-client';

export function ilsPageActors(hub: StaffHubClient) {
  return {
    readIlsSettings: fromPromise(({ input, signal }: { input: { token: string }; signal: AbortSignal }) => hub.ilsSettings(input.token, signal)),
    testIlsConnection: fromPromise(({ input, signal }: { input: { token: string }; signal: AbortSignal }) => hub.testIlsConnection(input.token, signal)),
  };
}
