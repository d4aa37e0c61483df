/**
 * Pictures for kiosk profiles (attract-screen slides, the logo), kept in DATA_DIR/profile-images.
 * An upload is recognised by its first bytes (PNG, JPEG, WebP: never by its name), decoded by sharp
 * with a pixel limit, turned upright, shrunk to fit its kind's box and written again as WebP, which
 * drops its metadata (camera, place, time). The file is named by the SHA-256 of what was written,
 * so its URL can be cached for good and the same upload twice is one file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { ProfileImageId, type ProfileImageKind, type ProfileImageUploaded } from '../../shared/api/kiosk-slides';
import { HttpError } from '../http/http-error';

/** The box each kind is shrunk into (never enlarged): a slide beside the attract screen's buttons, a logo above them. */
export const PROFILE_IMAGE_BOX: Record<ProfileImageKind, { width: number; height: number }> = {
  slide: { width: 1600, height: 1200 },
  logo: { width: 800, height: 400 },
};
/** More pixels than this is refused before decoding (a small file can claim a huge picture). */
const MAX_INPUT_PIXELS = 40_000_000;
/** Pictures no profile names are removed this long after their upload (the form may still be open). */
const UNREFERENCED_KEPT_MS = 24 * 60 * 60 * 1000;

const SIGNATURES: Array<(bytes: Buffer) => boolean> = [
  (bytes) => bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  (bytes) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff,
  (bytes) => bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP',
];

export class ProfileImages {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'profile-images');
  }

  /** Stores an upload as a WebP of its kind's size; refused as profileImage.unsupportedType, .unreadable or .tooLarge. */
  async store(upload: Buffer, kind: ProfileImageKind): Promise<ProfileImageUploaded> {
    if (!SIGNATURES.some((matches) => matches(upload))) throw new HttpError(415, 'profileImage.unsupportedType');
    const { data, info } = await sharp(upload, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ ...PROFILE_IMAGE_BOX[kind], fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true })
      .catch((error: unknown) => {
        throw /pixel limit/i.test(String(error)) ? new HttpError(413, 'profileImage.tooLarge') : new HttpError(422, 'profileImage.unreadable');
      });
    const id = createHash('sha256').update(data).digest('hex');
    const path = this.path(id);
    if (existsSync(path)) {
      // Uploaded again: a new day before an unnamed picture is pruned.
      const now = new Date();
      await utimes(path, now, now);
    } else {
      await mkdir(this.dir, { recursive: true });
      // Written aside and renamed, so a reader never gets half a file.
      const partial = join(this.dir, `.${id}.${randomBytes(4).toString('hex')}`);
      await writeFile(partial, data);
      await rename(partial, path);
    }
    return { id, width: info.width, height: info.height };
  }

  path(id: string): string {
    return join(this.dir, `${ProfileImageId.parse(id)}.webp`);
  }

  has(id: string): boolean {
    return existsSync(this.path(id));
  }

  /** Removes the pictures no profile names that were uploaded longer than a day before `now` (file times). */
  async prune(referenced: ReadonlySet<string>, now = new Date()): Promise<number> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names) {
      const id = name.replace(/\.webp$/, '');
      if (!ProfileImageId.safeParse(id).success || !name.endsWith('.webp') || referenced.has(id)) continue;
      const path = join(this.dir, name);
      const { mtimeMs } = await stat(path);
      if (now.getTime() - mtimeMs < UNREFERENCED_KEPT_MS) continue;
      await rm(path, { force: true });
      removed += 1;
    }
    return removed;
  }
}

/** Every picture a profile's settings name. */
export function imagesOf(settings: { logo: string | null; slides: ReadonlyArray<{ image: string | null }> }): string[] {
  return [settings.logo, ...settings.slides.map((slide) => slide.image)].filter((id): id is string => id !== null);
}
