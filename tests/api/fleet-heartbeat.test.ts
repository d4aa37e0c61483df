import { describe, expect, it } from 'vitest';
import { HeartbeatAnswer, MAX_HEARTBEAT_ERRORS } from '../../shared/api/fleet-schemas';
import { API, staffProfilePath } from '../../shared/api/routes';
import { KioskConfig } from '../../shared/api/schemas';
import { fleet, freshFleetHubEachTest, HEARTBEAT, hub } from './support/fleet-harness';

freshFleetHubEachTest();

const stored = () => hub.db.prepare("SELECT heartbeat_json FROM kiosks WHERE id = 'local'").pluck().get();

describe('kiosk heartbeats', () => {
  it('answer the version of the kiosk’s config, which changes with its profile', async () => {
    const first = HeartbeatAnswer.parse((await fleet.heartbeat(hub.kioskToken)).json());
    const config = KioskConfig.parse((await hub.call('GET', API.kioskConfig)).json());
    expect(first.configVersion).toBe(config.configVersion);
    expect(HeartbeatAnswer.parse((await fleet.heartbeat(hub.kioskToken)).json())).toEqual(first);

    await fleet.asAdmin('PUT', staffProfilePath(1), { name: '默认 / Default', settings: { idleTimeoutSeconds: 90 } });
    const changed = HeartbeatAnswer.parse((await fleet.heartbeat(hub.kioskToken)).json());
    expect(changed.configVersion).not.toBe(first.configVersion);
    const newConfig = KioskConfig.parse((await hub.call('GET', API.kioskConfig)).json());
    expect([newConfig.configVersion, newConfig.idleTimeoutSeconds]).toEqual([changed.configVersion, 90]);
  });

  it('keep error classes and codes, capped', async () => {
    const errors = [{ source: 'hub', name: 'ils.unavailable' }, { source: 'uncaught', name: 'TypeError' }];
    expect((await fleet.heartbeat(hub.kioskToken, { ...HEARTBEAT, errors, errorsDropped: 3 })).statusCode).toBe(200);
    expect(JSON.parse(stored() as string)).toMatchObject({ errors, errorsDropped: 3 });
  });

  it('refuse anything that could carry patron data: extra fields, free text, too many errors', async () => {
    const refused: object[] = [
      { ...HEARTBEAT, cardNumber: '20140001' },
      { ...HEARTBEAT, patron: { name: '张伟' } },
      { ...HEARTBEAT, state: 'borrowing for 20140001' },
      { ...HEARTBEAT, errors: [{ source: 'uncaught', name: 'TypeError', message: 'card 20140001 not found' }] },
      { ...HEARTBEAT, errors: [{ source: 'uncaught', name: 'card 20140001 not found' }] },
      { ...HEARTBEAT, errors: [{ source: 'hub', name: 'x'.repeat(49) }] },
      { ...HEARTBEAT, errors: Array.from({ length: MAX_HEARTBEAT_ERRORS + 1 }, () => ({ source: 'hub', name: 'ils.unavailable' })) },
      { ...HEARTBEAT, version: '1.0 for 张伟' },
      { ...HEARTBEAT, camera: { present: true, labels: ['x'.repeat(121)] } },
      { ...HEARTBEAT, camera: { present: true, labels: ['USB'], deviceIds: ['abc'] } },
      { ...HEARTBEAT, outboxDepth: -1 },
    ];
    for (const body of refused) {
      const response = await fleet.heartbeat(hub.kioskToken, body);
      expect([response.statusCode, response.json()], JSON.stringify(body).slice(0, 120)).toEqual([400, { error: { code: 'request.invalid' } }]);
    }
    expect(stored()).toBeNull();
  });

  it('need a known device token', async () => {
    const response = await hub.call('POST', API.kioskHeartbeat, { kioskToken: null, body: HEARTBEAT });
    expect([response.statusCode, response.json()]).toEqual([401, { error: { code: 'kiosk.unknown' } }]);
  });
});
