import { describe, expect, it } from 'vitest';
import { FleetKiosk, FleetList } from '../../shared/api/fleet-schemas';
import { API, staffKioskPairingCodePath, staffKioskPath, staffKioskRevokePath, staffProfilePath } from '../../shared/api/routes';
import { DEMO_PATRONS } from '../../server/demo/demo-library';
import { fleet, freshFleetHubEachTest, HEARTBEAT, hub } from './support/fleet-harness';

freshFleetHubEachTest();

/** Every fleet and profile route, with a body it would accept. */
const ADMIN_ROUTES: Array<[method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: object]> = [
  ['GET', API.staffKiosks],
  ['POST', API.staffKiosks, { name: '阅览室', profileId: 1 }],
  ['PATCH', staffKioskPath('local'), { name: '大厅' }],
  ['POST', staffKioskPairingCodePath('local')],
  ['POST', staffKioskRevokePath('local')],
  ['GET', API.staffProfiles],
  ['POST', API.staffProfiles, { name: '少儿', settings: {} }],
  ['PUT', staffProfilePath(1), { name: '默认', settings: {} }],
  ['DELETE', staffProfilePath(1)],
];

const fleetList = async () => FleetList.parse((await fleet.asAdmin('GET', API.staffKiosks)).json());
const kioskIn = async (kioskId: string) => (await fleetList()).kiosks.find((kiosk) => kiosk.id === kioskId);

