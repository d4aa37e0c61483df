import { describe, expect, it, vi } from 'vitest';
import { type AnyEventObject, createActor, createMachine } from 'xstate';
import { createCameraScanner } from '../../../kiosk/scanning/camera/camera-scanner';
import { chooseCamera, type CameraDevice, type WantedCamera } from '../../../kiosk/scanning/camera/camera-choice';
import type { CameraScanInput, ScanKind } from '../../../kiosk/scanning/camera/camera-types';
import { REPEAT_WINDOW_MS } from '../../../kiosk/scanning/camera/scan-filter';
import { DEMO_SCAN_RULES } from '../../../server/demo/demo-library';
import { deferred, settle } from './session-harness';

/** A camera track as far as the scanner uses it: it can be stopped, and can end by itself (unplugged). */
function fakeTrack(facingMode?: string) {
  const listeners = new Set<() => void>();
  return {
    readyState: 'live' as MediaStreamTrackState,
    stop: vi.fn(function (this: { readyState: MediaStreamTrackState }) {
      this.readyState = 'ended';
    }),
    getSettings: () => (facingMode ? { facingMode } : {}),
    getCapabilities: () => ({}),
    addEventListener: (_: 'ended', listener: () => void) => listeners.add(listener),
    removeEventListener: (_: 'ended', listener: () => void) => listeners.delete(listener),
    unplug: () => listeners.forEach((listener) => listener()),
  };
}

function fakeStream(track = fakeTrack()) {
  return { track, stream: { getTracks: () => [track], getVideoTracks: () => [track] } as unknown as MediaStream };
}

/** Runs the scanner as the machine would (invoked), with a fake camera, a fake decoder and a clock the test moves. */
/** A kiosk with a built-in camera and the USB one the profile may name; labels as Chromium reports them. */
const DEVICES: CameraDevice[] = [
  { kind: 'audioinput', label: 'Built-in Microphone', deviceId: 'mic-1' },
  { kind: 'videoinput', label: 'Integrated Camera (04f2:b6dd)', deviceId: 'built-in' },
  { kind: 'videoinput', label: 'USB Camera (046d:0825)', deviceId: 'usb-cam' },
];

function runScanner({
  accepts = ['item', 'isbn'] as ScanKind[],
  open = Promise.resolve(fakeStream()),
  camera = { deviceId: 'cam-1', label: null, askedByPatron: false } as WantedCamera,
  devices = (): Promise<CameraDevice[]> => Promise.resolve(DEVICES),
} = {}) {
  let clock = 0;
  let decode: (text: string) => void = () => {
    throw new Error('decoder not started');
  };
  const decoding = { stop: vi.fn() };
  const openCamera = vi.fn((_deviceId: string | null) => open.then((opened) => opened.stream));
  const listDevices = vi.fn(devices);
  const noteMissing = vi.fn();
  const scanner = createCameraScanner({
    listDevices,
    noteMissing,
    openCamera,
    startDecoding: async (_, onText) => {
      decode = onText;
      return decoding;
    },
    now: () => clock,
  });
  const received: AnyEventObject[] = [];
  const input: CameraScanInput = { ...camera, rules: DEMO_SCAN_RULES, accepts };
  const parent = createActor(
    createMachine({
      initial: 'scanning',
      states: { scanning: { invoke: { src: scanner, input }, on: { leave: 'left' } }, left: {} },
      on: { '*': { actions: ({ event }) => void received.push(event) } },
    }),
  ).start();
  return {
    received,
    decoding,
    openCamera,
    listDevices,
    noteMissing,
    decode: (text: string) => decode(text),
    advance: (ms: number) => void (clock += ms),
    leave: () => parent.send({ type: 'leave' }),
    scans: () => received.filter((event) => event.type.endsWith('.scanned')),
  };
}

