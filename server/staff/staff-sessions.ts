/**
 * Admin panel sessions, kept in SQLite by their token's SHA-256: they survive a page reload and a
 * hub restart, and a leaked database holds no working token. A session ends after 30 minutes
 * unused or 12 hours after sign-in, whichever comes first, at sign-out, and when its account is
 * disabled or its password reset.
 */
import type { Database } from 'better-sqlite3';
import { addMinutes, type Clock } from '../clock';
import { newToken, sha256Hex } from '../security/tokens';
import type { StaffIdentity } from './staff-accounts';

export const STAFF_SESSION_IDLE_MINUTES = 30;
export const STAFF_SESSION_MAX_HOURS = 12;

/** `passwordChange`: the password was reset, and choosing a new one is all this session may do. */
export type StaffSessionScope = 'full' | 'passwordChange';

export interface StaffSessionState {
  staff: StaffIdentity;
  scope: StaffSessionScope;
}

interface SessionRow {
  id: number;
  username: string;
  role: StaffIdentity['role'];
  scope: StaffSessionScope;
}

export class StaffSessions {
  private readonly sql;

  constructor(
    db: Database,
    private readonly now: Clock,
  ) {
    this.sql = {
      insert: db.prepare('INSERT INTO staff_sessions (token_hash, staff_id, scope, created_at, last_used_at) VALUES (?, ?, ?, ?, ?)'),
      dropExpired: db.prepare('DELETE FROM staff_sessions WHERE last_used_at <= ? OR created_at <= ?'),
      find: db.prepare(
        `SELECT staff.id, staff.username, staff.role, staff_sessions.scope FROM staff_sessions JOIN staff ON staff.id = staff_sessions.staff_id
         WHERE token_hash = ? AND last_used_at > ? AND staff_sessions.created_at > ? AND staff.disabled_at IS NULL`,
      ),
      touch: db.prepare('UPDATE staff_sessions SET last_used_at = ? WHERE token_hash = ?'),
      setScope: db.prepare('UPDATE staff_sessions SET scope = ? WHERE token_hash = ?'),
      end: db.prepare('DELETE FROM staff_sessions WHERE token_hash = ? RETURNING staff_id'),
      endAllOf: db.prepare('DELETE FROM staff_sessions WHERE staff_id = ? AND token_hash <> ?'),
    };
  }

  /** A new session's token; expired sessions are dropped first, so the table holds only live ones. */
  start(staffId: number, scope: StaffSessionScope): string {
    const now = this.now();
    this.sql.dropExpired.run(...this.limits(now));
    const token = newToken();
    this.sql.insert.run(sha256Hex(token), staffId, scope, now.toISOString(), now.toISOString());
    return token;
  }

  /** The session's staff and scope, counting this as use; null when unknown, expired or its account disabled. */
  use(token: string): StaffSessionState | null {
    const now = this.now();
    const hash = sha256Hex(token);
    const row = this.sql.find.get(hash, ...this.limits(now)) as SessionRow | undefined;
    if (!row) return null;
    this.sql.touch.run(now.toISOString(), hash);
    return { staff: { id: row.id, username: row.username, role: row.role }, scope: row.scope };
  }

  grantFullAccess(token: string): void {
    this.sql.setScope.run('full', sha256Hex(token));
  }

  /** Ends the session at once; true when there was one. */
  end(token: string): boolean {
    return this.sql.end.get(sha256Hex(token)) !== undefined;
  }

  /** Ends every session of the account (but `keepToken`'s, the one asking). */
  endAllOf(staffId: number, keepToken = ''): void {
    this.sql.endAllOf.run(staffId, keepToken && sha256Hex(keepToken));
  }

  /** Sessions last used at or before the first, or started at or before the second, are over. */
  private limits(now: Date): [string, string] {
    return [addMinutes(now, -STAFF_SESSION_IDLE_MINUTES).toISOString(), addMinutes(now, -STAFF_SESSION_MAX_HOURS * 60).toISOString()];
  }
}
