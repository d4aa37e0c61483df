/**
 * A single `Range: bytes=…` request (RFC 9110 §14.2), so phones can resume an interrupted
 * download. Multiple ranges are answered with the whole file, as the RFC allows (for a
 * download ticket that is a download like any other).
 */
export type ByteRange = { start: number; end: number };

/** null: send the whole file; 'unsatisfiable': answer 416. */
export function parseByteRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last);
    return suffix === 0 || size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return start >= size || end < start ? 'unsatisfiable' : { start, end };
}
