/**
 * The kiosk's store-and-forward over the hub (loaded by offline-link.ts): the connectivity machine
 * with its probe (the hub's health check) and its outbox sync, and the outbox write the session's
 * `queueOffline` makes, within the card's offline limit.
 */
import { createActor, fromPromise, type Actor } from 'xstate';
import type { HubClient } from '../../shared/api/hub-client';
import type { OfflinePolicy, OfflineTransaction } from '../../shared/api/schemas';
import type { KioskDb } from '../db/kiosk-db';
import type { OpenKioskDb } from '../db/lazy-kiosk-db';
import { connectivityMachine } from './connectivity-machine';
import { OfflineLimitReached } from './offline-transaction';
import { enqueue, queuedLoansOf } from './outbox';
import { syncOutbox } from './sync-outbox';

export type ConnectivityActor = Actor<typeof connectivityMachine>;

export function startConnectivity(db: OpenKioskDb, hub: Pick<HubClient, 'health' | 'sendOfflineBatch'>, now: () => Date = () => new Date()): ConnectivityActor {
  return createActor(
    connectivityMachine.provide({
      actors: {
        probe: fromPromise(async ({ signal }) => void (await hub.health(signal))),
        syncOutbox: fromPromise(async ({ signal }) => void (await syncOutbox(await db(), (transactions, s) => hub.sendOfflineBatch(transactions, s), now, signal))),
      },
    }),
  ).start();
}

/** Writes one transaction to the outbox (strict durability) before the patron is told it is done. */
export async function queueOffline(db: KioskDb, transaction: OfflineTransaction, policy: Pick<OfflinePolicy, 'maxItemsPerCard'>): Promise<OfflineTransaction> {
  if (transaction.type === 'checkout' && (await queuedLoansOf(db, transaction.cardNumber)) >= policy.maxItemsPerCard) {
    throw new OfflineLimitReached(policy.maxItemsPerCard);
  }
  await enqueue(db, transaction);
  return transaction;
}
