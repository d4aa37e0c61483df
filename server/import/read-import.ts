/**
 * Reads and checks an uploaded file into what the import will store, with the report of what to fix.
 * Pure but for progress: bytes and the library's barcode rules in, rows and problems out; nothing is written.
 */
import type { ScanRules } from '../../shared/barcodes';
import type { ImportedItem, ImportFileRefusal, ImportFormat, ImportKind, ImportProblem } from '../../shared/import/schemas';
import { ITEM_CSV_COLUMNS, ITEM_REQUIRED_COLUMNS, itemFromRow } from './csv-items';
import { PATRON_CSV_COLUMNS, PATRON_REQUIRED_COLUMNS, patronFromRow } from './csv-patrons';
import { decodeText } from './decode-text';
import { FirstSeen } from './field-checks';
import { marcItems } from './marc-items';
import { hashPatronPins, type ImportedPatronWithHash } from './patron-pins';
import { readCsv } from './read-csv';

export interface ReadImportOptions {
  kind: ImportKind;
  format: ImportFormat;
  rules: ScanRules;
  holdings?: string;
  barcodeStart?: string;
  /** done of `of` (bytes or rows); awaited between chunks, so the hub answers other requests meanwhile. */
  onProgress?: (done: number, of: number) => Promise<void>;
}

export type ReadImport =
  | { ok: false; refusal: ImportFileRefusal; missing?: string[] }
  | { ok: true; kind: 'items'; unit: 'line' | 'record'; items: ImportedItem[]; problems: ImportProblem[] }
  | { ok: true; kind: 'patrons'; unit: 'line'; patrons: ImportedPatronWithHash[]; problems: ImportProblem[] };

const CHUNK = 5000;

export async function readImport(bytes: Uint8Array, options: ReadImportOptions): Promise<ReadImport> {
  const { kind, format, rules, onProgress } = options;
  if (kind === 'items' && format === 'marc') {
    if (!looksLikeMarc(bytes)) return { ok: false, refusal: 'import.notMarc' };
    const read = await marcItems(bytes, { rules: rules.item, holdings: options.holdings, barcodeStart: options.barcodeStart, onProgress: (done) => onProgress?.(done, bytes.length) ?? Promise.resolve() });
    return { ok: true, kind, unit: 'record', items: read.items, problems: read.problems };
  }
  const decoded = decodeText(bytes);
  if (!decoded) return { ok: false, refusal: 'import.encoding' };
  const csv = kind === 'items' ? readCsv(decoded.text, ITEM_CSV_COLUMNS, ITEM_REQUIRED_COLUMNS) : readCsv(decoded.text, PATRON_CSV_COLUMNS, PATRON_REQUIRED_COLUMNS);
  if (!csv.ok) return { ok: false, refusal: csv.refusal, missing: csv.missing };
  const problems = [...csv.problems];
  const seen = new FirstSeen();
  const total = csv.rows.length;
  if (kind === 'items') {
    const items: ImportedItem[] = [];
    for (let at = 0; at < total; at++) {
      const { item, problems: row } = itemFromRow(csv.rows[at]!, rules.item, seen);
      if (item) items.push(item);
      problems.push(...row.list);
      if (at % CHUNK === CHUNK - 1) await onProgress?.(at + 1, total);
    }
    await onProgress?.(total, total);
    return { ok: true, kind, unit: 'line', items, problems: sorted(problems) };
  }
  const checked = [];
  for (const row of csv.rows) {
    const { patron, problems: rowProblems } = patronFromRow(row, rules.card, seen);
    if (patron) checked.push(patron);
    problems.push(...rowProblems.list);
  }
  // PINs are hashed only for a file without problems: a refused file should not cost minutes of scrypt.
  const patrons = problems.length === 0 ? await hashPatronPins(checked, (done) => onProgress?.(done, checked.length) ?? Promise.resolve()) : checked.map((patron) => ({ ...patron, pinHash: null }));
  return { ok: true, kind, unit: 'line', patrons, problems: sorted(problems) };
}

const sorted = (problems: ImportProblem[]) => problems.sort((a, b) => a.at - b.at);

/** MARCXML (`<`…) or ISO 2709, whose leader starts with five digits (the record length). */
function looksLikeMarc(bytes: Uint8Array): boolean {
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (at < bytes.length && (bytes[at] === 0x20 || bytes[at] === 0x09 || bytes[at] === 0x0a || bytes[at] === 0x0d)) at++;
  if (bytes[at] === 0x3c) return true;
  for (let i = at; i < at + 5; i++) if (bytes[i] === undefined || bytes[i]! < 0x30 || bytes[i]! > 0x39) return false;
  return true;
}
