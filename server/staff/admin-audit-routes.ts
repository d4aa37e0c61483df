/**
 * Admins read the audit log (admin scope).
 *
 *   GET /api/admin/audit?username=&action=&from=&to=&page=   newest first, 50 a page → AuditPage
 */
import type { FastifyInstance } from 'fastify';
import { API } from '../../shared/api/routes';
import { AuditQuery, type AuditPage } from '../../shared/api/staff-schemas';
import { parseQuery } from '../http/parse-body';
import type { HubServices } from '../hub-services';

export function registerAdminAuditRoutes(app: FastifyInstance, { audit }: HubServices): void {
  app.get(API.staffAudit, async (request, reply): Promise<AuditPage> => {
    void reply.header('cache-control', 'no-store');
    return audit.read(parseQuery(AuditQuery, request.query));
  });
}
