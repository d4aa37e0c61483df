/**
 * The admin panel's Statistics page: figures for a date range by day, month or year, for every
 * kiosk or one. The hub call is an injected actor; so is `saveCsv`, which hands the export to the
 * browser. A range the hub would refuse is refused here first. An answer `staff.signInRequired`
 * ends the machine in `expired`, and the shell goes back to the sign-in form.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { StaffMessageKey } from '../../shared/i18n/staff';
import { notProvided } from '../../shared/machines/not-provided';
import type { StatisticsAnswer, StatisticsQuery } from '../../shared/statistics/schemas';
import { reasonOf } from '../shell/hub-reason';
import { signInExpired, type PageInput } from '../shell/page-machine';
import { perKioskPageCount } from './per-kiosk-pages';
import { defaultFilters, filtersProblem, localToday, statisticsQueryOf, type StatisticsFilters } from './statistics-filters';

export interface StatisticsPageContext {
  token: string;
  filters: StatisticsFilters;
  answer: StatisticsAnswer | null;
  /** The chart's data table shown on screen too (it is always there for screen readers). */
  tableShown: boolean;
  /** The page of the per-kiosk table shown (per-kiosk-pages.ts), from 0; the first for every new answer. */
  page: number;
  error: StaffMessageKey | null;
}

export type StatisticsPageEvent =
  | { type: 'filters.applied'; filters: StatisticsFilters }
  | { type: 'table.toggled' }
  | { type: 'page.chosen'; page: number }
  | { type: 'csv.requested' };

export const statisticsPageMachine = setup({
  types: {
    context: {} as StatisticsPageContext,
    events: {} as StatisticsPageEvent,
    input: {} as PageInput & { today?: string },
  },
  actors: {
    readStatistics: fromPromise<StatisticsAnswer, { token: string; query: StatisticsQuery }>(notProvided),
  },
  actions: {
    /** Gives the browser the answer as a CSV file (injected). */
    saveCsv: (_, _answer: StatisticsAnswer) => {},
  },
}).createMachine({
  id: 'statisticsPage',
  initial: 'loading',
  context: ({ input }) => ({ token: input.token, filters: defaultFilters(input.today ?? localToday()), answer: null, tableShown: false, page: 0, error: null }),
  on: {
    'table.toggled': { actions: assign({ tableShown: ({ context }) => !context.tableShown }) },
    'page.chosen': {
      guard: ({ context, event }) =>
        context.answer !== null && Number.isInteger(event.page) && event.page >= 0 && event.page < perKioskPageCount(context.answer),
      actions: assign({ page: ({ event }) => event.page }),
    },
    // Also while loading: the newer filters win, and the earlier request is cancelled.
    'filters.applied': [
      { guard: ({ event }) => filtersProblem(event.filters) !== null, actions: assign({ filters: ({ event }) => event.filters, error: ({ event }) => filtersProblem(event.filters) }) },
      { target: '.loading', reenter: true, actions: assign({ filters: ({ event }) => event.filters }) },
    ],
  },
  states: {
    loading: {
      invoke: {
        src: 'readStatistics',
        input: ({ context }) => ({ token: context.token, query: statisticsQueryOf(context.filters) }),
        onDone: { target: 'ready', actions: assign({ answer: ({ event }) => event.output, page: 0, error: null }) },
        onError: [
          signInExpired('statisticsPage'),
          { target: 'ready', actions: assign({ error: ({ event }) => reasonOf(event.error) }) },
        ],
      },
    },
    ready: {
      on: {
        'csv.requested': { guard: ({ context }) => context.answer !== null, actions: { type: 'saveCsv', params: ({ context }) => context.answer! } },
      },
    },
    expired: { type: 'final' },
  },
});

export type StatisticsPageMachine = typeof statisticsPageMachine;
