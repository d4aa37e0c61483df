/**
 * The admin panel's Offline transactions page (librarians and admins): what kiosks did while cut
 * off from the hub that the hub or the library system did not take as made, newest first, until a
 * member of staff marks each handled (no confirmation: the hub keeps who and when, and the audit log).
 *
 * The hub calls are injected actors. An answer `staff.signInRequired` ends the machine in `expired`,
 * and the shell goes back to the sign-in form.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { OfflineIssue, OfflineIssueList } from '../../shared/api/offline-staff-schemas';
import type { StaffMessageKey } from '../../shared/i18n/staff';
import { notProvided } from '../../shared/machines/not-provided';
import { loadErrorOf, loadingStates, refusalOf, signInExpired, tokenInput, type PageInput, type PageNotice } from '../shell/page-machine';

export interface MarkHandledInput extends PageInput {
  id: number;
}

export type OfflinePageEvent = { type: 'list.reload' } | { type: 'issue.handled'; id: number };

export interface OfflinePageContext extends PageInput {
  issues: OfflineIssue[];
  loadError: StaffMessageKey | null;
  notice: PageNotice | null;
  /** The issue being marked handled. */
  handling: number | null;
}

const SIGN_IN_EXPIRED = signInExpired('offlinePage');

export const offlinePageMachine = setup({
  types: {
    context: {} as OfflinePageContext,
    events: {} as OfflinePageEvent,
    input: {} as PageInput,
  },
  actors: {
    loadOfflineIssues: fromPromise<OfflineIssueList, PageInput>(notProvided),
    markOfflineIssueHandled: fromPromise<undefined, MarkHandledInput>(notProvided),
  },
  actions: {
    keepLoaded: assign(({ event }) => ({ issues: (event as unknown as { output: OfflineIssueList }).output.issues, loadError: null })),
    showLoadError: assign(({ event }) => ({ loadError: loadErrorOf(event) })),
    refuse: assign(({ event }) => ({ notice: refusalOf(event) })),
  },
}).createMachine({
  id: 'offlinePage',
  initial: 'loading',
  context: ({ input }) => ({ token: input.token, issues: [], loadError: null, notice: null, handling: null }),
  states: {
    ...loadingStates('offlinePage', 'loadOfflineIssues'),
    ready: {
      initial: 'idle',
      states: {
        idle: {
          on: {
            'list.reload': 'refreshing',
            'issue.handled': {
              guard: ({ context, event }) => context.issues.some((issue) => issue.id === event.id),
              target: 'handling',
              actions: assign({ handling: ({ event }) => event.id }),
            },
          },
        },
        refreshing: {
          invoke: {
            src: 'loadOfflineIssues',
            input: tokenInput,
            onDone: { target: 'idle', actions: 'keepLoaded' },
            onError: [SIGN_IN_EXPIRED, { target: 'idle', actions: 'refuse' }],
          },
        },
        handling: {
          entry: assign({ notice: null }),
          invoke: {
            src: 'markOfflineIssueHandled',
            input: ({ context }) => ({ token: context.token, id: context.handling ?? 0 }),
            onDone: {
              target: 'idle',
              actions: assign(({ context }) => {
                const handled = context.issues.find((issue) => issue.id === context.handling);
                return {
                  issues: context.issues.filter((issue) => issue !== handled),
                  handling: null,
                  notice: { key: 'admin.offline.handled' as const, params: { item: handled?.itemBarcode ?? '' }, tone: 'done' as const },
                };
              }),
            },
            onError: [SIGN_IN_EXPIRED, { target: 'idle', actions: ['refuse', assign({ handling: null })] }],
          },
        },
      },
    },
    expired: { type: 'final' },
  },
});

export type OfflinePageMachine = typeof offlinePageMachine;