describe('who may run the fleet', () => {
  it('refuses librarians every kiosk and profile route, and changes nothing', async () => {
    for (const [method, url, body] of ADMIN_ROUTES) {
      const response = await fleet.staff.asStaff(fleet.librarianToken, method, url, body);
      expect([response.statusCode, response.json()], `${method} ${url}`).toEqual([403, { error: { code: 'staff.forbidden' } }]);
    }
    expect(hub.db.prepare('SELECT COUNT(*) FROM kiosks').pluck().get()).toBe(1);
    expect(hub.db.prepare('SELECT COUNT(*) FROM kiosk_pairing_codes').pluck().get()).toBe(0);
    expect(hub.db.prepare('SELECT revoked_at FROM kiosks').pluck().get()).toBeNull();
  });

  it('refuses every route without a staff session, and a kiosk token is no staff session', async () => {
    for (const [method, url, body] of ADMIN_ROUTES) {
      for (const kioskToken of [null, hub.kioskToken]) {
        const response = await hub.call(method, url, { kioskToken, body });
        expect([response.statusCode, response.json()], `${method} ${url}`).toEqual([401, { error: { code: 'staff.signInRequired' } }]);
      }
      // Nor does a kiosk token in the staff header.
      const asBearer = await hub.app.inject({ method, url, headers: { authorization: `Bearer ${hub.kioskToken}` }, ...(body ? { payload: body } : {}) });
      expect(asBearer.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('refuses the kiosk routes a staff token', async () => {
    const response = await hub.app.inject({ method: 'POST', url: API.kioskHeartbeat, headers: { authorization: `Bearer ${fleet.adminToken}` }, payload: HEARTBEAT });
    expect([response.statusCode, response.json()]).toEqual([401, { error: { code: 'kiosk.unknown' } }]);
  });
});

describe('the fleet page', () => {
  it('adds a kiosk waiting to be paired, and audits it', async () => {
    const { kioskId, expiresAt } = await fleet.addKiosk('少儿阅览室');
    expect(await kioskIn(kioskId)).toEqual({
      id: kioskId,
      name: '少儿阅览室',
      location: '二楼',
      profileId: 1,
      profileName: '默认 / Default',
      revoked: false,
      paired: false,
      pairingCodeExpiresAt: expiresAt,
      online: false,
      lastHeartbeatAt: null,
      heartbeat: null,
    });
    expect(fleet.staff.auditRows()).toEqual(
      expect.arrayContaining([
        { username: 'admin', action: 'kiosk.added', target: '少儿阅览室', address: '127.0.0.1' },
        { username: 'admin', action: 'kiosk.pairingCodeIssued', target: '少儿阅览室', address: '127.0.0.1' },
      ]),
    );
  });

  it('shows a kiosk online from its heartbeat, offline 90 s after the last one, and at once when its page closed', async () => {
    const { kioskId, token } = await fleet.pairedKiosk();
    expect(fleet.staff.auditRows()).toContainEqual({ username: '', action: 'kiosk.paired', target: '少儿阅览室', address: '192.168.1.40' });
    expect(await kioskIn(kioskId)).toMatchObject({ paired: true, online: false, pairingCodeExpiresAt: null });

    expect((await fleet.heartbeat(token)).statusCode).toBe(200);
    const at = hub.now().toISOString();
    expect(await kioskIn(kioskId)).toMatchObject({ online: true, lastHeartbeatAt: at, heartbeat: HEARTBEAT });
    expect((await fleetList()).cameraLabels).toEqual(['USB Camera (046d:0825)']);

    hub.advanceMinutes(1);
    expect(await kioskIn(kioskId)).toMatchObject({ online: true });
    hub.advanceMinutes(0.5);
    expect(await kioskIn(kioskId)).toMatchObject({ online: false, lastHeartbeatAt: at });

    await fleet.heartbeat(token);
    expect(await kioskIn(kioskId)).toMatchObject({ online: true });
    await fleet.heartbeat(token, { ...HEARTBEAT, state: 'closed' });
    expect(await kioskIn(kioskId)).toMatchObject({ online: false, heartbeat: { state: 'closed' } });
  });

  it('renames a kiosk, moves it and gives it another profile', async () => {
    const { kioskId, token } = await fleet.pairedKiosk();
    const profile = (await fleet.asAdmin('POST', API.staffProfiles, { name: '少儿', settings: { idleTimeoutSeconds: 45 } })).json() as { id: number };
    const response = await fleet.asAdmin('PATCH', staffKioskPath(kioskId), { name: '儿童区', location: '三楼', profileId: profile.id });
    expect(response.statusCode).toBe(200);
    expect(FleetKiosk.parse(response.json())).toMatchObject({ name: '儿童区', location: '三楼', profileId: profile.id, profileName: '少儿' });
    expect((await hub.call('GET', API.kioskConfig, { kioskToken: token })).json()).toMatchObject({ name: '儿童区', idleTimeoutSeconds: 45 });
    expect(fleet.staff.auditRows()).toContainEqual({ username: 'admin', action: 'kiosk.changed', target: '儿童区', address: '127.0.0.1' });
  });

  it('refuses an unknown kiosk, an unknown profile and an empty change', async () => {
    const unknownKiosk = await fleet.asAdmin('PATCH', staffKioskPath('nope'), { name: 'x' });
    expect([unknownKiosk.statusCode, unknownKiosk.json()]).toEqual([404, { error: { code: 'fleet.kioskUnknown' } }]);
    const unknownProfile = await fleet.asAdmin('PATCH', staffKioskPath('local'), { profileId: 99 });
    expect([unknownProfile.statusCode, unknownProfile.json()]).toEqual([404, { error: { code: 'profile.unknown' } }]);
    const addToUnknown = await fleet.asAdmin('POST', API.staffKiosks, { name: '阅览室', profileId: 99 });
    expect(addToUnknown.statusCode).toBe(404);
    expect((await fleet.asAdmin('PATCH', staffKioskPath('local'), {})).statusCode).toBe(400);
    expect((await fleet.asAdmin('POST', API.staffKiosks, { name: ' ', profileId: 1 })).statusCode).toBe(400);
    expect(hub.db.prepare('SELECT COUNT(*) FROM kiosks').pluck().get()).toBe(1);
  });
});

describe('revoking a kiosk', () => {
  it('kills its token, ends the patron session there at once, and audits it', async () => {
    const { kioskId, token } = await fleet.pairedKiosk();
    const signIn = await hub.call('POST', API.session, { kioskToken: token, body: { cardNumber: DEMO_PATRONS.active.cardNumber, pin: DEMO_PATRONS.active.pin } });
    const patronToken = (signIn.json() as { token: string }).token;
    // Another kiosk's patron stays signed in.
    const elsewhere = await hub.signIn(DEMO_PATRONS.withHold.cardNumber, DEMO_PATRONS.withHold.pin);

    const response = await fleet.revoke(kioskId);
    expect(response.statusCode).toBe(200);
    expect(FleetKiosk.parse(response.json())).toMatchObject({ revoked: true, paired: false, online: false });
    expect(fleet.staff.auditRows()).toContainEqual({ username: 'admin', action: 'kiosk.revoked', target: '少儿阅览室', address: '127.0.0.1' });

    for (const [method, url] of [['GET', API.kioskConfig], ['POST', API.kioskHeartbeat], ['GET', API.session]] as const) {
      const refused = await hub.call(method, url, { kioskToken: token, patronToken, body: method === 'POST' ? HEARTBEAT : undefined });
      expect([refused.statusCode, refused.json()], url).toEqual([401, { error: { code: 'kiosk.unknown' } }]);
    }
    // Paired again, the kiosk's old patron session is still gone.
    const { code } = (await fleet.asAdmin('POST', staffKioskPairingCodePath(kioskId))).json() as { code: string };
    const { token: newToken } = (await fleet.pair(code)).json() as { token: string };
    const stale = await hub.call('GET', API.session, { kioskToken: newToken, patronToken });
    expect([stale.statusCode, stale.json()]).toEqual([401, { error: { code: 'session.expired' } }]);
    expect((await hub.call('GET', API.session, { patronToken: elsewhere })).statusCode).toBe(200);
    expect(await kioskIn(kioskId)).toMatchObject({ revoked: false, paired: true });
  });

  it('cancels a code waiting for the kiosk', async () => {
    const { kioskId, code } = await fleet.addKiosk();
    await fleet.revoke(kioskId);
    expect((await fleet.pair(code)).statusCode).toBe(400);
  });
});
