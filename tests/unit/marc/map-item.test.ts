import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { mapMarcItem, readIso2709, type MarcDataField, type MarcRecord } from '../../../server/import/marc';
import { stripIsbdEnd } from '../../../server/import/marc/map-item';
import { buildRecord, dataField } from './build-record';

const field = (tag: string, ...subfields: [string, string][]): MarcDataField => ({
  tag,
  ind1: ' ',
  ind2: ' ',
  subfields: subfields.map(([code, value]) => ({ code, value })),
});
const record = (...fields: MarcRecord['fields']): MarcRecord => ({ leader: '00000nam a2200000 a 4500', fields });
const title = field('245', ['a', 'A title']);

describe('MARC 21 to item', () => {
  it('strips the ISBD punctuation that ends a subfield, but not an initial', () => {
    expect(stripIsbdEnd('Candide /')).toBe('Candide');
    expect(stripIsbdEnd('New York :')).toBe('New York');
    expect(stripIsbdEnd('Voltaire,')).toBe('Voltaire');
    expect(stripIsbdEnd('刘宁.')).toBe('刘宁');
    expect(stripIsbdEnd('Gilmour, John S.')).toBe('Gilmour, John S.');
    expect(stripIsbdEnd('Why? ;')).toBe('Why?');
  });

  it('prefers the 880 its $6 links to, and only that one', () => {
    const item = mapMarcItem(
      record(
        field('100', ['6', '880-02'], ['a', 'Liu, Ning.']),
        field('245', ['6', '880-01'], ['a', 'Qiaobusi de mi mi ri ji /']),
        field('700', ['a', 'Unlinked, Name.']),
        field('880', ['6', '245-02'], ['a', 'wrong link']),
        field('880', ['6', '245-01/$1'], ['a', '乔布斯的秘密日记 /']),
        field('880', ['6', '100-02/$1'], ['a', '刘宁.']),
      ),
    );
    expect(item).toMatchObject({ title: '乔布斯的秘密日记', authors: ['刘宁', 'Unlinked, Name'] });
  });

  it('takes a CLC class from 084 before LC and local call numbers', () => {
    const lc = field('050', ['a', 'PS3562.Y4483'], ['b', 'O6712 2010']);
    expect(mapMarcItem(record(title, lc, field('084', ['a', 'I712.45'], ['2', 'clc']))).callNumber).toBe('I712.45');
    expect(mapMarcItem(record(title, lc, field('084', ['a', 'TP311.13']))).callNumber).toBe('TP311.13');
    expect(mapMarcItem(record(title, lc, field('084', ['a', '150'], ['2', 'rvk']))).callNumber).toBe('PS3562.Y4483 O6712 2010');
    expect(mapMarcItem(record(title, field('084', ['a', '150'], ['2', 'rvk']))).callNumber).toBe('150');
  });

  it('takes the first valid ISBN as ISBN-13, converting an ISBN-10', () => {
    const isbns = [field('020', ['a', 'not an isbn']), field('020', ['a', '750861772X :'], ['c', 'RMB29.00'])];
    expect(mapMarcItem(record(title, ...isbns)).isbn).toBe('9787508617725');
  });

  it('prefers 264 second indicator 1 (publication) and a 4-digit year', () => {
    const production = { ...field('264', ['b', 'Printer,'], ['c', '2019']), ind2: '3' };
    const publication = { ...field('264', ['b', 'Publisher,'], ['c', '[2020?]']), ind2: '1' };
    expect(mapMarcItem(record(title, production, publication))).toMatchObject({ publisher: 'Publisher', year: '2020' });
  });

  it('reads barcodes from the holdings field, Koha 952 $p by default or the one configured', () => {
    const holdings = [field('952', ['p', '39010001'], ['o', 'I247']), field('952', ['p', '39010002']), field('952', ['a', 'no barcode'])];
    expect(mapMarcItem(record(title, ...holdings)).barcodes).toEqual(['39010001', '39010002']);
    expect(mapMarcItem(record(title, field('876', ['p', 'X1']))).barcodes).toEqual([]);
    expect(mapMarcItem(record(title, field('876', ['p', 'X1'])), { barcode: { tag: '876', code: 'p' } }).barcodes).toEqual(['X1']);
  });

  it('takes the language from 008/35-37, else 041 $a', () => {
    expect(mapMarcItem(record({ tag: '008', value: '100512s2010    cc            000 1 chi d' }, title)).language).toBe('chi');
    expect(mapMarcItem(record({ tag: '008', value: '100512s2010    cc            000 1 und d' }, title, field('041', ['a', 'engfre']))).language).toBe('eng');
  });
});

