/** Items from the catalogue CSV (`barcode,title,authors,isbn,call_number,publisher,year,language,location,loanable`). */
import { parseIsbn, type BarcodeRules } from '../../shared/barcodes';
import { ITEM_CSV_COLUMNS, type ImportedItem } from '../../shared/import/schemas';
import { FirstSeen, MAX_TEXT, RowProblems } from './field-checks';
import type { CsvRow } from './read-csv';

export const ITEM_REQUIRED_COLUMNS = ['barcode', 'title'] as const;
export { ITEM_CSV_COLUMNS };

const LOANABLE: Record<string, boolean> = { yes: true, y: true, true: true, '1': true, 是: true, no: false, n: false, false: false, '0': false, 否: false };

/** One row as stored, or its problems. */
export function itemFromRow({ line, cells }: CsvRow, rules: BarcodeRules, seen: FirstSeen): { item: ImportedItem | null; problems: RowProblems } {
  const row = new RowProblems(line);
  const barcode = row.barcode('barcode', cells.barcode, rules);
  if (barcode !== null) {
    const earlier = seen.check(barcode, line);
    if (earlier !== null) row.add('import.duplicate', 'barcode', barcode, earlier);
  }
  const title = row.text('title', cells.title, { required: true, max: MAX_TEXT.title });
  const authors = row.text('authors', cells.authors, { max: MAX_TEXT.authors });
  const isbnText = row.text('isbn', cells.isbn, { max: 32 });
  const isbn = isbnText === null ? null : parseIsbn(isbnText);
  if (isbnText !== null && isbn === null) row.add('import.isbn', 'isbn', isbnText);
  const year = row.text('year', cells.year, { max: 16 });
  if (year !== null && !/^\d{4}$/.test(year)) row.add('import.year', 'year', year);
  const loanableText = row.text('loanable', cells.loanable, { max: 16 });
  const loanable = loanableText === null ? true : LOANABLE[loanableText.toLowerCase()];
  if (loanable === undefined) row.add('import.loanable', 'loanable', loanableText ?? '');
  const item: ImportedItem = {
    barcode: barcode ?? '',
    title: title ?? '',
    authors: authors ?? '',
    isbn,
    callNumber: row.text('call_number', cells.call_number, { max: MAX_TEXT.call_number }),
    publisher: row.text('publisher', cells.publisher, { max: MAX_TEXT.publisher }),
    year,
    language: row.text('language', cells.language, { max: MAX_TEXT.language }),
    location: row.text('location', cells.location, { max: MAX_TEXT.location }),
    loanable: loanable ?? true,
  };
  return { item: row.list.length === 0 ? item : null, problems: row };
}
