import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API, staffAccountPasswordPath, staffAccountPath } from '../../shared/api/routes';
import { StaffAccount, StaffAccountList, StaffWhoAmI } from '../../shared/api/staff-schemas';
import { ADMIN_PASSWORD, LIBRARIAN_PASSWORD, staffHarness } from './support/staff-harness';
import { createTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;
let staff: ReturnType<typeof staffHarness>;
let adminToken: string;

beforeEach(async () => {
  hub = await createTestHub();
  staff = staffHarness(hub);
  await staff.addAccount('admin', ADMIN_PASSWORD, 'admin');
  adminToken = (await staff.signIn('admin', ADMIN_PASSWORD)).token;
});
afterEach(() => hub.close());

const NEW_LIBRARIAN = { username: 'liwei', role: 'librarian', password: 'temporary pass 42' } as const;

async function createLibrarian(): Promise<StaffAccount> {
  const response = await staff.asStaff(adminToken, 'POST', API.staffAccounts, NEW_LIBRARIAN);
  expect(response.statusCode).toBe(201);
  return StaffAccount.parse(response.json());
}

describe('staff roles', () => {
  it('lets a librarian curate e-books and see itself, but not manage staff or read the audit log', async () => {
    await staff.addAccount('zhao', LIBRARIAN_PASSWORD, 'librarian');
    const { token, role } = await staff.signIn('zhao', LIBRARIAN_PASSWORD);
    expect(role).toBe('librarian');

    expect((await staff.asStaff(token, 'GET', API.staffEbooks)).statusCode).toBe(200);
    expect(StaffWhoAmI.parse((await staff.asStaff(token, 'GET', API.staffSession)).json())).toEqual({
      username: 'zhao',
      role: 'librarian',
      passwordChangeRequired: false,
    });
    const adminOnly = [
      staff.asStaff(token, 'GET', API.staffAccounts),
      staff.asStaff(token, 'POST', API.staffAccounts, NEW_LIBRARIAN),
      staff.asStaff(token, 'PATCH', staffAccountPath(1), { disabled: true }),
      staff.asStaff(token, 'POST', staffAccountPasswordPath(1), { password: 'another long one' }),
      staff.asStaff(token, 'GET', API.staffAudit),
    ];
    for (const response of await Promise.all(adminOnly)) {
      expect([response.statusCode, response.json()]).toEqual([403, { error: { code: 'staff.forbidden' } }]);
    }
    expect(hub.db.prepare('SELECT COUNT(*) FROM staff').pluck().get()).toBe(2);
  });

  it('opens no staff route without a staff session: none, a made-up one, a kiosk device token or a patron session', async () => {
    const patronToken = await hub.signIn('20140001', '2580');
    const routes = [API.staffEbooks, API.staffSession, API.staffAccounts, API.staffAudit];
    for (const url of routes) {
      const attempts = [
        hub.app.inject({ method: 'GET', url }),
        hub.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${'x'.repeat(43)}` } }),
        hub.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${hub.kioskToken}` } }),
        hub.call('GET', url),
        hub.call('GET', url, { patronToken }),
      ];
      for (const response of await Promise.all(attempts)) {
        expect([url, response.statusCode, response.json()]).toEqual([url, 401, { error: { code: 'staff.signInRequired' } }]);
      }
    }
  });

  it('makes the admin an admin', async () => {
    expect(StaffWhoAmI.parse((await staff.asStaff(adminToken, 'GET', API.staffSession)).json()).role).toBe('admin');
  });
});

