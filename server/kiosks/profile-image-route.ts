/**
 *   GET /api/profile-images/:file   (public) `<id>.webp`, a picture a kiosk profile names → image/webp
 *
 * Fetched by <img> on the attract screen and in the admin panel, which cannot send a token; the
 * pictures are the library's posters and logo, nobody's data. A file's name is the hash of its
 * bytes, so it may be cached for good.
 */
import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ProfileImageId } from '../../shared/api/kiosk-slides';
import { API } from '../../shared/api/routes';
import type { HubConfig } from '../config';
import { HttpError } from '../http/http-error';
import { parseParams } from '../http/parse-body';
import { ProfileImages } from './profile-images';

const ImageFileParam = z.object({ file: z.string().regex(/\.webp$/).transform((file) => file.slice(0, -'.webp'.length)).pipe(ProfileImageId) });

export function registerProfileImageRoute(app: FastifyInstance, { dataDir }: HubConfig): void {
  const images = new ProfileImages(dataDir);
  app.get(API.profileImage, { config: { rateLimit: false } }, async (request, reply) => {
    const { file: id } = parseParams(ImageFileParam, request.params, 'profileImage.unknown');
    if (!images.has(id)) throw new HttpError(404, 'profileImage.unknown');
    return reply
      .type('image/webp')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(createReadStream(images.path(id)));
  });
}
