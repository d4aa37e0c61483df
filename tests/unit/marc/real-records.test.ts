import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { controlField, dataFields, mapMarcItem, readMarcFile, subfield, type MarcReadResult } from '../../../server/import/marc';

const DIR = path.resolve(import.meta.dirname, '../../../../shared/testdata/marc');
const read = (file: string): MarcReadResult[] => [...readMarcFile(readFileSync(path.join(DIR, file)))];
const items = (file: string) =>
  read(file).map((result) => {
    if (!result.ok) throw new Error(`${file} record ${result.recordNumber}: ${JSON.stringify(result.problems)}`);
    return mapMarcItem(result.record);
  });
const only = (file: string) => {
  const all = items(file);
  expect(all).toHaveLength(1);
  return all[0]!;
};

/** What each file's record says, read off the records themselves (245/880, 100/700, 020, 050/090, 260, 008). */
const EXPECTED: Record<string, object> = {
  'zh_ol_880_alternate_script.mrc': {
    title: '乔布斯的秘密日记',
    authors: ['Lyons, Daniel', '刘宁'],
    isbn: '9787508617725',
    callNumber: 'PS3562.Y4483 O6712 2010',
    publisher: '中信出版社',
    year: '2010',
    language: 'chi',
    barcodes: [],
  },
  'zh_ol_710_org_name_in_direct_order.mrc': {
    title: '中国诗歌研究动态 = Newsletter of the Chinese poetry studies',
    authors: ['首都师范大学 (Beijing, China)'],
    isbn: null,
    callNumber: 'PL2307 .Z4754',
    publisher: '学苑出版社',
    year: '2004',
    language: 'chi',
  },
  'zh_marc4j_oclc_63111280_export_as_UTF8_from_connexion.mrc': {
    title: '日本民俗·信仰·藝能·與中國文化',
    authors: ['葉漢鰲'],
    isbn: '9789867271037',
    callNumber: 'DS821.5.C5 Y4 2005',
    publisher: '大新書局',
    year: '2005',
    language: 'chi',
  },
  'ja_ol_880_Nihon_no_chasho.mrc': {
    title: '日本 の 茶書',
    authors: ['林屋 辰三郎', '横井 清', '楢林 忠男'],
    isbn: null,
    callNumber: '082 T66 v.201,206',
    publisher: '平凡社',
    year: '1971',
    language: 'jpn',
  },
  'en_ol_bpl_0486266893.mrc': {
    title: 'Candide',
    authors: ['Voltaire'],
    isbn: '9780486266893',
    callNumber: 'PQ2082.C3 E5 1991',
    publisher: 'Dover Publications',
    year: '1991',
    language: 'eng',
  },
  'en_marc4j_summerland.mrc': {
    title: 'Summerland',
    authors: ['Chabon, Michael'],
    isbn: '9780786808779',
    callNumber: null,
    publisher: 'Miramax Books/Hyperion Books for Children',
    year: '2002',
    language: 'eng',
  },
  'en_pymarc_marc8.dat': {
    title: 'Escape from loneliness',
    authors: ['Tournier, Paul'],
    isbn: null,
    callNumber: 'BF697 .T623',
    publisher: 'Westminster Press',
    year: '1962',
    language: 'eng',
  },
  'en_ol_flatlandromanceo00abbouoft_marc.xml': {
    title: 'Flatland : a romance of many dimensions',
    authors: ['Abbott, Edwin Abbott'],
    isbn: null,
    callNumber: 'QA699 .A12',
    year: '1884',
    language: 'eng',
  },
  'it_pymarc_testunimarc_UNIMARC.dat': {
    title: "L'altra faccia della spirale",
    authors: ['Asimov, Isaac', 'Fruttero, Carlo', 'Lucentini, Franco', 'Scaglia, Cesare'],
    isbn: '9788804406822', // 010 $a 88-04-40682-8
    callNumber: null,
    publisher: 'A. Mondadori',
    year: '1996',
    language: 'ita',
    barcodes: [],
  },
};

const SAME_RECORD: [string, string][] = [
  ['zh_ol_880_alternate_script.mrc', 'derived_zh_ol_880_alternate_script.marcxml.xml'],
  ['zh_marc4j_oclc_63111280_export_as_UTF8_from_connexion.mrc', 'derived_zh_marc4j_oclc_63111280.marcxml.xml'],
  ['en_marc4j_summerland.mrc', 'en_marc4j_summerland.xml'],
];
const MANGLED = 'zh_marc4j_chinese_mangled_multibyte_MARC8.mrc';

