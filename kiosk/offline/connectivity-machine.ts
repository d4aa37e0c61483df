/**
 * Whether the kiosk can reach the hub. Online, it sends the outbox (oldest first), waiting longer
 * after each failure the hub or ILS answered (backoff); any hub call that cannot reach the hub puts
 * it offline (`hub.unreachable`), where it probes the hub with growing pauses and comes back online
 * by itself. The screens read the `offline` tag to say so.
 */
import { assign, fromPromise, setup } from 'xstate';
import { isRefusal } from '../../shared/api/hub-client';
import { notProvided } from '../../shared/machines/not-provided';

export type ConnectivityEvent = { type: 'hub.unreachable' } | { type: 'hub.reached' } | { type: 'outbox.changed' };

interface ConnectivityContext {
  probeFailures: number;
  syncFailures: number;
}

/** 1 s, 2 s, 4 s ... at most 30 s between tries. */
export function backoff(failures: number): number {
  return Math.min(1000 * 2 ** failures, 30_000);
}

export const connectivityMachine = setup({
  types: { context: {} as ConnectivityContext, events: {} as ConnectivityEvent, tags: {} as 'offline' },
  actors: {
    /** Resolves when the hub answers (its health check, with a deadline); rejects otherwise. */
    probe: fromPromiseVoid(),
    /** Replays the outbox until it is empty (sync-outbox.ts); rejects with what stopped it. */
    syncOutbox: fromPromiseVoid(),
  },
  delays: {
    probePause: ({ context }) => backoff(context.probeFailures),
    syncPause: ({ context }) => backoff(context.syncFailures),
  },
  guards: {
    hubUnreachable: ({ event }) => isRefusal((event as { error?: unknown }).error, 'network.offline'),
  },
  actions: {
    countProbeFailure: assign({ probeFailures: ({ context }) => context.probeFailures + 1 }),
    countSyncFailure: assign({ syncFailures: ({ context }) => context.syncFailures + 1 }),
    resetFailures: assign({ probeFailures: 0, syncFailures: 0 }),
  },
}).createMachine({
  id: 'connectivity',
  context: { probeFailures: 0, syncFailures: 0 },
  initial: 'online',
  states: {
    online: {
      initial: 'syncing',
      on: { 'hub.unreachable': 'offline' },
      states: {
        syncing: {
          invoke: {
            src: 'syncOutbox',
            onDone: { target: 'idle', actions: 'resetFailures' },
            onError: [{ guard: 'hubUnreachable', target: '#connectivity.offline' }, { target: 'waiting', actions: 'countSyncFailure' }],
          },
        },
        waiting: { after: { syncPause: 'syncing' } },
        idle: { on: { 'outbox.changed': 'syncing' } },
      },
    },
    offline: {
      tags: 'offline',
      entry: 'resetFailures',
      initial: 'waiting',
      on: { 'hub.reached': 'online' },
      states: {
        waiting: { after: { probePause: 'probing' } },
        probing: {
          invoke: { src: 'probe', onDone: '#connectivity.online', onError: { target: 'waiting', actions: 'countProbeFailure' } },
        },
      },
    },
  },
});

function fromPromiseVoid() {
  return fromPromise<void>(notProvided);
}
