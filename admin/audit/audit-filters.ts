/** The Audit log page's filters as typed, and the hub query they make. */
import type { AuditAction, AuditQuery } from '../../shared/api/staff-schemas';

export interface AuditFilters {
  username: string;
  action: AuditAction | '';
  /** Dates as a date field gives them (YYYY-MM-DD, the browser's day), or ''. */
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilters = { username: '', action: '', from: '', to: '' };

/** The start of a day in the browser's time zone (the library's own), as an ISO time. */
function startOfDay(date: string, plusDays = 0): string {
  const day = new Date(`${date}T00:00:00`);
  day.setDate(day.getDate() + plusDays);
  return day.toISOString();
}

/** `to` is the last day shown, so the query ends at the start of the day after it. */
export function auditQueryOf(filters: AuditFilters, page: number): AuditQuery {
  return {
    page,
    ...(filters.username.trim() ? { username: filters.username.trim() } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.from ? { from: startOfDay(filters.from) } : {}),
    ...(filters.to ? { to: startOfDay(filters.to, 1) } : {}),
  };
}

export function rangeIsBackwards({ from, to }: AuditFilters): boolean {
  return from !== '' && to !== '' && to < from;
}
