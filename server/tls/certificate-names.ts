/** The names and addresses the hub's own server certificate covers. */
import { isIP } from 'node:net';
import type { NetworkInterfaceInfo } from 'node:os';

export interface CertificateNames {
  dns: string[];
  ip: string[];
}

export interface HubAddresses {
  machineName: string;
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>;
  /** PUBLIC_URL, whose host a library may have given a DNS name. */
  publicUrl: string | null;
  /** HOST, when the hub listens on one address. */
  listenHost: string;
}

const DNS_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

export function certificateNames({ machineName, interfaces, publicUrl, listenHost }: HubAddresses): CertificateNames {
  const dns = new Set(['localhost']);
  const ip = new Set(['127.0.0.1', '::1']);
  const add = (name: string) => {
    const bare = name.toLowerCase().replace(/^\[|\]$/g, '');
    if (isIP(bare)) ip.add(bare);
    else if (DNS_NAME.test(bare)) dns.add(bare);
  };
  add(machineName);
  if (DNS_NAME.test(machineName.toLowerCase()) && !machineName.includes('.')) add(`${machineName}.local`);
  if (publicUrl) add(hostOf(publicUrl));
  if (listenHost !== '0.0.0.0' && listenHost !== '::') add(listenHost);
  for (const entries of Object.values(interfaces)) {
    for (const entry of entries ?? []) {
      // Link-local IPv6 addresses carry a zone (fe80::1%eth0) that neither URLs nor certificates hold.
      if (!entry.internal && !entry.address.toLowerCase().startsWith('fe80:')) add(entry.address);
    }
  }
  return { dns: [...dns], ip: [...ip] };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
