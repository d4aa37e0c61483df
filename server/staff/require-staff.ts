import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ExpiringTokenStore } from '../security/expiring-token-store';
import { HttpError } from '../http/http-error';
import { bearerToken } from '../patron-sessions/patron-sessions';
import type { StaffSession } from '../hub-services';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the staff guard for routes in the admin scope. */
    staff: StaffSession | null;
  }
}

/** Every route registered on `scope` requires a staff token (from the admin sign-in) as a Bearer token. */
export function requireStaff(scope: FastifyInstance, staffSessions: ExpiringTokenStore<StaffSession>): void {
  scope.decorateRequest('staff', null);
  scope.addHook('onRequest', async (request: FastifyRequest) => {
    const token = bearerToken(request);
    request.staff = token ? staffSessions.use(token) : null;
    if (!request.staff) throw new HttpError(401, 'staff.signInRequired');
  });
}
