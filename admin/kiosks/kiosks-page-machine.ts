/**
 * The admin panel's Kiosks page (admins only): every kiosk live (the list is asked again every
 * 5 s while nothing else is going on), Add kiosk (which shows the new kiosk's pairing code),
 * edit (name, location, profile), a new pairing code, and revoke (confirmed first). Each change
 * reloads the list. All hub calls are injected actors; a call answered `staff.signInRequired`
 * ends the machine in `expired` and the shell asks staff to sign in again.
 */
import { assertEvent, assign, fromPromise, setup } from 'xstate';
import type { AddKioskRequest, FleetKiosk, FleetList, IssuedPairingCode, KioskChange, Profile } from '../../shared/api/fleet-schemas';
import type { StaffMessageKey } from '../../shared/i18n/staff';
import { notProvided } from '../../shared/machines/not-provided';
import { loadErrorOf, loadingStates, refusalOf, signInExpired, tokenInput, type PageInput, type PageNotice } from '../shell/page-machine';

/** How often the page asks the hub how the kiosks are doing. */
export const FLEET_POLL_MS = 5_000;

export type KiosksPageInput = PageInput;

export interface KiosksView {
  fleet: FleetList;
  profiles: Profile[];
}

export type KiosksPageEvent =
  | { type: 'list.reload' }
  | { type: 'add.requested'; kiosk: AddKioskRequest }
  | { type: 'edit.opened'; kioskId: string }
  | { type: 'edit.cancelled' }
  | { type: 'edit.requested'; kioskId: string; change: KioskChange }
  | { type: 'pairingCode.requested'; kioskId: string }
  | { type: 'code.dismissed' }
  | { type: 'revoke.chosen'; kioskId: string }
  | { type: 'revoke.cancelled' }
  | { type: 'revoke.confirmed' };

export interface KiosksPageContext extends KiosksPageInput {
  view: KiosksView | null;
  loadError: StaffMessageKey | null;
  notice: PageNotice | null;
  /** The pairing code to show, with the kiosk's name. */
  issued: (IssuedPairingCode & { name: string }) | null;
  editing: string | null;
  revoking: string | null;
  /** The name of the kiosk being added (the list does not hold it yet). */
  addingName: string;
  /** Bumped after each kiosk is added, so the form can empty itself. */
  added: number;
}

type TokenInput<T> = { token: string } & T;

const nameOf = (context: KiosksPageContext, kioskId: string) => context.view?.fleet.kiosks.find((kiosk) => kiosk.id === kioskId)?.name ?? kioskId;

const EXPIRED = signInExpired('kiosks');
const REFUSED = { target: 'refreshing', actions: 'showRefusal' } as const;

export const kiosksPageMachine = setup({
  types: {
    context: {} as KiosksPageContext,
    events: {} as KiosksPageEvent,
    input: {} as KiosksPageInput,
  },
  actors: {
    loadKiosks: fromPromise<KiosksView, { token: string }>(notProvided),
    addKiosk: fromPromise<IssuedPairingCode, TokenInput<{ kiosk: AddKioskRequest }>>(notProvided),
    changeKiosk: fromPromise<FleetKiosk, TokenInput<{ kioskId: string; change: KioskChange }>>(notProvided),
    newPairingCode: fromPromise<IssuedPairingCode, TokenInput<{ kioskId: string }>>(notProvided),
    revokeKiosk: fromPromise<FleetKiosk, TokenInput<{ kioskId: string }>>(notProvided),
  },
  actions: {
    keepLoaded: assign(({ event }) => ({ view: (event as unknown as { output: KiosksView }).output, loadError: null })),
    showLoadError: assign(({ event }) => ({ loadError: loadErrorOf(event) })),
    showRefusal: assign(({ event }) => ({ notice: refusalOf(event) })),
  },
  delays: { poll: FLEET_POLL_MS },
}).createMachine({
  id: 'kiosks',
  context: ({ input }) => ({ ...input, view: null, loadError: null, notice: null, issued: null, editing: null, revoking: null, addingName: '', added: 0 }),
  initial: 'loading',
  states: {
    ...loadingStates('kiosks', 'loadKiosks'),
    ready: {
      initial: 'idle',
      on: { 'code.dismissed': { actions: assign({ issued: null }) } },
      states: {
        idle: {
          after: { poll: 'refreshing' },
          on: {
            'list.reload': 'refreshing',
            'add.requested': { target: 'adding', actions: assign({ addingName: ({ event }) => event.kiosk.name }) },
            'edit.opened': { actions: assign({ editing: ({ event }) => event.kioskId, revoking: null }) },
            'edit.cancelled': { actions: assign({ editing: null }) },
            'edit.requested': 'changing',
            'pairingCode.requested': 'issuing',
            'revoke.chosen': { actions: assign({ revoking: ({ event }) => event.kioskId, editing: null }) },
            'revoke.cancelled': { actions: assign({ revoking: null }) },
            'revoke.confirmed': { guard: ({ context }) => context.revoking !== null, target: 'revoking' },
          },
        },
        refreshing: {
          invoke: {
            src: 'loadKiosks',
            input: tokenInput,
            onDone: { target: 'idle', actions: assign({ view: ({ event }) => event.output }) },
            // A hub restarting between two polls: keep what is shown and ask again at the next one.
            onError: [EXPIRED, { target: 'idle' }],
          },
        },
        adding: {
          invoke: {
            src: 'addKiosk',
            input: ({ context, event }) => {
              assertEvent(event, 'add.requested');
              return { token: context.token, kiosk: event.kiosk };
            },
            onDone: {
              target: 'refreshing',
              actions: assign(({ context, event }) => ({
                issued: { ...event.output, name: context.addingName },
                notice: null,
                added: context.added + 1,
              })),
            },
            onError: [EXPIRED, REFUSED],
          },
        },
        changing: {
          invoke: {
            src: 'changeKiosk',
            input: ({ context, event }) => {
              assertEvent(event, 'edit.requested');
              return { token: context.token, kioskId: event.kioskId, change: event.change };
            },
            onDone: {
              target: 'refreshing',
              actions: assign(({ context }) => ({ editing: null, notice: { key: 'admin.kiosks.saved' as const, params: { name: nameOf(context, context.editing ?? '') }, tone: 'done' as const } })),
            },
            onError: [EXPIRED, REFUSED],
          },
        },
        issuing: {
          invoke: {
            src: 'newPairingCode',
            input: ({ context, event }) => {
              assertEvent(event, 'pairingCode.requested');
              return { token: context.token, kioskId: event.kioskId };
            },
            onDone: { target: 'refreshing', actions: assign(({ context, event }) => ({ issued: { ...event.output, name: nameOf(context, event.output.kioskId) }, notice: null })) },
            onError: [EXPIRED, REFUSED],
          },
        },
        revoking: {
          invoke: {
            src: 'revokeKiosk',
            input: ({ context }) => ({ token: context.token, kioskId: context.revoking ?? '' }),
            onDone: {
              target: 'refreshing',
              actions: assign(({ context }) => ({
                revoking: null,
                issued: context.issued?.kioskId === context.revoking ? null : context.issued,
                notice: { key: 'admin.kiosks.revokedDone' as const, params: { name: nameOf(context, context.revoking ?? '') }, tone: 'done' as const },
              })),
            },
            onError: [EXPIRED, REFUSED],
          },
        },
      },
    },
    expired: { type: 'final' },
  },
});

export type KiosksPageMachine = typeof kiosksPageMachine;

