import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readIso2709, readMarcFile } from '../../../server/import/marc';
import { buildRecord, dataField } from './build-record';

const DIR = path.resolve(import.meta.dirname, '../../../../shared/testdata/marc');
const realBinaries = readdirSync(DIR)
  .filter((file) => !file.endsWith('.xml'))
  .map((file) => readFileSync(path.join(DIR, file)));

const good = buildRecord([
  { tag: '001', data: 'id1' },
  { tag: '245', data: dataField('10', ['a', 'Title /'], ['c', 'Someone.']) },
]);
const all = (bytes: Uint8Array) => [...readIso2709(bytes)];
const withByte = (bytes: Uint8Array, at: number, value: number) => {
  const copy = Uint8Array.from(bytes);
  copy[at] = value;
  return copy;
};

describe('ISO 2709 framing', () => {
  it('reads leader, control field, indicators and subfields', () => {
    const [result] = all(good);
    expect(result).toMatchObject({ ok: true, recordNumber: 1, offset: 0 });
    if (!result?.ok) return;
    expect(result.record.leader).toMatch(/^\d{5}nam a22/);
    expect(result.record.fields).toEqual([
      { tag: '001', value: 'id1' },
      { tag: '245', ind1: '1', ind2: '0', subfields: [{ code: 'a', value: 'Title /' }, { code: 'c', value: 'Someone.' }] },
    ]);
  });

  it('reports a record whose length is wrong and reads the next one', () => {
    const bad = Uint8Array.from(good);
    bad.set(Buffer.from('00099'), 0);
    const results = all(Buffer.concat([bad, good]));
    expect(results.map((r) => [r.recordNumber, r.offset, r.ok])).toEqual([[1, 0, false], [2, good.length, true]]);
    expect(!results[0]!.ok && results[0]!.problems[0]!.code).toBe('marc.recordLength');
  });

  it.each([
    ['a base address outside the record', 12, 0x39, 'marc.leader'],
    ['a directory without its terminator', 24 + 24, 0x20, 'marc.directory'],
    ['a directory entry with a letter in its length', 24 + 3, 0x41, 'marc.directory'],
    ['a field without its terminator', good.length - 2, 0x20, 'marc.field'],
  ])('reports %s by record number and keeps reading', (_, at, value, code) => {
    const results = all(Buffer.concat([good, withByte(good, at, value), good]));
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]).toMatchObject({ recordNumber: 2, offset: good.length, problems: [{ code }] });
  });

  it('reports a file cut inside its last record', () => {
    const results = all(Buffer.concat([good, good.subarray(0, 40)]));
    expect(results.map((r) => r.ok)).toEqual([true, false]);
    expect(results[1]).toMatchObject({ recordNumber: 2, problems: [{ code: 'marc.truncated' }] });
  });

  it('ignores the newlines and DOS end-of-file some exporters write after the last record', () => {
    expect(all(Buffer.concat([good, Buffer.from('\r\n\x1a')])).map((r) => r.ok)).toEqual([true]);
  });

  it('reports text that is not MARC at all, without a crash', () => {
    expect(all(Buffer.from('barcode,title\n1,Book\n'))).toMatchObject([{ ok: false, recordNumber: 1, problems: [{ code: 'marc.truncated' }] }]);
  });

  it('reports invalid UTF-8 in a UTF-8 record with the field it is in', () => {
    const record = buildRecord([{ tag: '245', data: dataField('10', ['a', Uint8Array.of(0x41, 0xff, 0x42)]) }], 'a');
    expect(all(record)).toMatchObject([{ ok: false, problems: [{ code: 'marc.encoding', field: '245' }] }]);
  });
});

describe('never throws', () => {
  const outcome = (bytes: Uint8Array) => {
    const results = [...readMarcFile(bytes)];
    for (const result of results) {
      expect(result.recordNumber).toBeGreaterThan(0);
      expect(result.ok ? result.record.fields : result.problems.length).toBeTruthy();
    }
    return results;
  };

  it('on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => void outcome(bytes)), { numRuns: 500 });
  });

  it('on random bytes after a valid length and leader prefix', () => {
    const framed = fc.uint8Array({ minLength: 0, maxLength: 400 }).map((body) => {
      const length = String(body.length + 24).padStart(5, '0');
      return Buffer.concat([Buffer.from(`${length}nam a22000${'25'} a 4500`, 'latin1').subarray(0, 24), body]);
    });
    fc.assert(fc.property(framed, (bytes) => void outcome(bytes)), { numRuns: 500 });
  });

  it('on real records with bytes changed, removed or inserted, and reads every untouched record after them', () => {
    const mutation = fc.record({
      file: fc.nat({ max: realBinaries.length - 1 }),
      edits: fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }), kind: fc.constantFrom('set', 'delete', 'insert') }), { minLength: 1, maxLength: 8 }),
    });
    fc.assert(
      fc.property(mutation, ({ file, edits }) => {
        let bytes = Buffer.from(realBinaries[file]!);
        for (const { at, byte, kind } of edits) {
          const i = at % Math.max(bytes.length, 1);
          if (kind === 'set') bytes[i] = byte;
          else if (kind === 'delete') bytes = Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + 1)]);
          else bytes = Buffer.concat([bytes.subarray(0, i), Uint8Array.of(byte), bytes.subarray(i)]);
        }
        const results = outcome(Buffer.concat([bytes, Uint8Array.of(0x1d), good]));
        expect(results.at(-1)).toMatchObject({ ok: true, offset: bytes.length + 1 });
      }),
      { numRuns: 400 },
    );
  });
});
