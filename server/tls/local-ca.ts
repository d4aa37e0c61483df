/**
 * The hub's own certificate authority, made once in `DATA_DIR/tls/` and kept: kiosks trust its
 * certificate (ca.crt) once, and every server certificate the hub later issues itself is trusted too.
 */
import { X509Certificate } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { issueCertificate, newPrivateKey } from './openssl';
import { readIfExists, TLS_FILES, tlsDir, writeAtomically } from './tls-files';

const CA_DAYS = 10 * 365;

export interface LocalCa {
  certFile: string;
  keyFile: string;
  certificate: X509Certificate;
  /** SHA-256 of the certificate, `AB:CD:…` as browsers and `openssl x509 -fingerprint -sha256` show it. */
  fingerprint: string;
}

export function ensureLocalCa(dataDir: string, machineName: string = hostname()): LocalCa {
  const dir = tlsDir(dataDir);
  const certFile = join(dir, TLS_FILES.caCert);
  const keyFile = join(dir, TLS_FILES.caKey);
  let pem = readIfExists(certFile);
  if (pem === null || readIfExists(keyFile) === null) {
    writeAtomically(keyFile, newPrivateKey(), 0o600);
    pem = issueCertificate({ keyFile, config: caConfig(machineName), days: CA_DAYS });
    writeAtomically(certFile, pem, 0o644); // public: staff copy it to every kiosk
  }
  const certificate = new X509Certificate(pem);
  return { certFile, keyFile, certificate, fingerprint: certificate.fingerprint256 };
}

function caConfig(machineName: string): string {
  return [
    '[req]', 'distinguished_name = dn', 'x509_extensions = ext', 'prompt = no',
    // The machine's name tells two hubs' CAs apart in a browser's certificate list.
    '[dn]', `CN = Library hub CA (${safeName(machineName)})`,
    '[ext]', 'basicConstraints = critical,CA:TRUE,pathlen:0', 'keyUsage = critical,keyCertSign,cRLSign', 'subjectKeyIdentifier = hash',
  ].join('\n');
}

/** What of a host name may stand in an openssl config value. */
export function safeName(name: string): string {
  return name.replace(/[^a-zA-Z0-9.-]/g, '').slice(0, 60) || 'hub';
}
