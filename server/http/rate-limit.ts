import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { KIOSK_TOKEN_HEADER } from '../../shared/api/routes';
import type { KioskRegistry } from '../kiosks/kiosk-registry';
import { HttpError } from './http-error';

/**
 * Limits requests per kiosk or, without a known one, per IP address: many kiosks may share one
 * address behind a library's NAT. Routes can tighten it with `config.rateLimit`.
 */
export async function registerRateLimit(scope: FastifyInstance, maxPerMinute: number, kiosks: KioskRegistry): Promise<void> {
  if (maxPerMinute === 0) return;
  await scope.register(rateLimit, {
    max: maxPerMinute,
    timeWindow: '1 minute',
    keyGenerator: (request) => rateLimitKey(request, kiosks),
    errorResponseBuilder: () => new HttpError(429, 'rate.limited'),
  });
}

/** Only a token the registry knows earns a kiosk its own allowance; a made-up one counts against its address. */
function rateLimitKey(request: FastifyRequest, kiosks: KioskRegistry): string {
  const token = request.headers[KIOSK_TOKEN_HEADER];
  const kioskId = typeof token === 'string' && token ? kiosks.kioskIdForToken(token) : null;
  return kioskId ? `kiosk:${kioskId}` : `ip:${request.ip}`;
}
