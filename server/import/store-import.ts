/**
 * Writes a checked import into the embedded library in one transaction: all rows or, should anything fail, none.
 * Rows are matched by barcode and card number, so importing the same file again updates what it added.
 */
import type { Database } from 'better-sqlite3';
import type { ImportedItem } from '../../shared/import/schemas';
import type { ImportedPatronWithHash } from './patron-pins';

export interface ImportCounts {
  added: number;
  updated: number;
}

export function storeItems(db: Database, items: readonly ImportedItem[]): ImportCounts {
  const exists = db.prepare('SELECT 1 FROM items WHERE barcode = ?').pluck();
  const upsert = db.prepare(
    `INSERT INTO items (barcode, title, author, isbn, call_number, publisher, year, language, location, loan_type)
     VALUES (@barcode, @title, @authors, @isbn, @callNumber, @publisher, @year, @language, @location, @loanType)
     ON CONFLICT (barcode) DO UPDATE SET title = excluded.title, author = excluded.author, isbn = excluded.isbn,
       call_number = excluded.call_number, publisher = excluded.publisher, year = excluded.year,
       language = excluded.language, location = excluded.location, loan_type = excluded.loan_type`,
  );
  return db.transaction((): ImportCounts => {
    let updated = 0;
    for (const item of items) {
      if (exists.get(item.barcode)) updated++;
      upsert.run({ ...item, loanType: item.loanable ? 'normal' : 'reference' });
    }
    return { added: items.length - updated, updated };
  }).immediate();
}

/**
 * A patron already known keeps their PIN when the file gives none (a re-import must not lock anyone out); a PIN
 * in the file is an initial one again. Loans, holds, fines and blocks are never touched.
 */
export function storePatrons(db: Database, patrons: readonly ImportedPatronWithHash[], now: Date): ImportCounts {
  const exists = db.prepare('SELECT 1 FROM patrons WHERE card_number = ?').pluck();
  const insert = db.prepare(
    `INSERT INTO patrons (card_number, display_name, full_name, pin_hash, pin_change_required, expires_on, category, created_at)
     VALUES (@cardNumber, @name, @name, @pinHash, @pinChangeRequired, @expiresOn, @category, @createdAt)`,
  );
  const update = db.prepare(
    `UPDATE patrons SET display_name = @name, full_name = @name, expires_on = @expiresOn, category = @category,
       pin_hash = coalesce(@pinHash, pin_hash), pin_change_required = CASE WHEN @pinHash IS NULL THEN pin_change_required ELSE 1 END
     WHERE card_number = @cardNumber`,
  );
  const createdAt = now.toISOString();
  return db.transaction((): ImportCounts => {
    let updated = 0;
    for (const { pin: _pin, hasPin: _hasPin, ...patron } of patrons) {
      if (exists.get(patron.cardNumber)) {
        updated++;
        update.run(patron);
      } else {
        insert.run({ ...patron, pinHash: patron.pinHash ?? NO_PIN, pinChangeRequired: patron.pinHash ? 1 : 0, createdAt });
      }
    }
    return { added: patrons.length - updated, updated };
  }).immediate();
}

/** The stored hash of a card imported without a PIN: no PIN matches it (server/ils/embedded refuses it as `pin.notSet`). */
export const NO_PIN = '';
