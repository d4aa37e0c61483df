import { describe, expect, it } from 'vitest';
import { hashSecret, verifySecret } from '../../../server/security/password-hash';

describe('password hashing', () => {
  it('verifies the right secret and refuses a wrong one', async () => {
    const hash = await hashSecret('2580');
    expect(await verifySecret('2580', hash)).toBe(true);
    expect(await verifySecret('2581', hash)).toBe(false);
  });

  it('salts every hash and describes its own parameters', async () => {
    const [a, b] = await Promise.all([hashSecret('2580'), hashSecret('2580')]);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
  });

  it('refuses malformed stored hashes instead of throwing', async () => {
    for (const stored of ['', 'plain', 'bcrypt$x$y', 'scrypt$16384$8$1$salt']) {
      expect(await verifySecret('2580', stored)).toBe(false);
    }
  });
});
