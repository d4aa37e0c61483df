import { createHash, randomBytes } from 'node:crypto';

/** An unguessable bearer token: 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** How device tokens are stored: a leaked database does not leak working tokens. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
