import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isValidLuhn,
  isValidMod10,
  isValidMod11,
  luhnCheckDigit,
  mod10CheckDigit,
  mod11CheckDigit,
} from '../../../shared/barcodes';
import { gs1Holds, luhnHolds, mod11Holds } from './reference-checks';

const digitString = (minLength: number, maxLength: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength, maxLength }).map((digits) => digits.join(''));

/** The number with the digit at `index` replaced by a different one. */
const withOneDigitChanged = (number: string) =>
  fc
    .record({ index: fc.nat({ max: number.length - 1 }), shift: fc.integer({ min: 1, max: 9 }) })
    .map(({ index, shift }) => {
      const changed = (Number(number[index]) + shift) % 10;
      return number.slice(0, index) + String(changed) + number.slice(index + 1);
    });

describe('Luhn', () => {
  it('computes the published examples', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(isValidLuhn('79927398713')).toBe(true);
    expect(isValidLuhn('4111111111111111')).toBe(true);
    expect(isValidLuhn('4111111111111112')).toBe(false);
  });

  it('accepts every payload with its computed check digit appended, as the reference check does', () => {
    fc.assert(
      fc.property(digitString(1, 30), (payload) => {
        const number = payload + String(luhnCheckDigit(payload));
        expect(isValidLuhn(number)).toBe(true);
        expect(luhnHolds(number)).toBe(true);
      }),
    );
  });

  it('refuses a valid number with any one digit changed', () => {
    const changedLuhnNumbers = digitString(1, 30)
      .map((payload) => payload + String(luhnCheckDigit(payload)))
      .chain(withOneDigitChanged);
    fc.assert(fc.property(changedLuhnNumbers, (changed) => {
      expect(isValidLuhn(changed)).toBe(false);
    }));
  });

  it('agrees with the reference check on arbitrary digit strings', () => {
    fc.assert(fc.property(digitString(0, 30), (number) => {
      expect(isValidLuhn(number)).toBe(luhnHolds(number));
    }));
  });
});

describe('mod 10 (GS1, weights 3-1)', () => {
  it('computes the EAN-13 check digit of a real ISBN', () => {
    expect(mod10CheckDigit('978014001399')).toBe(3);
    expect(isValidMod10('9780140013993')).toBe(true);
  });

  it('refuses a valid number with any one digit changed', () => {
    const changedNumbers = digitString(1, 30)
      .map((payload) => payload + String(mod10CheckDigit(payload)))
      .chain(withOneDigitChanged);
    fc.assert(fc.property(changedNumbers, (changed) => {
      expect(isValidMod10(changed)).toBe(false);
    }));
  });

  it('agrees with the reference check on arbitrary digit strings', () => {
    fc.assert(fc.property(digitString(0, 30), (number) => {
      expect(isValidMod10(number)).toBe(gs1Holds(number));
    }));
  });
});

describe('mod 11 (ISBN-10 weights)', () => {
  it('writes a check value of 10 as X', () => {
    expect(mod11CheckDigit('080442957')).toBe('X');
    expect(isValidMod11('080442957X')).toBe(true);
    expect(isValidMod11('0804429570')).toBe(false);
  });

  it('refuses a valid number with any one payload digit changed', () => {
    const changedNumbers = digitString(1, 9).chain((payload) =>
      withOneDigitChanged(payload).map((changedPayload) => changedPayload + mod11CheckDigit(payload)),
    );
    fc.assert(fc.property(changedNumbers, (changed) => {
      expect(isValidMod11(changed)).toBe(false);
    }));
  });

  it('agrees with the reference check on arbitrary digit strings', () => {
    const candidates = fc.tuple(digitString(0, 11), fc.constantFrom('', 'X')).map(([digits, x]) => digits + x);
    fc.assert(fc.property(candidates, (number) => {
      expect(isValidMod11(number)).toBe(mod11Holds(number));
    }));
  });

  it('refuses payloads longer than nine digits, where a position would go unchecked', () => {
    expect(() => mod11CheckDigit('1234567890')).toThrow(RangeError);
    expect(isValidMod11('12345678901')).toBe(false);
  });
});

describe('malformed input', () => {
  it('throws when asked for the check digit of a non-digit payload', () => {
    expect(() => luhnCheckDigit('12a4')).toThrow(RangeError);
    expect(() => mod10CheckDigit('')).toThrow(RangeError);
    expect(() => mod11CheckDigit('1X')).toThrow(RangeError);
  });

  it('answers, never throws, when validating any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(isValidLuhn(text)).toBe(luhnHolds(text));
        expect(isValidMod10(text)).toBe(gs1Holds(text));
        expect(isValidMod11(text)).toBe(mod11Holds(text));
      }),
    );
  });
});