describe('staff accounts', () => {
  it('lets an admin create an account whose owner must choose a new password before anything else', async () => {
    const created = await createLibrarian();
    expect(created).toMatchObject({ username: 'liwei', role: 'librarian', disabled: false, passwordChangeRequired: true, lastSignInAt: null });
    const list = StaffAccountList.parse((await staff.asStaff(adminToken, 'GET', API.staffAccounts)).json());
    expect(list.accounts.map((account) => account.username)).toEqual(['admin', 'liwei']);

    const first = await staff.signIn('liwei', NEW_LIBRARIAN.password);
    expect(first).toMatchObject({ username: 'liwei', role: 'librarian', passwordChangeRequired: true });
    const ebooks = await staff.asStaff(first.token, 'GET', API.staffEbooks);
    expect([ebooks.statusCode, ebooks.json()]).toEqual([403, { error: { code: 'staff.passwordChangeRequired' } }]);
    expect(StaffWhoAmI.parse((await staff.asStaff(first.token, 'GET', API.staffSession)).json()).passwordChangeRequired).toBe(true);

    // The rule holds, and the new password cannot be the one the admin chose.
    for (const [newPassword, code] of [
      ['short', 'staff.passwordTooShort'],
      ['WoAiNi1314', 'staff.passwordCommon'],
      ['qwertyuiop', 'staff.passwordCommon'],
      [NEW_LIBRARIAN.password, 'staff.passwordUnchanged'],
    ] as const) {
      const refused = await staff.asStaff(first.token, 'POST', API.staffPassword, { newPassword });
      expect([newPassword, refused.statusCode, refused.json()]).toEqual([newPassword, 400, { error: { code } }]);
    }
    const changed = await staff.asStaff(first.token, 'POST', API.staffPassword, { newPassword: 'my own secret words' });
    expect(StaffWhoAmI.parse(changed.json())).toEqual({ username: 'liwei', role: 'librarian', passwordChangeRequired: false });
    // The same session may now do a librarian's work, and the old password no longer works.
    expect((await staff.asStaff(first.token, 'GET', API.staffEbooks)).statusCode).toBe(200);
    expect((await staff.login('liwei', NEW_LIBRARIAN.password)).statusCode).toBe(401);
    expect((await staff.signIn('liwei', 'my own secret words')).passwordChangeRequired).toBe(false);
  });

  it('refuses a weak initial password, a bad or taken username (whatever its case)', async () => {
    const attempts = [
      [{ ...NEW_LIBRARIAN, password: '123456789' }, 400, 'staff.passwordTooShort'],
      [{ ...NEW_LIBRARIAN, password: 'a123456789' }, 400, 'staff.passwordCommon'],
      [{ ...NEW_LIBRARIAN, username: 'li wei' }, 400, 'request.invalid'],
      [{ ...NEW_LIBRARIAN, role: 'owner' }, 400, 'request.invalid'],
      [{ ...NEW_LIBRARIAN, username: 'ADMIN' }, 409, 'staff.usernameTaken'],
    ] as const;
    for (const [body, status, code] of attempts) {
      const response = await staff.asStaff(adminToken, 'POST', API.staffAccounts, body);
      expect([body, response.statusCode, response.json()]).toEqual([body, status, { error: { code } }]);
    }
  });

  it('changing one’s own password needs the current one and ends the other sessions', async () => {
    const other = await staff.signIn('admin', ADMIN_PASSWORD);
    const wrong = await staff.asStaff(adminToken, 'POST', API.staffPassword, { currentPassword: 'not it', newPassword: 'a brand new phrase' });
    expect([wrong.statusCode, wrong.json()]).toEqual([403, { error: { code: 'staff.passwordWrong' } }]);
    const missing = await staff.asStaff(adminToken, 'POST', API.staffPassword, { newPassword: 'a brand new phrase' });
    expect(missing.statusCode).toBe(403);

    const changed = await staff.asStaff(adminToken, 'POST', API.staffPassword, { currentPassword: ADMIN_PASSWORD, newPassword: 'a brand new phrase' });
    expect(changed.statusCode).toBe(200);
    expect((await staff.asStaff(adminToken, 'GET', API.staffSession)).statusCode).toBe(200);
    expect((await staff.asStaff(other.token, 'GET', API.staffSession)).statusCode).toBe(401);
  });

  it('disabling an account ends its sessions at once and refuses its sign-in like a wrong password; enabling lets it back', async () => {
    const account = await createLibrarian();
    const session = await staff.signIn('liwei', NEW_LIBRARIAN.password);
    const disabled = await staff.asStaff(adminToken, 'PATCH', staffAccountPath(account.id), { disabled: true });
    expect(StaffAccount.parse(disabled.json()).disabled).toBe(true);
    expect((await staff.asStaff(session.token, 'GET', API.staffSession)).statusCode).toBe(401);
    const refused = await staff.login('liwei', NEW_LIBRARIAN.password);
    expect([refused.statusCode, refused.json()]).toEqual([401, { error: { code: 'staff.invalidCredentials' } }]);

    await staff.asStaff(adminToken, 'PATCH', staffAccountPath(account.id), { disabled: false });
    expect((await staff.login('liwei', NEW_LIBRARIAN.password)).statusCode).toBe(200);
  });

  it('a password reset ends the account’s sessions and asks for a new password at the next sign-in', async () => {
    await staff.addAccount('zhao', LIBRARIAN_PASSWORD, 'librarian');
    const zhao = await staff.signIn('zhao', LIBRARIAN_PASSWORD);
    const id = hub.db.prepare(`SELECT id FROM staff WHERE username = 'zhao'`).pluck().get() as number;
    const weak = await staff.asStaff(adminToken, 'POST', staffAccountPasswordPath(id), { password: '1qaz2wsx3edc' });
    expect(weak.json()).toEqual({ error: { code: 'staff.passwordCommon' } });

    const reset = await staff.asStaff(adminToken, 'POST', staffAccountPasswordPath(id), { password: 'temporary pass 43' });
    expect(StaffAccount.parse(reset.json()).passwordChangeRequired).toBe(true);
    expect((await staff.asStaff(zhao.token, 'GET', API.staffEbooks)).statusCode).toBe(401);
    expect((await staff.login('zhao', LIBRARIAN_PASSWORD)).statusCode).toBe(401);
    expect((await staff.signIn('zhao', 'temporary pass 43')).passwordChangeRequired).toBe(true);
  });

  it('keeps an admin from disabling or resetting their own account, and names unknown accounts', async () => {
    for (const response of [
      await staff.asStaff(adminToken, 'PATCH', staffAccountPath(1), { disabled: true }),
      await staff.asStaff(adminToken, 'POST', staffAccountPasswordPath(1), { password: 'another long one' }),
    ]) {
      expect([response.statusCode, response.json()]).toEqual([409, { error: { code: 'staff.notYourself' } }]);
    }
    expect((await staff.asStaff(adminToken, 'PATCH', staffAccountPath(99), { disabled: true })).json()).toEqual({ error: { code: 'staff.unknown' } });
    expect((await staff.asStaff(adminToken, 'PATCH', '/api/admin/staff/abc', { disabled: true })).statusCode).toBe(404);
  });
});
