/**
 * The text of an uploaded CSV: UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030, as
 * Excel on Chinese Windows saves "CSV". Neither: null (the file is in some other encoding, or not text).
 */
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'gb18030';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Control characters no CSV holds (tab, line feed, carriage return and form feeds aside): binary, UTF-16. */
const CONTROL = /[\u0000-\u0008\u000e-\u001f]/;

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } | null {
  try {
    const text = UTF8.decode(bytes);
    return CONTROL.test(text) ? null : { text, encoding: 'utf-8' };
  } catch {
    // Not UTF-8: GB18030 decodes every byte sequence, so a replacement character means it is not that either.
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  return text.includes('\ufffd') || CONTROL.test(text) ? null : { text, encoding: 'gb18030' };
}
