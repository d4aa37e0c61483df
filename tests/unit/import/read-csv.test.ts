import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { barcodeSequence } from '../../../server/import/barcode-sequence';
import { decodeText } from '../../../server/import/decode-text';
import { readCsv } from '../../../server/import/read-csv';

const COLUMNS = ['barcode', 'title'];

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM, the BOM left for the CSV reader', () => {
    expect(decodeText(new TextEncoder().encode('题名'))).toEqual({ text: '题名', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('a')]))?.encoding).toBe('utf-8');
  });

  it('takes bytes that are not UTF-8 as GB18030, the way Chinese Excel saves CSV', () => {
    const bytes = iconv.encode('条码,题名\r\n39010001,红楼梦\r\n', 'gb18030');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeText(bytes)).toEqual({ text: '条码,题名\r\n39010001,红楼梦\r\n', encoding: 'gb18030' });
  });

  it('refuses what is neither: UTF-16, a lone high byte, binary', () => {
    expect(decodeText(iconv.encode('barcode,title', 'utf-16le', { addBOM: true }))).toBeNull();
    expect(decodeText(new Uint8Array([0x41, 0xff, 0x42]))).toBeNull();
    expect(decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBeNull();
  });
});

describe('readCsv', () => {
  it('numbers rows by the line they start on, across quoted line breaks, blank lines and CR LF', () => {
    const csv = 'barcode,title\r\nA1,"two\r\nlines"\r\n\r\nA2,"say ""hi"""\r\nA3,three\r\n';
    const read = readCsv(csv, COLUMNS, ['barcode']);
    expect(read).toEqual({
      ok: true,
      problems: [],
      rows: [
        { line: 2, cells: { barcode: 'A1', title: 'two\nlines' } },
        { line: 5, cells: { barcode: 'A2', title: 'say "hi"' } },
        { line: 6, cells: { barcode: 'A3', title: 'three' } },
      ],
    });
  });

  it('drops a BOM from the first column name and matches names without case or blanks, in any order', () => {
    const read = readCsv('\ufeff Title ,BARCODE,extra\nx,A1,y\n', COLUMNS, ['barcode']);
    expect(read.ok && read.rows).toEqual([{ line: 2, cells: { barcode: 'A1', title: 'x' } }]);
  });

  it('reports rows with more or fewer cells than the header, and missing required columns', () => {
    const read = readCsv('barcode,title\nA1\nA2,b,c\n', COLUMNS, ['barcode']);
    expect(read.ok && read.problems).toEqual([
      { at: 2, code: 'import.csv', value: '1/2' },
      { at: 3, code: 'import.csv', value: '3/2' },
    ]);
    expect(readCsv('name\nx\n', COLUMNS, ['barcode', 'title'])).toEqual({ ok: false, refusal: 'import.header', missing: ['barcode', 'title'] });
    expect(readCsv('barcode,title\n', COLUMNS, ['barcode'])).toEqual({ ok: false, refusal: 'import.empty', missing: [] });
  });

  it('keeps formula-looking cells as text', () => {
    const read = readCsv('barcode,title\nA1,"=HYPERLINK(""http://x"")"\n', COLUMNS, ['barcode']);
    expect(read.ok && read.rows[0]?.cells.title).toBe('=HYPERLINK("http://x")');
  });
});

describe('barcodeSequence', () => {
  it('counts up the trailing digits keeping their width, and grows past the last', () => {
    const next = barcodeSequence('NJ000009');
    expect([next(), next()]).toEqual(['NJ000009', 'NJ000010']);
    const end = barcodeSequence('A98');
    expect([end(), end(), end()]).toEqual(['A98', 'A99', 'A100']);
  });
});
