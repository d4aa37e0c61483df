/**
 * The camera scanner as an XState callback actor: it opens the camera when started (the kiosk
 * profile's, by its label, see camera-choice.ts) and stops every track when stopped. The machine invokes it inside the screens that expect a scan, so
 * leaving such a screen in any way (a result, Back, sign-out, the idle timeout) stops the camera.
 */
import { type AnyEventObject, fromCallback } from 'xstate';
import { chooseCamera } from './camera-choice';
import { cameraFailureOf, isFrontCamera, turnOnTorch } from './camera-track';
import type { CameraDeps, CameraEvent, CameraScan, CameraScanInput, Decoding } from './camera-types';
import { createScanFilter } from './scan-filter';

export function createCameraScanner(deps: CameraDeps) {
  return fromCallback<AnyEventObject, CameraScanInput>(({ input, sendBack }) => {
    const send = (event: CameraEvent | CameraScan) => sendBack(event);
    const accept = createScanFilter(input, deps.now);
    let stopped = false;
    let stream: MediaStream | null = null;
    let decoding: Decoding | null = null;

    const onEnded = () => send({ type: 'camera.failed', reason: 'unplugged' });
    const release = () => {
      decoding?.stop();
      for (const track of stream?.getTracks() ?? []) {
        track.removeEventListener('ended', onEnded);
        track.stop();
      }
    };

    void (async () => {
      try {
        const devices = input.label === null ? [] : await deps.listDevices().catch(() => []);
        const choice = chooseCamera(devices, input);
        if (stopped) return;
        if ('missing' in choice) {
          deps.noteMissing(choice.missing);
          return send({ type: 'camera.missing' });
        }
        stream = await deps.openCamera(choice.open);
        // Stopped while the browser was still opening the camera: close it at once.
        if (stopped) return release();
        const [track] = stream.getVideoTracks();
        track?.addEventListener('ended', onEnded);
        send({ type: 'camera.started', preview: { stream, mirrored: track ? isFrontCamera(track) : false } });
        if (track) void turnOnTorch(track);
        decoding = await deps.startDecoding(stream, (text) => {
          const scan = accept(text);
          if (scan === null || stopped) return;
          send({ type: 'camera.read' });
          send(scan);
        });
        if (stopped) release();
      } catch (error) {
        release();
        if (!stopped) send({ type: 'camera.failed', reason: cameraFailureOf(error) });
      }
    })();

    return () => {
      stopped = true;
      release();
    };
  });
}
