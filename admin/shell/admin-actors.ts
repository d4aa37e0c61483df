/** The shell's actors, backed by the hub: staff sign-in and each page's own hub actors. */
import { fromPromise } from 'xstate';
import type { StaffHubClient } from '../../shared/api/staff-hub-client';
import { ebooksPageActors } from '../ebooks/ebooks-page-actors';
import { ebooksPageMachine } from '../ebooks/ebooks-page-machine';
import type { Credentials } from './admin-machine';

export function adminActors(hub: StaffHubClient) {
  return {
    staffLogin: fromPromise(({ input, signal }: { input: Credentials; signal: AbortSignal }) => hub.staffLogin(input.username, input.password, signal)),
    staffLogout: fromPromise(async ({ input }: { input: { token: string } }) => hub.staffLogout(input.token).catch(() => undefined)),
    ebooksPage: ebooksPageMachine.provide({ actors: ebooksPageActors(hub) }),
  };
}
