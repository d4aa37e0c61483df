/**
 * What the admin panel and the hub exchange about imports into the embedded library (issue 12): the
 * upload's options, the job the hub reads the file in (progress, preview, validation report) and its result.
 */
import { z } from 'zod/mini';
import { IMPORT_FILE_REFUSALS } from './codes';

export const IMPORT_KINDS = ['items', 'patrons'] as const;
export const ImportKind = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKind>;

/** Patrons come only as CSV; items as CSV or MARC (binary MARC 21, UNIMARC/CNMARC or MARCXML: the hub tells which). */
export const ImportFormat = z.enum(['csv', 'marc']);
export type ImportFormat = z.infer<typeof ImportFormat>;

/** The columns of the CSV files, in the order the templates list them (the header may order them otherwise). */
export const ITEM_CSV_COLUMNS = ['barcode', 'title', 'authors', 'isbn', 'call_number', 'publisher', 'year', 'language', 'location', 'loanable'] as const;
export const PATRON_CSV_COLUMNS = ['card_number', 'name', 'pin', 'expires_on', 'category'] as const;

/** A MARC holdings field and subfield as staff type it: `952$p`, `905$b`. */
export const HoldingsField = z.string().check(z.regex(/^\d{3}\$[a-z0-9]$/));

/** A barcode start number: letters or nothing, then the digits to count up (`NJ000001`). */
export const BarcodeStart = z.string().check(z.regex(/^[A-Z0-9-]{0,24}\d{1,8}$/));

export const ImportUploadQuery = z.object({
  kind: ImportKind,
  format: ImportFormat,
  /** MARC: where the item barcode is; the format's default (952$p MARC 21, 905$b CNMARC) when absent. */
  holdings: z.optional(HoldingsField),
  /** MARC: records without a barcode are numbered from here; without it they are errors. */
  barcodeStart: z.optional(BarcodeStart),
});
export type ImportUploadQuery = z.infer<typeof ImportUploadQuery>;

export const IMPORT_PROBLEM_CODES = [
  'import.required', // a required column is empty
  'import.tooLong', // a value longer than the field holds
  'import.isbn', // not an ISBN-10 or ISBN-13 with a right check digit
  'import.barcodeRule', // the item barcode does not fit the library's item barcode rule
  'import.barcode', // a barcode or card number with characters a scanner cannot send (blank, |, non-ASCII)
  'import.year', // not a four-digit year
  'import.loanable', // not yes/no/1/0/是/否
  'import.date', // not a YYYY-MM-DD date
  'import.pin', // not 4 to 8 digits
  'import.duplicate', // the same barcode or card number earlier in the file (`other`: its line or record)
  'import.noBarcode', // a MARC record without a barcode and no start number given
  'import.noTitle', // a MARC record without a title
  'import.csv', // the CSV itself is broken here (an unclosed quote, a row with too many or too few cells)
  'marc.truncated',
  'marc.recordLength',
  'marc.leader',
  'marc.directory',
  'marc.field',
  'marc.encoding',
  'marc.xml',
  'marc.trailingBytes',
] as const;
export const ImportProblemCode = z.enum(IMPORT_PROBLEM_CODES);
export type ImportProblemCode = z.infer<typeof ImportProblemCode>;

/** One thing to fix: at a line of the CSV (counting the header as line 1) or a record of the MARC file (from 1). */
export const ImportProblem = z.object({
  at: z.int().check(z.minimum(0)),
  code: ImportProblemCode,
  field: z.optional(z.string()),
  /** The value as found (shortened), to find it in the file. */
  value: z.optional(z.string()),
  /** For duplicates: the line or record where the value came first. */
  other: z.optional(z.int()),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export { IMPORT_FILE_REFUSALS };
export const ImportFileRefusal = z.enum(IMPORT_FILE_REFUSALS);
export type ImportFileRefusal = z.infer<typeof ImportFileRefusal>;

/** An item as the import will store it. */
export const ImportedItem = z.object({
  barcode: z.string(),
  title: z.string(),
  authors: z.string(),
  isbn: z.nullable(z.string()),
  callNumber: z.nullable(z.string()),
  publisher: z.nullable(z.string()),
  year: z.nullable(z.string()),
  language: z.nullable(z.string()),
  location: z.nullable(z.string()),
  loanable: z.boolean(),
});
export type ImportedItem = z.infer<typeof ImportedItem>;

/** A patron as the import will store it: whether a PIN was given, never the PIN. */
export const ImportedPatronPreview = z.object({
  cardNumber: z.string(),
  name: z.string(),
  hasPin: z.boolean(),
  expiresOn: z.string(),
  category: z.nullable(z.string()),
});
export type ImportedPatronPreview = z.infer<typeof ImportedPatronPreview>;

export const IMPORT_PREVIEW_ROWS = 20;
/** The report lists this many problems; `problemCount` says how many there are. */
export const IMPORT_PROBLEMS_SHOWN = 500;

/** reading: the hub reads and checks the file; ready: preview and report; done: imported; refused: the file could not be read. */
export const ImportState = z.enum(['reading', 'ready', 'done', 'refused']);
export type ImportState = z.infer<typeof ImportState>;

export const ImportJob = z.object({
  id: z.string(),
  kind: ImportKind,
  format: ImportFormat,
  fileName: z.string(),
  state: ImportState,
  /** What `at` of a problem counts. */
  unit: z.enum(['line', 'record']),
  /** Reading progress: bytes or rows done of the whole. */
  progress: z.object({ done: z.int().check(z.minimum(0)), of: z.int().check(z.minimum(0)) }),
  /** Rows (or records) that will be stored. */
  rows: z.int().check(z.minimum(0)),
  preview: z.union([z.array(ImportedItem), z.array(ImportedPatronPreview)]),
  problems: z.array(ImportProblem),
  problemCount: z.int().check(z.minimum(0)),
  refusal: z.nullable(ImportFileRefusal),
  result: z.nullable(z.object({ added: z.int().check(z.minimum(0)), updated: z.int().check(z.minimum(0)) })),
});
export type ImportJob = z.infer<typeof ImportJob>;
