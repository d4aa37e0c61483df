/** The kiosk's heartbeat and config watch on a simulated clock, with the hub faked. */
import { describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise, SimulatedClock } from 'xstate';
import { fleetMachine } from '../../../kiosk/fleet/fleet-machine';
import { HEARTBEAT_INTERVAL_SECONDS, type HeartbeatAnswer } from '../../../shared/api/fleet-schemas';
import { HubError } from '../../../shared/api/hub-client';
import type { KioskConfig } from '../../../shared/api/schemas';
import { CONFIG, settle } from './session-harness';

const INTERVAL = HEARTBEAT_INTERVAL_SECONDS * 1000;

function startFleet() {
  const clock = new SimulatedClock();
  const hub = {
    answer: (): Promise<HeartbeatAnswer> => Promise.resolve({ configVersion: CONFIG.configVersion }),
    config: (): Promise<KioskConfig> => Promise.resolve(CONFIG),
  };
  const heartbeats = vi.fn(() => hub.answer());
  const configFetches = vi.fn(() => hub.config());
  const configChanged = vi.fn();
  const revoked = vi.fn();
  const actor = createActor(
    fleetMachine.provide({
      actors: { sendHeartbeat: fromPromise(heartbeats), fetchConfig: fromPromise(configFetches) },
      actions: { configChanged: (_, { config }) => configChanged(config), revoked },
    }),
    { clock, input: { configVersion: CONFIG.configVersion } },
  ).start();
  return { clock, hub, heartbeats, configFetches, configChanged, revoked, actor };
}

describe('the fleet link', () => {
  it('sends a heartbeat at start and every 30 s, and fetches no config while it is unchanged', async () => {
    const fleet = startFleet();
    await settle();
    expect(fleet.heartbeats).toHaveBeenCalledTimes(1);
    fleet.clock.increment(INTERVAL - 1);
    await settle();
    expect(fleet.heartbeats).toHaveBeenCalledTimes(1);
    fleet.clock.increment(1);
    await settle();
    expect(fleet.heartbeats).toHaveBeenCalledTimes(2);
    expect(fleet.configFetches).not.toHaveBeenCalled();
  });

  it('fetches and hands on a config whose version changed, within one interval, once', async () => {
    const fleet = startFleet();
    await settle();
    const changed = { ...CONFIG, idleTimeoutSeconds: 120, configVersion: 'v2' };
    fleet.hub.answer = () => Promise.resolve({ configVersion: 'v2' });
    fleet.hub.config = () => Promise.resolve(changed);
    fleet.clock.increment(INTERVAL);
    await settle();
    expect(fleet.configChanged).toHaveBeenCalledExactlyOnceWith(changed);
    fleet.clock.increment(INTERVAL);
    await settle();
    expect(fleet.configFetches).toHaveBeenCalledTimes(1);
    expect(fleet.configChanged).toHaveBeenCalledTimes(1);
  });

  it('survives the hub being down or restarting, and carries on when it is back', async () => {
    const fleet = startFleet();
    fleet.hub.answer = () => Promise.reject(new HubError('network.offline'));
    await settle();
    for (const failure of [new HubError('network.offline'), new HubError('internal'), new HubError('rate.limited')]) {
      fleet.hub.answer = () => Promise.reject(failure);
      fleet.clock.increment(INTERVAL);
      await settle();
    }
    fleet.hub.answer = () => Promise.resolve({ configVersion: 'v2' });
    fleet.hub.config = () => Promise.reject(new HubError('network.offline'));
    fleet.clock.increment(INTERVAL);
    await settle();
    fleet.hub.config = () => Promise.resolve({ ...CONFIG, configVersion: 'v2' });
    fleet.clock.increment(INTERVAL);
    await settle();
    expect(fleet.heartbeats).toHaveBeenCalledTimes(6);
    expect(fleet.configChanged).toHaveBeenCalledTimes(1);
    expect(fleet.revoked).not.toHaveBeenCalled();
  });

  it('reports a revoked kiosk (kiosk.unknown) and stops', async () => {
    const fleet = startFleet();
    await settle();
    fleet.hub.answer = () => Promise.reject(new HubError('kiosk.unknown'));
    fleet.clock.increment(INTERVAL);
    await settle();
    expect(fleet.revoked).toHaveBeenCalledTimes(1);
    expect(fleet.actor.getSnapshot().status).toBe('done');
    fleet.clock.increment(10 * INTERVAL);
    await settle();
    expect(fleet.heartbeats).toHaveBeenCalledTimes(2);
  });
});
