/**
 * Download links are bearer secrets: logs show `/d/[redacted]/file`, never the token or short code.
 * The URL logged is the one Fastify routed, not the raw one: `/%64/<token>` is served as `/d/<token>`.
 */
import type { FastifyRequest } from 'fastify';

/** Route parameters that are no secret and help reading a log; any other is masked. */
const LOGGABLE_PARAMS = new Set(['id', 'ticketId', 'file']);

/** The request's URL for the log: the matched route with its secret parameters masked. */
export function redactedRequestUrl(request: FastifyRequest): string {
  const [rawPath = '', query] = request.url.split('?', 2);
  const route = request.routeOptions.url;
  const params = (request.params ?? {}) as Record<string, string | undefined>;
  // Unmatched and wildcard (static file) requests: the path as the router read it.
  const path =
    route === undefined || route.includes('*')
      ? decodedPath(rawPath)
      : route.replace(/:(\w+)/g, (_, name: string) => (LOGGABLE_PARAMS.has(name) ? encodeURIComponent(params[name] ?? '') : '[redacted]'));
  return redactDownloadUrl(query === undefined ? path : `${path}?${query}`);
}

/** Masks the token or short code of a `/d/…` URL, and its whole query (`/d?code=…`). */
export function redactDownloadUrl(url: string): string {
  const [path = '', query] = url.split('?', 2);
  const redactedPath = path.replace(/^\/d\/code\/[^/]+/i, '/d/code/[redacted]').replace(/^\/d\/(?!code\/)[^/]+/i, '/d/[redacted]');
  if (query === undefined) return redactedPath;
  return /^\/d(\/|$)/i.test(path) ? `${redactedPath}?[redacted]` : `${redactedPath}?${query}`;
}

function decodedPath(rawPath: string): string {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return '[undecodable]';
  }
  return path.replace(/\/{2,}/g, '/');
}
