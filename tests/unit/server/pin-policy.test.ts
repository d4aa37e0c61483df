import { describe, expect, it } from 'vitest';
import { isAcceptablePin } from '../../../shared/circulation/pin-policy';

describe('isAcceptablePin', () => {
  it.each(['2580', '1357', '8642', '2468', '739104', '90210'])('accepts %s', (pin) => {
    expect(isAcceptablePin(pin)).toBe(true);
  });

  it.each([
    ['too short', '123'],
    ['too long', '7391045'],
    ['not digits', '12a4'],
    ['not digits (full-width)', '２５８０'],
    ['all the same', '0000'],
    ['all the same, 6 digits', '999999'],
    ['ascending', '1234'],
    ['ascending from 0', '0123'],
    ['ascending, 6 digits', '123456'],
    ['ascending, 5 digits', '45678'],
    ['descending', '4321'],
    ['descending, 6 digits', '654321'],
    ['common', '1212'],
    ['common, 6 digits', '520520'],
    ['empty', ''],
  ])('refuses %s: %s', (_why, pin) => {
    expect(isAcceptablePin(pin)).toBe(false);
  });
});
