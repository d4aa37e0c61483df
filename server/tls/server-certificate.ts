/**
 * The hub's HTTPS certificate from its local CA, for the names in certificate-names.ts. Issued again
 * (same CA, so kiosks need nothing new) when a name is not covered, e.g. a new LAN address, or when
 * it expires within 30 days.
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CertificateNames } from './certificate-names';
import { safeName, type LocalCa } from './local-ca';
import { issueCertificate, newPrivateKey } from './openssl';
import { readIfExists, TLS_FILES, tlsDir, writeAtomically } from './tls-files';

const SERVER_DAYS = 397;
const RENEW_BEFORE_MS = 30 * 24 * 60 * 60 * 1000;

export interface ServerCertificate {
  cert: string;
  key: string;
  /** Whether this call issued it (rather than finding a good one). */
  issued: boolean;
}

export function ensureServerCertificate(dataDir: string, ca: LocalCa, names: CertificateNames, now: Date): ServerCertificate {
  const dir = tlsDir(dataDir);
  const certFile = join(dir, TLS_FILES.serverCert);
  const keyFile = join(dir, TLS_FILES.serverKey);
  const cert = readIfExists(certFile);
  const key = readIfExists(keyFile);
  if (cert !== null && key !== null && !needsReissue(cert, ca, names, now)) return { cert, key, issued: false };

  writeAtomically(keyFile, newPrivateKey(), 0o600);
  const config = serverConfig(names);
  writeAtomically(certFile, issueCertificate({ keyFile, config, days: SERVER_DAYS, ca: { certFile: ca.certFile, keyFile: ca.keyFile } }), 0o644);
  return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8'), issued: true };
}

export function needsReissue(pem: string, ca: LocalCa, names: CertificateNames, now: Date): boolean {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch {
    return true; // damaged: make a good one
  }
  if (!cert.checkIssued(ca.certificate) || !cert.verify(ca.certificate.publicKey)) return true;
  if (new Date(cert.validTo).getTime() - now.getTime() < RENEW_BEFORE_MS) return true;
  return names.dns.some((name) => cert.checkHost(name, { subject: 'never' }) === undefined) || names.ip.some((ip) => cert.checkIP(ip) === undefined);
}

function serverConfig({ dns, ip }: CertificateNames): string {
  const altNames = [...dns.map((name) => `DNS:${name}`), ...ip.map((address) => `IP:${address}`)].join(',');
  return [
    '[req]', 'distinguished_name = dn', 'x509_extensions = ext', 'prompt = no',
    '[dn]', `CN = ${safeName(dns.find((name) => name !== 'localhost') ?? 'localhost')}`,
    '[ext]', 'basicConstraints = critical,CA:FALSE', 'keyUsage = critical,digitalSignature', 'extendedKeyUsage = serverAuth',
    `subjectAltName = ${altNames}`, 'subjectKeyIdentifier = hash', 'authorityKeyIdentifier = keyid',
  ].join('\n');
}
