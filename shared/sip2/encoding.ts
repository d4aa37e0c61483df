/**
 * The character sets SIP2 servers speak: UTF-8 (Koha, Evergreen, FOLIO), code page 850 (the
 * 3M default, older servers) and GB18030 (Chinese systems such as Interlib; a superset of GBK).
 * Checksums are over these bytes, so text is always converted here, never with TextEncoder.
 */
import iconv from 'iconv-lite';

export const SIP2_ENCODINGS = ['utf-8', 'cp850', 'gb18030'] as const;
export type Sip2Encoding = (typeof SIP2_ENCODINGS)[number];

export function isSip2Encoding(name: string): name is Sip2Encoding {
  return (SIP2_ENCODINGS as readonly string[]).includes(name);
}

/** Characters the encoding cannot write (Chinese in cp850) become `?`. */
export function encodeText(text: string, encoding: Sip2Encoding): Uint8Array {
  return new Uint8Array(iconv.encode(text, encoding));
}

export function decodeBytes(bytes: Uint8Array, encoding: Sip2Encoding): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: false });
}
