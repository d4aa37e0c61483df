/**
 * Codabar start/stop characters: A, B, C, D, or their alternative names T, N, *, E
 * used by some encoders. Decoders report them around the data; the library's number is
 * only what lies between. The data itself can only be digits and - $ : / . +
 */
const WRAPPED_CODABAR = /^[ABCDTN*E]([0-9\-$:/.+]+)[ABCDTN*E]$/i;

/** "A31117013206375B" → "31117013206375"; anything that is not a start/stop-wrapped Codabar reading is returned unchanged. */
export function stripCodabarStartStop(text: string): string {
  return WRAPPED_CODABAR.exec(text)?.[1] ?? text;
}