describe('CNMARC to item', () => {
  const cnmarc = (field100: string, charset: 'utf-8' | 'gb18030', encode: (text: string) => Uint8Array) =>
    buildRecord(
      [
        { tag: '001', data: '012345' },
        { tag: '010', data: dataField('  ', ['a', '978-7-5086-1772-5'], ['d', 'CNY29.00']) },
        { tag: '100', data: dataField('  ', ['a', field100]) },
        { tag: '101', data: dataField('0 ', ['a', 'chi']) },
        { tag: '200', data: dataField('1 ', ['a', encode('乔布斯的秘密日记')], ['e', encode('小说')], ['f', encode('(美)丹尼尔·莱昂斯著')]) },
        { tag: '210', data: dataField('  ', ['a', encode('北京')], ['c', encode('中信出版社')], ['d', '2010']) },
        { tag: '690', data: dataField('  ', ['a', 'I712.45'], ['v', '5']) },
        { tag: '701', data: dataField(' 0', ['a', encode('莱昂斯')], ['g', 'Lyons, Daniel']) },
        { tag: '702', data: dataField(' 0', ['a', encode('刘宁')], ['4', encode('译')]) },
        { tag: '905', data: dataField('  ', ['a', 'LIB'], ['b', '39010001'], ['d', 'I712.45'], ['e', '123']) },
        { tag: '905', data: dataField('  ', ['a', 'LIB'], ['b', '39010002']) },
      ],
      ' ',
    );
  const expected = {
    title: '乔布斯的秘密日记 : 小说',
    authors: ['莱昂斯', '刘宁'],
    isbn: '9787508617725',
    callNumber: 'I712.45',
    publisher: '中信出版社',
    year: '2010',
    language: 'chi',
    barcodes: ['39010001', '39010002'],
  };
  const gb = (text: string) => iconv.encode(text, 'gb18030');
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const read = (bytes: Uint8Array, unimarcCharset?: 'utf-8' | 'gb18030') => [...readIso2709(bytes, unimarcCharset ? { unimarcCharset } : {})];

  it('reads a UTF-8 record (100 $a/26-27 = 50)', () => {
    const [result] = read(cnmarc('20100512d2010    em y0chiy50      ea', 'utf-8', utf8), 'gb18030');
    expect(result?.ok && mapMarcItem(result.record)).toEqual(expected);
  });

  it('reads a GB18030 record when the caller says that is the default', () => {
    const [result] = read(cnmarc('20100512d2010    em y0chiy0120    ea', 'gb18030', gb), 'gb18030');
    expect(result?.ok && mapMarcItem(result.record)).toEqual(expected);
  });

  it('reports a GB18030 record read as UTF-8, rather than storing garbled titles', () => {
    const [result] = read(cnmarc('20100512d2010    em y0chiy0120    ea', 'gb18030', gb));
    expect(result?.ok).toBe(false);
    if (result?.ok !== false) return;
    expect(result.problems.map((p) => [p.code, p.field])).toEqual([
      ['marc.encoding', '200'],
      ['marc.encoding', '210'],
      ['marc.encoding', '701'],
      ['marc.encoding', '702'],
    ]);
  });
});
