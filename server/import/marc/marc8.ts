/**
 * MARC-8 to Unicode (LoC "MARC 21 Specifications, Character Sets"): ASCII in G0 and ANSEL in G1 by default,
 * changed by escape sequences — technique 1 (ESC g / b / p / s: Greek symbols, subscripts, superscripts, back
 * to ASCII) and technique 2 (ESC ( , ) - designate a single-byte set into G0 or G1, ESC $ … the multibyte EACC
 * set, final character `1`). MARC-8 writes combining diacritics BEFORE their base letter; Unicode after, so they
 * are held until the base letter and the result is NFC-normalised. `&#xXXXX;` (the LoC lossless-conversion
 * escape for characters MARC-8 lacks) becomes the character.
 */
import { ANSEL_C1, EACC_ENTRIES, SINGLE_BYTE_SETS, UNMAPPED } from './marc8-tables.generated';

const ESC = 0x1b;
const BASIC_LATIN = 0x42;
const ANSEL = 0x45;
const EACC = 0x31;
const TECHNIQUE_1: ReadonlyMap<number, number> = new Map([
  [0x67, 0x67], // ESC g: Greek symbols
  [0x62, 0x62], // ESC b: subscripts
  [0x70, 0x70], // ESC p: superscripts
  [0x73, BASIC_LATIN], // ESC s: back to ASCII
]);

let eaccTable: Map<number, string> | null = null;
function eacc(): Map<number, string> {
  if (eaccTable) return eaccTable;
  eaccTable = new Map();
  for (let i = 0; i + 3 < EACC_ENTRIES.length; i += 4) {
    const key = (EACC_ENTRIES.charCodeAt(i) << 16) | (EACC_ENTRIES.charCodeAt(i + 1) << 8) | EACC_ENTRIES.charCodeAt(i + 2);
    eaccTable.set(key, EACC_ENTRIES[i + 3]!);
  }
  return eaccTable;
}

export interface DecodedText {
  readonly text: string;
  /** The first undecodable byte sequence, in English, or null when every byte was valid MARC-8. */
  readonly problem: string | null;
}

interface Designation {
  set: number;
  multibyte: boolean;
}

const hex = (n: number) => `0x${n.toString(16).toUpperCase().padStart(2, '0')}`;

function isPlainAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80 || byte === ESC || byte === 0x26 /* & of &#x…; */) return false;
  return true;
}

export function decodeMarc8(bytes: Uint8Array): DecodedText {
  if (isPlainAscii(bytes)) return { text: String.fromCharCode.apply(null, bytes as unknown as number[]), problem: null };
  const g0: Designation = { set: BASIC_LATIN, multibyte: false };
  const g1: Designation = { set: ANSEL, multibyte: false };
  let out = '';
  let pendingMarks = '';
  let problem: string | null = null;
  const fail = (at: number, what: string) => {
    problem ??= `byte ${at}: ${what}`;
    emit('\uFFFD', false);
  };
  function emit(char: string, combining: boolean) {
    if (combining) {
      pendingMarks += char;
    } else {
      out += char + pendingMarks;
      pendingMarks = '';
    }
  }

  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    if (byte === ESC) {
      const consumed = designate(bytes, i, g0, g1);
      if (consumed === 0) {
        fail(i, `unknown escape sequence ESC ${hex(bytes[i + 1] ?? 0)}`);
        i += 1;
      } else {
        i += consumed;
      }
      continue;
    }
    if (byte <= 0x20) {
      emit(String.fromCharCode(byte), false); // controls and the space are the same in every set
      i += 1;
      continue;
    }
    if (byte >= 0x80 && byte < 0xa0) {
      const c1 = ANSEL_C1.get(byte);
      if (c1 === undefined) fail(i, `${hex(byte)} is not a MARC-8 character`);
      else emit(c1, false);
      i += 1;
      continue;
    }
    const designation = byte < 0x80 ? g0 : g1;
    if (designation.multibyte) {
      if (i + 3 > bytes.length) {
        fail(i, `EACC character cut short after ${bytes.length - i} of 3 bytes`);
        break;
      }
      const key = ((byte & 0x7f) << 16) | ((bytes[i + 1]! & 0x7f) << 8) | (bytes[i + 2]! & 0x7f);
      const char = eacc().get(key);
      if (char === undefined) fail(i, `${hex(key)} is not an EACC character`);
      else emit(char, false);
      i += 3;
      continue;
    }
    const set = SINGLE_BYTE_SETS.get(designation.set);
    const position = byte & 0x7f;
    const char = set && position >= 0x21 && position <= 0x7e ? set.chars[position - 0x21]! : UNMAPPED;
    if (char === UNMAPPED || !set) fail(i, `${hex(byte)} is not in character set ${hex(designation.set)}`);
    else emit(char, set.combining.includes(char));
    i += 1;
  }
  out += pendingMarks; // marks with no base letter after them: kept, not lost
  return { text: expandCharacterReferences(out).normalize('NFC'), problem };
}

/**
 * Applies the escape sequence at `at` to G0/G1 and returns how many bytes it took, or 0 if it is not one.
 * ESC ( B, ESC , B: G0; ESC ) E, ESC - E: G1; "!E" is ANSEL's two-byte final; ESC $ 1, ESC $ , 1: EACC into G0.
 */
function designate(bytes: Uint8Array, at: number, g0: Designation, g1: Designation): number {
  const next = bytes[at + 1];
  if (next === undefined) return 0;
  const technique1 = TECHNIQUE_1.get(next);
  if (technique1 !== undefined) {
    Object.assign(g0, { set: technique1, multibyte: false });
    return 2;
  }
  let cursor = at + 1;
  const multibyte = bytes[cursor] === 0x24; // '$'
  if (multibyte) cursor++;
  let target = g0;
  const intermediate = bytes[cursor];
  if (intermediate === 0x28 || intermediate === 0x2c) cursor++; // ( ,
  else if (intermediate === 0x29 || intermediate === 0x2d) {
    target = g1; // ) -
    cursor++;
  } else if (!multibyte) return 0;
  let final = bytes[cursor];
  if (final === 0x21 && bytes[cursor + 1] === ANSEL) {
    final = ANSEL;
    cursor++;
  }
  if (final === undefined) return 0;
  if (multibyte ? final !== EACC : !SINGLE_BYTE_SETS.has(final) || final === EACC) return 0;
  Object.assign(target, { set: final, multibyte });
  return cursor + 1 - at;
}

function expandCharacterReferences(text: string): string {
  if (!text.includes('&#x')) return text;
  return text.replace(/&#x([0-9A-Fa-f]{1,6});/g, (reference, digits: string) => {
    const codePoint = parseInt(digits, 16);
    const valid = codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
    return valid ? String.fromCodePoint(codePoint) : reference;
  });
}
