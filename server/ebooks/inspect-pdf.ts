/**
 * Checks that a file is a PDF: the `%PDF-1.x` / `%PDF-2.0` header at the start and an `%%EOF`
 * marker near the end. Title and author come from the upload's name: reading the Info
 * dictionary means parsing cross-reference streams, and the one popular library for it
 * (pdf-lib) is no longer maintained, so that waits until staff editing makes it unnecessary.
 */
import { open } from 'node:fs/promises';

const TAIL_BYTES = 1024;
const VERSIONS = new Set(['1.0', '1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '2.0']);

export async function isPdf(source: Buffer | string): Promise<boolean> {
  const { head, tail } = typeof source === 'string' ? await headAndTail(source) : { head: source.subarray(0, 8), tail: source.subarray(-TAIL_BYTES) };
  const header = head.toString('latin1');
  return header.startsWith('%PDF-') && VERSIONS.has(header.slice(5, 8)) && tail.includes('%%EOF', 0, 'latin1');
}

async function headAndTail(path: string): Promise<{ head: Buffer; tail: Buffer }> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const head = Buffer.alloc(Math.min(8, size));
    await file.read(head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(TAIL_BYTES, size));
    await file.read(tail, 0, tail.length, size - tail.length);
    return { head, tail };
  } finally {
    await file.close();
  }
}
