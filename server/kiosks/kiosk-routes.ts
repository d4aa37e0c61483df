import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { API } from '../../shared/api/routes';
import type { ClaimLocalResponse, KioskConfig } from '../../shared/api/schemas';
import { offlineCardCheck } from '../circulation/offline-cards';
import { HttpError } from '../http/http-error';
import { kioskIdOf } from './kiosk-auth';
import type { HubServices } from '../hub-services';

export function registerKioskClaimRoute(app: FastifyInstance, { kiosks }: HubServices): void {
  app.post(API.kioskClaimLocal, async (request): Promise<z.infer<typeof ClaimLocalResponse>> => {
    // Only a browser on the hub's own machine, by its connection (server/http/hub-machine.ts): not
    // request.ip, which a trusted proxy (TRUST_PROXY) sets from its forwarded header.
    if (!request.fromHubMachine) throw new HttpError(403, 'kiosk.unknown');
    return { token: kiosks.claimLocal() };
  });
}

export function registerKioskConfigRoute(app: FastifyInstance, { kiosks, db, now }: HubServices): void {
  app.get(API.kioskConfig, async (request): Promise<KioskConfig> => {
    const config = kiosks.config(kioskIdOf(request));
    if (!config) throw new HttpError(401, 'kiosk.unknown');
    // Offline borrowing: the loan period and the blocked cards (hashed), refreshed with the config.
    return { ...config, offline: { ...config.offline, ...(await offlineCardCheck(db, now())) } };
  });
}
