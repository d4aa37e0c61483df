import { describe, expect, it } from 'vitest';
import { ANY_PRINTABLE_RULE, BarcodeRule, classifyScan, validateBarcode } from '../../../shared/barcodes';
import { CardNumber, ItemBarcode } from '../../../shared/api/schemas';

const ANY = { card: ANY_PRINTABLE_RULE, item: ANY_PRINTABLE_RULE };

describe('the any-printable rule (ILS=sip2 without rules of the library’s own)', () => {
  it('accepts card numbers and barcodes with letters and punctuation, as scanned (case kept, no Codabar stripping)', () => {
    for (const scan of ['djfiander', 'BK.a17-x', 'A31117013206375B', '7', 'x'.repeat(32), '~!#$%&*()_+={}[]:;"<>,.?/@^`']) {
      expect(validateBarcode(ANY_PRINTABLE_RULE, ` ${scan} `), scan).toEqual({ ok: true, value: scan, matched: 'pattern' });
    }
  });

  it('refuses blanks inside, `|` (SIP2’s field separator), other scripts and more than 32 characters', () => {
    expect(validateBarcode(ANY_PRINTABLE_RULE, 'dj fiander')).toEqual({ ok: false, reason: 'badCharacters' });
    expect(validateBarcode(ANY_PRINTABLE_RULE, 'dj|fiander')).toEqual({ ok: false, reason: 'badCharacters' });
    expect(validateBarcode(ANY_PRINTABLE_RULE, '读者证')).toEqual({ ok: false, reason: 'badCharacters' });
    expect(validateBarcode(ANY_PRINTABLE_RULE, 'x'.repeat(33))).toEqual({ ok: false, reason: 'tooLong' });
    expect(validateBarcode(ANY_PRINTABLE_RULE, '  ')).toEqual({ ok: false, reason: 'tooShort' });
  });

  it('is a valid rule, and takes no check digit', () => {
    expect(BarcodeRule.safeParse(ANY_PRINTABLE_RULE).success).toBe(true);
    expect(BarcodeRule.safeParse({ ...ANY_PRINTABLE_RULE, minLength: 2, checkDigit: 'luhn' }).success).toBe(false);
  });

  it('the API accepts what the rule accepts, and refuses what it refuses', () => {
    for (const value of ['djfiander', 'BK.a17-x', '~!#$%&*()_+={}[]:;"<>,.?/@^`']) {
      expect(CardNumber.safeParse(value).success, value).toBe(true);
      expect(ItemBarcode.safeParse(value).success, value).toBe(true);
    }
    for (const value of ['dj fiander', 'dj|fiander', '读者证', 'x'.repeat(33), '']) {
      expect(CardNumber.safeParse(value).success, value).toBe(false);
      expect(ItemBarcode.safeParse(value).success, value).toBe(false);
    }
  });

  it('tells cards from items by what the screen expects, since both rules accept anything', () => {
    expect(classifyScan('djfiander', ANY)).toEqual({ kind: 'card', value: 'djfiander' });
    expect(classifyScan('BK.a17-x', ANY, ['item'])).toEqual({ kind: 'item', value: 'BK.a17-x' });
    expect(classifyScan('djfiander', ANY, ['card'])).toEqual({ kind: 'card', value: 'djfiander' });
  });
});
