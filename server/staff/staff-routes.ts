import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { API } from '../../shared/api/routes';
import { StaffLoginRequest, type StaffLoginResponse } from '../../shared/api/schemas';
import { HttpError } from '../http/http-error';
import { bearerToken } from '../patron-sessions/patron-sessions';
import { parseBody } from '../http/parse-body';
import type { HubServices } from '../hub-services';
import { verifyStaffPassword } from './staff-accounts';

/** Staff sign-in is keyed by IP address: it needs no kiosk token, so that is all there is to count. */
const LOGIN_RATE_LIMIT = { max: 10, timeWindow: '1 minute', keyGenerator: (request: { ip: string }) => `ip:${request.ip}` };

export function registerStaffRoutes(app: FastifyInstance, { db, staffSessions }: HubServices): void {
  app.post(API.staffLogin, { config: { rateLimit: LOGIN_RATE_LIMIT } }, async (request): Promise<z.infer<typeof StaffLoginResponse>> => {
    const { username, password } = parseBody(StaffLoginRequest, request.body);
    if (!(await verifyStaffPassword(db, username, password))) throw new HttpError(401, 'staff.invalidCredentials');
    return { token: staffSessions.issue({ username }), username };
  });

  // Signing out ends the token at once, rather than after 30 idle minutes; an unknown token is already out.
  app.delete(API.staffLogin, async (request, reply) => {
    const token = bearerToken(request);
    if (token) staffSessions.revoke(token);
    return reply.code(204).send();
  });
}
