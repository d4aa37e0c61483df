/** Decodes camera frames with @zxing/browser, loaded on first use so it never weighs on the kiosk's first load. */
import type { DecodeHintType as Hint } from '@zxing/library';
import type { Decoding } from './camera-types';

/** Time between two decode attempts: fast enough to feel instant, slow enough to leave the CPU to the UI. */
const DELAY_BETWEEN_ATTEMPTS_MS = 100;

export async function startZxingDecoding(stream: MediaStream, onText: (text: string) => void): Promise<Decoding> {
  const [{ BrowserMultiFormatReader }, { BarcodeFormat, DecodeHintType }] = await Promise.all([
    import('@zxing/browser'),
    import('@zxing/library'),
  ]);
  // Formats named explicitly: the default 1-D reader skips Codabar, which libraries use for cards and items.
  const hints = new Map<Hint, unknown>([
    [
      DecodeHintType.POSSIBLE_FORMATS,
      [
        BarcodeFormat.EAN_13,
        BarcodeFormat.EAN_8,
        BarcodeFormat.UPC_A,
        BarcodeFormat.CODE_128,
        BarcodeFormat.CODE_39,
        BarcodeFormat.CODABAR,
        BarcodeFormat.ITF,
        BarcodeFormat.QR_CODE,
      ],
    ],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  const reader = new BrowserMultiFormatReader(hints, {
    delayBetweenScanAttempts: DELAY_BETWEEN_ATTEMPTS_MS,
    delayBetweenScanSuccess: DELAY_BETWEEN_ATTEMPTS_MS,
  });
  // No preview element: zxing decodes from a video of its own; the screen shows the stream itself.
  const controls = await reader.decodeFromStream(stream, undefined, (result) => {
    if (result) onText(result.getText());
  });
  return { stop: () => controls.stop() };
}
