/** The Staff page machine's actors, backed by the hub. */
import { fromPromise } from 'xstate';
import type { StaffHubClient } from '../../shared/api/staff-hub-client';
import type { CreateStaffInput, ResetPasswordInput, SetDisabledInput } from './staff-page-machine';

type Call<I> = { input: I; signal: AbortSignal };

export function staffPageActors(hub: StaffHubClient) {
  return {
    loadStaff: fromPromise(({ input, signal }: Call<{ token: string }>) => hub.staffAccounts(input.token, signal)),
    createStaff: fromPromise(({ input, signal }: Call<CreateStaffInput>) => hub.createStaffAccount(input.token, input.account, signal)),
    setDisabled: fromPromise(({ input, signal }: Call<SetDisabledInput>) => hub.setStaffDisabled(input.token, input.staffId, input.disabled, signal)),
    resetPassword: fromPromise(({ input, signal }: Call<ResetPasswordInput>) => hub.resetStaffPassword(input.token, input.staffId, input.password, signal)),
  };
}
