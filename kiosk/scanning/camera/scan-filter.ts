/** Turns decoded texts into scans: only what the library's rules accept and the screen takes, each code once. */
import { classifyScan } from '../../../shared/barcodes';
import type { CameraScan, CameraScanInput } from './camera-types';

/** A code still in view, or shown again this soon after it was last seen, is the same scan. */
export const REPEAT_WINDOW_MS = 2000;

export function createScanFilter(
  { rules, accepts }: Pick<CameraScanInput, 'rules' | 'accepts'>,
  now: () => number,
): (text: string) => CameraScan | null {
  const lastSeen = new Map<string, number>();
  return (text) => {
    const scan = classifyScan(text, rules, accepts);
    // A misread or a code of another kind is dropped silently: the camera sees many things.
    if (scan.kind === 'invalid' || !accepts.includes(scan.kind)) return null;
    const at = now();
    const previous = lastSeen.get(scan.value);
    lastSeen.set(scan.value, at);
    if (previous !== undefined && at - previous < REPEAT_WINDOW_MS) return null;
    return scan.kind === 'card' ? { type: 'card.scanned', code: scan.value } : { type: 'item.scanned', barcode: scan.value };
  };
}
