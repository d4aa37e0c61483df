import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BarcodeRule,
  DEFAULT_CARD_RULE,
  DEFAULT_ITEM_RULE,
  luhnCheckDigit,
  validateBarcode,
} from '../../../shared/barcodes';
import { luhnHolds, mod11Holds } from './reference-checks';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

/** A 14-digit Codabar library barcode with a Luhn check digit, like `31117013206375` in the test data. */
const codabarItemRule = BarcodeRule.parse({
  minLength: 14,
  maxLength: 14,
  prefixes: ['3'],
  charset: 'digits',
  checkDigit: 'luhn',
});

describe('the default rules', () => {
  it('are valid rules', () => {
    expect(BarcodeRule.parse(DEFAULT_CARD_RULE)).toEqual(DEFAULT_CARD_RULE);
    expect(BarcodeRule.parse(DEFAULT_ITEM_RULE)).toEqual(DEFAULT_ITEM_RULE);
  });

  it.each(range(20140001, 20140004))('accept the demo card %s', (card) => {
    expect(validateBarcode(DEFAULT_CARD_RULE, card)).toEqual({ ok: true, value: card, matched: 'pattern' });
  });

  it.each(range(39010001, 39010053))('accept the demo item %s', (item) => {
    expect(validateBarcode(DEFAULT_ITEM_RULE, item)).toEqual({ ok: true, value: item, matched: 'pattern' });
  });

  it('keep cards and items apart', () => {
    expect(validateBarcode(DEFAULT_CARD_RULE, '39010001')).toEqual({ ok: false, reason: 'wrongPrefix' });
    expect(validateBarcode(DEFAULT_ITEM_RULE, '20140001')).toEqual({ ok: false, reason: 'wrongPrefix' });
  });

  it('do not take a book’s ISBN as an item barcode', () => {
    expect(validateBarcode(DEFAULT_ITEM_RULE, '9787508617725')).toEqual({ ok: false, reason: 'tooLong' });
  });
});

describe('validateBarcode', () => {
  it.each([
    ['a scanner’s trailing CR LF and spaces', ' 20140001\r\n', '20140001'],
    ['Codabar start/stop characters', 'A20140001B', '20140001'],
    ['lower-case Codabar start/stop characters', 'c20140001d', '20140001'],
  ])('normalises away %s', (_, raw, value) => {
    expect(validateBarcode(DEFAULT_CARD_RULE, raw)).toEqual({ ok: true, value, matched: 'pattern' });
  });

  it.each([
    ['', 'tooShort'],
    ['2014001', 'tooShort'],
    ['201400001', 'tooLong'],
    ['21040001', 'wrongPrefix'],
    ['2014 0001', 'badCharacters'],
    ['2014-0001', 'badCharacters'],
    ['２０１４０００１', 'badCharacters'],
    ['<script>', 'badCharacters'],
  ])('refuses %j as a card: %s', (raw, reason) => {
    expect(validateBarcode(DEFAULT_CARD_RULE, raw)).toEqual({ ok: false, reason });
  });

  it('accepts any of several prefixes', () => {
    const rule = { ...DEFAULT_CARD_RULE, prefixes: ['2014', '2015'] };
    expect(validateBarcode(rule, '20150007').ok).toBe(true);
    expect(validateBarcode(rule, '20160007')).toEqual({ ok: false, reason: 'wrongPrefix' });
  });

  it('accepts any start when no prefix is set', () => {
    const { prefixes: _, ...anyPrefix } = DEFAULT_CARD_RULE;
    expect(validateBarcode(anyPrefix, '55550001').ok).toBe(true);
  });

  it('upper-cases alphanumeric barcodes', () => {
    const rule = BarcodeRule.parse({ minLength: 6, maxLength: 10, prefixes: ['LIB'], charset: 'alphanumeric', checkDigit: 'none' });
    expect(validateBarcode(rule, 'lib00x7')).toEqual({ ok: true, value: 'LIB00X7', matched: 'pattern' });
    expect(validateBarcode(rule, 'ſib00x7')).toEqual({ ok: false, reason: 'badCharacters' });
  });

  it('checks a Luhn check digit, reading through Codabar start/stop characters', () => {
    const result = validateBarcode(codabarItemRule, 'A31117013206375B');
    expect(result).toEqual({ ok: true, value: '31117013206375', matched: 'pattern' });
    expect(validateBarcode(codabarItemRule, 'A31117013206376B')).toEqual({ ok: false, reason: 'badCheckDigit' });
  });

  it('checks a mod 10 (EAN-style) check digit', () => {
    const rule = BarcodeRule.parse({ minLength: 8, maxLength: 8, charset: 'digits', checkDigit: 'mod10' });
    expect(validateBarcode(rule, '96385074').ok).toBe(true);
    expect(validateBarcode(rule, '96385075')).toEqual({ ok: false, reason: 'badCheckDigit' });
  });

  it('checks a mod 11 check character, X included', () => {
    const rule = BarcodeRule.parse({ minLength: 10, maxLength: 10, charset: 'digits', checkDigit: 'mod11' });
    expect(validateBarcode(rule, '080442957x')).toEqual({ ok: true, value: '080442957X', matched: 'pattern' });
    expect(validateBarcode(rule, '0804429570')).toEqual({ ok: false, reason: 'badCheckDigit' });
    expect(validateBarcode(rule, '08044X9570')).toEqual({ ok: false, reason: 'badCharacters' });
    expect(validateBarcode({ ...rule, checkDigit: 'none' }, '080442957X')).toEqual({ ok: false, reason: 'badCharacters' });
  });
});

