import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { certificateNames } from '../../../server/tls/certificate-names';
import { ensureLocalCa } from '../../../server/tls/local-ca';
import { ensureServerCertificate, needsReissue } from '../../../server/tls/server-certificate';

const NOW = new Date();
const LAN = { eth0: [{ address: '192.168.1.20', family: 'IPv4', internal: false } as const] };
const names = (interfaces = LAN as never, publicUrl: string | null = null) =>
  certificateNames({ machineName: 'circulation-hub', interfaces, publicUrl, listenHost: '0.0.0.0' });

let dataDir: string;
beforeEach(() => void (dataDir = mkdtempSync(join(tmpdir(), 'hub-tls-'))));
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const mode = (file: string) => statSync(join(dataDir, 'tls', file)).mode & 0o777;

describe('the hub\'s local CA and server certificate', () => {
  it('covers localhost, the loopback addresses, the machine name, PUBLIC_URL\'s host and the LAN addresses', () => {
    const ca = ensureLocalCa(dataDir, 'circulation-hub');
    const { cert } = ensureServerCertificate(dataDir, ca, names(LAN as never, 'http://hub.library.lan:8080'), NOW);
    const x509 = new X509Certificate(cert);
    const altNames = x509.subjectAltName!.split(', ');
    expect(altNames).toEqual(expect.arrayContaining([
      'DNS:localhost', 'DNS:circulation-hub', 'DNS:circulation-hub.local', 'DNS:hub.library.lan',
      'IP Address:127.0.0.1', 'IP Address:0:0:0:0:0:0:0:1', 'IP Address:192.168.1.20',
    ]));
    expect(x509.checkIssued(ca.certificate) && x509.verify(ca.certificate.publicKey)).toBe(true);
    expect(x509.ca).toBe(false);
    expect(ca.certificate.ca).toBe(true);
  });

  it('keeps the keys readable by the hub alone and the certificates readable by all', () => {
    const ca = ensureLocalCa(dataDir);
    ensureServerCertificate(dataDir, ca, names(), NOW);
    expect([mode('ca.key'), mode('server.key'), mode('ca.crt'), mode('server.crt')]).toEqual([0o600, 0o600, 0o644, 0o644]);
    expect(statSync(join(dataDir, 'tls')).mode & 0o777).toBe(0o700);
  });

  it('reuses the CA and the certificate on the next start', () => {
    const ca = ensureLocalCa(dataDir);
    const first = ensureServerCertificate(dataDir, ca, names(), NOW);
    const again = ensureLocalCa(dataDir);
    expect(again.fingerprint).toBe(ca.fingerprint);
    const second = ensureServerCertificate(dataDir, again, names(), NOW);
    expect(second).toEqual({ ...first, issued: false });
  });

  it('issues a new certificate from the same CA when the LAN address changes', () => {
    const ca = ensureLocalCa(dataDir);
    const first = ensureServerCertificate(dataDir, ca, names(), NOW);
    const moved = names({ eth0: [{ address: '10.4.0.7', family: 'IPv4', internal: false }] } as never);
    expect(needsReissue(first.cert, ca, moved, NOW)).toBe(true);
    const second = ensureServerCertificate(dataDir, ca, moved, NOW);
    expect(second.issued).toBe(true);
    expect(new X509Certificate(second.cert).checkIP('10.4.0.7')).toBe('10.4.0.7');
    expect(ensureLocalCa(dataDir).fingerprint).toBe(ca.fingerprint);
    expect(readFileSync(join(dataDir, 'tls', 'server.key'), 'utf8')).toBe(second.key);
  });

  it('issues a new certificate within 30 days of its expiry, and for another CA\'s', () => {
    const ca = ensureLocalCa(dataDir);
    const { cert } = ensureServerCertificate(dataDir, ca, names(), NOW);
    expect(needsReissue(cert, ca, names(), new Date(NOW.getTime() + 300 * 86_400_000))).toBe(false);
    expect(needsReissue(cert, ca, names(), new Date(NOW.getTime() + 370 * 86_400_000))).toBe(true);
    const otherDir = mkdtempSync(join(tmpdir(), 'hub-tls-other-'));
    try {
      expect(needsReissue(cert, ensureLocalCa(otherDir), names(), NOW)).toBe(true);
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('leaves out link-local IPv6 addresses and names no certificate can hold', () => {
    const odd = certificateNames({
      machineName: 'Hub_01 (lobby)',
      interfaces: { eth0: [{ address: 'fe80::1', family: 'IPv6', internal: false }, { address: '2001:db8::5', family: 'IPv6', internal: false }] } as never,
      publicUrl: 'not a url',
      listenHost: '0.0.0.0',
    });
    expect(odd).toEqual({ dns: ['localhost'], ip: ['127.0.0.1', '::1', '2001:db8::5'] });
  });
});
