/** Patrons from the patron CSV (`card_number,name,pin,expires_on,category`). The PIN is hashed later, apart. */
import type { BarcodeRules } from '../../shared/barcodes';
import { PATRON_CSV_COLUMNS, type ImportedPatronPreview } from '../../shared/import/schemas';
import { FirstSeen, MAX_TEXT, RowProblems } from './field-checks';
import type { CsvRow } from './read-csv';

export const PATRON_REQUIRED_COLUMNS = ['card_number', 'name', 'expires_on'] as const;
export { PATRON_CSV_COLUMNS };

export interface ImportedPatron extends ImportedPatronPreview {
  /** An initial PIN (the patron must choose their own at first sign-in), or null: the card cannot sign in yet. */
  readonly pin: string | null;
}

export function patronFromRow({ line, cells }: CsvRow, rules: BarcodeRules, seen: FirstSeen): { patron: ImportedPatron | null; problems: RowProblems } {
  const row = new RowProblems(line);
  const cardNumber = row.barcode('card_number', cells.card_number, rules);
  if (cardNumber !== null) {
    const earlier = seen.check(cardNumber, line);
    if (earlier !== null) row.add('import.duplicate', 'card_number', cardNumber, earlier);
  }
  const name = row.text('name', cells.name, { required: true, max: MAX_TEXT.name });
  const pin = row.text('pin', cells.pin, { max: 16 });
  if (pin !== null && !/^\d{4,8}$/.test(pin)) row.add('import.pin', 'pin');
  const expiresOn = row.text('expires_on', cells.expires_on, { required: true, max: 16 });
  if (expiresOn !== null && !isDate(expiresOn)) row.add('import.date', 'expires_on', expiresOn);
  const category = row.text('category', cells.category, { max: MAX_TEXT.category });
  const patron = { cardNumber: cardNumber ?? '', name: name ?? '', pin, hasPin: pin !== null, expiresOn: expiresOn ?? '', category };
  return { patron: row.list.length === 0 ? patron : null, problems: row };
}

/** A real calendar day, YYYY-MM-DD. */
function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
