/**
 * Admins manage staff accounts (admin scope: `requireRole(scope, 'admin')`).
 *
 *   GET   /api/admin/staff                every account → StaffAccountList
 *   POST  /api/admin/staff                username, role, initial password → 201 StaffAccount;
 *                                         its owner must choose a new password at first sign-in
 *   PATCH /api/admin/staff/:id            disable or re-enable → StaffAccount; disabling ends its sessions
 *   POST  /api/admin/staff/:id/password   reset the password → StaffAccount; ends its sessions, and its
 *                                         owner must choose a new one at the next sign-in
 *
 * Admins change their own account with POST /api/admin/password, never here (409 staff.notYourself).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { API } from '../../shared/api/routes';
import { NewStaffAccount, PasswordReset, StaffAccountChange, type StaffAccount, type StaffAccountList } from '../../shared/api/staff-schemas';
import { passwordProblem } from '../../shared/staff/password-rule';
import { IdParam } from '../ebooks/route-params';
import { HttpError } from '../http/http-error';
import { parseBody, parseParams } from '../http/parse-body';
import type { HubServices } from '../hub-services';
import { staffOf } from './require-staff';
import { createStaffAccount, findStaffAccount, listStaffAccounts, setStaffDisabled, setStaffPassword, usernameTaken } from './staff-accounts';

export function registerAdminStaffRoutes(app: FastifyInstance, { db, now, staffSessions, audit }: HubServices): void {
  /** The account the path names, never the admin's own. */
  const otherAccount = (request: FastifyRequest): StaffAccount => {
    const { id } = parseParams(IdParam, request.params, 'staff.unknown');
    const account = findStaffAccount(db, id);
    if (!account) throw new HttpError(404, 'staff.unknown');
    if (account.id === staffOf(request).id) throw new HttpError(409, 'staff.notYourself');
    return account;
  };
  const acceptablePassword = (password: string): void => {
    const problem = passwordProblem(password);
    if (problem) throw new HttpError(400, problem);
  };

  app.get(API.staffAccounts, async (_request, reply): Promise<StaffAccountList> => {
    void reply.header('cache-control', 'no-store');
    return { accounts: listStaffAccounts(db) };
  });

  app.post(API.staffAccounts, async (request, reply): Promise<StaffAccount> => {
    const { username, role, password } = parseBody(NewStaffAccount, request.body);
    acceptablePassword(password);
    if (usernameTaken(db, username)) throw new HttpError(409, 'staff.usernameTaken');
    const id = await createStaffAccount(db, username, password, now, role, true);
    audit.recordRequest(request, 'staff.created', username);
    void reply.code(201);
    return findStaffAccount(db, id)!;
  });

  app.patch(API.staffAccount, async (request): Promise<StaffAccount> => {
    const account = otherAccount(request);
    const { disabled } = parseBody(StaffAccountChange, request.body);
    setStaffDisabled(db, account.id, disabled, now());
    if (disabled) staffSessions.endAllOf(account.id);
    audit.recordRequest(request, disabled ? 'staff.disabled' : 'staff.enabled', account.username);
    return findStaffAccount(db, account.id)!;
  });

  app.post(API.staffAccountPassword, async (request): Promise<StaffAccount> => {
    const account = otherAccount(request);
    const { password } = parseBody(PasswordReset, request.body);
    acceptablePassword(password);
    await setStaffPassword(db, account.id, password, true);
    staffSessions.endAllOf(account.id);
    audit.recordRequest(request, 'staff.passwordReset', account.username);
    return findStaffAccount(db, account.id)!;
  });
}
