/**
 * The kiosk's link to the fleet page: a heartbeat at start and every 30 s, whose answer names the
 * version of the kiosk's config; a new version is fetched and handed on (`configChanged`: the
 * session applies it between patrons). A hub that cannot be reached, or restarts, is tolerated:
 * the next heartbeat tries again. Only the hub saying it no longer knows this kiosk (revoked)
 * ends it (`revoked`). All I/O is injected (fleet-actors.ts; tests provide their own).
 */
import { assign, fromPromise, setup } from 'xstate';
import { HEARTBEAT_INTERVAL_SECONDS, type HeartbeatAnswer } from '../../shared/api/fleet-schemas';
import { isRefusal } from '../../shared/api/hub-client';
import type { KioskConfig } from '../../shared/api/schemas';
import { notProvided } from '../../shared/machines/not-provided';

export interface FleetInput {
  /** The version of the config the kiosk runs with. */
  configVersion: string;
}

export const fleetMachine = setup({
  types: {
    context: {} as { configVersion: string },
    input: {} as FleetInput,
  },
  actors: {
    sendHeartbeat: fromPromise<HeartbeatAnswer>(notProvided),
    fetchConfig: fromPromise<KioskConfig>(notProvided),
  },
  actions: {
    configChanged: (_, _params: { config: KioskConfig }) => {},
    revoked: () => {},
  },
  guards: {
    configIsNew: ({ context }, params: { answer: HeartbeatAnswer }) => params.answer.configVersion !== context.configVersion,
    kioskUnknown: (_, params: { error: unknown }) => isRefusal(params.error, 'kiosk.unknown'),
  },
  delays: { heartbeat: HEARTBEAT_INTERVAL_SECONDS * 1000 },
}).createMachine({
  id: 'fleet',
  context: ({ input }) => ({ configVersion: input.configVersion }),
  initial: 'beating',
  states: {
    beating: {
      invoke: {
        src: 'sendHeartbeat',
        onDone: [{ guard: { type: 'configIsNew', params: ({ event }) => ({ answer: event.output }) }, target: 'fetchingConfig' }, { target: 'waiting' }],
        onError: [{ guard: { type: 'kioskUnknown', params: ({ event }) => ({ error: event.error }) }, target: 'revoked' }, { target: 'waiting' }],
      },
    },
    fetchingConfig: {
      invoke: {
        src: 'fetchConfig',
        onDone: {
          target: 'waiting',
          actions: [
            assign({ configVersion: ({ event }) => event.output.configVersion }),
            { type: 'configChanged', params: ({ event }) => ({ config: event.output }) },
          ],
        },
        onError: [{ guard: { type: 'kioskUnknown', params: ({ event }) => ({ error: event.error }) }, target: 'revoked' }, { target: 'waiting' }],
      },
    },
    waiting: { after: { heartbeat: 'beating' } },
    revoked: { type: 'final', entry: 'revoked' },
  },
});
