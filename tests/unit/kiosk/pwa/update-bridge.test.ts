/** The update bridge follows a real session machine: a waiting version is taken on the attract screen only. */
import { describe, expect, it, vi } from 'vitest';
import { SimulatedClock } from 'xstate';
import { startUpdateBridge } from '../../../../kiosk/pwa/update-bridge';
import { UpdateDelays, type UpdateEvent } from '../../../../kiosk/pwa/update-machine';
import { atBorrow, settle, startSession } from '../session-harness';

function startBridge() {
  const clock = new SimulatedClock();
  let tell: (event: UpdateEvent) => void = () => {};
  const worker = { checkForUpdate: vi.fn(() => Promise.resolve()), activateUpdate: vi.fn() };
  const reload = vi.fn();
  const bridge = startUpdateBridge(
    (send) => {
      tell = send;
      return worker;
    },
    { clock, reload },
  );
  return { clock, worker, reload, bridge, tell: (event: UpdateEvent) => tell(event) };
}

describe('the update bridge with a session', () => {
  it('keeps a waiting version through a signed-in session and takes it on the attract screen afterwards', async () => {
    const updates = startBridge();
    const session = await atBorrow();
    updates.bridge.followSession(session.actor);
    updates.tell({ type: 'update.waiting' });
    updates.clock.increment(UpdateDelays.check);
    await settle();
    expect(updates.worker.activateUpdate).not.toHaveBeenCalled();

    session.send({ type: 'finish.chosen' });
    session.send({ type: 'receipt.skip' });
    expect(session.screen()).toBe('goodbye');
    updates.clock.increment(UpdateDelays.check);
    expect(updates.worker.activateUpdate).not.toHaveBeenCalled();
    session.send({ type: 'goodbye.dismissed' });
    expect(session.screen()).toBe('attract');
    updates.clock.increment(UpdateDelays.settle);
    expect(updates.worker.activateUpdate).toHaveBeenCalledTimes(1);
    updates.tell({ type: 'update.controlling' });
    expect(updates.reload).toHaveBeenCalledTimes(1);
  });

  it('counts the card-number screen as a session: a patron has started', async () => {
    const updates = startBridge();
    const session = startSession();
    updates.bridge.followSession(session.actor);
    session.send({ type: 'borrow.chosen' });
    expect(session.screen()).not.toBe('attract');
    updates.tell({ type: 'update.waiting' });
    updates.clock.increment(UpdateDelays.check);
    expect(updates.worker.activateUpdate).not.toHaveBeenCalled();
  });

  it('takes a waiting version once the session has stopped (a revoked kiosk has no patron)', async () => {
    const updates = startBridge();
    const session = await atBorrow();
    updates.bridge.followSession(session.actor);
    updates.tell({ type: 'update.waiting' });
    session.actor.stop();
    updates.clock.increment(UpdateDelays.settle);
    expect(updates.worker.activateUpdate).toHaveBeenCalledTimes(1);
  });

  it('checks for a new version at start, with no session yet', async () => {
    const updates = startBridge();
    await settle();
    expect(updates.worker.checkForUpdate).toHaveBeenCalledTimes(1);
  });
});
