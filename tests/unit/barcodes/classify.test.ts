import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyScan, DEFAULT_CARD_RULE, DEFAULT_ITEM_RULE } from '../../../shared/barcodes';

const demoRules = { card: DEFAULT_CARD_RULE, item: DEFAULT_ITEM_RULE };
const isbnLookupRules = { card: DEFAULT_CARD_RULE, item: { ...DEFAULT_ITEM_RULE, acceptIsbn: true } };

describe('classifyScan', () => {
  it.each([
    ['20140001', { kind: 'card', value: '20140001' }],
    ['A20140004B', { kind: 'card', value: '20140004' }],
    ['39010053\r\n', { kind: 'item', value: '39010053' }],
    ['D39010001C', { kind: 'item', value: '39010001' }],
    ['9787508617725', { kind: 'invalid' }],
    ['20150001', { kind: 'invalid' }],
    ['', { kind: 'invalid' }],
    ['http://google.com/gwt/n?u=bluenile.com', { kind: 'invalid' }],
  ])('with the demo rules, takes %j as %j', (raw, classification) => {
    expect(classifyScan(raw, demoRules)).toEqual(classification);
  });

  it('recognises a book’s ISBN when the item rule accepts ISBNs, but not another EAN-13', () => {
    expect(classifyScan('9787508617725', isbnLookupRules)).toEqual({ kind: 'isbn', value: '9787508617725' });
    expect(classifyScan('4045787034318', isbnLookupRules)).toEqual({ kind: 'invalid' });
    expect(classifyScan('39010001', isbnLookupRules)).toEqual({ kind: 'item', value: '39010001' });
  });

  it('takes a scan that fits both rules as a card', () => {
    const overlapping = { card: DEFAULT_CARD_RULE, item: { ...DEFAULT_ITEM_RULE, prefixes: ['2014', '3901'] } };
    expect(classifyScan('20140001', overlapping)).toEqual({ kind: 'card', value: '20140001' });
  });

  it('never throws on camera noise, and classifies a valid-looking scan only as what its rules allow', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.stringMatching(/^[A-D]?(2014|3901)\d{3,5}[A-D]?$/)), (raw) => {
        const result = classifyScan(raw, demoRules);
        if (result.kind === 'card') expect(result.value).toMatch(/^2014\d{4}$/);
        if (result.kind === 'item') expect(result.value).toMatch(/^3901\d{4}$/);
        expect(result.kind).not.toBe('isbn');
      }),
    );
  });
});
