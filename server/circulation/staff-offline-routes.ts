/**
 * The Offline transactions page (librarians and admins): conflicts and refusals of replayed
 * offline transactions, until a member of staff marks each handled.
 *
 *   GET  /api/admin/offline-transactions?include=open|all   → OfflineIssueList (open: not yet handled)
 *   POST /api/admin/offline-transactions/:id/handled        → 204 (who and when kept on the row; in the audit log)
 *
 * Card numbers are personal data: the answers are not cached (the hub's no-store default).
 */
import type { FastifyInstance } from 'fastify';
import { API } from '../../shared/api/routes';
import { OfflineIssueParams, OfflineIssuesQuery, type OfflineIssueList } from '../../shared/api/offline-staff-schemas';
import { HttpError } from '../http/http-error';
import { parseParams, parseQuery } from '../http/parse-body';
import type { HubServices } from '../hub-services';
import { OfflineIssues } from './offline-issues';

export function registerStaffOfflineRoutes(app: FastifyInstance, { db, now, audit }: HubServices): void {
  const issues = new OfflineIssues(db, now);

  app.get(API.staffOfflineTransactions, async (request): Promise<OfflineIssueList> => {
    const { include } = parseQuery(OfflineIssuesQuery, request.query);
    return { issues: issues.list(include) };
  });

  app.post(API.staffOfflineTransactionHandled, async (request, reply) => {
    const { id } = parseParams(OfflineIssueParams, request.params, 'request.invalid');
    const staff = request.staff;
    if (!staff) throw new HttpError(401, 'staff.signInRequired');
    const item = issues.markHandled(id, staff.username);
    if (item === null) throw new HttpError(404, 'request.invalid');
    audit.recordRequest(request, 'offline.handled', `${id} (${item})`);
    return reply.status(204).send();
  });
}
