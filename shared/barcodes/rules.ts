/**
 * Per-library patterns for library cards and item barcodes, and the one validation the
 * kiosk's scanner paths and the hub apply to every scan or typed number.
 */
import { z } from 'zod/mini';
import { isValidLuhn, isValidMod10, isValidMod11, MOD11_MAX_PAYLOAD } from './check-digits';
import { stripCodabarStartStop } from './codabar';
import { isValidIsbn13 } from './isbn';

/** As long as the API accepts a card number or an item barcode (shared/api/schemas.ts). */
export const MAX_BARCODE_LENGTH = 32;

/**
 * Printable ASCII without the blank and `|` (SIP2's field separator): what an ILS's card or item
 * number may hold (Koha has cards like `djfiander`), and the most the hub's API accepts.
 */
export const PRINTABLE_ASCII = /^[!-{}~]+$/;

export const CHECK_DIGIT_ALGORITHMS = ['none', 'luhn', 'mod10', 'mod11'] as const;
export type CheckDigitAlgorithm = (typeof CHECK_DIGIT_ALGORITHMS)[number];

export const BarcodeRule = z
  .object({
    minLength: z.int().check(z.minimum(1), z.maximum(MAX_BARCODE_LENGTH)),
    maxLength: z.int().check(z.minimum(1), z.maximum(MAX_BARCODE_LENGTH)),
    /** The barcode must start with one of these; absent: any start. Upper case, as scans are upper-cased. */
    prefixes: z.optional(z.array(z.string().check(z.regex(/^[A-Z0-9]+$/))).check(z.minLength(1))),
    /** printable: any PRINTABLE_ASCII, kept as scanned (case too): the ILS decides (ILS=sip2 without rules). */
    charset: z.enum(['digits', 'alphanumeric', 'printable']),
    /** mod10 is the GS1/EAN one (weights 3-1); mod11 the ISBN-10 one (check 'X' for 10). Length counts the check digit. */
    checkDigit: z.enum(CHECK_DIGIT_ALGORITHMS),
    /** Item rules only: also accept a valid ISBN-13 (the book's own EAN-13), for lookup by ISBN. */
    acceptIsbn: z.optional(z.boolean()),
  })
  .check(
    z.refine((rule) => rule.minLength <= rule.maxLength, { path: ['maxLength'], message: 'belowMinLength' }),
    z.refine((rule) => rule.checkDigit === 'none' || rule.charset === 'digits', {
      path: ['checkDigit'],
      message: 'needsDigitsCharset',
    }),
    z.refine((rule) => rule.checkDigit === 'none' || rule.minLength >= 2, {
      path: ['minLength'],
      message: 'noRoomForCheckDigit',
    }),
    z.refine((rule) => rule.checkDigit !== 'mod11' || rule.maxLength <= MOD11_MAX_PAYLOAD + 1, {
      path: ['maxLength'],
      message: 'tooLongForMod11',
    }),
  );
export type BarcodeRule = z.infer<typeof BarcodeRule>;

/** One rule, or several when a library has more than one kind of card or item label. */
export const BarcodeRules = z.union([BarcodeRule, z.array(BarcodeRule).check(z.minLength(1))]);
export type BarcodeRules = z.infer<typeof BarcodeRules>;

/** The demo library's cards: 20140001, 20140002… */
export const DEFAULT_CARD_RULE: BarcodeRule = {
  minLength: 8,
  maxLength: 8,
  prefixes: ['2014'],
  charset: 'digits',
  checkDigit: 'none',
};

/** The demo library's items: 39010001, 39010002… Scanning a book's ISBN is not accepted unless a library turns it on. */
export const DEFAULT_ITEM_RULE: BarcodeRule = {
  minLength: 8,
  maxLength: 8,
  prefixes: ['3901'],
  charset: 'digits',
  checkDigit: 'none',
  acceptIsbn: false,
};

/** Any card or item number of 1–32 printable characters: the kiosks' rules with ILS=sip2 when the library set none. */
export const ANY_PRINTABLE_RULE: BarcodeRule = {
  minLength: 1,
  maxLength: MAX_BARCODE_LENGTH,
  charset: 'printable',
  checkDigit: 'none',
};

/** Reason codes, translated by the apps. */
export const BARCODE_REJECTIONS = ['badCharacters', 'tooShort', 'tooLong', 'wrongPrefix', 'badCheckDigit'] as const;
export type BarcodeRejection = (typeof BARCODE_REJECTIONS)[number];

export type BarcodeValidation =
  | { ok: true; value: string; matched: 'pattern' | 'isbn' }
  | { ok: false; reason: BarcodeRejection };

const CHECK_DIGIT_VALIDATORS: Record<CheckDigitAlgorithm, (value: string) => boolean> = {
  none: () => true,
  luhn: isValidLuhn,
  mod10: isValidMod10,
  mod11: isValidMod11,
};

/**
 * Trimmed, ASCII letters upper-cased (never other scripts: 'ſ'.toUpperCase() is 'S'), Codabar start/stop
 * stripped; a printable rule's scan only trimmed, since the ILS compares it as sent.
 */
function normaliseScan(rule: BarcodeRule, raw: string): string {
  if (rule.charset === 'printable') return raw.trim();
  return stripCodabarStartStop(raw.trim().replace(/[a-z]+/g, (letters) => letters.toUpperCase()));
}

function charsetPattern(rule: BarcodeRule): RegExp {
  if (rule.charset === 'printable') return /^[!-{}~]*$/;
  if (rule.charset === 'alphanumeric') return /^[A-Z0-9]*$/;
  return rule.checkDigit === 'mod11' ? /^(\d*|\d+X)$/ : /^\d*$/;
}

function rejectionByPattern(rule: BarcodeRule, value: string): BarcodeRejection | null {
  if (!charsetPattern(rule).test(value)) return 'badCharacters';
  if (value.length < rule.minLength) return 'tooShort';
  if (value.length > rule.maxLength) return 'tooLong';
  if (rule.prefixes && !rule.prefixes.some((prefix) => value.startsWith(prefix))) return 'wrongPrefix';
  if (!CHECK_DIGIT_VALIDATORS[rule.checkDigit](value)) return 'badCheckDigit';
  return null;
}

/**
 * Checks one scan or typed number against a library's rule, or rules: the first that accepts it wins,
 * else the first rule's rejection is the reason. The library's own pattern wins over an ISBN reading.
 */
/** The scan as the library knows it (trimmed, upper case, Codabar start/stop stripped), or null if its rules refuse it. */
export function acceptedScan(rules: BarcodeRules, raw: string): string | null {
  const result = validateBarcode(rules, raw);
  return result.ok ? result.value : null;
}

export function validateBarcode(rules: BarcodeRules, raw: string): BarcodeValidation {
  if (!Array.isArray(rules)) return validateByRule(rules, raw);
  const results = rules.map((rule) => validateByRule(rule, raw));
  return results.find((result) => result.ok) ?? results[0] ?? { ok: false, reason: 'badCharacters' };
}

function validateByRule(rule: BarcodeRule, raw: string): BarcodeValidation {
  const value = normaliseScan(rule, raw);
  const rejection = rejectionByPattern(rule, value);
  if (rejection === null) return { ok: true, value, matched: 'pattern' };
  if (rule.acceptIsbn && /^\d{13}$/.test(value) && isValidIsbn13(value)) return { ok: true, value, matched: 'isbn' };
  return { ok: false, reason: rejection };
}
