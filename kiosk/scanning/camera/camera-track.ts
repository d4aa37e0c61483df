/** What the browser's camera track can tell and do, and what its errors mean for the patron. */
import type { CameraFailure } from './camera-types';

/** Asks for the kiosk profile's camera, or any camera: not a rear one, which a kiosk webcam is not. */
export function openCamera(deviceId: string | null): Promise<MediaStream> {
  // Outside a secure context (plain http from another machine) the browser offers no camera at all.
  if (!navigator.mediaDevices?.getUserMedia) return Promise.reject(new DOMException('no mediaDevices', 'NotFoundError'));
  const size = { width: { ideal: 1280 }, height: { ideal: 720 } };
  return navigator.mediaDevices.getUserMedia({
    audio: false,
    video: deviceId === null ? size : { ...size, deviceId: { exact: deviceId } },
  });
}

/** A webcam usually reports no facing mode: it faces the patron, so it is mirrored too. */
export function isFrontCamera(track: MediaStreamTrack): boolean {
  const facing = track.getSettings().facingMode;
  return facing === undefined || facing === 'user';
}

interface TorchCapabilities extends MediaTrackCapabilities {
  torch?: boolean;
}

export async function turnOnTorch(track: MediaStreamTrack): Promise<void> {
  const capabilities = track.getCapabilities?.() as TorchCapabilities | undefined;
  if (!capabilities?.torch) return;
  // A torch that refuses to light is no reason to stop scanning.
  await track.applyConstraints({ advanced: [{ torch: true } as MediaTrackConstraintSet] }).catch(() => undefined);
}

export function cameraFailureOf(error: unknown): CameraFailure {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'noCamera';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  return 'failed';
}
