/** Staff accounts and sign-ins on a test hub, for the staff API tests. */
import type { InjectOptions } from 'fastify';
import { API } from '../../../shared/api/routes';
import { StaffSignedIn, type StaffRole } from '../../../shared/api/staff-schemas';
import { createStaffAccount } from '../../../server/staff/staff-accounts';
import type { TestHub } from './test-hub';

export const ADMIN_PASSWORD = 'correct horse battery staple';
export const LIBRARIAN_PASSWORD = 'reading room lamp';

export function staffHarness(hub: TestHub) {
  const login = (username: string, password: string, remoteAddress = '127.0.0.1') =>
    hub.call('POST', API.staffLogin, { kioskToken: null, body: { username, password }, remoteAddress });

  async function signIn(username: string, password: string): Promise<StaffSignedIn> {
    const response = await login(username, password);
    if (response.statusCode !== 200) throw new Error(`staff sign-in failed: ${response.statusCode} ${response.body}`);
    return StaffSignedIn.parse(response.json());
  }

  const asStaff = (token: string, method: InjectOptions['method'], url: string, body?: object) =>
    hub.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(body ? { payload: body } : {}) });

  return {
    login,
    signIn,
    asStaff,
    addAccount: (username: string, password: string, role: StaffRole, mustChange = false) =>
      createStaffAccount(hub.db, username, password, hub.now, role, mustChange),
    auditRows: () => hub.db.prepare('SELECT username, action, target, address FROM staff_audit ORDER BY id').all(),
  };
}
