/** What the camera scanner needs, and what it tells the session machine. */
import type { ScanRules } from '../../../shared/barcodes';

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

export interface CameraScanInput {
  /** From the kiosk profile; null: the browser's default camera. */
  deviceId: string | null;
  rules: ScanRules;
  accepts: readonly ScanKind[];
}

/** The same events a USB scanner produces. */
export type CameraScan = { type: 'card.scanned'; code: string } | { type: 'item.scanned'; barcode: string };

export type CameraEvent =
  | { type: 'camera.started'; preview: CameraPreview }
  | { type: 'camera.failed'; reason: CameraFailure }
  | { type: 'camera.read' };

export interface Decoding {
  stop(): void;
}

/** The camera scanner's I/O, injected so tests can run it without a camera or a decoder. */
export interface CameraDeps {
  openCamera(deviceId: string | null): Promise<MediaStream>;
  /** Starts decoding frames of the stream, calling `onText` with each reading. */
  startDecoding(stream: MediaStream, onText: (text: string) => void): Promise<Decoding>;
  /** Milliseconds, for the repeat window. */
  now(): number;
}
