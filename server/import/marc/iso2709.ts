/**
 * ISO 2709 framing (MARC 21 and UNIMARC "binary" records): leader, directory, fields, indicators, subfields.
 * Bytes only — the character set is applied afterwards (decode-record.ts). Never throws: a damaged record is
 * returned with its number, byte offset and reason, and reading goes on after the next record terminator.
 */
import type { MarcProblem } from './marc-record';

export const RECORD_TERMINATOR = 0x1d;
export const FIELD_TERMINATOR = 0x1e;
export const SUBFIELD_DELIMITER = 0x1f;
const LEADER_LENGTH = 24;

export interface RawSubfield {
  readonly code: string;
  readonly bytes: Uint8Array;
}

export type RawField =
  | { readonly tag: string; readonly control: true; readonly bytes: Uint8Array }
  | { readonly tag: string; readonly control: false; readonly ind1: string; readonly ind2: string; readonly subfields: readonly RawSubfield[] };

export interface RawRecord {
  readonly leader: string;
  readonly fields: readonly RawField[];
}

export type RawReadResult =
  | { readonly ok: true; readonly recordNumber: number; readonly offset: number; readonly raw: RawRecord }
  | { readonly ok: false; readonly recordNumber: number; readonly offset: number; readonly problems: readonly MarcProblem[] };

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

/** A fixed-width decimal number, or null if any byte is not an ASCII digit. */
function digits(bytes: Uint8Array, start: number, length: number): number | null {
  if (start + length > bytes.length) return null;
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const byte = bytes[i]!;
    if (byte < 0x30 || byte > 0x39) return null;
    value = value * 10 + (byte - 0x30);
  }
  return value;
}

/** Whitespace, NULs and DOS end-of-file after the last record are what exporters leave; they are not a record. */
function onlyPadding(bytes: Uint8Array, from: number): boolean {
  for (let i = from; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte !== 0x0a && byte !== 0x0d && byte !== 0x20 && byte !== 0x00 && byte !== 0x1a) return false;
  }
  return true;
}

const problem = (code: MarcProblem['code'], detail: string, field?: string): MarcProblem =>
  field === undefined ? { code, detail } : { code, detail, field };

export function* iso2709Records(bytes: Uint8Array): Generator<RawReadResult> {
  let offset = 0;
  let recordNumber = 0;
  while (offset < bytes.length && !onlyPadding(bytes, offset)) {
    recordNumber++;
    const declared = digits(bytes, offset, 5);
    const declaredEnd = declared === null ? -1 : offset + declared;
    const framedByLength =
      declared !== null && declared > LEADER_LENGTH && declaredEnd <= bytes.length && bytes[declaredEnd - 1] === RECORD_TERMINATOR;
    if (framedByLength) {
      yield parseRecord(bytes.subarray(offset, declaredEnd), recordNumber, offset);
      offset = declaredEnd;
      continue;
    }
    // The length is wrong: the record is whatever lies up to the next terminator, and it is reported, not guessed at.
    const terminator = bytes.indexOf(RECORD_TERMINATOR, offset);
    const stated = declared === null ? `"${ascii(bytes, offset, Math.min(offset + 5, bytes.length))}"` : String(declared);
    if (terminator < 0) {
      const code = recordNumber > 1 && declared === null ? 'marc.trailingBytes' : 'marc.truncated';
      yield { ok: false, recordNumber, offset, problems: [problem(code, `record length ${stated}, no record terminator before the end of the file`)] };
      return;
    }
    const actual = terminator + 1 - offset;
    yield { ok: false, recordNumber, offset, problems: [problem('marc.recordLength', `record length ${stated}, but the record terminator ends it after ${actual} bytes`)] };
    offset = terminator + 1;
  }
}

/** One record whose length and terminator agree: leader, directory and fields. */
function parseRecord(record: Uint8Array, recordNumber: number, offset: number): RawReadResult {
  const fail = (p: MarcProblem): RawReadResult => ({ ok: false, recordNumber, offset, problems: [p] });
  const leader = ascii(record, 0, LEADER_LENGTH);
  const base = digits(record, 12, 5);
  if (base === null || base < LEADER_LENGTH + 1 || base > record.length - 1) {
    return fail(problem('marc.leader', `base address of data "${leader.slice(12, 17)}" is not inside a ${record.length}-byte record`));
  }
  // Entry map (leader/20-21, "45" in MARC 21): widths of each directory entry's length and start; 0 or junk means 4 and 5.
  const lengthWidth = digits(record, 20, 1) || 4;
  const startWidth = digits(record, 21, 1) || 5;
  const entryWidth = 3 + lengthWidth + startWidth;
  if (record[base - 1] !== FIELD_TERMINATOR || (base - 1 - LEADER_LENGTH) % entryWidth !== 0) {
    return fail(problem('marc.directory', `directory of ${base - 1 - LEADER_LENGTH} bytes is not whole ${entryWidth}-byte entries ended by 0x1E`));
  }
  const fields: RawField[] = [];
  for (let entry = LEADER_LENGTH; entry < base - 1; entry += entryWidth) {
    const tag = ascii(record, entry, entry + 3);
    const length = digits(record, entry + 3, lengthWidth);
    const start = digits(record, entry + 3 + lengthWidth, startWidth);
    if (!/^[0-9A-Za-z]{3}$/.test(tag) || length === null || start === null) {
      return fail(problem('marc.directory', `directory entry "${ascii(record, entry, entry + entryWidth)}" is not a tag, length and start`));
    }
    const from = base + start;
    const to = from + length;
    if (length < 1 || to > record.length - 1) {
      return fail(problem('marc.directory', `field ${tag} (start ${start}, length ${length}) lies outside the record`, tag));
    }
    if (record[to - 1] !== FIELD_TERMINATOR) {
      return fail(problem('marc.field', `field ${tag} does not end with a field terminator`, tag));
    }
    const field = parseField(tag, record.subarray(from, to - 1));
    if ('code' in field) return fail(field);
    fields.push(field);
  }
  return { ok: true, recordNumber, offset, raw: { leader, fields } };
}

/** Tags 001-009 (00X) are control fields; every other field has two indicators and subfields. */
function parseField(tag: string, data: Uint8Array): RawField | MarcProblem {
  if (tag.startsWith('00')) return { tag, control: true, bytes: data };
  if (data.length < 2) return problem('marc.field', `field ${tag} is too short for its two indicators`, tag);
  const subfields: RawSubfield[] = [];
  let at = data.indexOf(SUBFIELD_DELIMITER, 2);
  // Bytes between the indicators and the first delimiter carry no subfield code: ignored, as other readers do.
  while (at >= 0 && at < data.length) {
    const next = data.indexOf(SUBFIELD_DELIMITER, at + 1);
    const end = next < 0 ? data.length : next;
    if (end > at + 1) {
      subfields.push({ code: String.fromCharCode(data[at + 1]!), bytes: data.subarray(at + 2, end) });
    }
    at = next;
  }
  return { tag, control: false, ind1: String.fromCharCode(data[0]!), ind2: String.fromCharCode(data[1]!), subfields };
}
