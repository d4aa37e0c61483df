/** The Library system page's stored settings: admins only, checked by field, the password in a 0600 file and never sent back. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/schemas';
import { IlsConnectionTest, IlsSettingsView, SIP2_DEFAULTS, type IlsSettingsInput } from '../../shared/api/ils-settings-schemas';
import { API, KIOSK_TOKEN_HEADER } from '../../shared/api/routes';
import { loadConfig } from '../../server/config';
import { readStoredIlsSettings, sip2PasswordFile } from '../../server/ils/ils-settings-store';
import { writeSetting } from '../../server/settings/settings';
import { createDemoDatabase } from '../sip2/demo-database';
import { startSip2Simulator, type Sip2Simulator } from '../sip2/sip2-simulator';
import { ADMIN_PASSWORD, LIBRARIAN_PASSWORD, staffHarness } from './support/staff-harness';
import { createTestHub, START, type TestHub, type TestHubOptions } from './support/test-hub';

const PASSWORD = 'Sip2 secret pass';

let dataDir: string;
let hubs: TestHub[] = [];
let simulator: Sip2Simulator | undefined;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'ils-settings-'));
});
afterEach(async () => {
  for (const hub of hubs) await hub.close();
  hubs = [];
  await simulator?.close();
  simulator = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

async function adminHub(options: TestHubOptions = {}) {
  const hub = await createTestHub({ ...options, config: { dataDir, ...options.config } });
  hubs.push(hub);
  const staff = staffHarness(hub);
  await staff.addAccount('admin', ADMIN_PASSWORD, 'admin');
  const { token } = await staff.signIn('admin', ADMIN_PASSWORD);
  return { hub, staff, token, as: (method: 'GET' | 'PUT' | 'POST', url: string, body?: object) => staff.asStaff(token, method, url, body) };
}

const form = (sip2: Partial<IlsSettingsInput['sip2']> = {}, password: IlsSettingsInput['password'] = { action: 'keep' }): IlsSettingsInput => ({
  ils: 'sip2',
  sip2: { ...SIP2_DEFAULTS, host: 'koha.library.example', user: 'selfcheck', institution: 'CPL', ...sip2 },
  password,
});

describe('the Library system settings routes', () => {
  it('are refused to librarians, to a kiosk’s token and without a session', async () => {
    const { hub, staff } = await adminHub();
    await staff.addAccount('zhao', LIBRARIAN_PASSWORD, 'librarian');
    const librarian = (await staff.signIn('zhao', LIBRARIAN_PASSWORD)).token;
    for (const [method, url, body] of [['GET', API.staffIls], ['PUT', API.staffIls, form()], ['POST', API.staffIlsTest, { settings: form() }]] as const) {
      expect((await staff.asStaff(librarian, method, url, body)).statusCode, `${method} ${url} as librarian`).toBe(403);
      const noSession = await hub.app.inject({ method, url, ...(body ? { payload: body } : {}) });
      expect(noSession.statusCode, `${method} ${url} without a session`).toBe(401);
      const kiosk = await hub.app.inject({ method, url, headers: { [KIOSK_TOKEN_HEADER]: hub.kioskToken }, ...(body ? { payload: body } : {}) });
      expect(kiosk.statusCode, `${method} ${url} with a kiosk token`).toBe(401);
    }
    expect(readStoredIlsSettings(hub.db, dataDir)).toEqual({});
  });

  it('store the settings, the password only in DATA_DIR/secrets with mode 0600, never echoed, and audit the change without it', async () => {
    const { hub, staff, as } = await adminHub();
    const saved = await as('PUT', API.staffIls, form({ port: 6011, tls: true }, { action: 'replace', value: PASSWORD }));
    expect(saved.statusCode).toBe(200);
    expect(saved.body).not.toContain(PASSWORD);
    expect(saved.headers['cache-control']).toBe('no-store');
    const view = IlsSettingsView.parse(saved.json());
    expect(view).toEqual({
      ils: 'embedded',
      sip2: null,
      next: { ils: 'sip2', sip2: { ...SIP2_DEFAULTS, host: 'koha.library.example', port: 6011, tls: true, user: 'selfcheck', institution: 'CPL', passwordSet: true } },
      fromEnvironment: [],
      restartNeeded: true,
    });
    expect(IlsSettingsView.parse((await as('GET', API.staffIls)).json())).toEqual(view);

    const file = sip2PasswordFile(dataDir);
    expect(readFileSync(file, 'utf8')).toBe(PASSWORD);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(file)).mode & 0o777).toBe(0o700);
    expect(Buffer.from(hub.db.serialize()).includes(PASSWORD)).toBe(false);

    const audit = staff.auditRows().filter((row) => (row as { action: string }).action === 'ils.settingsChanged');
    expect(audit).toHaveLength(1);
    const { target } = audit[0] as { target: string };
    expect(target).toContain('ils: sip2');
    expect(target).toContain('host: koha.library.example');
    expect(target).toContain('password: replaced');
    expect(target).not.toContain(PASSWORD);

    // Keep leaves the password; clear removes the file; saving nothing new is not audited.
    await as('PUT', API.staffIls, form({ port: 6011, tls: true }));
    expect(readFileSync(file, 'utf8')).toBe(PASSWORD);
    expect(staff.auditRows().filter((row) => (row as { action: string }).action === 'ils.settingsChanged')).toHaveLength(1);
    const cleared = IlsSettingsView.parse((await as('PUT', API.staffIls, form({ port: 6011, tls: true }, { action: 'clear' }))).json());
    expect(cleared.next.sip2.passwordSet).toBe(false);
    expect(() => statSync(file)).toThrow();
    expect((staff.auditRows().at(-1) as { target: string }).target).toBe('password: cleared');
  });

  it('refuse bad settings by field and why, and store nothing', async () => {
    const { hub, as } = await adminHub();
    const refused = async (body: unknown) => {
      const response = await as('PUT', API.staffIls, body as object);
      expect(response.statusCode).toBe(400);
      const { error } = ApiError.parse(response.json());
      expect(error.code).toBe('ils.invalid');
      return error.problems;
    };
    expect(await refused(form({ host: '', port: 0, user: 'self|check', timeoutMs: 50 }))).toEqual([
      { field: 'sip2.port', reason: 'tooSmall', limit: 1 },
      { field: 'sip2.user', reason: 'sip2Characters' },
      { field: 'sip2.timeoutMs', reason: 'tooSmall', limit: 100 },
      { field: 'sip2.host', reason: 'required' },
    ]);
    expect(await refused({ ...form(), sip2: { ...form().sip2, encoding: 'big5', host: 'has blank' } })).toEqual([
      { field: 'sip2.host', reason: 'invalid' },
      { field: 'sip2.encoding', reason: 'notAllowed' },
    ]);
    expect(await refused(form({}, { action: 'replace', value: 'line\rbreak' }))).toEqual([{ field: 'password.value', reason: 'sip2Characters' }]);
    expect(await refused({ ...form(), extra: 1 })).toEqual([{ field: '', reason: 'notAllowed' }]);
    expect(await refused(['sip2'])).toEqual([{ field: '', reason: 'invalid' }]);
    // The embedded ILS needs no host.
    expect((await as('PUT', API.staffIls, { ...form({ host: '' }), ils: 'embedded' })).statusCode).toBe(200);
    expect(readStoredIlsSettings(hub.db, dataDir)).toMatchObject({ ils: 'embedded', host: '' });
  });

  it('show what the environment sets read-only, and refuse to change it', async () => {
    const env = { ILS: 'sip2', SIP2_HOST: 'env.library.example', SIP2_PASSWORD: 'from the environment' };
    const config = loadConfig(env);
    const { hub, as } = await adminHub({ config: { ils: config.ils, sip2: config.sip2, ilsEnvironment: config.ilsEnvironment } });
    const view = IlsSettingsView.parse((await as('GET', API.staffIls)).json());
    expect(view.fromEnvironment).toEqual(['ils', 'host', 'password']);
    expect(view.next).toMatchObject({ ils: 'sip2', sip2: { host: 'env.library.example', passwordSet: true } });
    expect(view.restartNeeded).toBe(false);

    const response = await as('PUT', API.staffIls, { ...form({ host: 'other.example' }, { action: 'replace', value: PASSWORD }), ils: 'embedded' });
    expect(response.statusCode).toBe(400);
    expect(ApiError.parse(response.json()).error.problems).toEqual([
      { field: 'ils', reason: 'setByEnvironment' },
      { field: 'sip2.host', reason: 'setByEnvironment' },
      { field: 'password', reason: 'setByEnvironment' },
    ]);
    const saved = IlsSettingsView.parse((await as('PUT', API.staffIls, form({ host: 'env.library.example', port: 7000 }))).json());
    expect(saved.next.sip2).toMatchObject({ host: 'env.library.example', port: 7000 });
    expect(saved.restartNeeded).toBe(true);
    // The environment's settings are not the panel's to keep.
    const stored = readStoredIlsSettings(hub.db, dataDir);
    expect(stored).toMatchObject({ port: 7000, user: 'selfcheck' });
    expect(stored).not.toHaveProperty('host');
    expect(stored).not.toHaveProperty('ils');
  });

  it('are what the hub starts with, under the environment', async () => {
    const { hub, as } = await adminHub();
    await as('PUT', API.staffIls, form({ host: '127.0.0.1', port: 6011, location: 'LOBBY' }, { action: 'replace', value: PASSWORD }));
    const stored = readStoredIlsSettings(hub.db, dataDir);
    expect(loadConfig({}, stored)).toMatchObject({
      ils: 'sip2',
      sip2: { ...SIP2_DEFAULTS, host: '127.0.0.1', port: 6011, user: 'selfcheck', institution: 'CPL', location: 'LOBBY', password: PASSWORD },
    });
    expect(loadConfig({ SIP2_PORT: '6099', ILS: 'embedded' }, stored)).toMatchObject({ ils: 'embedded', sip2: null });
    expect(loadConfig({ SIP2_PORT: '6099' }, stored).sip2).toMatchObject({ port: 6099, host: '127.0.0.1' });

    // A hub started with them runs with them, and no restart is pending.
    const restarted = await createTestHub({ config: loadConfig({ DATA_DIR: dataDir }, stored) });
    hubs.push(restarted);
    const staff = staffHarness(restarted);
    await staff.addAccount('admin', ADMIN_PASSWORD, 'admin');
    const { token } = await staff.signIn('admin', ADMIN_PASSWORD);
    restarted.db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json').run(
      'ilsSettings',
      hub.db.prepare(`SELECT value_json FROM settings WHERE key = 'ilsSettings'`).pluck().get(),
    );
    const view = IlsSettingsView.parse((await staff.asStaff(token, 'GET', API.staffIls)).json());
    expect(view).toMatchObject({ ils: 'sip2', sip2: { host: '127.0.0.1', port: 6011, passwordSet: true }, restartNeeded: false });
  });

  it('refuse to start from stored settings the panel could not have saved, saying how to fix them', async () => {
    const { hub } = await adminHub();
    writeSetting(hub.db, 'ilsSettings', { port: 'six thousand' });
    expect(() => readStoredIlsSettings(hub.db, dataDir)).toThrow(/port.*save them again/);
    writeSetting(hub.db, 'ilsSettings', {});
    mkdirSync(dirname(sip2PasswordFile(dataDir)), { recursive: true });
    writeFileSync(sip2PasswordFile(dataDir), 'two\nlines');
    expect(() => readStoredIlsSettings(hub.db, dataDir)).toThrow(/not a SIP2 password/);
  });

  it('test the form’s settings before they are saved, with the stored password when kept', async () => {
    const simulatorDb = await createDemoDatabase(START);
    simulator = await startSip2Simulator({ db: simulatorDb });
    const { settings } = simulator;
    const { as } = await adminHub();
    const simulatorForm = (password: IlsSettingsInput['password']) =>
      form({ host: settings.host, port: settings.port, user: settings.user, location: settings.location, institution: settings.institution, timeoutMs: 1000 }, password);

    const tested = await as('POST', API.staffIlsTest, { settings: simulatorForm({ action: 'replace', value: settings.password }) });
    expect(IlsConnectionTest.parse(tested.json())).toEqual({ ok: true, online: true, allows: { checkout: true, checkin: true, renewal: true, offline: true }, libraryName: 'Demo County Library' });
    // Nothing was stored by testing.
    expect(IlsSettingsView.parse((await as('GET', API.staffIls)).json()).next.ils).toBe('embedded');

    const wrong = IlsConnectionTest.parse((await as('POST', API.staffIlsTest, { settings: simulatorForm({ action: 'replace', value: 'not it' }) })).json());
    expect(wrong.ok).toBe(false);
    expect(IlsConnectionTest.parse((await as('POST', API.staffIlsTest, { settings: simulatorForm({ action: 'keep' }) })).json()).ok).toBe(false);
    await as('PUT', API.staffIls, simulatorForm({ action: 'replace', value: settings.password }));
    expect(IlsConnectionTest.parse((await as('POST', API.staffIlsTest, { settings: simulatorForm({ action: 'keep' }) })).json()).ok).toBe(true);

    const bad = await as('POST', API.staffIlsTest, { settings: form({ port: 70000 }) });
    expect(bad.statusCode).toBe(400);
    expect(ApiError.parse(bad.json()).error.problems).toEqual([{ field: 'sip2.port', reason: 'tooBig', limit: 65535 }]);
    expect((await as('POST', API.staffIlsTest, { settings: { ...form(), ils: 'embedded' } })).statusCode).toBe(409);
    expect((await as('POST', API.staffIlsTest, { other: 1 })).statusCode).toBe(400);
    simulatorDb.close();
  });
});
