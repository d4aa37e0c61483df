/** Short ticket codes that patrons type on a phone when the camera cannot scan the QR code. */
import { randomBytes } from 'node:crypto';

/** No 0/O or 1/I look-alikes; 32 symbols, so a random byte maps onto it without bias. */
export const SHORT_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const SHORT_CODE_LENGTH = 6;

export function newShortCode(): string {
  return [...randomBytes(SHORT_CODE_LENGTH)].map((byte) => SHORT_CODE_ALPHABET[byte % 32]).join('');
}

/** What a patron typed, as stored: upper case, without the spaces or dashes people add. */
export function normalizeShortCode(typed: string): string {
  return [...typed.toUpperCase()].filter((char) => char !== ' ' && char !== '-').join('');
}
