/**
 * Receiving a file a staff member uploads as the request body itself (its name URI-encoded in `x-file-name`): the body
 * is streamed to a temporary file and stopped as soon as it passes the size limit, never buffered whole.
 * One way for every upload route (e-books, imports; profile images reuse it): `acceptStreamedBodies` once per
 * content type, then `receiveRequestUpload` in the handler.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { UPLOAD_NAME_HEADER } from '../../shared/api/routes';
import type { RefusalCode } from '../../shared/circulation/codes';
import { HttpError } from './http-error';

export class UploadTooLarge extends Error {
  override name = 'UploadTooLarge';
}

/** Hands bodies of these content types to the handler as the stream itself; a type another route in the scope took is left as it is (it passes the stream on too). */
export function acceptStreamedBodies(app: FastifyInstance, contentTypes: readonly string[]): void {
  for (const type of contentTypes) {
    if (!app.hasContentTypeParser(type)) app.addContentTypeParser(type, (_request, payload, done) => done(null, payload));
  }
}

export interface ReceivedUpload {
  /** The temporary file; the caller removes it. */
  path: string;
  /** The uploader's file name (its extension may declare the format), at most 255 characters. */
  fileName: string;
}

/**
 * Streams the request's body to a temporary file below `dir`. A body that is not a stream is `request.invalid`
 * (400); one past `maxBytes` is `tooLarge` (413), with nothing left behind.
 */
export async function receiveRequestUpload(request: FastifyRequest, dir: string, maxBytes: number, tooLarge: RefusalCode): Promise<ReceivedUpload> {
  if (!isStream(request.body)) throw new HttpError(400, 'request.invalid');
  const path = await receiveUpload(request.body, dir, maxBytes).catch((error: unknown) => {
    throw error instanceof UploadTooLarge ? new HttpError(413, tooLarge) : error;
  });
  return { path, fileName: uploadFileName(request) };
}

/** The temporary file's path; the caller removes it. Nothing is left behind when this throws. */
export async function receiveUpload(body: Readable, dir: string, maxBytes: number): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `upload-${randomBytes(8).toString('hex')}`);
  let received = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      done(received > maxBytes ? new UploadTooLarge() : null, chunk);
    },
  });
  try {
    await pipeline(body, limit, createWriteStream(path, { flags: 'wx' }));
    return path;
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
}

function isStream(body: unknown): body is Readable {
  return typeof body === 'object' && body !== null && 'pipe' in body;
}

/** Browsers send the name URI-encoded; a missing or malformed one is `upload`. */
function uploadFileName(request: FastifyRequest): string {
  const raw = request.headers[UPLOAD_NAME_HEADER];
  if (typeof raw !== 'string') return 'upload';
  try {
    return decodeURIComponent(raw).slice(0, 255);
  } catch {
    return 'upload';
  }
}
