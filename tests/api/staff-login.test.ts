import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API } from '../../shared/api/routes';
import { StaffSignedIn } from '../../shared/api/staff-schemas';
import { createStaffAccount } from '../../server/staff/staff-accounts';
import { createTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;

beforeEach(async () => {
  hub = await createTestHub();
  await createStaffAccount(hub.db, 'admin', 'correct horse battery staple', hub.now);
});
afterEach(() => hub.close());

const login = (username: string, password: string) =>
  hub.call('POST', API.staffLogin, { kioskToken: null, body: { username, password } });

describe('staff sign-in', () => {
  it('gives staff a token for the admin panel', async () => {
    const response = await login('admin', 'correct horse battery staple');
    expect(response.statusCode).toBe(200);
    expect(StaffSignedIn.parse(response.json()).username).toBe('admin');
  });

  it('answers a wrong password and an unknown user alike', async () => {
    for (const [username, password] of [['admin', 'wrong'], ['nobody', 'correct horse battery staple']] as const) {
      const response = await login(username, password);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ error: { code: 'staff.invalidCredentials' } });
    }
  });

  it('stores the password only as a scrypt hash', () => {
    const hash = hub.db.prepare(`SELECT password_hash FROM staff WHERE username = 'admin'`).pluck().get();
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
  });

  it('signing out ends the token at once', async () => {
    const { token } = StaffSignedIn.parse((await login('admin', 'correct horse battery staple')).json());
    const asStaff = { authorization: `Bearer ${token}` };
    expect((await hub.app.inject({ method: 'GET', url: API.staffEbooks, headers: asStaff })).statusCode).toBe(200);
    expect((await hub.app.inject({ method: 'DELETE', url: API.staffLogin, headers: asStaff })).statusCode).toBe(204);
    const after = await hub.app.inject({ method: 'GET', url: API.staffEbooks, headers: asStaff });
    expect([after.statusCode, after.json()]).toEqual([401, { error: { code: 'staff.signInRequired' } }]);
  });
});