describe('acceptIsbn', () => {
  const isbnItemRule = { ...DEFAULT_ITEM_RULE, acceptIsbn: true };

  it('also accepts a valid ISBN-13, marked as such', () => {
    const result = validateBarcode(isbnItemRule, '9787508617725');
    expect(result).toEqual({ ok: true, value: '9787508617725', matched: 'isbn' });
    expect(validateBarcode(isbnItemRule, '39010001')).toEqual({ ok: true, value: '39010001', matched: 'pattern' });
  });

  it('reports why the library pattern failed when the ISBN is not valid either', () => {
    expect(validateBarcode(isbnItemRule, '9787508617726')).toEqual({ ok: false, reason: 'tooLong' });
    expect(validateBarcode(isbnItemRule, '4045787034318')).toEqual({ ok: false, reason: 'tooLong' });
  });
});

describe('BarcodeRule', () => {
  const base = { minLength: 8, maxLength: 8, charset: 'digits', checkDigit: 'none' };

  it.each([
    ['a minimum above the maximum', { ...base, minLength: 9 }, 'belowMinLength'],
    ['a check digit on alphanumeric barcodes', { ...base, charset: 'alphanumeric', checkDigit: 'luhn' }, 'needsDigitsCharset'],
    ['a check digit with no room for a payload', { ...base, minLength: 1, checkDigit: 'mod10' }, 'noRoomForCheckDigit'],
    ['mod 11 beyond ten characters', { ...base, maxLength: 11, checkDigit: 'mod11' }, 'tooLongForMod11'],
  ])('refuses %s', (_, rule, message) => {
    const result = BarcodeRule.safeParse(rule);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });

  it.each([
    ['an empty prefix list', { ...base, prefixes: [] }],
    ['a lower-case prefix, which an upper-cased scan could never match', { ...base, prefixes: ['lib'] }],
    ['an unknown check digit', { ...base, checkDigit: 'mod97' }],
    ['lengths beyond what the API takes', { ...base, maxLength: 33 }],
  ])('refuses %s', (_, rule) => {
    expect(BarcodeRule.safeParse(rule).success).toBe(false);
  });
});

describe('validateBarcode on arbitrary input', () => {
  const startStop = fc.constantFrom('', 'A', 'B', 'C', 'D', 'T', 'N', '*', 'E', 'a', 'x');
  const scanLike = fc
    .tuple(startStop, fc.stringMatching(/^[0-9A-Za-z \-/]{0,20}$/), startStop)
    .map(([start, data, stop]) => start + data + stop);
  const anyInput = fc.oneof(fc.string({ unit: 'binary' }), scanLike, fc.stringMatching(/^\s*(2014|3)\d{4,13}\s*$/));

  /** What a scan is once trimmed and stripped of a Codabar start/stop pair, written independently of the product. */
  const dataOf = (raw: string) => {
    const trimmed = raw.trim().toUpperCase();
    const wrapped = /^[ABCDTN*E]([\d\-$:/.+]+)[ABCDTN*E]$/.exec(trimmed);
    return wrapped?.[1] ?? trimmed;
  };

  it('never throws, and accepts a card only when it is 2014 and four digits', () => {
    fc.assert(
      fc.property(anyInput, (raw) => {
        const result = validateBarcode(DEFAULT_CARD_RULE, raw);
        expect(result.ok).toBe(/^2014\d{4}$/.test(dataOf(raw)));
      }),
    );
  });

  it('accepts a Luhn-checked item exactly when the reference Luhn check holds', () => {
    fc.assert(
      fc.property(anyInput, (raw) => {
        const data = dataOf(raw);
        expect(validateBarcode(codabarItemRule, raw).ok).toBe(/^3\d{13}$/.test(data) && luhnHolds(data));
      }),
    );
  });

  it('accepts a mod 11 number exactly when the reference check holds', () => {
    const rule = BarcodeRule.parse({ minLength: 2, maxLength: 10, charset: 'digits', checkDigit: 'mod11' });
    const mod11Like = fc.stringMatching(/^\d{1,10}[xX]?$/);
    fc.assert(
      fc.property(fc.oneof(anyInput, mod11Like), (raw) => {
        expect(validateBarcode(rule, raw).ok).toBe(mod11Holds(dataOf(raw)));
      }),
    );
  });

  it('accepts a Luhn payload with its computed check digit, and refuses it with one digit changed', () => {
    const payloads = fc.stringMatching(/^\d{12}$/).map((digits) => `3${digits}`);
    fc.assert(
      fc.property(payloads, fc.nat({ max: 13 }), fc.integer({ min: 1, max: 9 }), (payload, index, shift) => {
        const barcode = payload + String(luhnCheckDigit(payload));
        expect(validateBarcode(codabarItemRule, `A${barcode}B`)).toEqual({ ok: true, value: barcode, matched: 'pattern' });
        const changed = barcode.slice(0, index) + String((Number(barcode[index]) + shift) % 10) + barcode.slice(index + 1);
        expect(validateBarcode(codabarItemRule, changed).ok).toBe(false);
      }),
    );
  });
});
