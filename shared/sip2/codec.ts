/**
 * Building and reading one SIP2 message as bytes. Reading never throws: bytes that are no
 * message we know come back as `message: null`, and the caller ignores them, as the standard asks.
 */
import { checksumOf } from './checksum';
import { decodeBytes, encodeText, type Sip2Encoding } from './encoding';
import { FIXED_FIELDS, isKnownCode, type AnySip2Message, type Sip2Code, type Sip2Message } from './messages';

export const TERMINATORS = { cr: '\r', crlf: '\r\n' } as const;
export type Sip2Terminator = keyof typeof TERMINATORS;

export interface EncodeOptions {
  encoding: Sip2Encoding;
  terminator: Sip2Terminator;
  /** 0–9 with error detection (AY sequence number and AZ checksum); null sends neither. */
  sequence: number | null;
}

/** A variable field's value cannot hold the field separator or a line end. */
function cleanValue(value: string): string {
  return value.replace(/[|\r\n]/g, ' ');
}

export function buildMessage<C extends Sip2Code>(
  code: C,
  fixed: Sip2Message<C>['fixed'],
  fields: Array<[string, string | null | undefined]> = [],
): Sip2Message<C> {
  for (const [name, length] of FIXED_FIELDS[code] as ReadonlyArray<readonly [string, number]>) {
    const value = (fixed as Record<string, string>)[name];
    if (value?.length !== length) throw new Error(`SIP2 ${code}: fixed field ${name} must be ${length} characters, got "${value}"`);
  }
  const present = fields.filter((field): field is [string, string] => field[1] !== null && field[1] !== undefined);
  return { code, fixed, fields: present.map(([id, value]) => [id, cleanValue(value)]) };
}

/** The message's text without error detection or terminator. */
export function messageText(message: AnySip2Message): string {
  const fixedText = (FIXED_FIELDS[message.code] as ReadonlyArray<readonly [string, number]>)
    .map(([name]) => message.fixed[name])
    .join('');
  return message.code + fixedText + message.fields.map(([id, value]) => `${id}${value}|`).join('');
}

export function encodeMessage(message: AnySip2Message, options: EncodeOptions): Uint8Array {
  return encodeFrame(messageText(message), options);
}

/** Any text as one frame: for messages with error detection, the bytes up to `AZ` are summed. */
export function encodeFrame(text: string, { encoding, terminator, sequence }: EncodeOptions): Uint8Array {
  const terminatorBytes = encodeText(TERMINATORS[terminator], encoding);
  if (sequence === null) return concat(encodeText(text, encoding), terminatorBytes);
  const summed = encodeText(`${text}AY${sequence % 10}AZ`, encoding);
  return concat(summed, encodeText(checksumOf(summed), encoding), terminatorBytes);
}

/**
 * 96 / 97 ("send that again"): with error detection they carry a checksum but no sequence
 * number — Koha, for one, matches `97AZFEF5` exactly.
 */
export function encodeResend(code: '96' | '97', { encoding, terminator, sequence }: EncodeOptions): Uint8Array {
  const terminatorBytes = encodeText(TERMINATORS[terminator], encoding);
  if (sequence === null) return concat(encodeText(code, encoding), terminatorBytes);
  const summed = encodeText(`${code}AZ`, encoding);
  return concat(summed, encodeText(checksumOf(summed), encoding), terminatorBytes);
}

export type ChecksumState = 'valid' | 'invalid' | 'absent';

export interface DecodedFrame {
  /** Null for an unknown message or bytes that are no message. */
  message: AnySip2Message | null;
  /** The first two characters when they are digits (an unknown message's code), else null. */
  code: string | null;
  checksum: ChecksumState;
  sequence: number | null;
}

const A = 0x41, Y = 0x59, Z = 0x5a, BAR = 0x7c;
const isBlank = (byte: number) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x00;
const isHex = (byte: number) => (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66);
const isDigit = (byte: number) => byte >= 0x30 && byte <= 0x39;

export function decodeFrame(frame: Uint8Array, encoding: Sip2Encoding): DecodedFrame {
  let start = 0;
  let end = frame.length;
  while (start < end && isBlank(frame[start]!)) start++;
  while (end > start && isBlank(frame[end - 1]!)) end--;
  const bytes = frame.subarray(start, end);

  // Error detection sits at the very end (…AY<n>AZ<hex4>): anchored there, a GB18030 trail byte
  // that happens to be "A" or "Z" inside a name cannot be mistaken for it.
  let body = bytes;
  let checksum: ChecksumState = 'absent';
  let sequence: number | null = null;
  const n = bytes.length;
  if (n >= 6 && bytes[n - 6] === A && bytes[n - 5] === Z && [1, 2, 3, 4].every((i) => isHex(bytes[n - i]!))) {
    const sent = String.fromCharCode(...bytes.subarray(n - 4)).toUpperCase();
    checksum = checksumOf(bytes.subarray(0, n - 4)) === sent ? 'valid' : 'invalid';
    body = bytes.subarray(0, n - 6);
    if (body.length > 0 && body[body.length - 1] === BAR) body = body.subarray(0, body.length - 1);
    const m = body.length;
    if (m >= 3 && body[m - 3] === A && body[m - 2] === Y && isDigit(body[m - 1]!)) {
      sequence = body[m - 1]! - 0x30;
      body = body.subarray(0, m - 3);
    }
  }

  const text = decodeBytes(body, encoding);
  const code = /^\d\d/.test(text) ? text.slice(0, 2) : null;
  if (code === null || !isKnownCode(code)) return { message: null, code, checksum, sequence };
  return { message: parseText(code, text), code, checksum, sequence };
}

function parseText(code: Sip2Code, text: string): AnySip2Message {
  let position = 2;
  const fixed: Record<string, string> = {};
  for (const [name, length] of FIXED_FIELDS[code] as ReadonlyArray<readonly [string, number]>) {
    // A server that trims trailing blanks (or stops short) still gives every fixed field.
    fixed[name] = text.slice(position, position + length).padEnd(length, ' ');
    position += length;
  }
  const fields: Array<[string, string]> = [];
  while (position < text.length) {
    while (position < text.length && /\s/.test(text[position]!)) position++;
    if (position + 2 > text.length) break;
    const id = text.slice(position, position + 2);
    const bar = text.indexOf('|', position + 2);
    const valueEnd = bar === -1 ? text.length : bar;
    fields.push([id, text.slice(position + 2, valueEnd)]);
    position = valueEnd + 1;
  }
  return { code, fixed, fields };
}

/** The first value of a variable field, or undefined. */
export function fieldOf(message: Pick<AnySip2Message, 'fields'>, id: string): string | undefined {
  return message.fields.find(([fieldId]) => fieldId === id)?.[1];
}

/** Every value of a repeatable field (AU, AF, AG…), in order. */
export function fieldsOf(message: Pick<AnySip2Message, 'fields'>, id: string): string[] {
  return message.fields.filter(([fieldId]) => fieldId === id).map(([, value]) => value);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
