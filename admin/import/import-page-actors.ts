/** The Import page machine's actors, backed by the hub. */
import { fromPromise } from 'xstate';
import type { StaffHubClient } from '../../shared/api/staff-hub-client';
import type { ImportRequest } from './import-page-machine';

export function importPageActors(hub: StaffHubClient) {
  return {
    uploadImport: fromPromise(({ input, signal }: { input: { token: string; request: ImportRequest }; signal: AbortSignal }) => hub.uploadImport(input.token, input.request, signal)),
    readImportJob: fromPromise(({ input, signal }: { input: { token: string; id: string }; signal: AbortSignal }) => hub.importJob(input.token, input.id, signal)),
    confirmImport: fromPromise(({ input, signal }: { input: { token: string; id: string }; signal: AbortSignal }) => hub.confirmImport(input.token, input.id, signal)),
  };
}
