/**
 * The kiosk database for the page, loaded apart from the first screen: Dexie alone is about a
 * third of the kiosk's 80 KB first-load budget (docs/benchmarks.md). The boot waits for it (the
 * device token is in it); the chunk comes from the service worker's precache, or the hub.
 */
import type { KioskDb } from './kiosk-db';

export type OpenKioskDb = () => Promise<KioskDb>;

let opened: Promise<KioskDb> | undefined;

export const openKioskDb: OpenKioskDb = () => (opened ??= import('./kiosk-db').then(({ KioskDb }) => new KioskDb()));
