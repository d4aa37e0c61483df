/**
 * Check-digit algorithms as small pure functions over ASCII digit strings.
 * `…CheckDigit(payload)` computes the digit to append and throws on a malformed payload;
 * `isValid…(number)` checks a complete number (payload + check digit) and never throws.
 */

const DIGITS = /^\d+$/;

function digitsFromRight(payload: string, algorithm: string): number[] {
  if (!DIGITS.test(payload)) throw new RangeError(`${algorithm} needs a payload of ASCII digits`);
  return [...payload].reverse().map(Number);
}

/** Luhn (ISO/IEC 7812), as on payment cards and many library cards: double every second digit from the right. */
export function luhnCheckDigit(payload: string): number {
  const sum = digitsFromRight(payload, 'luhn').reduce((total, digit, i) => {
    if (i % 2 === 1) return total + digit;
    const doubled = digit * 2;
    return total + (doubled > 9 ? doubled - 9 : doubled);
  }, 0);
  return (10 - (sum % 10)) % 10;
}

export function isValidLuhn(number: string): boolean {
  return number.length >= 2 && DIGITS.test(number) && luhnCheckDigit(number.slice(0, -1)) === Number(number.at(-1));
}

/** GS1 modulo 10 (EAN-13, EAN-8, UPC-A, ISBN-13): weights 3, 1, 3, 1… from the rightmost payload digit. */
export function mod10CheckDigit(payload: string): number {
  const sum = digitsFromRight(payload, 'mod10').reduce((total, digit, i) => total + digit * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10;
}

export function isValidMod10(number: string): boolean {
  return number.length >= 2 && DIGITS.test(number) && mod10CheckDigit(number.slice(0, -1)) === Number(number.at(-1));
}

/**
 * Modulo 11 as in ISBN-10: weights 2, 3, 4… from the rightmost payload digit; a check value of 10 is written 'X'.
 * At most 9 payload digits: a tenth would carry weight 11 ≡ 0 and go unchecked.
 */
export const MOD11_MAX_PAYLOAD = 9;

export function mod11CheckDigit(payload: string): string {
  if (payload.length > MOD11_MAX_PAYLOAD) throw new RangeError(`mod11 takes at most ${MOD11_MAX_PAYLOAD} payload digits`);
  const sum = digitsFromRight(payload, 'mod11').reduce((total, digit, i) => total + digit * (i + 2), 0);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

export function isValidMod11(number: string): boolean {
  const payload = number.slice(0, -1);
  return (
    payload.length >= 1 &&
    payload.length <= MOD11_MAX_PAYLOAD &&
    DIGITS.test(payload) &&
    mod11CheckDigit(payload) === number.at(-1)
  );
}
