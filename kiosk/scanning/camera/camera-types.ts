/** What the camera scanner needs, and what it tells the session machine. */
import type { ScanRules } from '../../../shared/barcodes';
import type { CameraDevice, WantedCamera } from './camera-choice';

/** What a screen takes from the camera: a card, an item barcode, or a book's ISBN (borrow only). */
export type ScanKind = 'card' | 'item' | 'isbn';

export type CameraFailure = 'noCamera' | 'denied' | 'unplugged' | 'failed';

export interface CameraPreview {
  stream: MediaStream;
  /** A camera facing the patron shows a mirror image, as a mirror does. */
  mirrored: boolean;
}

/** The camera as the screens show it; nothing of it outlives the screen. */
export interface CameraView {
  preview: CameraPreview | null;
  failure: CameraFailure | null;
  /** Good reads so far: each one flashes the preview. */
  reads: number;
}

/** Which camera (camera-choice.ts), and what the screen takes from it. */
export interface CameraScanInput extends WantedCamera {
  rules: ScanRules;
  accepts: readonly ScanKind[];
}

/** The same events a USB scanner produces. */
export type CameraScan = { type: 'card.scanned'; code: string } | { type: 'item.scanned'; barcode: string };

export type CameraEvent =
  | { type: 'camera.started'; preview: CameraPreview }
  /** The profile's camera is not there (or its label not yet readable): the patron is asked to tap "Use camera". */
  | { type: 'camera.missing' }
  | { type: 'camera.failed'; reason: CameraFailure }
  | { type: 'camera.read' };

export interface Decoding {
  stop(): void;
}

/** The camera scanner's I/O, injected so tests can run it without a camera or a decoder. */
export interface CameraDeps {
  /** The cameras there are, to find the profile's by its label. */
  listDevices(): Promise<CameraDevice[]>;
  /** The profile's camera was not found (the heartbeat reports it, so staff see it on the fleet page). */
  noteMissing(label: string): void;
  openCamera(deviceId: string | null): Promise<MediaStream>;
  /** Starts decoding frames of the stream, calling `onText` with each reading. */
  startDecoding(stream: MediaStream, onText: (text: string) => void): Promise<Decoding>;
  /** Milliseconds, for the repeat window. */
  now(): number;
}
