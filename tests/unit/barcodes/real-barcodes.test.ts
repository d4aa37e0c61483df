/**
 * Expected texts of real barcodes (zxing's black-box test set, in ../shared/testdata/barcodes/):
 * what a decoder returns for them must pass our validation as the world expects.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BarcodeRule,
  classifyScan,
  DEFAULT_CARD_RULE,
  DEFAULT_ITEM_RULE,
  isValidEan13,
  parseIsbn,
  validateBarcode,
} from '../../../shared/barcodes';

const TESTDATA = new URL('../../../../shared/testdata/barcodes/', import.meta.url);

function expectedTexts(symbology: string): string[] {
  const folder = new URL(`${symbology}/`, TESTDATA);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.txt') && !name.endsWith('.metadata.txt'))
    .sort()
    .map((name) => readFileSync(new URL(name, folder), 'utf8'));
}

describe('real EAN-13 book barcodes', () => {
  const texts = expectedTexts('ean13');
  const productCode = '4045787034318';
  const isbnLookupRules = { card: DEFAULT_CARD_RULE, item: { ...DEFAULT_ITEM_RULE, acceptIsbn: true } };
  const isbns = texts.filter((text) => text.startsWith('978'));

  it('are all there: six ISBNs and one product code', () => {
    expect(texts).toHaveLength(7);
    expect(isbns).toHaveLength(6);
    expect(texts).toContain(productCode);
  });

  it.each(texts)('%s is a valid EAN-13', (text) => {
    expect(isValidEan13(text)).toBe(true);
  });

  it.each(isbns)('%s is an ISBN, found for lookup when the item rule accepts ISBNs', (text) => {
    expect(parseIsbn(text)).toBe(text);
    expect(classifyScan(text, isbnLookupRules)).toEqual({ kind: 'isbn', value: text });
  });

  it('does not take the product code for an ISBN', () => {
    expect(parseIsbn(productCode)).toBeNull();
  });
});

describe('real Codabar library barcodes', () => {
  const texts = expectedTexts('codabar');
  const anyCodabarRule = BarcodeRule.parse({ minLength: 1, maxLength: 32, charset: 'digits', checkDigit: 'none' });

  it('are all there, digits apart from one with a slash', () => {
    expect(texts).toHaveLength(7);
    expect(texts.filter((text) => /^\d+$/.test(text))).toHaveLength(6);
    expect(texts).toContain('294/586');
  });

  it.each(texts.filter((text) => /^\d+$/.test(text)))('%s is read back from a decoder’s A…B reading', (text) => {
    const decoded = `A${text}B`;
    expect(validateBarcode(anyCodabarRule, decoded)).toEqual({ ok: true, value: text, matched: 'pattern' });
  });

  it('refuses the slash in a digits-only rule, after stripping start/stop', () => {
    expect(validateBarcode(anyCodabarRule, 'A294/586B')).toEqual({ ok: false, reason: 'badCharacters' });
  });

  it('carries a Luhn check digit on the 14-digit library barcode', () => {
    const libraryItemRule = BarcodeRule.parse({
      minLength: 14,
      maxLength: 14,
      prefixes: ['3'],
      charset: 'digits',
      checkDigit: 'luhn',
    });
    const result = validateBarcode(libraryItemRule, 'A31117013206375B');
    expect(result).toEqual({ ok: true, value: '31117013206375', matched: 'pattern' });
  });
});
