/**
 * The address phones reach the hub at, for the QR codes' download links, when PUBLIC_URL is
 * not set: the hub's first LAN IPv4 address (a phone cannot reach "localhost"), or the one
 * address the hub listens on when it is bound to a single one.
 */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

const WILDCARDS = new Set(['0.0.0.0', '::', '']);

export function defaultPublicUrl(
  host: string,
  port: number,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string | null {
  if (!WILDCARDS.has(host)) return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  for (const entries of Object.values(interfaces)) {
    const lan = entries?.find((entry) => entry.family === 'IPv4' && !entry.internal);
    if (lan) return `http://${lan.address}:${port}`;
  }
  return null;
}
