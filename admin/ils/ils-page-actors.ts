/** The Library system page machine's actors, backed by the hub. */
import { fromPromise } from 'xstate';
import type { IlsSettingsInput } from '../../shared/api/ils-settings-schemas';
import type { StaffHubClient } from '../../shared/api/staff-hub-client';

interface FormInput {
  input: { token: string; settings: IlsSettingsInput };
  signal: AbortSignal;
}

export function ilsPageActors(hub: StaffHubClient) {
  return {
    readIlsSettings: fromPromise(({ input, signal }: { input: { token: string }; signal: AbortSignal }) => hub.ilsSettings(input.token, signal)),
    saveIlsSettings: fromPromise(({ input, signal }: FormInput) => hub.saveIlsSettings(input.token, input.settings, signal)),
    testIlsConnection: fromPromise(({ input, signal }: FormInput) => hub.testIlsConnection(input.token, input.settings, signal)),
  };
}
