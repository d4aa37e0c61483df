/**
 * What every signed-in staff member may do with their own account (staff scope).
 *
 *   GET  /api/admin/session    who is signed in → StaffWhoAmI (the panel asks after a reload)
 *   POST /api/admin/password   choose a new password → StaffWhoAmI; the current one is needed
 *                              unless an admin reset it; every other session of the account ends
 *
 * Both are open to a session that must choose a new password first.
 */
import type { FastifyInstance } from 'fastify';
import { API } from '../../shared/api/routes';
import { ChangeOwnPasswordRequest, type StaffWhoAmI } from '../../shared/api/staff-schemas';
import { passwordProblem } from '../../shared/staff/password-rule';
import { HttpError } from '../http/http-error';
import { parseBody } from '../http/parse-body';
import type { HubServices } from '../hub-services';
import { bearerToken } from '../patron-sessions/patron-sessions';
import { staffOf } from './require-staff';
import { findStaffAccount, setStaffPassword, verifyOwnPassword } from './staff-accounts';

const DURING_PASSWORD_CHANGE = { config: { allowDuringPasswordChange: true } };

export function registerStaffOwnAccountRoutes(app: FastifyInstance, { db, staffSessions, audit }: HubServices): void {
  const whoAmI = (staffId: number): StaffWhoAmI => {
    const account = findStaffAccount(db, staffId);
    if (!account) throw new HttpError(401, 'staff.signInRequired');
    return { username: account.username, role: account.role, passwordChangeRequired: account.passwordChangeRequired };
  };

  app.get(API.staffSession, DURING_PASSWORD_CHANGE, async (request, reply): Promise<StaffWhoAmI> => {
    void reply.header('cache-control', 'no-store');
    return whoAmI(staffOf(request).id);
  });

  app.post(API.staffPassword, DURING_PASSWORD_CHANGE, async (request): Promise<StaffWhoAmI> => {
    const staff = staffOf(request);
    const { currentPassword, newPassword } = parseBody(ChangeOwnPasswordRequest, request.body);
    // While a reset password must be replaced, every session of the account is one that signed in with it just now.
    const { passwordChangeRequired } = whoAmI(staff.id);
    if (!passwordChangeRequired && !(currentPassword !== undefined && (await verifyOwnPassword(db, staff.id, currentPassword)))) {
      throw new HttpError(403, 'staff.passwordWrong');
    }
    const problem = passwordProblem(newPassword);
    if (problem) throw new HttpError(400, problem);
    if (await verifyOwnPassword(db, staff.id, newPassword)) throw new HttpError(400, 'staff.passwordUnchanged');

    await setStaffPassword(db, staff.id, newPassword, false);
    const token = bearerToken(request) ?? '';
    staffSessions.endAllOf(staff.id, token);
    staffSessions.grantFullAccess(token);
    audit.recordRequest(request, 'password.changed');
    return whoAmI(staff.id);
  });
}
