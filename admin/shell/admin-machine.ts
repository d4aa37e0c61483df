/**
 * The admin panel around its pages: staff sign in, work on a page, sign out. The staff token
 * is kept in the page's sessionStorage (injected `rememberToken`/`forgetToken`), so a reload
 * asks the hub who it belongs to and carries on; closing the tab or signing out forgets it.
 * A sign-in whose password an admin set must choose a new one before any page opens. A page
 * whose hub call finds the token expired ends itself, and staff are asked to sign in again.
 *
 * Pages are invoked machines; the nav picks one. Kiosks, Profiles, Staff, Audit log and Library system are for admins only;
 * librarians have E-books, Patrons, Import, Labels, Statistics, the Annual report and Offline transactions.
 */
import { assertEvent, assign, fromPromise, setup, spawnChild } from 'xstate';
import type { StaffRole, StaffSignedIn, StaffWhoAmI } from '../../shared/api/staff-schemas';
import type { StaffMessageKey } from '../../shared/i18n/staff';
import { notProvided } from '../../shared/machines/not-provided';
import { passwordProblem } from '../../shared/staff/password-rule';
import { auditPageMachine } from '../audit/audit-page-machine';
import { ebooksPageMachine } from '../ebooks/ebooks-page-machine';
import { annualReportMachine } from '../annual-report/annual-report-machine';
import { ilsPageMachine } from '../ils/ils-page-machine';
import { kiosksPageMachine } from '../kiosks/kiosks-page-machine';
import { offlinePageMachine } from '../offline/offline-page-machine';
import { profilesPageMachine } from '../profiles/profiles-page-machine';
import { importPageMachine } from '../import/import-page-machine';
import { labelsPageMachine } from '../labels/labels-page-machine';
import { patronsPageMachine } from '../patrons/patrons-page-machine';
import { statisticsPageMachine } from '../statistics/statistics-page-machine';
import { staffPageMachine } from '../staff/staff-page-machine';
import { isSignInRequired, reasonOf } from './hub-reason';

export interface Credentials {
  username: string;
  password: string;
}

export interface NewPasswordInput {
  token: string;
  newPassword: string;
}

export type AdminEvent =
  | { type: 'signIn.submitted'; username: string; password: string }
  | { type: 'password.submitted'; newPassword: string; repeated: string }
  /** `importId`: the Labels page opened from an import's result, for its items. */
  | { type: 'nav.chosen'; page: AdminPage; importId?: string }
  | { type: 'signOut' };

export interface AdminContext {
  token: string | null;
  username: string | null;
  role: StaffRole | null;
  /** Why the sign-in or the new-password form is showing again, or why it failed. */
  notice: StaffMessageKey | null;
}

/** The panel's pages, in nav order. Kiosk settings, imports and statistics will join them. */
export const ADMIN_PAGES = ['ebooks', 'patrons', 'import', 'labels', 'statistics', 'annualReport', 'offline', 'kiosks', 'profiles', 'staff', 'audit', 'ils'] as const;
export type AdminPage = (typeof ADMIN_PAGES)[number];

/** What each role may open; the hub checks the same on every route. */
export const PAGES_FOR: Record<StaffRole, readonly AdminPage[]> = {
  admin: ADMIN_PAGES,
  librarian: ['ebooks', 'patrons', 'import', 'labels', 'statistics', 'annualReport', 'offline'],
};

const signedInAs = ({ context }: { context: AdminContext }) => {
  if (context.token === null || context.username === null) throw new Error('signed in without a token');
  return { token: context.token, username: context.username };
};
/** A page's input when the staff token is all it needs. */
const tokenOnly = (args: { context: AdminContext }) => ({ token: signedInAs(args).token });

