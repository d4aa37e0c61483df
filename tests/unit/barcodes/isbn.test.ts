import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isbn10CheckDigit,
  isbn10To13,
  isbn13CheckDigit,
  isbn13To10,
  isbnInIdentifier,
  isValidIsbn10,
  isValidIsbn13,
  parseIsbn,
} from '../../../shared/barcodes/isbn';
import { isbn10Holds, isbn13Holds } from './reference-checks';

const validIsbn10 = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })
  .map((digits) => digits.join(''))
  .map((first9) => first9 + isbn10CheckDigit(first9));

describe('ISBN check digits', () => {
  it('keeps isbn13CheckDigit as the demo seed uses it: a number, and an error for anything but twelve digits', () => {
    expect(isbn13CheckDigit('978750861772')).toBe(5);
    expect(isbn13CheckDigit('978986727103')).toBe(7);
    expect(() => isbn13CheckDigit('97875086177')).toThrow();
    expect(() => isbn13CheckDigit('978-75086177')).toThrow();
  });

  it('computes ISBN-10 check characters, X included', () => {
    expect(isbn10CheckDigit('048626689')).toBe('3');
    expect(isbn10CheckDigit('080442957')).toBe('X');
    expect(() => isbn10CheckDigit('04862668')).toThrow();
  });
});

describe('ISBN validation', () => {
  it.each(['9787508617725', '978-7-5086-1772-5', '978 7 5086 1772 5', '9791032305690'])('accepts the ISBN-13 %s', (isbn) => {
    expect(isValidIsbn13(isbn)).toBe(true);
  });

  it.each([
    ['a wrong check digit', '9787508617726'],
    ['an EAN-13 outside 978/979', '4045787034318'],
    ['twelve digits', '978750861772'],
    ['letters', '978750861772A'],
  ])('refuses as ISBN-13 %s', (_, text) => {
    expect(isValidIsbn13(text)).toBe(false);
  });

  it.each(['0486266893', '0-486-26689-3', '080442957X', '0-8044-2957-x'])('accepts the ISBN-10 %s', (isbn) => {
    expect(isValidIsbn10(isbn)).toBe(true);
  });

  it.each(['0486266894', '04862668X3', '048626689', 'X486266893'])('refuses the ISBN-10 %s', (text) => {
    expect(isValidIsbn10(text)).toBe(false);
  });
});

describe('ISBN conversion', () => {
  it('converts ISBN-10 to ISBN-13 and back (Candide, Dover 1991)', () => {
    expect(isbn10To13('0-486-26689-3')).toBe('9780486266893');
    expect(isbn13To10('978-0-486-26689-3')).toBe('0486266893');
  });

  it('gives the upper-case X back when the ISBN-10 needs it', () => {
    expect(isbn13To10(isbn10To13('080442957x') ?? '')).toBe('080442957X');
  });

  it('has no ISBN-10 for a 979 ISBN or an invalid one', () => {
    expect(isbn13To10('9791032305690')).toBeNull();
    expect(isbn13To10('9780486266894')).toBeNull();
    expect(isbn10To13('0486266894')).toBeNull();
  });

  it('turns every valid ISBN-10 into a valid 978 ISBN-13 that converts back to it', () => {
    fc.assert(
      fc.property(validIsbn10, (isbn10) => {
        expect(isbn10Holds(isbn10)).toBe(true);
        const isbn13 = isbn10To13(isbn10);
        expect(isbn13).toMatch(/^978/);
        expect(isbn13Holds(isbn13 ?? '')).toBe(true);
        expect(isbn13To10(isbn13 ?? '')).toBe(isbn10);
      }),
    );
  });
});

describe('parseIsbn', () => {
  it.each([
    ['9787508617725', '9787508617725'],
    [' 978-7-5086-1772-5 ', '9787508617725'],
    ['0486266893', '9780486266893'],
    ['0-8044-2957-x', '9780804429573'],
  ])('reads %j as %s', (text, isbn13) => {
    expect(parseIsbn(text)).toBe(isbn13);
  });

  it.each(['', '4045787034318', '9787508617726', 'ISBN 9787508617725', '39010001'])('finds no ISBN in %j', (text) => {
    expect(parseIsbn(text)).toBeNull();
  });

  it('never throws, and finds an ISBN exactly when the reference checks do', () => {
    const hyphenatedIsbn10 = validIsbn10.map(
      (isbn) => `${isbn.slice(0, 1)}-${isbn.slice(1, 5)}-${isbn.slice(5, 9)}-${isbn.slice(9)}`,
    );
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.stringMatching(/^[\d -]{10,17}[\dxX]?$/), hyphenatedIsbn10);
    fc.assert(
      fc.property(text, (candidate) => {
        const compact = candidate.replace(/[-\s]/g, '').toUpperCase();
        const isbn = parseIsbn(candidate);
        if (isbn13Holds(compact)) expect(isbn).toBe(compact);
        else if (isbn10Holds(compact)) expect(isbn?.slice(3, 12)).toBe(compact.slice(0, 9));
        else expect(isbn).toBeNull();
        if (isbn !== null) expect(isbn13Holds(isbn)).toBe(true);
      }),
    );
  });
});

describe('ISBNs in free-form identifiers', () => {
  it.each([
    ['urn:isbn:978-7-02-000220-7', '9787020002207'],
    ['URN:ISBN:7-02-000220-X', '9787020002207'],
    ['ISBN 0-14-001399-7', '9780140013993'],
    ['isbn:0140013997', '9780140013993'],
    [' 9791032305690 ', '9791032305690'],
  ])('reads %s as the ISBN-13 %s', (identifier, isbn13) => {
    expect(isbnInIdentifier(identifier)).toBe(isbn13);
  });

  it.each(['urn:uuid:1', 'http://www.gutenberg.org/11', '7-02-000220-1', 'urn:isbn:'])('finds no ISBN in %s', (identifier) => {
    expect(isbnInIdentifier(identifier)).toBeNull();
  });
});
