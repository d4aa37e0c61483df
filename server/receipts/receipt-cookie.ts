/**
 * The cookie that binds a receipt to the first phone that opened it. One per receipt, named
 * after a hash of its token (a phone may keep several receipts; the name gives nothing away):
 * HttpOnly, SameSite=Lax (the QR code opens the page as a top-level navigation), Secure over
 * HTTPS, sent only under /r/.
 */
import type { FastifyRequest } from 'fastify';
import { RECEIPT } from '../../shared/api/routes';
import { sha256Hex } from '../security/tokens';

const nameOf = (token: string) => `receipt_${sha256Hex(`cookie:${token}`).slice(0, 16)}`;

export function deviceCookieOf(request: FastifyRequest, token: string): string | null {
  const name = nameOf(token);
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=') || null;
  }
  return null;
}

export function deviceCookieHeader(token: string, value: string, { maxAgeSeconds, secure }: { maxAgeSeconds: number; secure: boolean }): string {
  return [`${nameOf(token)}=${value}`, `Path=${RECEIPT.cookiePath}`, `Max-Age=${maxAgeSeconds}`, 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])].join('; ');
}
