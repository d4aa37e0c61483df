/** The Labels page machine's actors, backed by the hub. */
import { fromPromise } from 'xstate';
import type { StaffHubClient } from '../../shared/api/staff-hub-client';
import type { LabelSettings } from '../../shared/import/label-schemas';
import type { LabelSource } from './labels-page-machine';

export function labelsPageActors(hub: StaffHubClient) {
  return {
    readLabels: fromPromise(({ input, signal }: { input: { token: string; source: LabelSource; offset: number }; signal: AbortSignal }) =>
      hub.labels(input.token, input.source, input.offset, signal),
    ),
    saveLabelSettings: fromPromise(({ input, signal }: { input: { token: string; settings: LabelSettings }; signal: AbortSignal }) => hub.saveLabelSettings(input.token, input.settings, signal)),
  };
}
