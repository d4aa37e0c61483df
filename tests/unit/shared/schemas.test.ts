import { describe, expect, it } from 'vitest';
import { CheckoutRequest, CheckoutResult, SignInRequest } from '../../../shared/api/schemas';

describe('API schemas', () => {
  it('accept a scanned card and a PIN, trimming the scanner’s stray spaces', () => {
    expect(SignInRequest.parse({ cardNumber: ' 20140001 ', pin: '2580' })).toEqual({ cardNumber: '20140001', pin: '2580' });
  });

  it.each([
    { cardNumber: '', pin: '2580' },
    { cardNumber: '2014 0001', pin: '2580' },
    // Any printable ASCII is a card number an ILS may hold (shared/barcodes PRINTABLE_ASCII); not blanks, | or other scripts.
    { cardNumber: 'dj|fiander', pin: '2580' },
    { cardNumber: '读者证', pin: '2580' },
    { cardNumber: '20140001', pin: '25' },
    { cardNumber: '20140001', pin: 'abcd' },
    { cardNumber: '20140001' },
  ])('refuse a malformed sign-in %j', (body) => {
    expect(SignInRequest.safeParse(body).success).toBe(false);
  });

  it('require a UUID request id on circulation requests, so retries can be recognised', () => {
    expect(CheckoutRequest.safeParse({ itemBarcode: '39010001', requestId: 'x' }).success).toBe(false);
    expect(CheckoutRequest.safeParse({ itemBarcode: '39010001', requestId: crypto.randomUUID() }).success).toBe(true);
  });

  it('refuse an outcome code the apps could not translate', () => {
    const result = CheckoutResult.safeParse({ ok: false, code: 'item.eaten', item: null });
    expect(result.success).toBe(false);
  });
});
