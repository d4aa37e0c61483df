/** Where e-book files and cover thumbnails live, relative to DATA_DIR, and how they get there. */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { EbookFormat } from '../../shared/ebooks/schemas';

export const ebookRelativePath = (sha256: string, format: EbookFormat) => `ebooks/${sha256}.${format}`;
export const coverRelativePath = (sha256: string) => `covers/${sha256}.webp`;

export async function sha256Of(source: Buffer | string): Promise<string> {
  const hash = createHash('sha256');
  if (typeof source === 'string') await pipeline(createReadStream(source), hash);
  else hash.update(source);
  return hash.digest('hex');
}

/**
 * Writes (or copies) the content to a temporary file beside its final place and flushes it to
 * disk, so that a later rename publishes it whole or not at all.
 */
export async function writeTempBeside(finalPath: string, content: Buffer | { copyFrom: string }): Promise<string> {
  const dir = join(finalPath, '..');
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
  try {
    if (Buffer.isBuffer(content)) {
      const file = await open(temp, 'wx');
      try {
        await file.writeFile(content);
        await file.sync();
      } finally {
        await file.close();
      }
    } else {
      await copyFile(content.copyFrom, temp);
      const file = await open(temp, 'r+');
      await file.sync().finally(() => file.close());
    }
    return temp;
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
