/** The Kiosks page machine with the hub faked and a simulated clock for its polling. */
import { describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise, SimulatedClock } from 'xstate';
import { FLEET_POLL_MS, kiosksPageMachine, type KiosksView } from '../../../admin/kiosks/kiosks-page-machine';
import { ProfileSettings, type FleetKiosk } from '../../../shared/api/fleet-schemas';
import { HubError } from '../../../shared/api/hub-client';
import { settle, TOKEN } from './admin-harness';

const LOBBY: FleetKiosk = {
  id: 'local',
  name: '大厅',
  location: '',
  profileId: 1,
  profileName: '默认 / Default',
  revoked: false,
  paired: true,
  pairingCodeExpiresAt: null,
  online: true,
  lastHeartbeatAt: '2026-03-02T02:00:00.000Z',
  heartbeat: null,
};
const VIEW: KiosksView = { fleet: { kiosks: [LOBBY], cameraLabels: [] }, profiles: [{ id: 1, name: '默认 / Default', settings: ProfileSettings.parse({}), kioskCount: 1 }] };
const ISSUED = { kioskId: 'kiosk-1', code: '048213', expiresAt: '2026-03-02T02:10:00.000Z' };

function startPage(overrides: { load?: () => Promise<KiosksView>; revoke?: () => Promise<FleetKiosk> } = {}) {
  const clock = new SimulatedClock();
  const load = vi.fn(overrides.load ?? (async () => VIEW));
  const add = vi.fn(async (_input: unknown) => ISSUED);
  const change = vi.fn(async (_input: unknown) => LOBBY);
  const newCode = vi.fn(async (_input: unknown) => ({ ...ISSUED, kioskId: 'local' }));
  const revoke = vi.fn(async (_input: unknown) => (overrides.revoke ? overrides.revoke() : { ...LOBBY, revoked: true }));
  const actor = createActor(
    kiosksPageMachine.provide({
      actors: {
        loadKiosks: fromPromise(load),
        addKiosk: fromPromise(({ input }) => add(input)),
        changeKiosk: fromPromise(({ input }) => change(input)),
        newPairingCode: fromPromise(({ input }) => newCode(input)),
        revokeKiosk: fromPromise(({ input }) => revoke(input)),
      },
    }),
    { clock, input: { token: TOKEN } },
  ).start();
  return { actor, clock, load, add, change, newCode, revoke, context: () => actor.getSnapshot().context };
}

describe('the Kiosks page', () => {
  it('loads the fleet and asks again every 5 seconds, keeping what it shows when the hub is away', async () => {
    const page = startPage();
    await settle();
    expect(page.context().view).toEqual(VIEW);
    page.clock.increment(FLEET_POLL_MS - 1);
    await settle();
    expect(page.load).toHaveBeenCalledTimes(1);
    page.clock.increment(1);
    await settle();
    expect(page.load).toHaveBeenCalledTimes(2);

    page.load.mockRejectedValueOnce(new HubError('network.offline'));
    page.clock.increment(FLEET_POLL_MS);
    await settle();
    expect(page.context().view).toEqual(VIEW);
    page.clock.increment(FLEET_POLL_MS);
    await settle();
    expect(page.load).toHaveBeenCalledTimes(4);
  });

  it('adds a kiosk and shows its pairing code with its name until dismissed', async () => {
    const page = startPage();
    await settle();
    page.actor.send({ type: 'add.requested', kiosk: { name: '少儿阅览室', location: '二楼', profileId: 1 } });
    await settle();
    expect(page.add).toHaveBeenCalledWith({ token: TOKEN, kiosk: { name: '少儿阅览室', location: '二楼', profileId: 1 } });
    expect(page.context()).toMatchObject({ issued: { ...ISSUED, name: '少儿阅览室' }, added: 1 });
    expect(page.load).toHaveBeenCalledTimes(2);
    page.actor.send({ type: 'code.dismissed' });
    expect(page.context().issued).toBeNull();
  });

  it('revokes only after confirming, and says so', async () => {
    const page = startPage();
    await settle();
    page.actor.send({ type: 'revoke.confirmed' });
    await settle();
    expect(page.revoke).not.toHaveBeenCalled();
    page.actor.send({ type: 'revoke.chosen', kioskId: 'local' });
    page.actor.send({ type: 'revoke.cancelled' });
    page.actor.send({ type: 'revoke.confirmed' });
    await settle();
    expect(page.revoke).not.toHaveBeenCalled();

    page.actor.send({ type: 'revoke.chosen', kioskId: 'local' });
    page.actor.send({ type: 'revoke.confirmed' });
    await settle();
    expect(page.revoke).toHaveBeenCalledWith({ token: TOKEN, kioskId: 'local' });
    expect(page.context()).toMatchObject({ revoking: null, notice: { key: 'admin.kiosks.revokedDone', params: { name: '大厅' }, tone: 'done' } });
  });

  it('edits a kiosk and issues a new code', async () => {
    const page = startPage();
    await settle();
    page.actor.send({ type: 'edit.opened', kioskId: 'local' });
    page.actor.send({ type: 'edit.requested', kioskId: 'local', change: { name: '大厅东', profileId: 1 } });
    await settle();
    expect(page.change).toHaveBeenCalledWith({ token: TOKEN, kioskId: 'local', change: { name: '大厅东', profileId: 1 } });
    expect(page.context()).toMatchObject({ editing: null, notice: { key: 'admin.kiosks.saved', tone: 'done' } });
    page.actor.send({ type: 'pairingCode.requested', kioskId: 'local' });
    await settle();
    expect(page.context().issued).toMatchObject({ kioskId: 'local', name: '大厅' });
  });

  it('says why the hub refused, and ends when the staff session has', async () => {
    const page = startPage({ revoke: () => Promise.reject(new HubError('staff.forbidden')) });
    await settle();
    page.actor.send({ type: 'revoke.chosen', kioskId: 'local' });
    page.actor.send({ type: 'revoke.confirmed' });
    await settle();
    expect(page.context().notice).toEqual({ key: 'code.staff.forbidden', tone: 'refused' });

    page.load.mockRejectedValueOnce(new HubError('staff.signInRequired'));
    page.clock.increment(FLEET_POLL_MS);
    await settle();
    expect(page.actor.getSnapshot().status).toBe('done');
  });
});
