import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildMessage,
  decodeFrame,
  decodeBytes,
  encodeMessage,
  encodeText,
  FIXED_FIELDS,
  FrameReader,
  SIP2_ENCODINGS,
  type Sip2Code,
  type Sip2Encoding,
  type Sip2Message,
} from '../../../shared/sip2';

const codes = Object.keys(FIXED_FIELDS) as Sip2Code[];
const printable = (length: number) =>
  fc.string({ unit: fc.constantFrom(...' 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZYNabc.'), minLength: length, maxLength: length });
const fieldId = fc
  .string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 2, maxLength: 2 })
  .filter((id) => id !== 'AY' && id !== 'AZ');
/** What each encoding can carry: all of Unicode for UTF-8 and GB18030, Latin-1-ish text for cp850. */
const valueChars: Record<Sip2Encoding, fc.Arbitrary<string>> = {
  'utf-8': fc.string({ unit: 'grapheme' }),
  gb18030: fc.string({ unit: 'grapheme' }),
  cp850: fc.string({ unit: fc.constantFrom(...'abcXYZ 0123456789-/.,éüçñÅÆØ£') }),
};
const noSeparators = (value: string) => !/[|\r\n]/.test(value) && value === value.trim();

function messageArbitrary(encoding: Sip2Encoding) {
  return fc.constantFrom(...codes).chain((code) => {
    const layout = FIXED_FIELDS[code] as ReadonlyArray<readonly [string, number]>;
    return fc.record({
      code: fc.constant(code),
      fixed: fc.tuple(...layout.map(([, length]) => printable(length))).map((values) =>
        Object.fromEntries(layout.map(([name], i) => [name, values[i]!])),
      ),
      fields: fc.array(fc.tuple(fieldId, valueChars[encoding].filter(noSeparators)), { maxLength: 8 }),
    });
  });
}

describe('SIP2 codec properties', () => {
  it.each(SIP2_ENCODINGS)('any message built in %s parses back to the same fields', (encoding) => {
    fc.assert(
      fc.property(messageArbitrary(encoding), fc.option(fc.integer({ min: 0, max: 9 })), fc.constantFrom('cr', 'crlf'), (m, sequence, terminator) => {
        const built = buildMessage(m.code, m.fixed as Sip2Message['fixed'], m.fields);
        const bytes = encodeMessage(built, { encoding, terminator, sequence });
        const [frame] = new FrameReader().push(bytes);
        const decoded = decodeFrame(frame!, encoding);
        expect(decoded.message).toEqual(built);
        expect(decoded.checksum).toBe(sequence === null ? 'absent' : 'valid');
        expect(decoded.sequence).toBe(sequence);
      }),
    );
  });

  it('random bytes never crash the reader or the parser', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 5 }), fc.constantFrom(...SIP2_ENCODINGS), (chunks, encoding) => {
        const reader = new FrameReader();
        const frames = chunks.flatMap((chunk) => reader.push(chunk));
        const last = reader.end();
        for (const frame of last ? [...frames, last] : frames) {
          const decoded = decodeFrame(frame, encoding);
          expect(['valid', 'invalid', 'absent']).toContain(decoded.checksum);
        }
      }),
    );
  });

  it('UTF-8 and GB18030 round-trip Chinese names; cp850, which has no Chinese, writes them as ?', () => {
    const han = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(han, (name) => {
        for (const encoding of ['utf-8', 'gb18030'] as const) {
          const built = buildMessage('64', {
            patronStatus: ' '.repeat(14), language: '000', transactionDate: '20260302    100000',
            holdItemsCount: '0000', overdueItemsCount: '0000', chargedItemsCount: '0000', fineItemsCount: '0000',
            recallItemsCount: '0000', unavailableHoldsCount: '0000',
          }, [['AE', name]]);
          const decoded = decodeFrame(encodeMessage(built, { encoding, terminator: 'cr', sequence: 0 }), encoding);
          expect(decoded.message?.fields).toEqual([['AE', name]]);
          expect(decoded.checksum).toBe('valid');
        }
        expect(decodeBytes(encodeText(name, 'cp850'), 'cp850')).toBe('?'.repeat(name.length));
      }),
    );
  });
});
