/**
 * The Library system page's stored settings. All but the SIP2 password go in the settings table
 * (key `ilsSettings`); the password goes alone in DATA_DIR/secrets/sip2-password, readable by the
 * hub's user only (file 0600, folder 0700), never in the database, so a copy of the database does
 * not give away the ILS login. The environment overrides both (server/ils/sip2/sip2-config.ts).
 */
import type { Database } from 'better-sqlite3';
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ILS_KINDS, Sip2Fields, Sip2PasswordText, type Sip2PasswordChange } from '../../shared/api/ils-settings-schemas';
import { readSetting, writeSetting } from '../settings/settings';
import { readIfExists, writeAtomically } from '../tls/tls-files';
import type { SomeIlsSettings } from './sip2/sip2-config';

const SETTING_KEY = 'ilsSettings';

/** Stored by an earlier save, so only what was then not set by the environment. */
const StoredFields = z.object({ ils: z.enum(ILS_KINDS), ...Sip2Fields.shape }).partial().strict();
export type StoredIlsFields = z.infer<typeof StoredFields>;

export function sip2PasswordFile(dataDir: string): string {
  return join(dataDir, 'secrets', 'sip2-password');
}

/** What the panel stored, the password included when one is. Read at start (server/main.ts) and by the page. */
export function readStoredIlsSettings(db: Database, dataDir: string): SomeIlsSettings {
  const raw = readSetting(db, SETTING_KEY);
  const fields = StoredFields.safeParse(raw ?? {});
  if (!fields.success) throw new Error(`The Library system settings stored in the database cannot be used (${fields.error.issues[0]?.path.join('.')}): set them in the environment, or save them again on the admin panel`);
  const password = readIfExists(sip2PasswordFile(dataDir));
  if (password !== null && !Sip2PasswordText.safeParse(password).success) throw new Error(`${sip2PasswordFile(dataDir)} is not a SIP2 password: delete it, or save the password again on the admin panel`);
  return { ...fields.data, ...(password === null ? {} : { password }) };
}

/** Replaces the stored fields with `fields`, and the password as `password` says. */
export function storeIlsSettings(db: Database, dataDir: string, fields: StoredIlsFields, password: Sip2PasswordChange): void {
  writeSetting(db, SETTING_KEY, StoredFields.parse(fields));
  const file = sip2PasswordFile(dataDir);
  if (password.action === 'replace') {
    const dir = join(dataDir, 'secrets');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    writeAtomically(file, password.value, 0o600);
  } else if (password.action === 'clear') {
    rmSync(file, { force: true });
  }
}
