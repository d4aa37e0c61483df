/** ISO 2709 bytes for tests: a record from a leader's status/type/charset and fields written as byte arrays. */
export type TestField = { tag: string; data: Uint8Array | string };

const bytesOf = (data: Uint8Array | string) => (typeof data === 'string' ? new TextEncoder().encode(data) : data);

/** Subfields as MARC writes them: `field('1 ', ['a', 'Title /'], ['c', 'Author.'])`. */
export function dataField(indicators: string, ...subfields: [string, Uint8Array | string][]): Uint8Array {
  const parts: Uint8Array[] = [new TextEncoder().encode(indicators)];
  for (const [code, value] of subfields) parts.push(Uint8Array.of(0x1f, code.charCodeAt(0)), bytesOf(value));
  return Buffer.concat(parts);
}

export function buildRecord(fields: TestField[], charset: ' ' | 'a' = 'a'): Uint8Array {
  const bodies = fields.map((f) => Buffer.concat([bytesOf(f.data), Uint8Array.of(0x1e)]));
  let start = 0;
  const directory = fields
    .map((f, i) => {
      const entry = `${f.tag}${String(bodies[i]!.length).padStart(4, '0')}${String(start).padStart(5, '0')}`;
      start += bodies[i]!.length;
      return entry;
    })
    .join('');
  const base = 24 + directory.length + 1;
  const length = base + start + 1;
  const leader = `${String(length).padStart(5, '0')}nam ${charset}22${String(base).padStart(5, '0')} a 4500`;
  return Buffer.concat([Buffer.from(leader + directory + '\x1e', 'latin1'), ...bodies, Uint8Array.of(0x1d)]);
}
