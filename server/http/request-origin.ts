/**
 * Requests that change state must be addressed to the hub by a name it serves, and come from one
 * of its own pages when a browser says where they come from. A web page elsewhere cannot then
 * post to the hub: not across origins (its Origin is foreign), nor by DNS rebinding (its Host is
 * the attacker's name, even though the connection lands on the hub).
 */
import { hostname, networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import type { FastifyInstance } from 'fastify';
import type { HubConfig } from '../config';
import { HttpError } from './http-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `name` or `name:port`, the name an IPv6 address in brackets; nothing else is a Host header. */
const HOST_HEADER = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9.-]+))(?::\d{1,5})?$/i;

export interface HubNames {
  publicUrl: string | null;
  /** HOST: the address the hub listens on, when not every address. */
  listenHost: string;
  /** The machine's name, which LAN kiosks may use (also as `<name>.local`). */
  machineName: string;
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>;
}

/** The names the hub answers to, lower-case, IPv6 addresses without brackets. */
export function servedHostNames({ publicUrl, listenHost, machineName, interfaces }: HubNames): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '::1']);
  for (const entries of Object.values(interfaces)) for (const entry of entries ?? []) names.add(entry.address.toLowerCase());
  const publicHost = publicUrl ? parsedUrl(publicUrl)?.host : undefined;
  for (const name of [publicHost, listenHost, machineName, `${machineName}.local`]) names.add(name ? (hostNameOf(name) ?? '') : '');
  names.delete('');
  return names;
}

/** The name in a Host header, lower-case without port, brackets or a final dot; null if malformed. */
export function hostNameOf(hostHeader: string): string | null {
  const match = HOST_HEADER.exec(hostHeader);
  if (!match) return null;
  return (match[1] ?? match[2]!).toLowerCase().replace(/\.$/, '');
}

export function isServedHost(hostHeader: string | undefined, served: ReadonlySet<string>): boolean {
  const name = hostHeader === undefined ? null : hostNameOf(hostHeader);
  return name !== null && served.has(name);
}

/** The served names are read again after this long (addresses change rarely)... */
export const SERVED_NAMES_MAX_AGE_MS = 30_000;
/** ...or on a name not among them, at most this often: a stream of foreign names cannot make every request read them. */
export const SERVED_NAMES_MISS_REREAD_MS = 1_000;

/**
 * Whether a Host header names the hub, with the names cached: reading the network interfaces on
 * every request showed in the hub's profile. A new LAN address (DHCP) is seen at its first request.
 */
export function servedHostCheck(readNames: () => Set<string>, now: () => number = Date.now): (hostHeader: string | undefined) => boolean {
  let names = readNames();
  let readAt = now();
  const reread = () => {
    names = readNames();
    readAt = now();
  };
  return (hostHeader) => {
    if (now() - readAt >= SERVED_NAMES_MAX_AGE_MS) reread();
    if (isServedHost(hostHeader, names)) return true;
    if (now() - readAt < SERVED_NAMES_MISS_REREAD_MS) return false;
    reread();
    return isServedHost(hostHeader, names);
  };
}

/** The cached check for this hub's names; read again now and then, as its LAN address may change while it runs. */
export function servedHostCheckFor(config: HubConfig): (hostHeader: string | undefined) => boolean {
  return servedHostCheck(() =>
    servedHostNames({ publicUrl: config.publicUrl, listenHost: config.host, machineName: hostname(), interfaces: networkInterfaces() }),
  );
}

/** Whether an Origin header names the host the request was sent to (either scheme), or PUBLIC_URL. */
export function isOwnOrigin(origin: string, hostHeader: string, publicUrl: string | null): boolean {
  const own = [`http://${hostHeader}`, `https://${hostHeader}`, ...(publicUrl ? [publicUrl] : [])].map(originOf);
  const sent = originOf(origin);
  return sent !== null && own.includes(sent);
}

function originOf(url: string): string | null {
  const origin = parsedUrl(url)?.origin;
  return origin && origin !== 'null' ? origin : null;
}

function parsedUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function registerOriginCheck(app: FastifyInstance, config: HubConfig): void {
  // Forms and `text/plain` fetches are the requests a foreign page may send without asking; the
  // hub reads JSON (and staff uploads, in their own types) only, so it parses neither.
  app.removeContentTypeParser('text/plain');
  const isServed = servedHostCheckFor(config);
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    const { host, origin } = request.headers;
    if (!isServed(host)) throw new HttpError(403, 'request.foreignOrigin');
    if (origin !== undefined && !isOwnOrigin(origin, host!, config.publicUrl)) throw new HttpError(403, 'request.foreignOrigin');
  });
}
