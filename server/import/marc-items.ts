/**
 * Items from a MARC file (server/import/marc): one item per barcode in the holdings field, or one per record
 * numbered from the librarian's start number when the record has none. A damaged record is reported by its
 * number and the rest read on.
 */
import type { BarcodeRules } from '../../shared/barcodes';
import type { ImportedItem, ImportProblem } from '../../shared/import/schemas';
import { barcodeSequence } from './barcode-sequence';
import { FirstSeen, MAX_TEXT, RowProblems } from './field-checks';
import { mapMarcItem, readMarcFile, type HoldingsBarcode } from './marc';

export interface MarcItemsOptions {
  rules: BarcodeRules;
  /** `952$p`; the record format's default when absent. */
  holdings?: string;
  barcodeStart?: string;
  /** Called now and then with the bytes read so far, to show progress; awaited, so the hub can serve others meanwhile. */
  onProgress?: (bytesRead: number) => Promise<void>;
}

export interface MarcItemsResult {
  items: ImportedItem[];
  problems: ImportProblem[];
  /** Records read, damaged ones too. */
  records: number;
}

const PROGRESS_EVERY = 2000;

export async function marcItems(bytes: Uint8Array, { rules, holdings, barcodeStart, onProgress }: MarcItemsOptions): Promise<MarcItemsResult> {
  const barcode = holdings ? holdingsField(holdings) : undefined;
  const nextBarcode = barcodeStart ? barcodeSequence(barcodeStart) : null;
  const seen = new FirstSeen();
  const items: ImportedItem[] = [];
  const problems: ImportProblem[] = [];
  let records = 0;
  for (const result of readMarcFile(bytes)) {
    records++;
    if (records % PROGRESS_EVERY === 0) await onProgress?.(result.offset);
    const at = result.recordNumber;
    if (!result.ok) {
      for (const problem of result.problems) problems.push({ at, code: problem.code, ...(problem.field ? { field: problem.field } : {}) });
      continue;
    }
    const mapped = mapMarcItem(result.record, barcode ? { barcode } : {});
    const row = new RowProblems(at);
    const title = mapped.title === null ? null : mapped.title.slice(0, MAX_TEXT.title);
    if (title === null) row.add('import.noTitle', '245');
    const barcodes = mapped.barcodes.length > 0 ? mapped.barcodes : nextBarcode ? [nextBarcode()] : [];
    if (barcodes.length === 0) row.add('import.noBarcode', holdings ?? undefined);
    const accepted: string[] = [];
    for (const raw of barcodes) {
      const value = row.barcode('barcode', raw, rules);
      if (value === null) continue;
      const earlier = seen.check(value, at);
      if (earlier !== null) row.add('import.duplicate', 'barcode', value, earlier);
      else accepted.push(value);
    }
    problems.push(...row.list);
    if (row.list.length > 0 || title === null) continue;
    for (const value of accepted) {
      items.push({
        barcode: value,
        title,
        authors: mapped.authors.join('; ').slice(0, MAX_TEXT.authors),
        isbn: mapped.isbn,
        callNumber: mapped.callNumber?.slice(0, MAX_TEXT.call_number) ?? null,
        publisher: mapped.publisher?.slice(0, MAX_TEXT.publisher) ?? null,
        year: mapped.year,
        language: mapped.language,
        location: null,
        loanable: true,
      });
    }
  }
  await onProgress?.(bytes.length);
  return { items, problems, records };
}

function holdingsField(text: string): HoldingsBarcode {
  const [tag = '', code = ''] = text.split('$');
  return { tag, code };
}

