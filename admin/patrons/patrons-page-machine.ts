/**
 * The admin panel's Patrons page (librarians and admins, embedded library only): search by card
 * number or name, open one patron, and act on the card. PIN reset, block and unblock ask for a
 * confirmation first; unlocking and a new expiry date do not (both are easy to see and undo).
 * A PIN the hub generated is kept until staff close it or do anything else: it is shown once.
 * Typed PINs, reasons and dates are checked against the shared rules before the hub sees them.
 *
 * All hub calls are injected actors. `staff.signInRequired` ends the machine in `expired`;
 * `patrons.managedByIls` (ILS=sip2) leaves it in `managedElsewhere`, which says so.
 */
import { assertEvent, assign, fromPromise, setup } from 'xstate';
import { isRefusal } from '../../shared/api/hub-client';
import { isAcceptablePin } from '../../shared/circulation/pin-policy';
import type { StaffMessageKey } from '../../shared/i18n/staff';
import { notProvided } from '../../shared/machines/not-provided';
import { blockReasonOf, isExpiryDate, type PatronDetail, type PatronSearchPage } from '../../shared/patrons/schemas';
import { reasonOf } from '../shell/hub-reason';
import { signInExpired, type PageInput, type PageNotice } from '../shell/page-machine';

export type PatronsPageInput = PageInput;

/** One change to a card; `pin: null` asks the hub to make one up. */
export type PatronAction =
  | { kind: 'pinReset'; pin: string | null }
  | { kind: 'unlock' }
  | { kind: 'block'; reason: string }
  | { kind: 'unblock' }
  | { kind: 'expiry'; expiresOn: string };

export interface SearchInput {
  token: string;
  q: string;
  page: number;
}
export interface PatronInput {
  token: string;
  cardNumber: string;
}
export interface ActionInput extends PatronInput {
  action: PatronAction;
}
export interface ActionDone {
  patron: PatronDetail;
  generatedPin: string | null;
}

export type PatronsPageEvent =
  | { type: 'search.submitted'; q: string }
  | { type: 'search.pageChosen'; page: number }
  | { type: 'search.retry' }
  | { type: 'patron.opened'; cardNumber: string }
  | { type: 'patron.closed' }
  | { type: 'pinReset.requested'; pin: string }
  | { type: 'unlock.requested' }
  | { type: 'block.requested'; reason: string }
  | { type: 'unblock.requested' }
  | { type: 'expiry.requested'; expiresOn: string }
  | { type: 'confirm.accepted' }
  | { type: 'confirm.cancelled' }
  | { type: 'generatedPin.dismissed' };

export interface PatronsPageContext extends PatronsPageInput {
  q: string;
  page: number;
  results: PatronSearchPage | null;
  patron: PatronDetail | null;
  /** The change waiting for a confirmation, or being sent. */
  pending: PatronAction | null;
  generatedPin: string | null;
  notice: PageNotice | null;
  /** Bumped after each change is done, so the action forms can empty themselves. */
  changes: number;
}

const DONE_NOTICE: Record<PatronAction['kind'], StaffMessageKey> = {
  pinReset: 'admin.patrons.pin.done',
  unlock: 'admin.patrons.unlockDone',
  block: 'admin.patrons.block.done',
  unblock: 'admin.patrons.unblock.done',
  expiry: 'admin.patrons.expiry.done',
};

/** Why a change cannot be sent as asked, or null. */
function actionProblem(action: PatronAction): StaffMessageKey | null {
  if (action.kind === 'pinReset' && action.pin !== null && !isAcceptablePin(action.pin)) return 'code.pin.weak';
  if (action.kind === 'block' && blockReasonOf(action.reason) === null) return 'code.patron.blockReasonMissing';
  if (action.kind === 'expiry' && !isExpiryDate(action.expiresOn)) return 'code.patron.expiryInvalid';
  return null;
}

/** The change an event asks for (an empty PIN field means "generate one"). */
function actionOf(event: PatronsPageEvent): PatronAction | null {
  switch (event.type) {
    case 'pinReset.requested':
      return { kind: 'pinReset', pin: event.pin.trim() === '' ? null : event.pin.trim() };
    case 'unlock.requested':
      return { kind: 'unlock' };
    case 'block.requested':
      return { kind: 'block', reason: event.reason.trim() };
    case 'unblock.requested':
      return { kind: 'unblock' };
    case 'expiry.requested':
      return { kind: 'expiry', expiresOn: event.expiresOn.trim() };
    default:
      return null;
  }
}

function problemOf(event: PatronsPageEvent): StaffMessageKey {
  const action = actionOf(event);
  return action ? (actionProblem(action) ?? 'code.internal') : 'code.internal';
}

const needsConfirmation = (action: PatronAction) => action.kind === 'pinReset' || action.kind === 'block' || action.kind === 'unblock';

const SIGN_IN_EXPIRED = signInExpired('patronsPage');
const MANAGED_BY_ILS = {
  guard: ({ event }: { event: { error: unknown } }) => isRefusal(event.error, 'patrons.managedByIls'),
  target: '#patronsPage.managedElsewhere',
} as const;

