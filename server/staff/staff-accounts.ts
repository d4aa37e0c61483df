/** Library staff who sign in to the admin panel. */
import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { hashSecret, verifySecret } from '../security/password-hash';

export const INITIAL_STAFF_USERNAME = 'admin';

export async function createStaffAccount(db: Database, username: string, password: string, now: Clock): Promise<void> {
  db.prepare('INSERT INTO staff (username, password_hash, created_at) VALUES (?, ?, ?)').run(
    username,
    await hashSecret(password),
    now().toISOString(),
  );
}

// Checked when the username is unknown, so a wrong username takes as long as a wrong password.
const decoyHash = hashSecret('decoy password');

export async function verifyStaffPassword(db: Database, username: string, password: string): Promise<boolean> {
  const row = db.prepare('SELECT password_hash FROM staff WHERE username = ?').get(username) as
    | { password_hash: string }
    | undefined;
  const matches = await verifySecret(password, row?.password_hash ?? (await decoyHash));
  return matches && row !== undefined;
}
