/**
 * The e-book HTTP routes, as a Fastify plugin. Authentication belongs to the hub, so the plugin
 * asks it through callbacks: which kiosk is calling, which patron is signed in there.
 *
 *   GET    /api/ebooks                     catalogue with categories and search keys (kiosk)
 *   GET    /api/ebooks/:id/cover           cover thumbnail (public: fetched by <img>)
 *   POST   /api/ebooks/:id/tickets         issue a download ticket (kiosk)      → TicketIssued
 *   GET    /api/ebook-tickets/:ticketId    ticket status for polling (kiosk)    → TicketStatus
 *   DELETE /api/ebook-tickets/:ticketId    cancel (kiosk)
 *   GET    /d/:token                       the phone's page for the title (the QR code's URL)
 *   GET    /d/:token/file                  the download itself (uses one of the ticket's downloads; a
 *                                          Range past the first byte resumes one instead)
 *   GET    /d                              the form for typing a short code instead
 *   GET    /d/code/:shortCode[/file]       the same two with a typed short code
 *   GET    /opds, /opds/books/:id/file     OPDS 1.2 catalogue of the `open` titles, for reading apps
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { TicketRedeemRefusal } from '../../shared/ebooks/codes';
import type { TicketIssued } from '../../shared/ebooks/schemas';
import type { Clock } from '../clock';
import { loadLibraryName } from '../settings/library-name';
import { parseByteRange } from './byte-range';
import type { DownloadTickets, FileGrant, RedeemResult } from './download-tickets';
import { catalogue, categoryNamesByEbook, coverUrlOf, findEbook, getEbook, listEbooks } from './ebook-catalogue';
import { OPDS_ACQUISITION_TYPE, opdsFeed } from './opds-feed';
import { phoneLanguage } from './phone-language';
import { ebookPage, problemPage, shortCodePage } from './phone-page';
import { sendEbookFile } from './send-ebook-file';
import { normalizeShortCode } from './short-code';

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
  now: Clock;
}

const IdParam = z.object({ id: z.coerce.number().int().positive() });
const TicketParam = z.object({ ticketId: z.coerce.number().int().positive() });
const CatalogueQuery = z.object({ since: z.iso.datetime({ offset: true }).optional() });

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
    const query = CatalogueQuery.safeParse(request.query);
    if (!query.success) return refuse(reply, 400, 'request.invalid');
    return reply.header('cache-control', 'no-store').send(catalogue(db, coverUrlOf, options.now(), query.data.since ?? null));
  });

  // Withdrawn titles' covers too: the admin panel lists them. Not rate-limited: kiosks save every
  // cover for browsing without the hub, and a thumbnail costs the hub no more than a static file.
  app.get('/api/ebooks/:id/cover', { config: { rateLimit: false } }, async (request, reply) => {
    const params = IdParam.safeParse(request.params);
    const ebook = params.success ? findEbook(db, params.data.id) : null;
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

  app.get('/opds', async (_request, reply) => {
    const names = categoryNamesByEbook(db);
    const feed = opdsFeed({
      libraryName: loadLibraryName(db),
      ebooks: listEbooks(db).filter((ebook) => ebook.access === 'open'),
      categoriesOf: (ebookId) => names.get(ebookId) ?? [],
      now: options.now(),
    });
    return reply.type(`${OPDS_ACQUISITION_TYPE}; charset=utf-8`).header('cache-control', 'no-cache').send(feed);
  });

  // Open titles only: reading apps download without a kiosk or a ticket.
  app.get('/opds/books/:id/file', async (request, reply) => {
    const params = IdParam.safeParse(request.params);
    const ebook = params.success ? getEbook(db, params.data.id) : null;
    if (!ebook || ebook.access !== 'open') return refuse(reply, 404, 'ebook.unknown');
    return sendEbookFile(reply, join(dataDir, ebook.filePath), ebook, parseByteRange(request.headers.range, ebook.sizeBytes));
  });

  app.get('/d', async (request, reply) => {
    const typed = (request.query as { code?: unknown }).code;
    if (typeof typed === 'string' && typed.trim() !== '') {
      return reply.code(303).header('cache-control', 'no-store').redirect(`/d/code/${encodeURIComponent(normalizeShortCode(typed))}`);
    }
    return html(reply, 200, shortCodePage(phoneLanguage(request.headers['accept-language'])));
  });

  app.get<{ Params: { shortCode: string } }>('/d/code/:shortCode', async (request, reply) =>
    showTicket(request, reply, tickets.inspectShortCode(request.params.shortCode), `/d/code/${encodeURIComponent(request.params.shortCode)}/file`),
  );
  app.get<{ Params: { token: string } }>('/d/:token', async (request, reply) =>
    showTicket(request, reply, tickets.inspect(request.params.token), `/d/${encodeURIComponent(request.params.token)}/file`),
  );

  // No automatic HEAD routes: a link preview's HEAD request must not use up a download.
  app.get<{ Params: { shortCode: string } }>('/d/code/:shortCode/file', { exposeHeadRoute: false }, async (request, reply) => {
    const { shortCode } = request.params;
    return download(request, reply, tickets.redeemShortCode(shortCode, request.headers.range));
  });
  app.get<{ Params: { token: string } }>('/d/:token/file', { exposeHeadRoute: false }, async (request, reply) => {
    const { token } = request.params;
    return download(request, reply, tickets.redeem(token, request.headers.range));
  });

  function download(request: FastifyRequest, reply: FastifyReply, grant: FileGrant): FastifyReply {
    if (!grant.ok) return html(reply, problemStatus(grant.code), problemPage(phoneLanguage(request.headers['accept-language']), grant.code));
    return sendEbookFile(reply, join(dataDir, grant.ebook.filePath), grant.ebook, grant.range, (sent) => tickets.release(grant, sent));
  }
};

function showTicket(request: FastifyRequest, reply: FastifyReply, result: RedeemResult, fileUrl: string): FastifyReply {
  const language = phoneLanguage(request.headers['accept-language']);
  if (!result.ok) return html(reply, problemStatus(result.code), problemPage(language, result.code));
  return html(reply, 200, ebookPage(language, result.ebook, fileUrl, result.downloadsLeft));
}

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('vary', 'accept-language')
    .send(body);
}

function problemStatus(code: TicketRedeemRefusal): number {
  return code === 'ticket.unknown' ? 404 : code === 'ebook.dailyLimit' ? 403 : 410;
}
