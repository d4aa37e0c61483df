import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API } from '../../shared/api/routes';
import { AuditPage } from '../../shared/api/staff-schemas';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { ADMIN_PASSWORD, LIBRARIAN_PASSWORD, staffHarness } from './support/staff-harness';
import { createTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;
let staff: ReturnType<typeof staffHarness>;

beforeEach(async () => {
  hub = await createTestHub();
  staff = staffHarness(hub);
  await staff.addAccount('admin', ADMIN_PASSWORD, 'admin');
  await staff.addAccount('zhao', LIBRARIAN_PASSWORD, 'librarian');
});
afterEach(() => hub.close());

const whoAmI = (token: string) => staff.asStaff(token, 'GET', API.staffSession);

describe('staff sessions', () => {
  it('end after 30 minutes unused, and each use restarts the 30 minutes', async () => {
    const { token } = await staff.signIn('zhao', LIBRARIAN_PASSWORD);
    hub.advanceMinutes(29);
    expect((await whoAmI(token)).statusCode).toBe(200);
    hub.advanceMinutes(29);
    expect((await whoAmI(token)).statusCode).toBe(200);
    hub.advanceMinutes(30);
    const expired = await whoAmI(token);
    expect([expired.statusCode, expired.json()]).toEqual([401, { error: { code: 'staff.signInRequired' } }]);
  });

  it('end 12 hours after sign-in however busy they are', async () => {
    const { token } = await staff.signIn('zhao', LIBRARIAN_PASSWORD);
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      hub.advanceMinutes(20);
      expect((await whoAmI(token)).statusCode, `after ${minutes + 20} minutes`).toBe(200);
    }
    hub.advanceMinutes(20);
    expect((await whoAmI(token)).statusCode).toBe(401);
  });

  it('survive a hub restart on the same database, stored only as a hash', async () => {
    const { token } = await staff.signIn('zhao', LIBRARIAN_PASSWORD);
    const stored = hub.db.prepare('SELECT token_hash FROM staff_sessions').pluck().all() as string[];
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]).not.toContain(token);

    await hub.app.close();
    const restarted = await buildApp({ config: loadConfig({}), db: hub.db, now: hub.now, logger: false, sleep: async () => {} });
    const asZhao = { authorization: `Bearer ${token}` };
    expect((await restarted.inject({ method: 'GET', url: API.staffEbooks, headers: asZhao })).statusCode).toBe(200);
    await restarted.inject({ method: 'DELETE', url: API.staffLogin, headers: asZhao });
    expect((await restarted.inject({ method: 'GET', url: API.staffEbooks, headers: asZhao })).statusCode).toBe(401);
    await restarted.close();
  });

  it('signing out ends only that session, at once', async () => {
    const first = await staff.signIn('zhao', LIBRARIAN_PASSWORD);
    const second = await staff.signIn('zhao', LIBRARIAN_PASSWORD);
    expect((await staff.asStaff(first.token, 'DELETE', API.staffLogin)).statusCode).toBe(204);
    expect((await whoAmI(first.token)).statusCode).toBe(401);
    expect((await whoAmI(second.token)).statusCode).toBe(200);
  });

  it('keep no expired rows: a sign-in drops the sessions that are over', async () => {
    await staff.signIn('zhao', LIBRARIAN_PASSWORD);
    await staff.signIn('zhao', LIBRARIAN_PASSWORD);
    hub.advanceMinutes(31);
    await staff.signIn('zhao', LIBRARIAN_PASSWORD);
    expect(hub.db.prepare('SELECT COUNT(*) FROM staff_sessions').pluck().get()).toBe(1);
  });
});

