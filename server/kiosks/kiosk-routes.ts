import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { API } from '../../shared/api/routes';
import type { ClaimLocalResponse, KioskConfig } from '../../shared/api/schemas';
import { HttpError } from '../http/http-error';
import { kioskIdOf } from './kiosk-auth';
import type { HubServices } from '../hub-services';

/** Only a browser on the hub's own machine may claim the local kiosk. */
function isLoopback(address: string): boolean {
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}

export function registerKioskClaimRoute(app: FastifyInstance, { kiosks }: HubServices): void {
  app.post(API.kioskClaimLocal, async (request): Promise<z.infer<typeof ClaimLocalResponse>> => {
    // request.ip is the socket's address: the hub does not trust X-Forwarded-For.
    if (!isLoopback(request.ip)) throw new HttpError(403, 'kiosk.unknown');
    return { token: kiosks.claimLocal() };
  });
}

export function registerKioskConfigRoute(app: FastifyInstance, { kiosks }: HubServices): void {
  app.get(API.kioskConfig, async (request): Promise<KioskConfig> => {
    const config = kiosks.config(kioskIdOf(request));
    if (!config) throw new HttpError(401, 'kiosk.unknown');
    return config;
  });
}
