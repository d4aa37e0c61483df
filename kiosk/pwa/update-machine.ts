/**
 * When the kiosk takes a new version of itself. It looks for one at start and every hour
 * (`checkForUpdate`: the service worker's update check, kiosk/pwa/service-worker.ts). A new version
 * that is installed and waiting takes over only once the kiosk has been between patrons (the
 * attract screen, or no session at all) for `settle`, never during a session: then `activateUpdate`
 * (skipWaiting) and, once the new version controls the page, `reload`. A newer version that took
 * control some other way (another tab) also waits for the attract screen before the page reloads.
 */
import { assign, fromPromise, not, setup } from 'xstate';
import { notProvided } from '../../shared/machines/not-provided';

export const UpdateDelays = {
  /** Between two update checks. */
  check: 60 * 60 * 1000,
  /** On the attract screen this long before the page may reload: not the instant a patron leaves. */
  settle: 3000,
  /** Waiting for the new version to take control; then the activation is asked for again. */
  activation: 10_000,
} as const;

export type UpdateEvent =
  /** What the session's screen is now: true on the attract screen or with no session running. */
  | { type: 'screen.changed'; betweenPatrons: boolean }
  /** A new version is installed and waits to take over. */
  | { type: 'update.waiting' }
  /** A newer version than the page's own code now controls the page. */
  | { type: 'update.controlling' };

export interface UpdateInput {
  betweenPatrons: boolean;
}

export const updateMachine = setup({
  types: {
    context: {} as { betweenPatrons: boolean },
    input: {} as UpdateInput,
    events: {} as UpdateEvent,
  },
  actors: {
    checkForUpdate: fromPromise<void>(notProvided),
  },
  actions: {
    activateUpdate: () => {},
    reload: () => {},
  },
  guards: {
    betweenPatrons: ({ context }) => context.betweenPatrons,
  },
  delays: UpdateDelays,
}).createMachine({
  id: 'updates',
  context: ({ input }) => ({ betweenPatrons: input.betweenPatrons }),
  on: {
    'screen.changed': { actions: assign({ betweenPatrons: ({ event }) => event.betweenPatrons }) },
  },
  initial: 'current',
  states: {
    current: {
      initial: 'checking',
      states: {
        checking: { invoke: { src: 'checkForUpdate', onDone: 'idle', onError: 'idle' } },
        idle: { after: { check: 'checking' } },
      },
      on: { 'update.waiting': 'waiting', 'update.controlling': 'outdated' },
    },
    // Installed, waiting to take over between patrons.
    waiting: {
      initial: 'inSession',
      states: {
        inSession: { always: { guard: 'betweenPatrons', target: 'settling' } },
        settling: { always: { guard: not('betweenPatrons'), target: 'inSession' }, after: { settle: '#updates.activating' } },
      },
      on: { 'update.controlling': 'outdated' },
    },
    activating: {
      entry: 'activateUpdate',
      on: { 'update.controlling': [{ guard: 'betweenPatrons', target: 'reloading' }, { target: 'outdated' }] },
      after: { activation: 'waiting' },
    },
    // The page runs older code than the version that controls it: reload between patrons.
    outdated: {
      initial: 'inSession',
      states: {
        inSession: { always: { guard: 'betweenPatrons', target: 'settling' } },
        settling: { always: { guard: not('betweenPatrons'), target: 'inSession' }, after: { settle: '#updates.reloading' } },
      },
    },
    reloading: { type: 'final', entry: 'reload' },
  },
});