describe('choosing the camera', () => {
  const wanted = (label: string | null, askedByPatron = false): WantedCamera => ({ deviceId: null, label, askedByPatron });

  it('takes the browser’s default, or the kiosk’s own device, where the profile names none', () => {
    expect(chooseCamera(DEVICES, wanted(null))).toEqual({ open: null });
    expect(chooseCamera(DEVICES, { deviceId: 'usb-cam', label: null, askedByPatron: false })).toEqual({ open: 'usb-cam' });
  });

  it('finds the profile’s camera by its label among the video inputs', () => {
    expect(chooseCamera(DEVICES, wanted('USB Camera (046d:0825)'))).toEqual({ open: 'usb-cam' });
    expect(chooseCamera(DEVICES, wanted(' Integrated Camera (04f2:b6dd) '))).toEqual({ open: 'built-in' });
    // A microphone of that name is no camera.
    expect(chooseCamera(DEVICES, wanted('Built-in Microphone'))).toEqual({ missing: 'Built-in Microphone' });
  });

  it('asks the patron when the named camera is not plugged in, or labels are not readable yet; a tap opens any camera', () => {
    const unplugged = DEVICES.filter((device) => device.deviceId !== 'usb-cam');
    expect(chooseCamera(unplugged, wanted('USB Camera (046d:0825)'))).toEqual({ missing: 'USB Camera (046d:0825)' });
    // Before the camera was first allowed, Chromium lists devices with empty labels.
    const unlabelled = DEVICES.map((device) => ({ ...device, label: '' }));
    expect(chooseCamera(unlabelled, wanted('USB Camera (046d:0825)'))).toEqual({ missing: 'USB Camera (046d:0825)' });
    expect(chooseCamera([], wanted('USB Camera (046d:0825)'))).toEqual({ missing: 'USB Camera (046d:0825)' });
    expect(chooseCamera(unplugged, wanted('USB Camera (046d:0825)', true))).toEqual({ open: null });
    // The named camera is still the one a tap opens when it is there.
    expect(chooseCamera(DEVICES, wanted('USB Camera (046d:0825)', true))).toEqual({ open: 'usb-cam' });
  });
});

describe('camera scanner, with the profile’s camera', () => {
  it('opens the labelled camera by its device id', async () => {
    const scanner = runScanner({ camera: { deviceId: null, label: 'USB Camera (046d:0825)', askedByPatron: false } });
    await settle();
    expect(scanner.openCamera).toHaveBeenCalledWith('usb-cam');
    expect(scanner.received[0]).toMatchObject({ type: 'camera.started' });
  });

  it('says the camera is missing, opening none and noting it for the heartbeat, when it is not plugged in', async () => {
    const scanner = runScanner({ camera: { deviceId: null, label: 'Document Camera', askedByPatron: false } });
    await settle();
    expect(scanner.openCamera).not.toHaveBeenCalled();
    expect(scanner.received).toEqual([{ type: 'camera.missing' }]);
    expect(scanner.noteMissing).toHaveBeenCalledWith('Document Camera');
  });

  it('treats a device list that cannot be read as no camera, and asks', async () => {
    const scanner = runScanner({ camera: { deviceId: null, label: 'USB Camera (046d:0825)', askedByPatron: false }, devices: () => Promise.reject(new Error('no')) });
    await settle();
    expect(scanner.received).toEqual([{ type: 'camera.missing' }]);
  });

  it('opens the default camera when the patron asked and the named one is missing', async () => {
    const scanner = runScanner({ camera: { deviceId: null, label: 'Document Camera', askedByPatron: true } });
    await settle();
    expect(scanner.openCamera).toHaveBeenCalledWith(null);
    expect(scanner.noteMissing).not.toHaveBeenCalled();
  });

  it('does not list devices where the profile names no camera', async () => {
    const scanner = runScanner();
    await settle();
    expect(scanner.listDevices).not.toHaveBeenCalled();
    expect(scanner.openCamera).toHaveBeenCalledWith('cam-1');
  });
});

