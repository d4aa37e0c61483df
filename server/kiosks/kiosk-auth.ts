import type { FastifyInstance, FastifyRequest } from 'fastify';
import { KIOSK_TOKEN_HEADER } from '../../shared/api/routes';
import { HttpError } from '../http/http-error';
import type { KioskRegistry } from './kiosk-registry';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the kiosk guard for routes in the kiosk scope. */
    kioskId: string | null;
  }
}

/** Every route registered on `scope` requires a known device token in x-kiosk-token. */
export function requireKioskToken(scope: FastifyInstance, kiosks: KioskRegistry): void {
  scope.decorateRequest('kioskId', null);
  scope.addHook('onRequest', async (request) => {
    const token = request.headers[KIOSK_TOKEN_HEADER];
    const kioskId = typeof token === 'string' && token ? kiosks.kioskIdForToken(token) : null;
    if (!kioskId) throw new HttpError(401, 'kiosk.unknown');
    kiosks.touch(kioskId);
    request.kioskId = kioskId;
  });
}

export function kioskIdOf(request: FastifyRequest): string {
  if (!request.kioskId) throw new HttpError(401, 'kiosk.unknown');
  return request.kioskId;
}
