/**
 * Independent oracles for the property tests: each checks the whole number at once
 * ("weighted sum ≡ 0"), unlike the product code, which computes the digit to append.
 */
const LUHN_DOUBLED = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];

export function luhnHolds(number: string): boolean {
  if (!/^\d{2,}$/.test(number)) return false;
  let sum = 0;
  for (let fromRight = 0; fromRight < number.length; fromRight++) {
    const digit = Number(number[number.length - 1 - fromRight]);
    sum += fromRight % 2 === 1 ? (LUHN_DOUBLED[digit] ?? Number.NaN) : digit;
  }
  return sum % 10 === 0;
}

/** EAN/GS1: weights 1 on the check digit, then 3, 1, 3… going left. */
export function gs1Holds(number: string): boolean {
  if (!/^\d{2,}$/.test(number)) return false;
  let sum = 0;
  for (let fromRight = 0; fromRight < number.length; fromRight++) {
    sum += Number(number[number.length - 1 - fromRight]) * (fromRight % 2 === 0 ? 1 : 3);
  }
  return sum % 10 === 0;
}

/** Mod 11: weight 1 on the check character (X = 10), then 2, 3… going left; at most ten characters. */
export function mod11Holds(number: string): boolean {
  if (!/^\d{1,9}[\dX]$/.test(number)) return false;
  let sum = 0;
  for (let fromRight = 0; fromRight < number.length; fromRight++) {
    const character = number[number.length - 1 - fromRight];
    sum += (fromRight + 1) * (character === 'X' ? 10 : Number(character));
  }
  return sum % 11 === 0;
}

/** ISBN-10: Σ (10 - i) · dᵢ ≡ 0 (mod 11), with X = 10 in last place. */
export function isbn10Holds(isbn: string): boolean {
  if (!/^\d{9}[\dX]$/.test(isbn)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (10 - i) * (isbn[i] === 'X' ? 10 : Number(isbn[i]));
  return sum % 11 === 0;
}

export function isbn13Holds(isbn: string): boolean {
  return /^97[89]\d{10}$/.test(isbn) && gs1Holds(isbn);
}
