/**
 * Code 128 as bar and space widths in modules (first a bar). Subset C for an even run of digits (half as
 * wide: library barcodes are mostly digits), subset B otherwise (printable ASCII). Checked against
 * @zxing/library's reader in tests/unit/import/label-barcodes.test.ts.
 */
// Values 0–105 (105: Start C, 104: Start B); each six widths: bar, space, bar, space, bar, space.
const PATTERNS = (
  '212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 112232 122132 122231 113222 ' +
  '123122 123221 223211 221132 221231 213212 223112 312131 311222 321122 321221 312212 322112 322211 212123 212321 ' +
  '232121 111323 131123 131321 112313 132113 132311 211313 231113 231311 112133 112331 132131 113123 113321 133121 ' +
  '313121 211331 231131 213113 213311 213131 311123 311321 331121 312113 312311 332111 314111 221411 431111 111224 ' +
  '111422 121124 121421 141122 141221 112214 112412 122114 122411 142112 142211 241211 221114 413111 241112 134111 ' +
  '111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 214121 412121 111143 111341 131141 114113 ' +
  '114311 411113 411311 113141 114131 311141 411131 211412 211214 211232'
).split(' ');
const STOP = '2331112';
const START_B = 104;
const START_C = 105;

/** Code 128 draws any printable ASCII (space to `~`). */
export function canCode128(text: string): boolean {
  return text.length > 0 && /^[\x20-\x7e]+$/.test(text);
}

export function code128Widths(text: string): number[] {
  if (!canCode128(text)) throw new Error(`Code 128 cannot draw ${JSON.stringify(text)}`);
  const digitsOnly = /^(\d\d)+$/.test(text);
  const values = digitsOnly
    ? [START_C, ...Array.from({ length: text.length / 2 }, (_, i) => Number(text.slice(2 * i, 2 * i + 2)))]
    : [START_B, ...[...text].map((char) => char.charCodeAt(0) - 32)];
  const check = values.reduce((sum, value, i) => sum + value * Math.max(i, 1), 0) % 103;
  return [...values, check].flatMap((value) => [...PATTERNS[value]!].map(Number)).concat([...STOP].map(Number));
}
