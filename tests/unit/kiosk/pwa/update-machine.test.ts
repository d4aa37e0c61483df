/** When the kiosk takes a new version: between patrons only, on a simulated clock. */
import { describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise, SimulatedClock } from 'xstate';
import { UpdateDelays, updateMachine } from '../../../../kiosk/pwa/update-machine';
import { settle } from '../session-harness';

function startUpdates({ betweenPatrons = true } = {}) {
  const clock = new SimulatedClock();
  const checks = vi.fn(() => Promise.resolve());
  const activateUpdate = vi.fn();
  const reload = vi.fn();
  const actor = createActor(
    updateMachine.provide({ actors: { checkForUpdate: fromPromise(() => checks()) }, actions: { activateUpdate, reload } }),
    { clock, input: { betweenPatrons } },
  ).start();
  const screen = (value: 'attract' | 'session') => actor.send({ type: 'screen.changed', betweenPatrons: value === 'attract' });
  return { clock, checks, activateUpdate, reload, actor, screen };
}

describe('looking for a new version', () => {
  it('checks at start and then every hour', async () => {
    const kiosk = startUpdates();
    await settle();
    expect(kiosk.checks).toHaveBeenCalledTimes(1);
    kiosk.clock.increment(UpdateDelays.check - 1);
    await settle();
    expect(kiosk.checks).toHaveBeenCalledTimes(1);
    kiosk.clock.increment(1);
    await settle();
    expect(kiosk.checks).toHaveBeenCalledTimes(2);
    kiosk.clock.increment(UpdateDelays.check);
    await settle();
    expect(kiosk.checks).toHaveBeenCalledTimes(3);
  });

  it('carries on checking every hour when a check fails (the hub is down)', async () => {
    const kiosk = startUpdates();
    kiosk.checks.mockImplementation(() => Promise.reject(new TypeError('Failed to fetch')));
    await settle();
    kiosk.clock.increment(UpdateDelays.check);
    await settle();
    kiosk.clock.increment(UpdateDelays.check);
    await settle();
    expect(kiosk.checks).toHaveBeenCalledTimes(3);
    expect(kiosk.actor.getSnapshot().status).toBe('active');
  });
});

describe('when a new version is waiting', () => {
  it('is not applied during a session, however long it lasts', async () => {
    const kiosk = startUpdates({ betweenPatrons: false });
    await settle();
    kiosk.actor.send({ type: 'update.waiting' });
    kiosk.clock.increment(3 * UpdateDelays.check);
    await settle();
    expect(kiosk.activateUpdate).not.toHaveBeenCalled();
    expect(kiosk.reload).not.toHaveBeenCalled();
  });

  it('is applied once the kiosk has been on the attract screen for a moment, then the page reloads', async () => {
    const kiosk = startUpdates({ betweenPatrons: false });
    await settle();
    kiosk.actor.send({ type: 'update.waiting' });
    kiosk.screen('attract');
    kiosk.clock.increment(UpdateDelays.settle - 1);
    expect(kiosk.activateUpdate).not.toHaveBeenCalled();
    kiosk.clock.increment(1);
    expect(kiosk.activateUpdate).toHaveBeenCalledTimes(1);
    expect(kiosk.reload).not.toHaveBeenCalled();
    kiosk.actor.send({ type: 'update.controlling' });
    expect(kiosk.reload).toHaveBeenCalledTimes(1);
    expect(kiosk.actor.getSnapshot().status).toBe('done');
  });

  it('waits again when a patron arrives before the moment has passed', async () => {
    const kiosk = startUpdates();
    await settle();
    kiosk.actor.send({ type: 'update.waiting' });
    kiosk.clock.increment(UpdateDelays.settle - 1);
    kiosk.screen('session');
    kiosk.clock.increment(UpdateDelays.check);
    expect(kiosk.activateUpdate).not.toHaveBeenCalled();
    kiosk.screen('attract');
    kiosk.clock.increment(UpdateDelays.settle - 1);
    // Screen changes on the attract screen itself do not restart the wait.
    kiosk.screen('attract');
    kiosk.clock.increment(1);
    expect(kiosk.activateUpdate).toHaveBeenCalledTimes(1);
  });

  it('does not reload when a patron started a session while the new version was taking over; it does at the next attract screen', async () => {
    const kiosk = startUpdates();
    await settle();
    kiosk.actor.send({ type: 'update.waiting' });
    kiosk.clock.increment(UpdateDelays.settle);
    expect(kiosk.activateUpdate).toHaveBeenCalledTimes(1);
    kiosk.screen('session');
    kiosk.actor.send({ type: 'update.controlling' });
    kiosk.clock.increment(UpdateDelays.check);
    expect(kiosk.reload).not.toHaveBeenCalled();
    kiosk.screen('attract');
    kiosk.clock.increment(UpdateDelays.settle);
    expect(kiosk.reload).toHaveBeenCalledTimes(1);
  });

  it('asks again when the new version has not taken control within the activation time', async () => {
    const kiosk = startUpdates();
    await settle();
    kiosk.actor.send({ type: 'update.waiting' });
    kiosk.clock.increment(UpdateDelays.settle);
    kiosk.clock.increment(UpdateDelays.activation);
    kiosk.clock.increment(UpdateDelays.settle);
    expect(kiosk.activateUpdate).toHaveBeenCalledTimes(2);
    expect(kiosk.reload).not.toHaveBeenCalled();
  });
});

describe('when a newer version took control some other way (another tab applied it)', () => {
  it('reloads only on the attract screen', async () => {
    const kiosk = startUpdates({ betweenPatrons: false });
    await settle();
    kiosk.actor.send({ type: 'update.controlling' });
    kiosk.clock.increment(UpdateDelays.check);
    expect(kiosk.reload).not.toHaveBeenCalled();
    kiosk.screen('attract');
    kiosk.clock.increment(UpdateDelays.settle);
    expect(kiosk.reload).toHaveBeenCalledTimes(1);
    expect(kiosk.activateUpdate).not.toHaveBeenCalled();
  });
});
