import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { KIOSK_TOKEN_HEADER } from '../../shared/api/routes';
import { sha256Hex } from '../security/tokens';
import { HttpError } from './http-error';

/**
 * Limits requests per kiosk (by device token) or, without one, per IP address: many kiosks may
 * share one address behind a library's NAT. Routes can tighten it with `config.rateLimit`.
 */
export async function registerRateLimit(scope: FastifyInstance, maxPerMinute: number): Promise<void> {
  if (maxPerMinute === 0) return;
  await scope.register(rateLimit, {
    max: maxPerMinute,
    timeWindow: '1 minute',
    keyGenerator: rateLimitKey,
    errorResponseBuilder: () => new HttpError(429, 'rate.limited'),
  });
}

function rateLimitKey(request: FastifyRequest): string {
  const token = request.headers[KIOSK_TOKEN_HEADER];
  return typeof token === 'string' && token ? `kiosk:${sha256Hex(token)}` : `ip:${request.ip}`;
}
