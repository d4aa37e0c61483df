import { isValidMod10 } from './check-digits';

/** EAN-13 (GTIN-13), exactly thirteen digits as a scanner sends them. */
export function isValidEan13(text: string): boolean {
  return /^\d{13}$/.test(text) && isValidMod10(text);
}

/** EAN-8 (GTIN-8), exactly eight digits. */
export function isValidEan8(text: string): boolean {
  return /^\d{8}$/.test(text) && isValidMod10(text);
}

/** UPC-A (GTIN-12), exactly twelve digits. */
export function isValidUpcA(text: string): boolean {
  return /^\d{12}$/.test(text) && isValidMod10(text);
}

/** A UPC-A is the EAN-13 with a leading 0 (the check digit does not change), or null if it is not a valid UPC-A. */
export function upcAToEan13(upcA: string): string | null {
  return isValidUpcA(upcA) ? `0${upcA}` : null;
}