describe('the real records in shared/testdata/marc', () => {
  it('are all covered by a test here', () => {
    const covered = new Set([...Object.keys(EXPECTED), ...SAME_RECORD.flat(), MANGLED]);
    expect(readdirSync(DIR).filter((file) => !covered.has(file))).toEqual([]);
  });

  it.each(Object.entries(EXPECTED))('%s maps to the item its record describes', (file, expected) => {
    expect(only(file)).toMatchObject(expected);
  });

  it.each(SAME_RECORD)('%s and its MARCXML %s give the same record and item', (binary, xml) => {
    const [fromBinary] = read(binary);
    const [fromXml] = read(xml);
    expect(fromBinary?.ok && fromXml?.ok).toBe(true);
    if (!fromBinary?.ok || !fromXml?.ok) return;
    expect(fromXml.record.fields).toEqual(fromBinary.record.fields);
    expect(mapMarcItem(fromXml.record)).toEqual(mapMarcItem(fromBinary.record));
  });

  it('pairs each Chinese 880 with the field its $6 names', () => {
    const result = read('zh_ol_880_alternate_script.mrc')[0]!;
    if (!result.ok) throw new Error('unreadable');
    const links = dataFields(result.record, '880').map((field) => subfield(field, '6'));
    expect(links).toEqual(['245-01/$1', '250-02/$1', '260-03/$1', '700-04/$1']);
    expect(subfield(dataFields(result.record, '245')[0]!, 'a')).toBe('Qiaobusi de mi mi ri ji /');
    expect(subfield(dataFields(result.record, '880')[0]!, 'a')).toBe('乔布斯的秘密日记 /');
  });

  it('reads MARC-8 ANSEL diacritics, written before their letter, as composed Unicode', () => {
    const result = read('en_pymarc_marc8.dat')[0]!;
    if (!result.ok) throw new Error('unreadable');
    expect(subfield(dataFields(result.record, '240')[0]!, 'a')).toBe('De la solitude \u00e0 la communaut\u00e9.');
  });

  it('reads every field of the UNIMARC record and not the newline after it', () => {
    const result = read('it_pymarc_testunimarc_UNIMARC.dat');
    expect(result).toHaveLength(1); // the file's trailing newline is not a record
    if (!result[0]!.ok) throw new Error('unreadable');
    expect(controlField(result[0]!.record, '001')).toBe('IT\\ICCU\\ANA\\0019370');
    expect(dataFields(result[0]!.record, '899')).toHaveLength(40);
  });

  describe(`the damaged MARC-8 EACC file ${MANGLED}`, () => {
    const results = read(MANGLED);

    it('reports record 1, whose multibyte data is mangled, by number, offset and field', () => {
      expect(results).toHaveLength(4);
      const first = results[0]!;
      expect(first.ok).toBe(false);
      if (first.ok) return;
      expect(first).toMatchObject({ recordNumber: 1, offset: 0 });
      expect(first.problems.every((p) => p.code === 'marc.encoding' && p.field === '880')).toBe(true);
      expect(first.problems[0]!.detail).toMatch(/EACC/);
    });

    it('reads records 2-4 — EACC (MARC-8), &#x…; references, UTF-8 — as the same Chinese text', () => {
      expect(results.map((r) => r.offset)).toEqual([0, 3319, 6734, 10600]);
      const later = results.slice(1).map((r) => {
        if (!r.ok) throw new Error(`record ${r.recordNumber}: ${JSON.stringify(r.problems)}`);
        return { leader9: r.record.leader[9], item: mapMarcItem(r.record), fields: r.record.fields.filter((f) => f.tag === '880') };
      });
      expect(later.map((r) => r.leader9)).toEqual([' ', ' ', 'a']);
      expect(later[0]!.fields).toEqual(later[2]!.fields);
      expect(later[1]!.fields).toEqual(later[2]!.fields);
      expect(later[0]!.item).toMatchObject({
        title: '車輪滾滾',
        isbn: '9787884085620',
        publisher: '齐鲁音像出版社',
        year: '2003',
        language: 'chi',
      });
      expect(later[0]!.item.authors).toEqual([
        '尹一淸', '达奇', '李亚林', '吕亚林', '李颉', '长春电影制片厂', '齐鲁音像出版社', '广州俏佳人文化传播有限公司',
      ]);
    });
  });
});
