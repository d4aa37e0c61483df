/**
 * With HTTPS on, plain HTTP stays for phones and reading apps (download pages, OPDS, covers, the CA
 * certificate), while the kiosk and admin pages move to HTTPS: a LAN page over plain HTTP is no
 * secure context (no camera, no service worker), and PINs must not cross the LAN in clear text.
 * Browsers on the hub's own machine opening it as localhost keep plain HTTP: that is a secure
 * context already, and needs no certificate.
 */
import { posix } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { API, KIOSK_TOKEN_HEADER } from '../../shared/api/routes';
import type { HubConfig } from '../config';
import { HttpError } from './http-error';
import { hostNameOf, servedHostCheckFor } from './request-origin';

/** Pages that move to HTTPS: the apps' own folders. */
const HTTPS_PAGES = /^\/(?:kiosk|admin)(?:\/|$)/;
/** Routes whose bodies carry a PIN or a password. */
const SECRET_BODIES = new Set<string>([API.session, API.sessionPin, API.staffLogin, API.staffPassword, API.staffAccounts, API.staffAccountPassword]);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Browsers treat these as secure contexts over plain HTTP. */
function isLoopbackName(name: string): boolean {
  return name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127\.\d+\.\d+\.\d+$/.test(name);
}

export function registerHttpsRedirect(app: FastifyInstance, config: HubConfig, httpsPort: number): void {
  const isServed = servedHostCheckFor(config);
  app.addHook('onRequest', async (request, reply) => {
    if (request.protocol === 'https') return;
    if (request.fromHubMachine && isLoopbackName(hostNameOf(request.headers.host ?? '') ?? '')) return;

    if (carriesSecret(request)) throw new HttpError(403, 'request.httpsRequired');
    if (!SAFE_METHODS.has(request.method) || !HTTPS_PAGES.test(decodedPath(request.url))) return;

    const host = request.headers.host;
    // The redirect names the host the browser asked for: only one the hub serves, never any Host sent.
    if (!isServed(host)) throw new HttpError(403, 'request.foreignOrigin');
    const name = hostNameOf(host!)!;
    const authority = name.includes(':') ? `[${name}]` : name;
    return reply.redirect(`https://${authority}:${httpsPort}${request.url}`, 308);
  });
}

/** By the route matched (not the URL as sent, which may be encoded): a PIN or password body, or any API call with a token. */
function carriesSecret(request: FastifyRequest): boolean {
  const route = request.routeOptions.url ?? '';
  if (!SAFE_METHODS.has(request.method) && SECRET_BODIES.has(route)) return true;
  return route.startsWith('/api/') && (request.headers.authorization !== undefined || request.headers[KIOSK_TOKEN_HEADER] !== undefined);
}

/** The path as the static file server will read it, so `/%6biosk/` or `//kiosk` move too. */
function decodedPath(url: string): string {
  const path = url.split('?', 1)[0]!;
  try {
    return posix.normalize(decodeURIComponent(path));
  } catch {
    return path;
  }
}
