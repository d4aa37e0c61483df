/** What a kiosk's heartbeat says, from faked browser APIs: no patron data, capped errors. */
import { describe, expect, it, vi } from 'vitest';
import { ErrorLog } from '../../../kiosk/fleet/error-log';
import { fleetLink } from '../../../kiosk/fleet/fleet-actors';
import { heartbeatReport, type KioskProbes } from '../../../kiosk/fleet/heartbeat-report';
import { screenStateOf } from '../../../kiosk/fleet/screen-state';
import { Heartbeat, MAX_HEARTBEAT_ERRORS } from '../../../shared/api/fleet-schemas';
import { HubError } from '../../../shared/api/hub-client';
import { API, KIOSK_TOKEN_HEADER } from '../../../shared/api/routes';
import { createActor } from 'xstate';
import { settle } from './session-harness';

function probes(overrides: Partial<KioskProbes> = {}): KioskProbes {
  return {
    version: '0.1.0',
    screenState: () => 'attract',
    listDevices: async () => [
      { kind: 'audioinput', label: 'Microphone' },
      { kind: 'videoinput', label: 'USB Camera (046d:0825)' },
    ],
    storagePersisted: async () => true,
    outboxDepth: async () => 0,
    errors: new ErrorLog(),
    ...overrides,
  };
}

describe('the heartbeat report', () => {
  it('names the version, the kind of screen, the cameras and the storage', async () => {
    const report = await heartbeatReport(probes());
    expect(report).toEqual({
      version: '0.1.0',
      state: 'attract',
      camera: { present: true, labels: ['USB Camera (046d:0825)'] },
      storagePersisted: true,
      outboxDepth: 0,
      errors: [],
      errorsDropped: 0,
    });
    expect(Heartbeat.safeParse(report).success).toBe(true);
  });

  it('reports a camera without its label before permission, and no camera at all', async () => {
    const unnamed = await heartbeatReport(probes({ listDevices: async () => [{ kind: 'videoinput', label: '' }] }));
    expect(unnamed.camera).toEqual({ present: true, labels: [] });
    const none = await heartbeatReport(probes({ listDevices: () => Promise.reject(new Error('no mediaDevices')), storagePersisted: () => Promise.reject(new Error('no')) }));
    expect([none.camera, none.storagePersisted]).toEqual([{ present: false, labels: [] }, false]);
  });

  it('says the kind of screen, never which patron screen', () => {
    expect(['attract', 'ebooks', 'home', 'pin', 'borrow', 'finish'].map((screen) => screenStateOf(screen as never))).toEqual(['attract', 'ebooks', 'session', 'session', 'session', 'session']);
  });
});

describe('the error log', () => {
  it('keeps classes and codes only, caps them, and counts the rest', async () => {
    const errors = new ErrorLog();
    errors.recordThrown('uncaught', new TypeError('card 20140001 has no loans'));
    errors.recordThrown('rejection', 'patron 张伟 not found');
    errors.record('hub', 'ils.unavailable');
    errors.record('hub', 'card 20140001');
    for (let n = 0; n < MAX_HEARTBEAT_ERRORS; n++) errors.record('hub', 'network.offline');
    const report = await heartbeatReport(probes({ errors }));
    expect(report.errors.slice(0, 4)).toEqual([
      { source: 'uncaught', name: 'TypeError' },
      { source: 'rejection', name: 'NonError' },
      { source: 'hub', name: 'ils.unavailable' },
      { source: 'hub', name: 'Error' },
    ]);
    expect([report.errors.length, report.errorsDropped]).toEqual([MAX_HEARTBEAT_ERRORS, 4]);
    expect(JSON.stringify(report)).not.toMatch(/20140001|张伟/);
    // Taken: the next heartbeat starts empty.
    expect((await heartbeatReport(probes({ errors }))).errors).toEqual([]);
  });

  it('keeps the errors of a heartbeat that could not be sent for the next one', async () => {
    const errors = new ErrorLog();
    errors.record('hub', 'ils.unavailable');
    const hub = { heartbeat: vi.fn().mockRejectedValueOnce(new HubError('network.offline')).mockResolvedValue({ configVersion: 'v1' }), kioskConfig: vi.fn() };
    const link = fleetLink(hub, probes({ errors }));
    const failing = createActor(link.actors.sendHeartbeat);
    failing.subscribe({ error: () => {} });
    failing.start();
    await settle();
    createActor(link.actors.sendHeartbeat).start();
    await settle();
    expect(hub.heartbeat.mock.calls[1]?.[0].errors).toEqual([{ source: 'hub', name: 'ils.unavailable' }]);
  });
});

describe('the closing heartbeat', () => {
  it('says the page closed, with the device token, and outlives the page', async () => {
    const fetchImpl = vi.fn(async () => new Response('{}'));
    const hub = { heartbeat: vi.fn(async () => ({ configVersion: 'v1' })), kioskConfig: vi.fn() };
    const link = fleetLink(hub, probes(), fetchImpl);
    link.sendClosingHeartbeat('device-token');
    expect(fetchImpl).not.toHaveBeenCalled();

    createActor(link.actors.sendHeartbeat).start();
    await settle();
    link.sendClosingHeartbeat('device-token');
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(API.kioskHeartbeat);
    expect(init).toMatchObject({ method: 'POST', keepalive: true, headers: { [KIOSK_TOKEN_HEADER]: 'device-token' } });
    expect(Heartbeat.parse(JSON.parse(init.body as string))).toMatchObject({ state: 'closed', version: '0.1.0' });
  });
});
