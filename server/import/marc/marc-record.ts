/** A MARC record with its text decoded: the shape every reader (ISO 2709, MARCXML) produces. */
export interface MarcSubfield {
  readonly code: string;
  readonly value: string;
}

export interface MarcControlField {
  readonly tag: string;
  readonly value: string;
}

export interface MarcDataField {
  readonly tag: string;
  readonly ind1: string;
  readonly ind2: string;
  readonly subfields: readonly MarcSubfield[];
}

export type MarcField = MarcControlField | MarcDataField;

export interface MarcRecord {
  readonly leader: string;
  readonly fields: readonly MarcField[];
}

/**
 * Why a record could not be read. The import turns `code` into a translated message (zh-CN, en) with `field`
 * and `position` filled in; `detail` is English for logs and tests.
 */
export type MarcProblemCode =
  | 'marc.truncated' // the file ends inside a record (no record terminator 0x1D)
  | 'marc.recordLength' // leader/00-04 is not a length that ends at a record terminator
  | 'marc.leader' // leader/12-16 (base address) or the entry map is impossible
  | 'marc.directory' // directory not a multiple of 12 bytes, not ended by 0x1E, or an entry outside the record
  | 'marc.field' // a field that does not end with 0x1E, or a data field too short for its indicators
  | 'marc.encoding' // bytes that are not valid in the record's character set
  | 'marc.xml' // MARCXML that is not well-formed or has no record
  | 'marc.trailingBytes'; // bytes after the last record that are not a record

export interface MarcProblem {
  readonly code: MarcProblemCode;
  readonly detail: string;
  /** The field tag the problem is in, when it is in one. */
  readonly field?: string;
}

/** One record of a file, numbered from 1, at a byte offset (ISO 2709) or record index (MARCXML). */
export type MarcReadResult =
  | { readonly ok: true; readonly recordNumber: number; readonly offset: number; readonly record: MarcRecord }
  | { readonly ok: false; readonly recordNumber: number; readonly offset: number; readonly problems: readonly MarcProblem[] };

export function isDataField(field: MarcField): field is MarcDataField {
  return 'subfields' in field;
}

export function dataFields(record: MarcRecord, tag: string): MarcDataField[] {
  return record.fields.filter((field): field is MarcDataField => field.tag === tag && isDataField(field));
}

export function controlField(record: MarcRecord, tag: string): string | null {
  const field = record.fields.find((f) => f.tag === tag && !isDataField(f));
  return field && !isDataField(field) ? field.value : null;
}

export function subfield(field: MarcDataField, code: string): string | null {
  return field.subfields.find((s) => s.code === code)?.value ?? null;
}
