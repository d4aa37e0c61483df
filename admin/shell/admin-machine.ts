/**
 * The admin panel around its pages: staff sign in, work on a page, sign out. The staff token
 * lives only here, in memory: a reload or sign-out forgets it. A page whose hub call finds the
 * token expired ends itself, and staff are asked to sign in again.
 *
 * Pages are invoked machines (the e-books page for now); the nav picks one.
 */
import { assertEvent, assign, enqueueActions, fromPromise, setup } from 'xstate';
import type { StaffSignedIn } from '../../shared/api/staff-schemas';
import type { StaffMessageKey } from '../../shared/i18n/staff';
import { ebooksPageMachine } from '../ebooks/ebooks-page-machine';
import { reasonOf } from './hub-reason';
import { notProvided } from '../../shared/machines/not-provided';

export interface Credentials {
  username: string;
  password: string;
}


export type AdminEvent = { type: 'signIn.submitted'; username: string; password: string } | { type: 'signOut' };

export interface AdminContext {
  token: string | null;
  username: string | null;
  /** Why the sign-in form is showing again, or why signing in failed. */
  notice: StaffMessageKey | null;
}

/** The panel's pages, in nav order. Kiosk settings, imports and statistics will join them. */
export const ADMIN_PAGES = ['ebooks'] as const;
export type AdminPage = (typeof ADMIN_PAGES)[number];

export const adminMachine = setup({
  types: {
    context: {} as AdminContext,
    events: {} as AdminEvent,
  },
  actors: {
    staffLogin: fromPromise<StaffSignedIn, Credentials>(notProvided),
    /** Fire and forget: the hub also ends a staff token after 30 idle minutes. */
    staffLogout: fromPromise<void, { token: string }>(notProvided),
    ebooksPage: ebooksPageMachine,
  },
  actions: {
    signOut: assign((_, notice: StaffMessageKey) => ({ token: null, username: null, notice })),
    endToken: enqueueActions(({ context, enqueue }) => {
      if (context.token !== null) enqueue.spawnChild('staffLogout', { input: { token: context.token } });
    }),
  },
}).createMachine({
  id: 'admin',
  initial: 'signedOut',
  context: { token: null, username: null, notice: null },
  states: {
    signedOut: {
      on: { 'signIn.submitted': 'signingIn' },
    },
    signingIn: {
      invoke: {
        src: 'staffLogin',
        // The password goes straight to the hub; the machine never keeps it.
        input: ({ event }) => {
          assertEvent(event, 'signIn.submitted');
          return { username: event.username, password: event.password };
        },
        onDone: { target: 'signedIn', actions: assign(({ event }) => ({ token: event.output.token, username: event.output.username, notice: null })) },
        onError: { target: 'signedOut', actions: assign({ notice: ({ event }) => reasonOf(event.error) }) },
      },
    },
    signedIn: {
      initial: 'ebooks',
      on: { signOut: { target: 'signedOut', actions: ['endToken', { type: 'signOut', params: 'admin.signedOut' }] } },
      states: {
        ebooks: {
          invoke: {
            id: 'ebooks',
            src: 'ebooksPage',
            input: ({ context }) => {
              if (context.token === null) throw new Error('signed in without a token');
              return { token: context.token };
            },
            // The page ends only when the hub no longer knows the token.
            onDone: { target: '#admin.signedOut', actions: { type: 'signOut', params: 'admin.signIn.expired' } },
          },
        },
      },
    },
  },
});

export type AdminMachine = typeof adminMachine;
