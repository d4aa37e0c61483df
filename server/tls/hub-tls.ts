/**
 * The certificate the hub serves HTTPS with: the library's own (TLS_CERT, TLS_KEY), or one from
 * the hub's local CA for the names it has now (checked again while it runs: see https-listener.ts).
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import type { HubConfig, HttpsConfig } from '../config';
import { certificateNames } from './certificate-names';
import { ensureLocalCa, type LocalCa } from './local-ca';
import { ensureServerCertificate } from './server-certificate';

export interface TlsCredentials {
  cert: string;
  key: string;
}

export interface HubTls {
  credentials: TlsCredentials;
  /** Null with the library's own certificate. */
  ca: LocalCa | null;
  /** New credentials when the hub's names changed or the certificate nears expiry; null if it still fits. */
  refresh(now: Date): TlsCredentials | null;
}

export function loadHubTls(config: Pick<HubConfig, 'dataDir' | 'publicUrl' | 'host'>, https: HttpsConfig, now: Date): HubTls {
  if (https.certFile !== null && https.keyFile !== null) {
    const credentials = libraryCertificate(https.certFile, https.keyFile);
    return { credentials, ca: null, refresh: () => null };
  }
  const ca = ensureLocalCa(config.dataDir);
  const issue = (at: Date) => {
    // Read each time: the hub's LAN address may change while it runs.
    const names = certificateNames({ machineName: hostname(), interfaces: networkInterfaces(), publicUrl: config.publicUrl, listenHost: config.host });
    return ensureServerCertificate(config.dataDir, ca, names, at);
  };
  const first = issue(now);
  return {
    credentials: { cert: first.cert, key: first.key },
    ca,
    refresh(at) {
      const next = issue(at);
      return next.issued ? { cert: next.cert, key: next.key } : null;
    },
  };
}

function libraryCertificate(certFile: string, keyFile: string): TlsCredentials {
  const cert = readPem(certFile, 'TLS_CERT');
  const key = readPem(keyFile, 'TLS_KEY');
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch {
    throw new Error(`TLS_CERT (${certFile}) is not a PEM certificate`);
  }
  try {
    if (!certificate.checkPrivateKey(createPrivateKey(key))) throw new Error('mismatch');
  } catch {
    throw new Error(`TLS_KEY (${keyFile}) is not the private key of the certificate in TLS_CERT (an unencrypted PEM key is needed)`);
  }
  return { cert, key };
}

function readPem(path: string, name: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`${name} (${path}) cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
