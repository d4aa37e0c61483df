/**
 * The e-book HTTP routes, as a Fastify plugin. Authentication belongs to the hub, so the plugin
 * asks it through callbacks: which kiosk is calling, which patron is signed in there.
 *
 *   GET    /api/ebooks                     catalogue with categories and search keys (kiosk)
 *   GET    /api/ebooks/:id/cover           cover thumbnail (public: fetched by <img>)
 *   POST   /api/ebooks/:id/tickets         issue a download ticket (kiosk)      → TicketIssued
 *   GET    /api/ebook-tickets/:ticketId    ticket status for polling (kiosk)    → TicketStatus
 *   DELETE /api/ebook-tickets/:ticketId    cancel (kiosk)
 *   GET    /d/:token                       the phone downloads the file (the QR code's URL)
 *   GET    /d/code/:shortCode              the same with a typed short code
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { TicketIssued } from '../../shared/ebooks/schemas';
import type { DownloadTickets, RedeemResult } from './download-tickets';
import { catalogue, getEbook } from './ebook-catalogue';

export interface EbookRoutesOptions {
  db: Database;
  dataDir: string;
  tickets: DownloadTickets;
  /** The calling kiosk's id, or null when the request carries no valid kiosk token. */
  kioskIdOf: (request: FastifyRequest) => string | null;
  /** Card number of the patron signed in at the calling kiosk, or null. */
  patronCardOf: (request: FastifyRequest) => string | null;
  /** The address phones reach the hub at (PUBLIC_URL); else taken from the kiosk's request. */
  publicUrl: string | null;
}

const IdParam = z.object({ id: z.coerce.number().int().positive() });
const TicketParam = z.object({ ticketId: z.coerce.number().int().positive() });
const MEDIA_TYPES = { epub: 'application/epub+zip', pdf: 'application/pdf' } as const;

export const ebookRoutes: FastifyPluginAsync<EbookRoutesOptions> = async (app, options) => {
  const { db, dataDir, tickets } = options;
  const refuse = (reply: FastifyReply, status: number, code: string) => reply.code(status).send({ error: { code } });
  const kioskOr401 = (request: FastifyRequest, reply: FastifyReply): string | null => {
    const kioskId = options.kioskIdOf(request);
    if (!kioskId) void refuse(reply, 401, 'kiosk.unknown');
    return kioskId;
  };

  app.get('/api/ebooks', async (request, reply) => {
    if (!kioskOr401(request, reply)) return reply;
    return catalogue(db, (ebook) => `/api/ebooks/${ebook.id}/cover?v=${ebook.sha256.slice(0, 12)}`);
  });

  app.get('/api/ebooks/:id/cover', async (request, reply) => {
    const params = IdParam.safeParse(request.params);
    const ebook = params.success ? getEbook(db, params.data.id) : null;
    if (!ebook?.coverPath) return refuse(reply, 404, 'ebook.unknown');
    return reply
      .type('image/webp')
      .header('cache-control', 'public, max-age=604800, immutable')
      .send(createReadStream(join(dataDir, ebook.coverPath)));
  });

  app.post('/api/ebooks/:id/tickets', async (request, reply) => {
    const kioskId = kioskOr401(request, reply);
    if (!kioskId) return reply;
    const params = IdParam.safeParse(request.params);
    if (!params.success) return refuse(reply, 404, 'ebook.unknown');
    const result = tickets.issue({ ebookId: params.data.id, kioskId, patronCard: options.patronCardOf(request) });
    if (!result.ok) return refuse(reply, { 'ebook.unknown': 404, 'ebook.cardRequired': 401, 'ebook.dailyLimit': 403 }[result.code], result.code);
    const { ticket } = result;
    const base = options.publicUrl ?? `${request.protocol}://${request.host}`;
    const body: TicketIssued = {
      ticketId: ticket.id,
      token: ticket.token,
      shortCode: ticket.shortCode,
      downloadUrl: `${base.replace(/\/$/, '')}/d/${ticket.token}`,
      expiresAt: ticket.expiresAt.toISOString(),
      downloadsLeft: ticket.downloadsLeft,
    };
    return reply.code(201).header('cache-control', 'no-store').send(body);
  });

  app.get('/api/ebook-tickets/:ticketId', async (request, reply) => {
    const kioskId = kioskOr401(request, reply);
    if (!kioskId) return reply;
    const params = TicketParam.safeParse(request.params);
    const status = params.success ? tickets.status(params.data.ticketId, kioskId) : null;
    return status ? reply.header('cache-control', 'no-store').send(status) : refuse(reply, 404, 'ticket.unknown');
  });

  app.delete('/api/ebook-tickets/:ticketId', async (request, reply) => {
    const kioskId = kioskOr401(request, reply);
    if (!kioskId) return reply;
    const params = TicketParam.safeParse(request.params);
    const cancelled = params.success && tickets.cancel(params.data.ticketId, kioskId);
    return cancelled ? reply.code(204).send() : refuse(reply, 404, 'ticket.unknown');
  });

  // No automatic HEAD routes: a link preview's HEAD request must not use up a download.
  app.get<{ Params: { shortCode: string } }>('/d/code/:shortCode', { exposeHeadRoute: false }, async (request, reply) =>
    sendDownload(reply, dataDir, tickets.redeemShortCode(request.params.shortCode)),
  );
  app.get<{ Params: { token: string } }>('/d/:token', { exposeHeadRoute: false }, async (request, reply) =>
    sendDownload(reply, dataDir, tickets.redeem(request.params.token)),
  );
};

function sendDownload(reply: FastifyReply, dataDir: string, result: RedeemResult): FastifyReply {
  reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
  if (!result.ok) {
    const status = result.code === 'ticket.unknown' ? 404 : result.code === 'ebook.dailyLimit' ? 403 : 410;
    return reply.code(status).send({ error: { code: result.code } });
  }
  const { ebook } = result;
  const fileName = `${ebook.title}.${ebook.format}`;
  return reply
    .type(MEDIA_TYPES[ebook.format])
    .header('content-length', ebook.sizeBytes)
    .header('content-disposition', contentDisposition(fileName))
    .send(createReadStream(join(dataDir, ebook.filePath)));
}

/** RFC 6266: an ASCII fallback name plus the UTF-8 one (红楼梦.epub) for browsers that read it. */
function contentDisposition(fileName: string): string {
  const ascii = [...fileName].map((c) => (c >= ' ' && c <= '~' && c !== '"' && c !== '\\' ? c : '_')).join('');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
