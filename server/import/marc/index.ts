/**
 * The MARC reader of the catalogue import (issue 12): binary MARC 21 (UTF-8, MARC-8 with EACC), UNIMARC/CNMARC
 * (UTF-8, GB18030) and MARCXML. Pure: bytes in, records or problems out, never a throw. docs/marc-import.md.
 */
import { readIso2709, type MarcReadOptions } from './decode-record';
import { readMarcXml } from './marcxml';
import type { MarcReadResult } from './marc-record';

export { readIso2709, type MarcCharset, type MarcFormat, type MarcReadOptions } from './decode-record';
export { readMarcXml } from './marcxml';
export { mapMarcItem, recordFormat, CNMARC_BARCODE, MARC21_BARCODE, type HoldingsBarcode, type MapOptions, type MarcItem } from './map-item';
export * from './marc-record';

/** MARCXML when the file starts with `<` (after a BOM and white space), ISO 2709 otherwise. */
export function isMarcXml(bytes: Uint8Array): boolean {
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (at < bytes.length && (bytes[at] === 0x20 || bytes[at] === 0x09 || bytes[at] === 0x0a || bytes[at] === 0x0d)) at++;
  return bytes[at] === 0x3c;
}

export function readMarcFile(bytes: Uint8Array, options: MarcReadOptions = {}): Iterable<MarcReadResult> {
  return isMarcXml(bytes) ? readMarcXml(new TextDecoder('utf-8').decode(bytes)) : readIso2709(bytes, options);
}
