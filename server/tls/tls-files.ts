/** The hub's TLS files in `DATA_DIR/tls/`: the folder and the keys readable by the hub's user alone. */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const TLS_FILES = {
  caCert: 'ca.crt',
  caKey: 'ca.key',
  serverCert: 'server.crt',
  serverKey: 'server.key',
} as const;

export function tlsDir(dataDir: string): string {
  const dir = join(dataDir, 'tls');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  return dir;
}

export function readIfExists(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

/** Written whole or not at all (a crash mid-write leaves the old file); keys get mode 0600. */
export function writeAtomically(path: string, text: string, mode: 0o600 | 0o644): void {
  const temporary = `${path}.new`;
  writeFileSync(temporary, text, { mode });
  chmodSync(temporary, mode); // the umask may have narrowed or, for 0644, kept less than asked
  renameSync(temporary, path);
}
