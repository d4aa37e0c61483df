/**
 * Turns ISO 2709 byte records into text records in the record's own character set:
 * - MARC 21: leader/09 `a` is UTF-8, blank is MARC-8. A blank leader over bytes that are all valid multibyte
 *   UTF-8 is read as UTF-8 (Chinese exporters often forget leader/09; MARC-8 text is practically never valid UTF-8).
 * - UNIMARC / CNMARC: field 100 $a positions 26-27 `50` is UTF-8 (ISO 10646); anything else, or no 100 $a,
 *   uses the caller's default, UTF-8 or GB18030 (what Chinese systems export).
 * Every field of a record must decode; the first bad bytes of each field are reported with its tag.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { iso2709Records, type RawField, type RawRecord } from './iso2709';
import { decodeMarc8 } from './marc8';
import type { MarcField, MarcProblem, MarcReadResult } from './marc-record';

export type MarcFormat = 'marc21' | 'unimarc';
export type MarcCharset = 'utf-8' | 'marc-8' | 'gb18030';

export interface MarcReadOptions {
  /** `auto` (default): UNIMARC when the record has a 200 field and no 245. */
  readonly format?: MarcFormat | 'auto';
  /** For UNIMARC records whose 100 $a/26-27 does not say `50` (UTF-8); default UTF-8. */
  readonly unimarcCharset?: 'utf-8' | 'gb18030';
}

const MAX_PROBLEMS_PER_RECORD = 10;
/** U+FFFD as GB18030 writes it: a replacement character that was in the file, not one iconv-lite put there. */
const GB18030_REPLACEMENT = Uint8Array.of(0x84, 0x31, 0xa4, 0x37);

interface Decoded {
  readonly text: string;
  readonly problem: string | null;
}

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Most subfields are ASCII in every MARC character set: read them without a decoder (the import's hot path). */
function asciiText(bytes: Uint8Array): string | null {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return null;
  return String.fromCharCode.apply(null, bytes as unknown as number[]); // fields are at most 9,999 bytes
}

function decodeUtf8(bytes: Uint8Array): Decoded {
  const ascii = asciiText(bytes);
  if (ascii !== null) return { text: ascii, problem: null };
  const text = asBuffer(bytes).toString('utf8').normalize('NFC');
  return { text, problem: isUtf8(bytes) ? null : 'invalid UTF-8' };
}

function decodeGb18030(bytes: Uint8Array): Decoded {
  const ascii = asciiText(bytes);
  if (ascii !== null) return { text: ascii, problem: null };
  const text = iconv.decode(asBuffer(bytes), 'gb18030');
  const replaced = text.includes('\uFFFD') && asBuffer(bytes).indexOf(GB18030_REPLACEMENT) < 0;
  return { text: text.normalize('NFC'), problem: replaced ? 'invalid GB18030' : null };
}

const DECODERS: Record<MarcCharset, (bytes: Uint8Array) => Decoded> = {
  'utf-8': decodeUtf8,
  'marc-8': decodeMarc8,
  gb18030: decodeGb18030,
};

export function formatOf(raw: RawRecord, option: MarcReadOptions['format'] = 'auto'): MarcFormat {
  if (option !== 'auto') return option;
  const has = (tag: string) => raw.fields.some((field) => field.tag === tag);
  return has('200') && !has('245') ? 'unimarc' : 'marc21';
}

function fieldBytes(field: RawField): Uint8Array[] {
  return field.control ? [field.bytes] : field.subfields.map((s) => s.bytes);
}

function isMultibyteUtf8(raw: RawRecord): boolean {
  let multibyte = false;
  for (const field of raw.fields) {
    for (const bytes of fieldBytes(field)) {
      if (asciiText(bytes) !== null) continue;
      if (!isUtf8(bytes)) return false;
      multibyte = true;
    }
  }
  return multibyte;
}

export function charsetOf(raw: RawRecord, format: MarcFormat, unimarcDefault: 'utf-8' | 'gb18030'): MarcCharset {
  if (format === 'unimarc') {
    const field100 = raw.fields.find((field) => field.tag === '100');
    const a = field100 && !field100.control ? field100.subfields.find((s) => s.code === 'a') : undefined;
    const g0 = a ? String.fromCharCode(...a.bytes.subarray(26, 28)) : '';
    return g0 === '50' ? 'utf-8' : unimarcDefault;
  }
  if (raw.leader[9] === 'a') return 'utf-8';
  return isMultibyteUtf8(raw) ? 'utf-8' : 'marc-8';
}

/** A byte record in text, or the fields whose bytes are not in the record's character set. */
export function decodeRawRecord(raw: RawRecord, charset: MarcCharset): { fields: MarcField[]; problems: MarcProblem[] } {
  const decode = DECODERS[charset];
  const problems: MarcProblem[] = [];
  const fields = raw.fields.map((field): MarcField => {
    let problem: string | null = null;
    const text = (bytes: Uint8Array) => {
      const decoded = decode(bytes);
      problem ??= decoded.problem;
      return decoded.text;
    };
    const decoded: MarcField = field.control
      ? { tag: field.tag, value: text(field.bytes) }
      : {
          tag: field.tag,
          ind1: field.ind1,
          ind2: field.ind2,
          subfields: field.subfields.map((s) => ({ code: s.code, value: text(s.bytes) })),
        };
    if (problem !== null && problems.length < MAX_PROBLEMS_PER_RECORD) {
      problems.push({ code: 'marc.encoding', field: field.tag, detail: `field ${field.tag}: ${problem} (${charset})` });
    }
    return decoded;
  });
  return { fields, problems };
}

/** Every record of an ISO 2709 file (MARC 21, UNIMARC, CNMARC), in order, each read or reported. Never throws. */
export function* readIso2709(bytes: Uint8Array, options: MarcReadOptions = {}): Generator<MarcReadResult> {
  // A plain view: slices of a Node Buffer are Buffers, several times slower to make than Uint8Array slices.
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const result of iso2709Records(view)) {
    if (!result.ok) {
      yield result;
      continue;
    }
    const { raw, recordNumber, offset } = result;
    const charset = charsetOf(raw, formatOf(raw, options.format), options.unimarcCharset ?? 'utf-8');
    const { fields, problems } = decodeRawRecord(raw, charset);
    yield problems.length > 0
      ? { ok: false, recordNumber, offset, problems }
      : { ok: true, recordNumber, offset, record: { leader: raw.leader, fields } };
  }
}
