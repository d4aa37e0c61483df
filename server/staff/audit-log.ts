/**
 * The audit log: every staff action, with who (the account, or for a failed sign-in the
 * username typed), what, when and from which address. Admins read it, filtered and paged.
 */
import type { Database } from 'better-sqlite3';
import type { FastifyRequest } from 'fastify';
import { AUDIT_PAGE_SIZE, type AuditAction, type AuditEntry, type AuditPage, type AuditQuery } from '../../shared/api/staff-schemas';
import type { Clock } from '../clock';
import type { StaffIdentity } from './staff-accounts';

export interface AuditRecord {
  staff: StaffIdentity | null;
  /** For a sign-in that opened no account: the username as typed. */
  username?: string;
  action: AuditAction;
  target?: string | null;
  address: string;
}

export class AuditLog {
  private readonly insert;

  constructor(
    private readonly db: Database,
    private readonly now: Clock,
  ) {
    this.insert = db.prepare('INSERT INTO staff_audit (at, staff_id, username, action, target, address) VALUES (?, ?, ?, ?, ?, ?)');
  }

  record({ staff, username, action, target = null, address }: AuditRecord): void {
    this.insert.run(this.now().toISOString(), staff?.id ?? null, staff?.username ?? username ?? '', action, target, address);
  }

  /** What the signed-in staff member of `request` just did (a route in the staff scope). */
  recordRequest(request: FastifyRequest, action: AuditAction, target: string | null = null): void {
    this.record({ staff: request.staff, action, target, address: request.ip });
  }

  /** Newest first. `username` matches any part of it, whatever the case. */
  read(query: AuditQuery): AuditPage {
    const where: string[] = [];
    const params: Array<string | number> = [];
    if (query.username) {
      where.push('instr(lower(username), lower(?)) > 0');
      params.push(query.username);
    }
    if (query.action) {
      where.push('action = ?');
      params.push(query.action);
    }
    // Stored times are UTC ISO strings, which sort as text; the filter's are made alike first.
    if (query.from) {
      where.push('at >= ?');
      params.push(new Date(query.from).toISOString());
    }
    if (query.to) {
      where.push('at < ?');
      params.push(new Date(query.to).toISOString());
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = this.db.prepare(`SELECT COUNT(*) FROM staff_audit ${clause}`).pluck().get(...params) as number;
    const entries = this.db
      .prepare(`SELECT id, at, username, action, target, address FROM staff_audit ${clause} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`)
      .all(...params, AUDIT_PAGE_SIZE, (query.page - 1) * AUDIT_PAGE_SIZE) as AuditEntry[];
    return { entries, total, page: query.page, pageSize: AUDIT_PAGE_SIZE };
  }
}
