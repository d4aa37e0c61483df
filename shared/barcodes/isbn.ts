import { isValidMod10, isValidMod11, mod10CheckDigit, mod11CheckDigit } from './check-digits';

/** ISBN-13 check digit: weights 1,3,1,3… over the first twelve digits, then (10 - sum mod 10) mod 10. */
export function isbn13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new Error('isbn13CheckDigit needs exactly 12 digits');
  return mod10CheckDigit(first12);
}

/** ISBN-10 check character: '0'…'9' or 'X' (mod 11, weights 10…2 over the first nine digits). */
export function isbn10CheckDigit(first9: string): string {
  if (!/^\d{9}$/.test(first9)) throw new Error('isbn10CheckDigit needs exactly 9 digits');
  return mod11CheckDigit(first9);
}

/** Drops hyphens and spaces (as printed: "978-7-5086-1772-5") and upper-cases the ISBN-10 'x'. */
function compactIsbn(text: string): string {
  return text.replace(/[-\s]/g, '').replace(/x$/, 'X');
}

/** An ISBN-13 is an EAN-13 in the "Bookland" prefixes 978 and 979. */
export function isValidIsbn13(text: string): boolean {
  const isbn = compactIsbn(text);
  return /^97[89]\d{10}$/.test(isbn) && isValidMod10(isbn);
}

export function isValidIsbn10(text: string): boolean {
  const isbn = compactIsbn(text);
  return /^\d{9}[\dX]$/.test(isbn) && isValidMod11(isbn);
}

/** The ISBN-13 of a valid ISBN-10 (prefix 978, new check digit), or null. */
export function isbn10To13(text: string): string | null {
  if (!isValidIsbn10(text)) return null;
  const first12 = `978${compactIsbn(text).slice(0, 9)}`;
  return first12 + String(isbn13CheckDigit(first12));
}

/** The ISBN-10 of a valid 978 ISBN-13, or null: 979 ISBNs have no ISBN-10. */
export function isbn13To10(text: string): string | null {
  const isbn = compactIsbn(text);
  if (!isValidIsbn13(isbn) || !isbn.startsWith('978')) return null;
  const first9 = isbn.slice(3, 12);
  return first9 + isbn10CheckDigit(first9);
}

/** Any written or scanned ISBN (10 or 13, with or without hyphens and spaces) as a bare ISBN-13, or null. */
export function parseIsbn(text: string): string | null {
  const isbn = compactIsbn(text);
  if (isValidIsbn13(isbn)) return isbn;
  return isbn10To13(isbn);
}

/**
 * The ISBN in a free-form identifier, such as an EPUB's dc:identifier ("urn:isbn:978-7-02-…",
 * "ISBN 7-02-000220-X"), as a bare ISBN-13, or null: the form an item's ISBN has for checkout.
 */
export function isbnInIdentifier(identifier: string): string | null {
  return parseIsbn(identifier.trim().replace(/^(urn:)?isbn:?/i, ''));
}
