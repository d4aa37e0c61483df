/**
 * The bridge between the service worker and the session: the update machine (update-machine.ts)
 * driven by workbox-window (service-worker.ts) and told which screen the session is on.
 */
import { createActor, fromPromise, type ActorOptions } from 'xstate';
import { screenStateOf } from '../fleet/screen-state';
import { screenOf, type SessionSnapshot } from '../session/screen';
import type { SessionActor } from '../session/use-session';
import { serviceWorkerLink } from './service-worker';
import { updateMachine, type UpdateEvent } from './update-machine';

export type FollowedSession = Pick<SessionActor, 'subscribe' | 'getSnapshot'>;

const betweenPatrons = (snapshot: SessionSnapshot) => screenStateOf(screenOf(snapshot)) === 'attract';

type WorkerLink = Pick<ReturnType<typeof serviceWorkerLink>, 'checkForUpdate' | 'activateUpdate'>;

/** `connect` and `clock` are the real worker and time unless a test gives its own. */
export function startUpdateBridge(
  connect: (send: (event: UpdateEvent) => void) => WorkerLink = serviceWorkerLink,
  { clock, reload = () => location.reload() }: { clock?: ActorOptions<typeof updateMachine>['clock']; reload?: () => void } = {},
) {
  const worker = connect((event) => updates.send(event));
  const updates = createActor(
    updateMachine.provide({
      actors: { checkForUpdate: fromPromise(() => worker.checkForUpdate()) },
      actions: { activateUpdate: () => worker.activateUpdate(), reload },
    }),
    // Until a session runs (booting, pairing, not registered), nobody is at the kiosk.
    { input: { betweenPatrons: true }, ...(clock ? { clock } : {}) },
  ).start();

  return {
    /** Follows a session's screen until the session stops. */
    followSession(actor: FollowedSession): void {
      const report = (value: boolean) => {
        // Done once the page reloads: nothing more to tell it.
        if (updates.getSnapshot().status === 'active') updates.send({ type: 'screen.changed', betweenPatrons: value });
      };
      report(betweenPatrons(actor.getSnapshot()));
      actor.subscribe({
        next: (snapshot) => report(betweenPatrons(snapshot)),
        // Stopped (revoked) or failed: no patron can be using it.
        error: () => report(true),
        complete: () => report(true),
      });
    },
  };
}
