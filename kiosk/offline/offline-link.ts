/**
 * Store-and-forward for the page, loaded apart from the first screen (the kiosk's first-load
 * budget, docs/benchmarks.md): the connectivity machine and the outbox (connectivity-link.ts)
 * start once their chunk is in; what they are told meanwhile waits for them, in order.
 */
import type { HubClient } from '../../shared/api/hub-client';
import type { OfflinePolicy, OfflineTransaction } from '../../shared/api/schemas';
import type { OpenKioskDb } from '../db/lazy-kiosk-db';
import { offlineConfirmer } from './confirm-offline';
import type { ConnectivityEvent } from './connectivity-machine';

export interface OfflineLink {
  /** Whether a hub call reached the hub. */
  tell(event: ConnectivityEvent): void;
  /** Writes a transaction to the outbox (strict durability) and has it sent once the hub is there. */
  queue(transaction: OfflineTransaction, policy: Pick<OfflinePolicy, 'maxItemsPerCard'>): Promise<OfflineTransaction>;
  /** Asks the hub at once unless an outage was seen within `maxAgeMs`: true when it is still out of reach (confirm-offline.ts). */
  confirmOffline(maxAgeMs: number): Promise<boolean>;
  stop(): void;
}

export function startOfflineLink(
  db: OpenKioskDb,
  hub: Pick<HubClient, 'health' | 'sendOfflineBatch'>,
  { onChange }: { onChange: (offline: boolean) => void },
): OfflineLink {
  let stopped = false;
  let offline = false;
  const tell = (event: ConnectivityEvent) => {
    if (event.type === 'hub.unreachable') confirmer.noteOutage();
    void started.then((running) => running?.actor.send(event));
  };
  const confirmer = offlineConfirmer({ probe: (signal) => hub.health(signal), onReached: () => tell({ type: 'hub.reached' }) });
  // The machine's own probe failures count as outages seen too.
  const watchedHub = {
    health: (signal?: AbortSignal) => hub.health(signal).catch((error: unknown) => {
      confirmer.noteOutage();
      throw error;
    }),
    sendOfflineBatch: hub.sendOfflineBatch.bind(hub),
  };
  const started = import('./connectivity-link').then((link) => {
    if (stopped) return null;
    const actor = link.startConnectivity(db, watchedHub);
    const watch = actor.subscribe((snapshot) => {
      if (snapshot.hasTag('offline') === offline) return;
      offline = !offline;
      onChange(offline);
    });
    return { link, actor, watch };
  });
  return {
    tell,
    confirmOffline: (maxAgeMs) => confirmer.confirm(maxAgeMs),
    async queue(transaction, policy) {
      const running = await started;
      if (running === null) throw new Error('the kiosk stopped');
      const queued = await running.link.queueOffline(await db(), transaction, policy);
      running.actor.send({ type: 'outbox.changed' });
      return queued;
    },
    stop() {
      stopped = true;
      void started.then((running) => {
        running?.watch.unsubscribe();
        running?.actor.stop();
      });
    },
  };
}
