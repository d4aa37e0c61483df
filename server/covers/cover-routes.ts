import type { FastifyInstance } from 'fastify';
import { ItemBarcode } from '../../shared/api/schemas';
import { HttpError } from '../http/http-error';
import type { HubServices } from '../hub-services';
import { renderCoverSvg } from './cover-svg';

/** Covers are fetched by <img>, which cannot send a kiosk token; catalogue data is public anyway. */
export function registerCoverRoutes(app: FastifyInstance, { ils, now }: HubServices): void {
  app.get<{ Params: { file: string } }>('/covers/:file', async (request, reply) => {
    const barcode = ItemBarcode.safeParse(request.params.file.replace(/\.svg$/, ''));
    if (!request.params.file.endsWith('.svg') || !barcode.success) throw new HttpError(404, 'item.unknown');
    const item = await ils.itemInfo(barcode.data, { kioskId: 'covers', now: now() });
    if (!item) throw new HttpError(404, 'item.unknown');
    return reply
      .type('image/svg+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(renderCoverSvg(item));
  });
}
