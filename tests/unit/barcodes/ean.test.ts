import { describe, expect, it } from 'vitest';
import { isValidEan13, isValidEan8, isValidUpcA, upcAToEan13 } from '../../../shared/barcodes';

describe('EAN and UPC check digits', () => {
  it('validates EAN-13, and only at thirteen bare digits', () => {
    expect(isValidEan13('4006381333931')).toBe(true);
    expect(isValidEan13('4006381333932')).toBe(false);
    expect(isValidEan13('400638133393')).toBe(false);
    expect(isValidEan13(' 4006381333931')).toBe(false);
  });

  it('validates EAN-8', () => {
    expect(isValidEan8('96385074')).toBe(true);
    expect(isValidEan8('73513537')).toBe(true);
    expect(isValidEan8('96385075')).toBe(false);
    expect(isValidEan8('9638507')).toBe(false);
  });

  it('validates UPC-A', () => {
    expect(isValidUpcA('036000291452')).toBe(true);
    expect(isValidUpcA('036000291453')).toBe(false);
    expect(isValidUpcA('36000291452')).toBe(false);
  });

  it('turns a UPC-A into the EAN-13 a scanner in EAN mode reports', () => {
    expect(upcAToEan13('036000291452')).toBe('0036000291452');
    expect(isValidEan13('0036000291452')).toBe(true);
    expect(upcAToEan13('036000291453')).toBeNull();
  });
});
