/**
 * What a kiosk needs to lend while the hub is down, sent with its config: the loan period of the
 * circulation rules, and the cards that may not borrow (blocked, expired) as salted hashes only.
 * The salt is made once per library and kept in settings.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { OfflinePolicy } from '../../shared/api/schemas';
import { offlineCardHash } from '../../shared/offline/card-hash';
import { addDays } from '../clock';
import { loadCirculationRules } from '../ils/embedded/circulation-rules';
import { readSetting, writeSetting } from '../settings/settings';

const SALT_KEY = 'offline.cardSalt';

export type OfflineCardCheck = Pick<OfflinePolicy, 'loanDays' | 'cardHashSalt' | 'blockedCards'>;

export function cardSalt(db: Database): string {
  const stored = readSetting(db, SALT_KEY);
  if (typeof stored === 'string') return stored;
  const salt = randomBytes(16).toString('hex');
  writeSetting(db, SALT_KEY, salt);
  return salt;
}

/**
 * Blocked cards come from the embedded ILS's patrons (an external ILS sends no list: its kiosks
 * check offline cards against the card rules only). Same reasons as `patronBlocks`, in SQL.
 */
export async function offlineCardCheck(db: Database, now: Date): Promise<OfflineCardCheck> {
  const rules = loadCirculationRules(db);
  const salt = cardSalt(db);
  const cards = db
    .prepare(
      `SELECT card_number FROM patrons p
        WHERE manual_block = 1 OR expires_on < @today OR fines_minor > @finesLimit
           OR EXISTS (SELECT 1 FROM loans WHERE patron_id = p.id AND returned_at IS NULL AND due_at < @overdueBefore)
        ORDER BY card_number`,
    )
    .pluck()
    .all({
      today: now.toISOString().slice(0, 10),
      finesLimit: rules.finesLimitMinor,
      overdueBefore: addDays(now, -rules.overdueBlockDays).toISOString(),
    }) as string[];
  return {
    loanDays: rules.loanPeriodDays,
    cardHashSalt: salt,
    blockedCards: await Promise.all(cards.map((card) => offlineCardHash(salt, card))),
  };
}
