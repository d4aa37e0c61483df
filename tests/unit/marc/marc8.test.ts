import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMarc8 } from '../../../server/import/marc/marc8';

const marc8 = (...parts: (string | number[])[]) =>
  decodeMarc8(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Uint8Array.from(p)))));

describe('MARC-8', () => {
  it('is ASCII in G0 and ANSEL in G1 by default', () => {
    expect(marc8('Candide /')).toEqual({ text: 'Candide /', problem: null });
    expect(marc8([0xa1], 'od', [0xb8])).toEqual({ text: 'Łodı', problem: null });
  });

  it('moves ANSEL diacritics from before their letter to after it and composes them (NFC)', () => {
    expect(marc8('communaut', [0xe2], 'e')).toEqual({ text: 'communauté', problem: null });
    expect(marc8('T', [0xe5], 'oky', [0xe5], 'o').text).toBe('Tōkyō');
    // two marks on one letter keep their order: a + dot below + circumflex = ậ
    expect(marc8([0xf2, 0xe3], 'a').text).toBe('\u1ead');
    // a mark with no letter after it is kept, not lost
    expect(marc8('x ', [0xe8]).text).toBe('x \u0308');
  });

  it('switches sets with escape sequences: Greek, Cyrillic, Hebrew, Arabic, sub- and superscripts', () => {
    expect(marc8([0x1b, 0x28, 0x53], [0x61, 0x62], [0x1b, 0x28, 0x42], '!').text).toBe('αβ!');
    expect(marc8([0x1b, 0x28, 0x4e], [0x4d, 0x49, 0x52]).text).toBe('мир');
    expect(marc8([0x1b, 0x28, 0x32], [0x60]).text).toBe('א');
    expect(marc8([0x1b, 0x28, 0x33], [0x47]).text).toBe('ا');
    expect(marc8('H', [0x1b, 0x62], '2', [0x1b, 0x73], 'O').text).toBe('H₂O');
    expect(marc8('x', [0x1b, 0x70], '2').text).toBe('x²');
    // ANSEL's two-byte final "!E" designated into G0
    expect(marc8([0x1b, 0x28, 0x21, 0x45], [0x22], [0x1b, 0x28, 0x42], 'x').text).toBe('Øx');
  });

  it('reads EACC (ESC $ 1) three bytes a character, with single-byte spaces between', () => {
    // the records of zh_marc4j_chinese_mangled_multibyte_MARC8.mrc: 車輪滾滾, and 长春 in its 245 $c
    expect(marc8([0x1b, 0x24, 0x31], '![2![J!HP!HP', [0x1b, 0x28, 0x42]).text).toBe('車輪滾滾');
    expect(marc8([0x1b, 0x24, 0x31], "'^L!C%", [0x1b, 0x28, 0x42], ' ;').text).toBe('长春 ;');
    expect(marc8([0x1b, 0x24, 0x31], '!0>!0!', ' ', '!Ga').text).toBe('尹一 淸');
  });

  it('reports characters EACC lacks and EACC cut short', () => {
    expect(marc8([0x1b, 0x24, 0x31], '!2!J!HP!HP')).toMatchObject({ problem: expect.stringMatching(/cut short|not an EACC/) });
    expect(marc8([0x1b, 0x24, 0x31], '~~~').problem).toMatch(/0x7E7E7E is not an EACC character/);
  });

  it('reports bytes no set has, and unknown escapes, with their position', () => {
    expect(marc8('ab', [0xaf])).toEqual({ text: 'ab\uFFFD', problem: 'byte 2: 0xAF is not in character set 0x45' });
    expect(marc8([0x1b, 0x5a], 'x').problem).toBe('byte 0: unknown escape sequence ESC 0x5A');
    expect(marc8([0x90]).problem).toMatch(/0x90 is not a MARC-8 character/);
  });

  it('turns the lossless-conversion references &#xXXXX; into characters', () => {
    expect(marc8('&#x8ECA;&#x8F2A; &amp;').text).toBe('車輪 &amp;');
  });

  it('never throws and always returns text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const { text } = decodeMarc8(bytes);
        expect(typeof text).toBe('string');
      }),
      { numRuns: 1000 },
    );
  });
});
