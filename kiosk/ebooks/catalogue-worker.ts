/**
 * The catalogue worker: owns the kiosk's copy of the e-book catalogue (in memory and in the kiosk
 * database), syncs it with the hub and searches it, so the kiosk's main thread only receives the
 * titles it shows. Started by catalogue-client.ts; its calls are in catalogue-service.ts.
 */
import { HubClient } from '../../shared/api/hub-client';
import { KioskDb } from '../db/kiosk-db';
import { catalogueService, type CatalogueApi } from './catalogue-service';
import { serve, type Port } from './worker-rpc';

const port = self as unknown as Port;
// A newer kiosk build opened the database: this connection closes, and the page reloads into the new code.
const db = new KioskDb('kiosk', () => port.postMessage({ reload: true }));
serve<CatalogueApi>(port, catalogueService({
  db,
  hub: (kioskToken) => new HubClient({ kioskToken: () => kioskToken }),
  fetch: (input, init) => fetch(input, init),
  now: () => performance.now(),
}));
