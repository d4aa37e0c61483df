import { describe, expect, it } from 'vitest';
import { stripCodabarStartStop } from '../../../shared/barcodes';

describe('Codabar start/stop characters', () => {
  it.each([
    ['A31117013206375B', '31117013206375'],
    ['C1234567890D', '1234567890'],
    ['T3419500N', '3419500'],
    ['*123456789012E', '123456789012'],
    ['a294/586b', '294/586'],
  ])('strips them from %s', (scanned, data) => {
    expect(stripCodabarStartStop(scanned)).toBe(data);
  });

  it.each([
    ['data already without them', '31117013206375'],
    ['a start character with no stop character', 'A31117013206375'],
    ['letters inside, which Codabar cannot encode', 'A3111X013206375B'],
    ['nothing between start and stop', 'AB'],
    ['an alphanumeric code from another symbology', 'ABC123'],
  ])('leaves alone %s', (_, text) => {
    expect(stripCodabarStartStop(text)).toBe(text);
  });
});