/** Every page ends only when the hub no longer knows the token. */
/** Signing out ends the token at the hub too (choosing a new password included). */
const SIGN_OUT = { target: '#admin.signedOut', actions: ['endToken', { type: 'signOut', params: 'admin.signedOut' }, 'forgetToken'] } as const;
const PAGE_ENDED = { target: '#admin.signedOut', actions: [{ type: 'signOut', params: 'admin.signIn.expired' }, 'forgetToken'] } as const;

export const adminMachine = setup({
  types: {
    context: {} as AdminContext,
    events: {} as AdminEvent,
  },
  actors: {
    /** The remembered token's session, or null when there is none or the hub no longer knows it. */
    restoreSession: fromPromise<StaffSignedIn | null>(notProvided),
    staffLogin: fromPromise<StaffSignedIn, Credentials>(notProvided),
    changeOwnPassword: fromPromise<StaffWhoAmI, NewPasswordInput>(notProvided),
    /** Fire and forget: the hub also ends a staff token after 30 idle minutes. */
    staffLogout: fromPromise<void, { token: string }>(notProvided),
    ebooksPage: ebooksPageMachine,
    staffPage: staffPageMachine,
    auditPage: auditPageMachine,
    ilsPage: ilsPageMachine,
    patronsPage: patronsPageMachine,
    statisticsPage: statisticsPageMachine,
    annualReportPage: annualReportMachine,
    importPage: importPageMachine,
    labelsPage: labelsPageMachine,
    kiosksPage: kiosksPageMachine,
    offlinePage: offlinePageMachine,
    profilesPage: profilesPageMachine,
  },
  actions: {
    /** Keeps `context.token` where a reload finds it (injected: sessionStorage). */
    rememberToken: () => {},
    forgetToken: () => {},
    signedIn: assign((_, signedIn: StaffSignedIn) => ({ token: signedIn.token, username: signedIn.username, role: signedIn.role, notice: null })),
    signOut: assign((_, notice: StaffMessageKey | null) => ({ token: null, username: null, role: null, notice })),
    endToken: spawnChild('staffLogout', { input: ({ context }) => ({ token: context.token ?? '' }) }),
    showNotice: assign((_, notice: StaffMessageKey) => ({ notice })),
  },
  guards: {
    /** The nav asked for `page`, and this role may open it. */
    opens: ({ context, event }, page: AdminPage) =>
      event.type === 'nav.chosen' && event.page === page && context.role !== null && PAGES_FOR[context.role].includes(page),
  },
}).createMachine({
  id: 'admin',
  initial: 'restoring',
  context: { token: null, username: null, role: null, notice: null },
  states: {
    restoring: {
      invoke: {
        src: 'restoreSession',
        onDone: [
          { guard: ({ event }) => event.output === null, target: 'signedOut', actions: 'forgetToken' },
          { guard: ({ event }) => event.output!.passwordChangeRequired, target: 'choosingPassword', actions: { type: 'signedIn', params: ({ event }) => event.output! } },
          { target: 'signedIn', actions: { type: 'signedIn', params: ({ event }) => event.output! } },
        ],
        onError: 'signedOut',
      },
    },
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
        onDone: [
          {
            guard: ({ event }) => event.output.passwordChangeRequired,
            target: 'choosingPassword',
            actions: [{ type: 'signedIn', params: ({ event }) => event.output }, 'rememberToken'],
          },
          { target: 'signedIn', actions: [{ type: 'signedIn', params: ({ event }) => event.output }, 'rememberToken'] },
        ],
        onError: { target: 'signedOut', actions: { type: 'showNotice', params: ({ event }) => reasonOf(event.error) } },
      },
    },
    choosingPassword: {
      on: {
        signOut: SIGN_OUT,
        'password.submitted': [
          { guard: ({ event }) => event.newPassword !== event.repeated, actions: { type: 'showNotice', params: 'admin.password.mismatch' } },
          // The rule is checked here first, so the form answers at once; the hub checks it again.
          {
            guard: ({ event }) => passwordProblem(event.newPassword) !== null,
            actions: { type: 'showNotice', params: ({ event }) => `code.${passwordProblem(event.newPassword)!}` as const },
          },
          { target: 'savingPassword' },
        ],
      },
    },
    savingPassword: {
      invoke: {
        src: 'changeOwnPassword',
        input: ({ context, event }) => {
          assertEvent(event, 'password.submitted');
          return { token: context.token!, newPassword: event.newPassword };
        },
        onDone: { target: 'signedIn', actions: assign({ notice: null }) },
        onError: [
          { guard: ({ event }) => isSignInRequired(event.error), target: 'signedOut', actions: [{ type: 'signOut', params: 'admin.signIn.expired' }, 'forgetToken'] },
          { target: 'choosingPassword', actions: { type: 'showNotice', params: ({ event }) => reasonOf(event.error) } },
        ],
      },
    },
    signedIn: {
      initial: 'ebooks',
      on: {
        signOut: SIGN_OUT,
        'nav.chosen': [
          { guard: { type: 'opens', params: 'ebooks' }, target: '.ebooks' },
          { guard: { type: 'opens', params: 'staff' }, target: '.staff' },
          { guard: { type: 'opens', params: 'audit' }, target: '.audit' },
          { guard: { type: 'opens', params: 'ils' }, target: '.ils' },
          { guard: { type: 'opens', params: 'statistics' }, target: '.statistics' },
          { guard: { type: 'opens', params: 'annualReport' }, target: '.annualReport' },
          { guard: { type: 'opens', params: 'patrons' }, target: '.patrons' },
          { guard: { type: 'opens', params: 'import' }, target: '.import' },
          { guard: { type: 'opens', params: 'kiosks' }, target: '.kiosks' },
          { guard: { type: 'opens', params: 'offline' }, target: '.offline' },
          { guard: { type: 'opens', params: 'profiles' }, target: '.profiles' },
          { guard: { type: 'opens', params: 'labels' }, target: '.labels', reenter: true },
        ],
      },
      states: {
        ebooks: { invoke: { id: 'ebooks', src: 'ebooksPage', input: tokenOnly, onDone: PAGE_ENDED } },
        staff: { invoke: { id: 'staff', src: 'staffPage', input: signedInAs, onDone: PAGE_ENDED } },
        audit: { invoke: { id: 'audit', src: 'auditPage', input: tokenOnly, onDone: PAGE_ENDED } },
        ils: { invoke: { id: 'ils', src: 'ilsPage', input: tokenOnly, onDone: PAGE_ENDED } },
        statistics: { invoke: { id: 'statistics', src: 'statisticsPage', input: tokenOnly, onDone: PAGE_ENDED } },
        patrons: { invoke: { id: 'patrons', src: 'patronsPage', input: tokenOnly, onDone: PAGE_ENDED } },
        annualReport: { invoke: { id: 'annualReport', src: 'annualReportPage', input: tokenOnly, onDone: PAGE_ENDED } },
        import: { invoke: { id: 'import', src: 'importPage', input: tokenOnly, onDone: PAGE_ENDED } },
        kiosks: { invoke: { id: 'kiosks', src: 'kiosksPage', input: tokenOnly, onDone: PAGE_ENDED } },
        offline: { invoke: { id: 'offline', src: 'offlinePage', input: tokenOnly, onDone: PAGE_ENDED } },
        profiles: { invoke: { id: 'profiles', src: 'profilesPage', input: tokenOnly, onDone: PAGE_ENDED } },
        labels: {
          invoke: {
            id: 'labels',
            src: 'labelsPage',
            input: (args) => {
              const importId = args.event.type === 'nav.chosen' ? args.event.importId : undefined;
              return { token: signedInAs(args).token, ...(importId ? { importId } : {}) };
            },
            onDone: PAGE_ENDED,
          },
        },
      },
    },
  },
});

export type AdminMachine = typeof adminMachine;