describe('staff sign-in throttling', () => {
  it('answers each failure later than the last, then locks the username for 15 minutes, right password or not', async () => {
    for (let i = 0; i < 5; i++) expect((await staff.login('zhao', 'wrong guess')).statusCode).toBe(401);
    expect(hub.sleeps).toEqual([1000, 1000, 2000, 4000, 8000]);
    const locked = await staff.login('zhao', LIBRARIAN_PASSWORD);
    expect([locked.statusCode, locked.json()]).toEqual([429, { error: { code: 'staff.signInLocked' } }]);
    // Another account from the same address is not locked.
    expect((await staff.login('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
    hub.advanceMinutes(14);
    expect((await staff.login('zhao', LIBRARIAN_PASSWORD)).statusCode).toBe(429);
    hub.advanceMinutes(2);
    expect((await staff.login('zhao', LIBRARIAN_PASSWORD)).statusCode).toBe(200);
  });

  it('locks an unknown username the same way, so the answers never tell which usernames exist', async () => {
    const answers = async (username: string) => {
      const seen = [];
      for (let i = 0; i < 6; i++) {
        const response = await staff.login(username, 'wrong guess', '192.0.2.1');
        seen.push([response.statusCode, response.json()]);
      }
      return seen;
    };
    expect(await answers('nobody')).toEqual(await answers('zhao'));
  });

  it('limits failures per address over many usernames, and not other addresses', async () => {
    for (let i = 0; i < 20; i++) expect((await staff.login(`guess${i}`, 'wrong guess', '192.0.2.7')).statusCode).toBe(401);
    expect((await staff.login('zhao', LIBRARIAN_PASSWORD, '192.0.2.7')).statusCode).toBe(429);
    expect((await staff.login('zhao', LIBRARIAN_PASSWORD, '192.0.2.8')).statusCode).toBe(200);
  });

  it('a right password does not count as a failure', async () => {
    for (let i = 0; i < 4; i++) await staff.login('zhao', 'wrong guess');
    for (let i = 0; i < 3; i++) expect((await staff.login('zhao', LIBRARIAN_PASSWORD)).statusCode).toBe(200);
    expect((await staff.login('zhao', 'wrong guess')).statusCode).toBe(401);
    expect((await staff.login('zhao', LIBRARIAN_PASSWORD)).statusCode).toBe(429);
  });
});

describe('the audit log', () => {
  it('records sign-ins, failures (the username typed, never the password), account changes and e-book work, with the address', async () => {
    const admin = await staff.signIn('admin', ADMIN_PASSWORD);
    await staff.login('nobody', 'secret guess 1', '192.0.2.9');
    await staff.asStaff(admin.token, 'POST', API.staffAccounts, { username: 'liwei', role: 'librarian', password: 'temporary pass 42' });
    await staff.asStaff(admin.token, 'POST', API.staffEbookCategories, { nameZh: '诗歌', nameEn: 'Poetry', sort: 9 });
    await staff.asStaff(admin.token, 'DELETE', API.staffLogin);

    expect(staff.auditRows()).toEqual([
      { username: 'admin', action: 'signIn', target: null, address: '127.0.0.1' },
      { username: 'nobody', action: 'signIn.failed', target: null, address: '192.0.2.9' },
      { username: 'admin', action: 'staff.created', target: 'liwei', address: '127.0.0.1' },
      { username: 'admin', action: 'category.added', target: '诗歌', address: '127.0.0.1' },
      { username: 'admin', action: 'signOut', target: null, address: '127.0.0.1' },
    ]);
    expect(JSON.stringify(hub.db.prepare('SELECT * FROM staff_audit').all())).not.toContain('secret guess');
  });

  // 60 sign-ins, each a real scrypt check: seconds of CPU on a busy 2-core machine.
  it('admins read it newest first, filtered by who, action and time, 50 a page', { timeout: 30_000 }, async () => {
    for (let i = 0; i < 60; i++) {
      hub.advanceMinutes(1);
      // Odd ones sign in; even ones fail, each with a username of its own (one username would lock).
      await staff.login(i % 2 ? 'zhao' : `guess${i}`, i % 2 ? LIBRARIAN_PASSWORD : 'wrong guess', `192.0.2.${i}`);
    }
    const admin = await staff.signIn('admin', ADMIN_PASSWORD);
    const read = async (query: string) => {
      const response = await staff.asStaff(admin.token, 'GET', `${API.staffAudit}?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return AuditPage.parse(response.json());
    };
    const first = await read('');
    expect([first.total, first.entries.length, first.pageSize]).toEqual([61, 50, 50]);
    expect(first.entries.slice(0, 2)).toMatchObject([
      { username: 'admin', action: 'signIn', address: '127.0.0.1' },
      { username: 'zhao', action: 'signIn', address: '192.0.2.59' },
    ]);
    const second = await read('page=2');
    expect(second.entries).toHaveLength(11);
    expect(second.entries.at(-1)).toMatchObject({ username: 'guess0', action: 'signIn.failed', address: '192.0.2.0' });

    expect((await read('action=signIn.failed')).total).toBe(30);
    const byWho = await read('username=GUESS1');
    expect(byWho.entries.map((entry) => entry.username)).toEqual(['guess18', 'guess16', 'guess14', 'guess12', 'guess10']);
    expect((await read('username=zhao&action=signIn')).total).toBe(30);

    // From the start to just past minute 10: sign-ins 0 to 9 (sign-in i came at minute i + 1).
    const from = new Date(hub.now().getTime() - 60 * 60_000).toISOString();
    const to = new Date(hub.now().getTime() - 49 * 60_000).toISOString();
    const window = await read(`from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(window.entries.map((entry) => entry.address)).toEqual(['192.0.2.9', '192.0.2.8', '192.0.2.7', '192.0.2.6', '192.0.2.5', '192.0.2.4', '192.0.2.3', '192.0.2.2', '192.0.2.1', '192.0.2.0']);

    for (const bad of ['action=deleteEverything', 'page=0', 'from=yesterday']) {
      expect((await staff.asStaff(admin.token, 'GET', `${API.staffAudit}?${bad}`)).json()).toEqual({ error: { code: 'request.invalid' } });
    }
  });
});
