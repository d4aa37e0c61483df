import { afterEach, describe, expect, it } from 'vitest';
import { IlsConnectionTest, IlsSettingsView } from '../../shared/api/ils-settings-schemas';
import { API } from '../../shared/api/routes';
import { createSip2Hub } from '../sip2/sip2-hub';
import { ADMIN_PASSWORD, LIBRARIAN_PASSWORD, staffHarness } from './support/staff-harness';
import { createTestHub, type TestHub } from './support/test-hub';

let hub: { close(): Promise<void> } | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

async function asAdmin(testHub: TestHub) {
  const staff = staffHarness(testHub);
  await staff.addAccount('admin', ADMIN_PASSWORD, 'admin');
  const { token } = await staff.signIn('admin', ADMIN_PASSWORD);
  return { staff, token };
}

describe('the Library system page’s routes (admins only)', () => {
  it('show the SIP2 settings the hub runs with, never the password', async () => {
    const sip2 = await createSip2Hub();
    hub = sip2;
    const { staff, token } = await asAdmin(sip2);
    const response = await staff.asStaff(token, 'GET', API.staffIls);
    expect(response.statusCode).toBe(200);
    const { settings } = sip2.simulator;
    expect(IlsSettingsView.parse(response.json())).toMatchObject({
      ils: 'sip2',
      sip2: {
        host: '127.0.0.1', port: settings.port, tls: false, user: 'kiosk', passwordSet: true,
        location: 'LOBBY', institution: 'DEMO', encoding: 'utf-8', terminator: 'cr', timeoutMs: 800,
      },
    });
    expect(response.body).not.toContain(settings.password);
  });

  it('Test connection logs in and says what the 98 reply allows; a refused login says so', async () => {
    const sip2 = await createSip2Hub();
    hub = sip2;
    const { staff, token } = await asAdmin(sip2);
    const tested = await staff.asStaff(token, 'POST', API.staffIlsTest, {});
    expect(IlsConnectionTest.parse(tested.json())).toEqual({
      ok: true, online: true, allows: { checkout: true, checkin: true, renewal: true, offline: true }, libraryName: 'Demo County Library',
    });
    sip2.simulator.misbehave({ failLogin: true });
    const refused = IlsConnectionTest.parse((await staff.asStaff(token, 'POST', API.staffIlsTest, {})).json());
    expect(refused.ok).toBe(false);
  });

  it('are refused to librarians, and there is nothing to test with the embedded ILS', async () => {
    const embedded = await createTestHub();
    hub = embedded;
    const { staff, token } = await asAdmin(embedded);
    expect(IlsSettingsView.parse((await staff.asStaff(token, 'GET', API.staffIls)).json())).toMatchObject({ ils: 'embedded', sip2: null });
    expect((await staff.asStaff(token, 'POST', API.staffIlsTest, {})).statusCode).toBe(409);
    await staff.addAccount('zhao', LIBRARIAN_PASSWORD, 'librarian');
    const librarian = (await staff.signIn('zhao', LIBRARIAN_PASSWORD)).token;
    expect((await staff.asStaff(librarian, 'GET', API.staffIls)).statusCode).toBe(403);
    expect((await staff.asStaff(librarian, 'POST', API.staffIlsTest, {})).statusCode).toBe(403);
  });
});
