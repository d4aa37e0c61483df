/** Catalogue thumbnails of e-book covers: 400 px wide WebP, small enough for kiosks and phones. */
import sharp from 'sharp';

export const COVER_WIDTH = 400;

/** Null when the image cannot be decoded: a broken cover is no reason to refuse the book. */
export async function coverThumbnail(image: Buffer): Promise<Buffer | null> {
  try {
    return await sharp(image, { limitInputPixels: 50_000_000 })
      .rotate()
      .resize({ width: COVER_WIDTH, withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
  } catch {
    return null;
  }
}
