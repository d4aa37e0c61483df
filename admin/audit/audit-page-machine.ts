/**
 * The admin panel's Audit log page (admins only): the log newest first, 50 a page, filtered by
 * who, action and dates. Changing the filters goes back to page 1; a backwards date range is
 * refused before the hub is asked.
 *
 * The hub call is an injected actor. An answer `staff.signInRequired` ends the machine in
 * `expired`, and the shell goes back to the sign-in form.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { AuditPage, AuditQuery } from '../../shared/api/staff-schemas';
import type { StaffMessageKey } from '../../shared/i18n/staff';
import { notProvided } from '../../shared/machines/not-provided';
import { reasonOf } from '../shell/hub-reason';
import { signInExpired, type PageInput } from '../shell/page-machine';
import { auditQueryOf, NO_FILTERS, rangeIsBackwards, type AuditFilters } from './audit-filters';

export interface AuditReadInput extends PageInput {
  query: AuditQuery;
}

export type AuditPageEvent =
  | { type: 'filters.applied'; filters: AuditFilters }
  | { type: 'filters.cleared' }
  | { type: 'page.chosen'; page: number }
  | { type: 'list.reload' };

export interface AuditPageContext {
  token: string;
  filters: AuditFilters;
  page: number;
  /** The hub's last answer, kept on screen while the next one loads. */
  result: AuditPage | null;
  error: StaffMessageKey | null;
}

export const auditPageMachine = setup({
  types: {
    context: {} as AuditPageContext,
    events: {} as AuditPageEvent,
    input: {} as PageInput,
  },
  actors: {
    readAudit: fromPromise<AuditPage, AuditReadInput>(notProvided),
  },
}).createMachine({
  id: 'auditPage',
  initial: 'loading',
  context: ({ input }) => ({ token: input.token, filters: NO_FILTERS, page: 1, result: null, error: null }),
  on: {
    'filters.applied': [
      { guard: ({ event }) => rangeIsBackwards(event.filters), actions: assign({ error: 'admin.audit.badRange' }) },
      { target: '.loading', actions: assign({ filters: ({ event }) => event.filters, page: 1 }) },
    ],
    'filters.cleared': { target: '.loading', actions: assign({ filters: NO_FILTERS, page: 1 }) },
    'page.chosen': { target: '.loading', actions: assign({ page: ({ event }) => event.page }) },
    'list.reload': '.loading',
  },
  states: {
    loading: {
      invoke: {
        src: 'readAudit',
        input: ({ context }) => ({ token: context.token, query: auditQueryOf(context.filters, context.page) }),
        onDone: { target: 'ready', actions: assign({ result: ({ event }) => event.output, error: null }) },
        onError: [
          signInExpired('auditPage'),
          { target: 'ready', actions: assign({ error: ({ event }) => reasonOf(event.error) }) },
        ],
      },
    },
    ready: {},
    expired: { type: 'final' },
  },
});

export type AuditPageMachine = typeof auditPageMachine;