describe('camera scanner', () => {
  it('opens the named camera and shows its preview, mirrored for a camera facing the patron', async () => {
    const front = fakeStream(fakeTrack('user'));
    const scanner = runScanner({ open: Promise.resolve(front) });
    await settle();
    expect(scanner.openCamera).toHaveBeenCalledWith('cam-1');
    expect(scanner.received[0]).toEqual({ type: 'camera.started', preview: { stream: front.stream, mirrored: true } });

    const rear = runScanner({ open: Promise.resolve(fakeStream(fakeTrack('environment'))) });
    await settle();
    expect(rear.received[0]).toMatchObject({ preview: { mirrored: false } });
  });

  it('sends what the screen takes, as the USB scanner does, after a read cue', async () => {
    const scanner = runScanner();
    await settle();
    scanner.decode('9780140013993');
    expect(scanner.received.slice(1)).toEqual([{ type: 'camera.read' }, { type: 'item.scanned', barcode: '9780140013993' }]);
  });

  it('strips Codabar start and stop characters from a card', async () => {
    const scanner = runScanner({ accepts: ['card'] });
    await settle();
    scanner.decode('A31117013206375B');
    expect(scanner.scans()).toEqual([{ type: 'card.scanned', code: '31117013206375' }]);
  });

  it('ignores, silently, what fails the rules and what the screen does not take', async () => {
    const scanner = runScanner({ accepts: ['item'] });
    await settle();
    for (const text of ['http://www.google.com/', 'Code 128', '4045787034318', '9780140013993', '20140001', '39010001X', '']) {
      scanner.decode(text);
    }
    expect(scanner.received.map((event) => event.type)).toEqual(['camera.started']);
  });

  it('counts the same code once while it is seen again within 2 s, and again after a pause', async () => {
    const scanner = runScanner();
    await settle();
    scanner.decode('39010001');
    for (let i = 0; i < 10; i += 1) {
      scanner.advance(REPEAT_WINDOW_MS - 1);
      scanner.decode('39010001');
    }
    scanner.decode('39010002');
    scanner.advance(REPEAT_WINDOW_MS);
    scanner.decode('39010001');
    expect(scanner.scans()).toEqual([
      { type: 'item.scanned', barcode: '39010001' },
      { type: 'item.scanned', barcode: '39010002' },
      { type: 'item.scanned', barcode: '39010001' },
    ]);
  });

  it('stops every track and the decoder when the screen is left', async () => {
    const camera = fakeStream();
    const scanner = runScanner({ open: Promise.resolve(camera) });
    await settle();
    scanner.leave();
    expect(camera.track.stop).toHaveBeenCalled();
    expect(camera.track.readyState).toBe('ended');
    expect(scanner.decoding.stop).toHaveBeenCalled();
    scanner.decode('39010001');
    expect(scanner.scans()).toEqual([]);
  });

  it('closes a camera that opens only after the screen was left', async () => {
    const opening = deferred<ReturnType<typeof fakeStream>>();
    const scanner = runScanner({ open: opening.promise });
    scanner.leave();
    const camera = fakeStream();
    opening.resolve(camera);
    await settle();
    expect(camera.track.stop).toHaveBeenCalled();
    expect(scanner.received).toEqual([]);
  });

  it.each([
    ['NotFoundError', 'noCamera'],
    ['OverconstrainedError', 'noCamera'],
    ['NotAllowedError', 'denied'],
    ['NotReadableError', 'failed'],
  ])('tells the machine when the camera cannot open (%s → %s)', async (name, reason) => {
    const scanner = runScanner({ open: Promise.reject(new DOMException('no', name)) });
    await settle();
    expect(scanner.received).toEqual([{ type: 'camera.failed', reason }]);
  });

  it('tells the machine when the camera is unplugged mid-scan', async () => {
    const camera = fakeStream();
    const scanner = runScanner({ open: Promise.resolve(camera) });
    await settle();
    camera.track.unplug();
    expect(scanner.received.at(-1)).toEqual({ type: 'camera.failed', reason: 'unplugged' });
  });
});
