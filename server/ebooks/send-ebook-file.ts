/**
 * Sends an e-book file as a download: its media type, a UTF-8 file name, and the byte range
 * asked for (null: the whole file). `onEnd` hears how many bytes were read for the phone once
 * the response is over, finished or cut off.
 */
import { createReadStream } from 'node:fs';
import type { FastifyReply } from 'fastify';
import type { ByteRange } from './byte-range';
import { EBOOK_MEDIA_TYPES } from '../../shared/ebooks/schemas';
import type { EbookRecord } from './ebook-catalogue';

export function sendEbookFile(
  reply: FastifyReply,
  path: string,
  ebook: EbookRecord,
  range: ByteRange | 'unsatisfiable' | null,
  onEnd: (sentBytes: number) => void = () => undefined,
): FastifyReply {
  const size = ebook.sizeBytes;
  reply
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('accept-ranges', 'bytes')
    .header('content-disposition', contentDisposition(`${ebook.title}.${ebook.format}`))
    .type(EBOOK_MEDIA_TYPES[ebook.format]);
  if (range === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${size}`).send();
  const stream = range === null ? createReadStream(path) : createReadStream(path, { start: range.start, end: range.end });
  stream.on('close', () => onEnd(stream.bytesRead));
  if (range === null) return reply.header('content-length', size).send(stream);
  return reply
    .code(206)
    .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
    .header('content-length', range.end - range.start + 1)
    .send(stream);
}

/** RFC 6266: an ASCII fallback name plus the UTF-8 one (红楼梦.epub, RFC 5987) for browsers that read it. */
export function contentDisposition(fileName: string): string {
  const ascii = [...fileName].map((c) => (c >= ' ' && c <= '~' && c !== '"' && c !== '\\' ? c : '_')).join('');
  // encodeURIComponent leaves ' ( ) * alone, which RFC 5987 does not allow unencoded.
  const utf8 = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}
