/**
 * Initial PINs hashed before the import's transaction, with the same scrypt as every PIN (hashing is the slow
 * part of a patron import: libuv's thread pool runs four at a time; docs/import.md has the figures).
 */
import { hashSecret } from '../security/password-hash';
import type { ImportedPatron } from './csv-patrons';

export interface ImportedPatronWithHash extends ImportedPatron {
  readonly pinHash: string | null;
}

const BATCH = 64;

export async function hashPatronPins(patrons: readonly ImportedPatron[], onProgress?: (done: number) => Promise<void>): Promise<ImportedPatronWithHash[]> {
  const out: ImportedPatronWithHash[] = [];
  for (let at = 0; at < patrons.length; at += BATCH) {
    const batch = patrons.slice(at, at + BATCH);
    const hashes = await Promise.all(batch.map((patron) => (patron.pin === null ? null : hashSecret(patron.pin))));
    batch.forEach((patron, i) => out.push({ ...patron, pinHash: hashes[i] ?? null }));
    await onProgress?.(out.length);
  }
  return out;
}
