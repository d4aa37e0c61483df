/**
 * Staff sign-in and sign-out (public: they need no session).
 *
 *   POST   /api/admin/login    username and password → StaffSignedIn; 401 staff.invalidCredentials
 *                              for an unknown user, a wrong password and a disabled account alike;
 *                              429 staff.signInLocked after repeated failures
 *   DELETE /api/admin/login    ends the Bearer token's session at once → 204
 */
import type { FastifyInstance } from 'fastify';
import { API } from '../../shared/api/routes';
import { StaffLoginRequest } from '../../shared/api/schemas';
import type { StaffSignedIn } from '../../shared/api/staff-schemas';
import { HttpError } from '../http/http-error';
import { parseBody } from '../http/parse-body';
import type { HubServices } from '../hub-services';
import { bearerToken } from '../patron-sessions/patron-sessions';
import { checkStaffCredentials, noteSignIn } from './staff-accounts';
import { failureDelayMs } from './staff-sign-in-throttle';

/** Each sign-in costs a password hash: this caps the work one address can ask for, on top of the lockout. */
const LOGIN_RATE_LIMIT = { max: 30, timeWindow: '1 minute', keyGenerator: (request: { ip: string }) => `ip:${request.ip}` };

export function registerStaffRoutes(app: FastifyInstance, { db, now, sleep, staffSessions, staffSignInThrottle, audit }: HubServices): void {
  app.post(API.staffLogin, { config: { rateLimit: LOGIN_RATE_LIMIT } }, async (request): Promise<StaffSignedIn> => {
    const { username, password } = parseBody(StaffLoginRequest, request.body);
    const address = request.ip;
    const gate = staffSignInThrottle.beginAttempt(username, address);
    if (!gate.allowed) {
      audit.record({ staff: null, username, action: 'signIn.locked', address });
      throw new HttpError(429, 'staff.signInLocked');
    }
    const match = await checkStaffCredentials(db, username, password);
    if (!match) {
      audit.record({ staff: null, username, action: 'signIn.failed', address });
      await sleep(failureDelayMs(gate.failures));
      throw new HttpError(401, 'staff.invalidCredentials');
    }
    staffSignInThrottle.takeBack(gate.attemptId);
    noteSignIn(db, match.staff.id, now());
    audit.record({ staff: match.staff, action: 'signIn', address });
    const { passwordChangeRequired, staff } = match;
    const token = staffSessions.start(staff.id, passwordChangeRequired ? 'passwordChange' : 'full');
    return { token, username: staff.username, role: staff.role, passwordChangeRequired };
  });

  // Signing out ends the token at once, rather than after 30 idle minutes; an unknown token is already out.
  app.delete(API.staffLogin, async (request, reply) => {
    const token = bearerToken(request);
    const session = token ? staffSessions.use(token) : null;
    if (token && session) {
      staffSessions.end(token);
      audit.record({ staff: session.staff, action: 'signOut', address: request.ip });
    }
    return reply.code(204).send();
  });
}
