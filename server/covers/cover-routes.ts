import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ITEM_COVER } from '../../shared/api/routes';
import { ItemBarcode } from '../../shared/api/schemas';
import { HttpError } from '../http/http-error';
import { parseParams } from '../http/parse-body';
import type { HubServices } from '../hub-services';
import { renderCoverSvg } from './cover-svg';

/** `:file` is `<item barcode>.svg`. */
const CoverParam = z.object({ file: z.string().regex(/\.svg$/).transform((file) => file.slice(0, -'.svg'.length)).pipe(ItemBarcode) });

/** Covers are fetched by <img>, which cannot send a kiosk token; catalogue data is public anyway. */
export function registerCoverRoutes(app: FastifyInstance, { ils, now }: HubServices): void {
  app.get(ITEM_COVER, async (request, reply) => {
    const { file: barcode } = parseParams(CoverParam, request.params, 'item.unknown');
    const item = await ils.itemInfo(barcode, { kioskId: 'covers', now: now() });
    if (!item) throw new HttpError(404, 'item.unknown');
    return reply
      .type('image/svg+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(renderCoverSvg(item));
  });
}
