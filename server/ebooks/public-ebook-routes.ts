/**
 * E-book routes that need no sign-in. Registered in the public scope.
 *
 *   GET /api/ebooks/:id/cover     cover thumbnail (fetched by <img>, which sends no token)
 *   GET /opds                     OPDS 1.2 catalogue of the `open` titles, for reading apps
 *   GET /opds/books/:id/file      an open title's file (reading apps download without a ticket)
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { API, OPDS } from '../../shared/api/routes';
import type { HubConfig } from '../config';
import { HttpError } from '../http/http-error';
import { parseParams } from '../http/parse-body';
import type { HubServices } from '../hub-services';
import { loadLibraryName } from '../settings/library-name';
import { parseByteRange } from './byte-range';
import { categoryNamesByEbook, findEbook, getEbook, listEbooks } from './ebook-catalogue';
import { OPDS_ACQUISITION_TYPE, opdsFeed } from './opds-feed';
import { IdParam } from './route-params';
import { sendEbookFile } from './send-ebook-file';


export function registerPublicEbookRoutes(app: FastifyInstance, { db, now }: HubServices, { dataDir }: HubConfig): void {
  // Withdrawn titles' covers too: the admin panel lists them. Not rate-limited: kiosks save every
  // cover for browsing without the hub, and a thumbnail costs the hub no more than a static file.
  app.get(API.ebookCover, { config: { rateLimit: false } }, async (request, reply) => {
    const { id } = parseParams(IdParam, request.params, 'ebook.unknown');
    const ebook = findEbook(db, id);
    if (!ebook?.coverPath) throw new HttpError(404, 'ebook.unknown');
    return reply
      .type('image/webp')
      .header('cache-control', 'public, max-age=604800, immutable')
      .send(createReadStream(join(dataDir, ebook.coverPath)));
  });

  app.get(OPDS.feed, async (_request, reply) => {
    const names = categoryNamesByEbook(db);
    const feed = opdsFeed({
      libraryName: loadLibraryName(db),
      ebooks: listEbooks(db).filter((ebook) => ebook.access === 'open'),
      categoriesOf: (ebookId) => names.get(ebookId) ?? [],
      now: now(),
    });
    return reply.type(`${OPDS_ACQUISITION_TYPE}; charset=utf-8`).header('cache-control', 'no-cache').send(feed);
  });

  app.get(OPDS.file, async (request, reply) => {
    const { id } = parseParams(IdParam, request.params, 'ebook.unknown');
    const ebook = getEbook(db, id);
    if (!ebook || ebook.access !== 'open') throw new HttpError(404, 'ebook.unknown');
    return sendEbookFile(reply, join(dataDir, ebook.filePath), ebook, parseByteRange(request.headers.range, ebook.sizeBytes));
  });
}
