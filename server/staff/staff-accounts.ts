/** Library staff who sign in to the admin panel: their accounts, roles and passwords. */
import type { Database } from 'better-sqlite3';
import type { StaffAccount, StaffRole } from '../../shared/api/staff-schemas';
import type { Clock } from '../clock';
import { hashSecret, verifySecret } from '../security/password-hash';

export const INITIAL_STAFF_USERNAME = 'admin';

/** Who a staff request comes from (`request.staff`). */
export interface StaffIdentity {
  id: number;
  username: string;
  role: StaffRole;
}

interface StaffRow {
  id: number;
  username: string;
  role: StaffRole;
  password_hash: string;
  disabled_at: string | null;
  password_change_required: 0 | 1;
  created_at: string;
  last_sign_in_at: string | null;
}

/** Usernames are unique whatever their case, so that `Admin` and `admin` are one account. */
export function usernameTaken(db: Database, username: string): boolean {
  return db.prepare('SELECT 1 FROM staff WHERE username = ? COLLATE NOCASE').get(username) !== undefined;
}

export async function createStaffAccount(
  db: Database,
  username: string,
  password: string,
  now: Clock,
  role: StaffRole = 'librarian',
  passwordChangeRequired = false,
): Promise<number> {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO staff (username, password_hash, created_at, role, password_change_required) VALUES (?, ?, ?, ?, ?)')
    .run(username, await hashSecret(password), now().toISOString(), role, passwordChangeRequired ? 1 : 0);
  return Number(lastInsertRowid);
}

// Checked when the username is unknown, so a wrong username takes as long as a wrong password.
const decoyHash = hashSecret('decoy password');

export interface SignInMatch {
  staff: StaffIdentity;
  passwordChangeRequired: boolean;
}

/** The account these credentials open, or null: unknown username, wrong password and disabled account alike. */
export async function checkStaffCredentials(db: Database, username: string, password: string): Promise<SignInMatch | null> {
  const row = db.prepare('SELECT * FROM staff WHERE username = ? COLLATE NOCASE').get(username) as StaffRow | undefined;
  const matches = await verifySecret(password, row?.password_hash ?? (await decoyHash));
  if (!matches || !row || row.disabled_at !== null) return null;
  return { staff: identityOf(row), passwordChangeRequired: row.password_change_required === 1 };
}

export async function verifyOwnPassword(db: Database, staffId: number, password: string): Promise<boolean> {
  const hash = db.prepare('SELECT password_hash FROM staff WHERE id = ?').pluck().get(staffId) as string | undefined;
  return hash !== undefined && verifySecret(password, hash);
}

export function noteSignIn(db: Database, staffId: number, now: Date): void {
  db.prepare('UPDATE staff SET last_sign_in_at = ? WHERE id = ?').run(now.toISOString(), staffId);
}

export function listStaffAccounts(db: Database): StaffAccount[] {
  return (db.prepare('SELECT * FROM staff ORDER BY username COLLATE NOCASE').all() as StaffRow[]).map(accountOf);
}

export function findStaffAccount(db: Database, staffId: number): StaffAccount | null {
  const row = db.prepare('SELECT * FROM staff WHERE id = ?').get(staffId) as StaffRow | undefined;
  return row ? accountOf(row) : null;
}

export function setStaffDisabled(db: Database, staffId: number, disabled: boolean, now: Date): void {
  db.prepare('UPDATE staff SET disabled_at = ? WHERE id = ?').run(disabled ? now.toISOString() : null, staffId);
}

/** A new password; `mustChange` when someone else chose it (an admin's reset), so its owner picks their own. */
export async function setStaffPassword(db: Database, staffId: number, password: string, mustChange: boolean): Promise<void> {
  db.prepare('UPDATE staff SET password_hash = ?, password_change_required = ? WHERE id = ?').run(await hashSecret(password), mustChange ? 1 : 0, staffId);
}

function identityOf(row: StaffRow): StaffIdentity {
  return { id: row.id, username: row.username, role: row.role };
}

function accountOf(row: StaffRow): StaffAccount {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    disabled: row.disabled_at !== null,
    passwordChangeRequired: row.password_change_required === 1,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
  };
}