/** A change asked for in `idle`: refused at once if the rules say so, else confirmed first or sent. */
const REQUESTED = [
  { guard: 'refusable', actions: { type: 'refuse', params: ({ event }: { event: PatronsPageEvent }) => problemOf(event) } },
  { guard: 'confirmFirst', target: 'confirming', actions: 'hold' },
  { target: 'acting', actions: 'hold' },
] as const;

export const patronsPageMachine = setup({
  types: {
    context: {} as PatronsPageContext,
    events: {} as PatronsPageEvent,
    input: {} as PatronsPageInput,
  },
  actors: {
    searchPatrons: fromPromise<PatronSearchPage, SearchInput>(notProvided),
    loadPatron: fromPromise<PatronDetail, PatronInput>(notProvided),
    actOnPatron: fromPromise<ActionDone, ActionInput>(notProvided),
  },
  actions: {
    refuse: assign((_, key: StaffMessageKey) => ({ notice: { key, tone: 'refused' as const } })),
    /** A new change forgets the last answer, the generated PIN included. */
    hold: assign(({ event }) => ({ pending: actionOf(event), generatedPin: null, notice: null })),
  },
  guards: {
    refusable: ({ event }) => {
      const action = actionOf(event);
      return action === null || actionProblem(action) !== null;
    },
    confirmFirst: ({ event }) => {
      const action = actionOf(event);
      return action !== null && needsConfirmation(action);
    },
  },
}).createMachine({
  id: 'patronsPage',
  initial: 'searching',
  context: ({ input }) => ({ ...input, q: '', page: 1, results: null, patron: null, pending: null, generatedPin: null, notice: null, changes: 0 }),
  on: {
    'search.submitted': { target: '.searching', actions: assign({ q: ({ event }) => event.q.trim(), page: 1, patron: null, generatedPin: null, notice: null, pending: null }) },
  },
  states: {
    searching: {
      invoke: {
        src: 'searchPatrons',
        input: ({ context }) => ({ token: context.token, q: context.q, page: context.page }),
        onDone: { target: 'results', actions: assign({ results: ({ event }) => event.output }) },
        onError: [SIGN_IN_EXPIRED, MANAGED_BY_ILS, { target: 'failed', actions: { type: 'refuse', params: ({ event }) => reasonOf(event.error) } }],
      },
    },
    failed: {
      on: { 'search.retry': { target: 'searching', actions: assign({ notice: null }) } },
    },
    results: {
      on: {
        'search.pageChosen': { target: 'searching', actions: assign({ page: ({ event }) => event.page, notice: null }) },
        'patron.opened': { target: 'opening', actions: assign({ notice: null }) },
      },
    },
    opening: {
      invoke: {
        src: 'loadPatron',
        input: ({ context, event }) => {
          assertEvent(event, 'patron.opened');
          return { token: context.token, cardNumber: event.cardNumber };
        },
        onDone: { target: 'patron', actions: assign({ patron: ({ event }) => event.output }) },
        onError: [SIGN_IN_EXPIRED, MANAGED_BY_ILS, { target: 'results', actions: { type: 'refuse', params: ({ event }) => reasonOf(event.error) } }],
      },
    },
    patron: {
      initial: 'idle',
      on: {
        'patron.closed': { target: 'results', actions: assign({ patron: null, generatedPin: null, pending: null, notice: null }) },
      },
      states: {
        idle: {
          on: {
            'pinReset.requested': REQUESTED,
            'unlock.requested': REQUESTED,
            'block.requested': REQUESTED,
            'unblock.requested': REQUESTED,
            'expiry.requested': REQUESTED,
            'generatedPin.dismissed': { actions: assign({ generatedPin: null }) },
          },
        },
        confirming: {
          on: {
            'confirm.accepted': 'acting',
            'confirm.cancelled': { target: 'idle', actions: assign({ pending: null }) },
          },
        },
        acting: {
          invoke: {
            src: 'actOnPatron',
            input: ({ context }) => ({ token: context.token, cardNumber: context.patron!.cardNumber, action: context.pending! }),
            onDone: {
              target: 'idle',
              actions: assign(({ context, event }) => ({
                patron: event.output.patron,
                generatedPin: event.output.generatedPin,
                pending: null,
                changes: context.changes + 1,
                notice: { key: DONE_NOTICE[context.pending!.kind], params: { card: event.output.patron.cardNumber, date: event.output.patron.expiresOn }, tone: 'done' as const },
              })),
            },
            onError: [SIGN_IN_EXPIRED, MANAGED_BY_ILS, { target: 'idle', actions: [assign({ pending: null }), { type: 'refuse', params: ({ event }) => reasonOf(event.error) }] }],
          },
        },
      },
    },
    managedElsewhere: {},
    expired: { type: 'final' },
  },
});

export type PatronsPageMachine = typeof patronsPageMachine;
