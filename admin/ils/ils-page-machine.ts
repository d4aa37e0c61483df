/**
 * The admin panel's Library system page (admins only): the ILS settings the hub runs with, read-only
 * (they come from its environment), and a Test connection that logs in to the SIP2 server and says
 * what its status reply allows.
 *
 * The hub calls are injected actors. An answer `staff.signInRequired` ends the machine in `expired`,
 * and the shell goes back to the sign-in form.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { IlsConnectionTest, IlsSettingsView } from '../../shared/api/ils-settings-schemas';
import type { StaffMessageKey } from '../../shared/i18n/staff';
import { notProvided } from '../../shared/machines/not-provided';
import { isSignInRequired, reasonOf } from '../shell/hub-reason';

export interface IlsPageContext {
  token: string;
  settings: IlsSettingsView | null;
  /** The last Test connection's answer, kept on screen until the next one. */
  test: IlsConnectionTest | null;
  error: StaffMessageKey | null;
}

export type IlsPageEvent = { type: 'test.requested' };

/** An error event's refusal, as the page's two hub calls report it. */
const errorOf = (event: unknown) => (event as { error?: unknown }).error;

export const ilsPageMachine = setup({
  types: {
    context: {} as IlsPageContext,
    events: {} as IlsPageEvent,
    input: {} as { token: string },
  },
  guards: {
    signInRequired: ({ event }) => isSignInRequired(errorOf(event)),
  },
  actions: {
    showReason: assign({ error: ({ event }) => reasonOf(errorOf(event)) }),
  },
  actors: {
    readIlsSettings: fromPromise<IlsSettingsView, { token: string }>(notProvided),
    testIlsConnection: fromPromise<IlsConnectionTest, { token: string }>(notProvided),
  },
}).createMachine({
  id: 'ilsPage',
  initial: 'loading',
  context: ({ input }) => ({ token: input.token, settings: null, test: null, error: null }),
  states: {
    loading: {
      invoke: {
        src: 'readIlsSettings',
        input: ({ context }) => ({ token: context.token }),
        onDone: { target: 'ready', actions: assign({ settings: ({ event }) => event.output, error: null }) },
        onError: [{ guard: 'signInRequired', target: 'expired' }, { target: 'ready', actions: 'showReason' }],
      },
    },
    ready: {
      on: { 'test.requested': { guard: ({ context }) => context.settings?.ils === 'sip2', target: 'testing' } },
    },
    testing: {
      invoke: {
        src: 'testIlsConnection',
        input: ({ context }) => ({ token: context.token }),
        onDone: { target: 'ready', actions: assign({ test: ({ event }) => event.output, error: null }) },
        onError: [{ guard: 'signInRequired', target: 'expired' }, { target: 'ready', actions: 'showReason' }],
      },
    },
    expired: { type: 'final' },
  },
});

export type IlsPageMachine = typeof ilsPageMachine;
