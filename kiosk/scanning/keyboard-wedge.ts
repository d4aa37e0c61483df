/**
 * A USB barcode scanner is a "keyboard wedge": it types the code, then Enter, with no field focused.
 * This buffers printable keys and hands over the code when Enter arrives.
 */
export interface KeyboardWedge {
  /** Feeds one key (KeyboardEvent.key) pressed at `at` ms; returns the scanned code when the key ends a scan. */
  press(key: string, at: number): string | null;
}

/**
 * Keys this far apart are not one scan: a stray key press must not end up in front of the next code.
 * A scanner types a whole code in well under a second; the slack is for people typing a code by hand.
 */
export const STALE_AFTER_MS = 3000;

export function createKeyboardWedge(staleAfterMs = STALE_AFTER_MS): KeyboardWedge {
  let buffer = '';
  let lastAt = Number.NEGATIVE_INFINITY;

  return {
    press(key, at) {
      if (at - lastAt > staleAfterMs) buffer = '';
      lastAt = at;
      if (key === 'Enter') {
        const code = buffer.trim();
        buffer = '';
        return code === '' ? null : code;
      }
      if (key.length === 1 && key !== ' ') buffer += key;
      return null;
    },
  };
}
