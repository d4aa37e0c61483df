/**
 * Wires the e-book routes into the hub. They serve kiosks and phones alike, so the kiosk token
 * is optional here: the routes themselves refuse kiosk-only calls without one. The staff's
 * routes sit in their own scope behind the staff sign-in.
 */
import type { FastifyInstance } from 'fastify';
import { KIOSK_TOKEN_HEADER } from '../../shared/api/routes';
import type { HubConfig } from '../config';
import type { HubServices } from '../hub-services';
import { defaultPublicUrl } from '../public-url';
import { DownloadTickets } from './download-tickets';
import { ebookRoutes } from './ebook-routes';
import { registerStaffEbookRoutes } from './staff-ebook-routes';

export async function registerEbooks(scope: FastifyInstance, config: HubConfig, services: HubServices): Promise<void> {
  await scope.register(async (ebooks) => {
    ebooks.decorateRequest('kioskId', null);
    ebooks.addHook('onRequest', async (request) => {
      const token = request.headers[KIOSK_TOKEN_HEADER];
      request.kioskId = typeof token === 'string' && token ? services.kiosks.kioskIdForToken(token) : null;
      if (request.kioskId) services.kiosks.touch(request.kioskId);
    });
    await ebooks.register(ebookRoutes, {
      db: services.db,
      dataDir: config.dataDir,
      tickets: new DownloadTickets(services.db, services.now, {
        ttlMinutes: config.ebookTicketTtlSeconds / 60,
        dailyCardLimit: config.ebookDailyLimit,
        timeZone: config.timeZone,
      }),
      kioskIdOf: (request) => request.kioskId,
      // Asked only once the kiosk is known: `optional` needs the request's kiosk.
      patronCardOf: (request) => services.patronSessions.optional(request)?.cardNumber ?? null,
      publicUrl: config.publicUrl ?? defaultPublicUrl(config.host, config.port),
      now: services.now,
    });
  });
  await registerStaffEbookRoutes(scope, {
    db: services.db,
    dataDir: config.dataDir,
    maxBytes: config.ebookMaxBytes,
    staffSessions: services.staffSessions,
    now: services.now,
  });
}
