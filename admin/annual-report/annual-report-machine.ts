/**
 * The admin panel's Annual report page: one year's quotable figures, last year's first (the
 * report is written after the year ends). The hub call is an injected actor; an answer
 * `staff.signInRequired` ends the machine in `expired`.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { StaffMessageKey } from '../../shared/i18n/staff';
import { notProvided } from '../../shared/machines/not-provided';
import type { AnnualReport } from '../../shared/statistics/schemas';
import { reasonOf } from '../shell/hub-reason';
import { signInExpired, type PageInput } from '../shell/page-machine';

export interface AnnualReportContext {
  token: string;
  year: number;
  report: AnnualReport | null;
  error: StaffMessageKey | null;
}

export type AnnualReportEvent = { type: 'year.chosen'; year: number };

export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

export const annualReportMachine = setup({
  types: {
    context: {} as AnnualReportContext,
    events: {} as AnnualReportEvent,
    input: {} as PageInput & { thisYear?: number },
  },
  actors: {
    readAnnualReport: fromPromise<AnnualReport, { token: string; year: number }>(notProvided),
  },
  guards: {
    aYear: ({ event }) => event.type === 'year.chosen' && Number.isInteger(event.year) && event.year >= FIRST_YEAR && event.year <= LAST_YEAR,
  },
}).createMachine({
  id: 'annualReport',
  initial: 'loading',
  context: ({ input }) => ({ token: input.token, year: (input.thisYear ?? new Date().getFullYear()) - 1, report: null, error: null }),
  // Also while loading: the year chosen last wins.
  on: {
    'year.chosen': [
      { guard: 'aYear', target: '.loading', reenter: true, actions: assign({ year: ({ event }) => event.year }) },
      { actions: assign({ error: 'code.statistics.badYear' }) },
    ],
  },
  states: {
    loading: {
      invoke: {
        src: 'readAnnualReport',
        input: ({ context }) => ({ token: context.token, year: context.year }),
        onDone: { target: 'ready', actions: assign({ report: ({ event }) => event.output, error: null }) },
        onError: [
          signInExpired('annualReport'),
          { target: 'ready', actions: assign({ report: null, error: ({ event }) => reasonOf(event.error) }) },
        ],
      },
    },
    ready: {},
    expired: { type: 'final' },
  },
});

export type AnnualReportMachine = typeof annualReportMachine;
