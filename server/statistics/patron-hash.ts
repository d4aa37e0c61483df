/**
 * Distinct patrons are counted by a keyed hash of the card number, never the number itself.
 * A plain hash of an 8-digit card is reversed by trying all 10^8 of them; an HMAC-SHA256 needs
 * the key as well. The key is made on first use and kept in the settings table, so counts stay
 * comparable across restarts and a restored backup. 48 bits of the HMAC are kept, as an integer
 * SQLite compares quickly: two of 100,000 cards share one with odds of about 1 in 56,000.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { readSetting, writeSetting } from '../settings/settings';

const KEY_SETTING = 'statistics.patronHashKey';

export type PatronHasher = (cardNumber: string) => number;

export function patronHasher(db: Database): PatronHasher {
  const key = Buffer.from(patronHashKey(db), 'base64');
  const known = new Map<string, number>();
  return (cardNumber) => {
    let hash = known.get(cardNumber);
    if (hash === undefined) {
      hash = createHmac('sha256', key).update(cardNumber).digest().readUIntBE(0, 6);
      // A catch-up over a year meets the same 20,000 cards again and again.
      if (known.size < 100_000) known.set(cardNumber, hash);
    }
    return hash;
  };
}

function patronHashKey(db: Database): string {
  return db.transaction(() => {
    const stored = readSetting(db, KEY_SETTING);
    if (typeof stored === 'string' && stored.length > 0) return stored;
    const key = randomBytes(32).toString('base64');
    writeSetting(db, KEY_SETTING, key);
    return key;
  }).immediate();
}
