import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { StaffRole } from '../../shared/api/staff-schemas';
import { HttpError } from '../http/http-error';
import { bearerToken } from '../patron-sessions/patron-sessions';
import type { StaffIdentity } from './staff-accounts';
import type { StaffSessions } from './staff-sessions';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the staff guard for routes in the staff scope. */
    staff: StaffIdentity | null;
  }
  interface FastifyContextConfig {
    /** The route may be used by a session that must choose a new password first (the change itself, who am I). */
    allowDuringPasswordChange?: boolean;
  }
}

/**
 * Every route registered on `scope` requires a staff token (from the admin sign-in) as a Bearer
 * token. A session whose password was reset opens only routes marked `allowDuringPasswordChange`.
 */
export function requireStaff(scope: FastifyInstance, staffSessions: StaffSessions): void {
  scope.decorateRequest('staff', null);
  scope.addHook('onRequest', async (request: FastifyRequest) => {
    const token = bearerToken(request);
    const session = token ? staffSessions.use(token) : null;
    if (!session) throw new HttpError(401, 'staff.signInRequired');
    if (session.scope === 'passwordChange' && !request.routeOptions.config.allowDuringPasswordChange) {
      throw new HttpError(403, 'staff.passwordChangeRequired');
    }
    request.staff = session.staff;
  });
}

/** Every route registered on `scope` (inside the staff scope) requires one of `roles`. */
export function requireRole(scope: FastifyInstance, ...roles: StaffRole[]): void {
  scope.addHook('preHandler', async (request: FastifyRequest) => {
    if (!request.staff || !roles.includes(request.staff.role)) throw new HttpError(403, 'staff.forbidden');
  });
}

/** The signed-in staff member of a route in the staff scope. */
export function staffOf(request: FastifyRequest): StaffIdentity {
  if (!request.staff) throw new Error('staffOf() outside the staff scope');
  return request.staff;
}
