/** The system's `openssl`, run with an argument list (never a shell). */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function openssl(args: readonly string[]): string {
  try {
    return execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') {
      throw new Error('The hub makes its HTTPS certificate with openssl, which is not installed: install it (apt-get install openssl), give the library\'s own certificate in TLS_CERT and TLS_KEY, or set HTTPS=off');
    }
    throw new Error(`openssl ${args[0]} failed: ${failure.stderr?.trim() || failure.message}`);
  }
}

/** A new P-256 private key, PEM (every browser a kiosk runs takes P-256). */
export function newPrivateKey(): string {
  return openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']);
}

/** A certificate made by `openssl req -x509` from a config file (see its callers), written next to the key for the call. */
export function issueCertificate(options: { keyFile: string; config: string; days: number; ca?: { certFile: string; keyFile: string } }): string {
  const signer = options.ca ? ['-CA', options.ca.certFile, '-CAkey', options.ca.keyFile] : [];
  const serial = `0x${randomBytes(16).toString('hex')}`; // no two certificates of one CA share a serial
  const configFile = join(dirname(options.keyFile), 'openssl-request.cnf');
  writeFileSync(configFile, options.config, { mode: 0o600 });
  try {
    return openssl(['req', '-x509', '-new', '-key', options.keyFile, ...signer, '-config', configFile, '-sha256', '-days', String(options.days), '-set_serial', serial]);
  } finally {
    rmSync(configFile, { force: true });
  }
}
