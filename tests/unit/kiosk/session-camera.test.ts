import { describe, expect, it } from 'vitest';
import { HubError } from '../../../shared/api/hub-client';
import type { KioskConfig } from '../../../shared/api/schemas';
import { deferred, settle, signedIn, startSession } from './session-harness';

const NAMED_CAMERA: { config: Partial<KioskConfig> } = { config: { cameraDeviceId: 'usb-cam-1' } };

async function onBorrow(options = NAMED_CAMERA) {
  const session = startSession(options);
  await session.signIn();
  session.send({ type: 'borrow.chosen' });
  return session;
}

describe('the camera on scanning screens', () => {
  it('starts by itself where the kiosk profile names a camera, with what the screen takes', async () => {
    const session = await onBorrow();
    expect(session.camera.running).toBe(1);
    expect(session.camera.inputs.at(-1)).toMatchObject({ deviceId: 'usb-cam-1', accepts: ['item', 'isbn'] });
    expect(session.actor.getSnapshot().hasTag('camera.on')).toBe(true);
  });

  it('starts by itself where the profile names a camera by its label, which the scanner looks for', async () => {
    const session = await onBorrow({ config: { cameraLabel: 'USB Camera (046d:0825)' } });
    expect(session.camera.running).toBe(1);
    expect(session.camera.inputs.at(-1)).toMatchObject({ deviceId: null, label: 'USB Camera (046d:0825)', askedByPatron: false });
  });

  it('asks the patron to tap "Use camera" when the named camera is missing; the tap opens any camera', async () => {
    const session = await onBorrow({ config: { cameraLabel: 'USB Camera (046d:0825)' } });
    session.camera.sendBack({ type: 'camera.missing' });
    expect(session.camera.running).toBe(0);
    expect(session.actor.getSnapshot().hasTag('camera.off')).toBe(true);
    expect(session.context().camera.failure).toBeNull();
    session.send({ type: 'camera.requested' });
    expect(session.camera.running).toBe(1);
    expect(session.camera.inputs.at(-1)).toMatchObject({ label: 'USB Camera (046d:0825)', askedByPatron: true });
  });

  it('waits for "Use camera" where no camera is named, and can be turned off again', async () => {
    const session = await onBorrow({ config: {} });
    expect(session.camera.running).toBe(0);
    expect(session.actor.getSnapshot().hasTag('camera.off')).toBe(true);
    session.send({ type: 'camera.requested' });
    expect(session.camera.running).toBe(1);
    expect(session.camera.inputs.at(-1)?.deviceId).toBeNull();
    session.send({ type: 'camera.dismissed' });
    expect(session.camera.running).toBe(0);
  });

  it('borrows what the camera reads, with a beep and a flash', async () => {
    const session = await onBorrow();
    session.camera.sendBack({ type: 'camera.read' });
    session.camera.sendBack({ type: 'item.scanned', barcode: '9780140013993' });
    await settle();
    expect(session.hub.checkout).toHaveBeenCalledWith(expect.objectContaining({ barcode: '9780140013993' }));
    expect(session.context().camera.reads).toBe(1);
    expect(session.cues).toEqual(['success', 'read', 'success']);
    expect(session.camera.running).toBe(1);
  });

  it('signs in with a card the camera reads on the card screen, which stops the camera', () => {
    const session = startSession(NAMED_CAMERA);
    session.send({ type: 'borrow.chosen' });
    expect(session.camera.inputs.at(-1)?.accepts).toEqual(['card']);
    session.camera.sendBack({ type: 'card.scanned', code: '31117013206375' });
    expect(session.screen()).toBe('pin');
    expect(session.context().cardNumber).toBe('31117013206375');
    expect(session.camera.running).toBe(0);
  });

  it('shows why the camera failed, forgets it on leaving, and tries again on request', async () => {
    const session = await onBorrow();
    session.camera.sendBack({ type: 'camera.failed', reason: 'unplugged' });
    expect(session.camera.running).toBe(0);
    expect(session.actor.getSnapshot().hasTag('camera.failed')).toBe(true);
    expect(session.context().camera.failure).toBe('unplugged');
    session.send({ type: 'camera.requested' });
    expect(session.camera.running).toBe(1);
    expect(session.context().camera.failure).toBeNull();
    session.send({ type: 'home.chosen' });
    expect(session.context().camera).toEqual({ preview: null, failure: null, reads: 0 });
  });

  it('keeps the USB scanner working while the camera has failed', async () => {
    const session = await onBorrow();
    session.camera.sendBack({ type: 'camera.failed', reason: 'denied' });
    await session.scan('39010001');
    expect(session.context().borrowed.map((row) => row.status)).toEqual(['ok']);
  });
});

describe('the camera stops with every way of leaving the screen', () => {
  it('on a result: the card screen moves on to the PIN', () => {
    const session = startSession(NAMED_CAMERA);
    session.send({ type: 'borrow.chosen' });
    expect(session.camera.running).toBe(1);
    session.type('20140001');
    session.send({ type: 'key.enter' });
    expect(session.camera.running).toBe(0);
  });

  it('on leaving: Cancel on the card screen, Home or Return from Borrow', async () => {
    const session = startSession(NAMED_CAMERA);
    session.send({ type: 'borrow.chosen' });
    session.send({ type: 'signIn.cancelled' });
    expect(session.camera.running).toBe(0);

    await session.signIn();
    session.send({ type: 'borrow.chosen' });
    session.send({ type: 'return.chosen' });
    expect(session.screen()).toBe('return');
    expect(session.camera.running).toBe(1);
    expect(session.camera.inputs.at(-1)?.accepts).toEqual(['item']);
    session.send({ type: 'home.chosen' });
    expect(session.camera.running).toBe(0);
  });

  it('on sign-out: Finish from Borrow', async () => {
    const session = await onBorrow({ config: { ...NAMED_CAMERA.config, receipt: 'never' } });
    session.send({ type: 'finish.chosen' });
    expect(session.screen()).toBe('goodbye');
    expect(session.camera.running).toBe(0);
  });

  it('on the idle timeout', async () => {
    const session = await onBorrow();
    session.elapse(60_000 + 20_000);
    expect(session.screen()).toBe('attract');
    expect(session.camera.running).toBe(0);
  });

  it('when the hub refuses the card and the kiosk goes back to the card screen, the camera starts afresh', async () => {
    const session = startSession(NAMED_CAMERA);
    const answer = deferred<ReturnType<typeof signedIn>>();
    session.hub.signIn.mockReturnValueOnce(answer.promise);
    session.send({ type: 'borrow.chosen' });
    session.camera.sendBack({ type: 'card.scanned', code: '20149999' });
    session.type('2580');
    session.send({ type: 'key.enter' });
    expect(session.camera.running).toBe(0);
    answer.reject(new HubError('card.unknown'));
    await settle();
    expect(session.screen()).toBe('cardEntry');
    expect(session.camera.running).toBe(1);
  });
});
