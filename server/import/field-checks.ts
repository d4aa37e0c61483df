/** Checks shared by the item and patron imports: one cell in, a problem or the value to store out. */
import { PRINTABLE_ASCII, validateBarcode, type BarcodeRules } from '../../shared/barcodes';
import type { ImportProblem } from '../../shared/import/schemas';

/** Longest text kept per field (SQLite would take more; a screen or label would not). */
export const MAX_TEXT = { title: 500, authors: 500, publisher: 200, location: 100, call_number: 100, language: 16, name: 200, category: 64 } as const;

/** Values in a problem report are shortened: the report must not carry a whole file. */
export const shown = (value: string): string => (value.length > 60 ? `${value.slice(0, 57)}…` : value);

export class RowProblems {
  readonly list: ImportProblem[] = [];
  constructor(readonly at: number) {}

  add(code: ImportProblem['code'], field?: string, value?: string, other?: number): void {
    this.list.push({ at: this.at, code, ...(field ? { field } : {}), ...(value !== undefined ? { value: shown(value) } : {}), ...(other ? { other } : {}) });
  }

  /** The cell, or null when empty; a problem when `required` and empty or when longer than `max`. */
  text(field: string, value: string | undefined, { required = false, max = 200 } = {}): string | null {
    const text = (value ?? '').trim();
    if (text === '') {
      if (required) this.add('import.required', field);
      return null;
    }
    if (text.length > max) {
      this.add('import.tooLong', field, text);
      return null;
    }
    return text;
  }

  /** A barcode or card number as a scanner sends it and as the library's rules accept it (the accepted form is stored). */
  barcode(field: string, value: string | undefined, rules: BarcodeRules): string | null {
    const text = this.text(field, value, { required: true, max: 32 });
    if (text === null) return null;
    if (!PRINTABLE_ASCII.test(text)) {
      this.add('import.barcode', field, text);
      return null;
    }
    const checked = validateBarcode(rules, text);
    if (!checked.ok || checked.matched !== 'pattern') {
      this.add('import.barcodeRule', field, text);
      return null;
    }
    return checked.value;
  }
}

/** First occurrences of barcodes or card numbers, to report a repeat with the line or record it repeats. */
export class FirstSeen {
  private readonly seen = new Map<string, number>();

  /** The earlier line or record of `value`, or null (and it is now seen at `at`). */
  check(value: string, at: number): number | null {
    const earlier = this.seen.get(value);
    if (earlier !== undefined) return earlier;
    this.seen.set(value, at);
    return null;
  }
}
