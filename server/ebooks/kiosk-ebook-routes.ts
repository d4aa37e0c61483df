/**
 * What kiosks ask about e-books. Registered in the kiosk scope: every route needs a device token.
 *
 *   GET    /api/ebooks?since=&after=       a page of the catalogue, categories, search keys → EbookCatalogue
 *   POST   /api/ebooks/:id/tickets         issue a download ticket                    → TicketIssued
 *   GET    /api/ebook-tickets/:ticketId    ticket status for polling                  → TicketStatus
 *   DELETE /api/ebook-tickets/:ticketId    cancel
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API, ticketPagePath } from '../../shared/api/routes';
import type { TicketIssueRefusal } from '../../shared/ebooks/codes';
import type { EbookCatalogue, TicketIssued, TicketStatus } from '../../shared/ebooks/schemas';
import type { HubConfig } from '../config';
import { HttpError } from '../http/http-error';
import { parseParams, parseQuery } from '../http/parse-body';
import type { HubServices } from '../hub-services';
import { kioskIdOf } from '../kiosks/kiosk-auth';
import { defaultPublicUrl } from '../public-url';
import { catalogue, coverUrlOf } from './ebook-catalogue';
import { IdParam, TicketParam } from './route-params';

const CatalogueQuery = z.object({ since: z.iso.datetime({ offset: true }).optional(), after: z.coerce.number().int().min(0).optional() });

const ISSUE_REFUSAL_STATUS: Record<TicketIssueRefusal, number> = { 'ebook.unknown': 404, 'ebook.cardRequired': 401, 'ebook.dailyLimit': 403 };

export function registerKioskEbookRoutes(app: FastifyInstance, services: HubServices, config: HubConfig): void {
  const { db, downloadTickets: tickets, patronSessions, now } = services;
  /** The address phones reach the hub at (PUBLIC_URL); else taken from the kiosk's request. */
  const publicUrl = config.publicUrl ?? defaultPublicUrl(config.host, config.port);

  app.get(API.ebooks, async (request, reply): Promise<EbookCatalogue> => {
    const { since, after } = parseQuery(CatalogueQuery, request.query);
    void reply.header('cache-control', 'no-store');
    return catalogue(db, coverUrlOf, now(), since ?? null, after ?? null);
  });

  app.post(API.ebookTickets, async (request, reply): Promise<TicketIssued> => {
    const { id } = parseParams(IdParam, request.params, 'ebook.unknown');
    // Only `card` titles keep the signed-in patron; `optional` reads the kiosk the scope verified.
    const result = tickets.issue({ ebookId: id, kioskId: kioskIdOf(request), patronCard: patronSessions.optional(request)?.cardNumber ?? null });
    if (!result.ok) throw new HttpError(ISSUE_REFUSAL_STATUS[result.code], result.code);
    const { ticket } = result;
    const base = publicUrl ?? `${request.protocol}://${request.host}`;
    void reply.code(201).header('cache-control', 'no-store');
    return {
      ticketId: ticket.id,
      token: ticket.token,
      shortCode: ticket.shortCode,
      downloadUrl: `${base.replace(/\/$/, '')}${ticketPagePath(ticket.token)}`,
      expiresAt: ticket.expiresAt.toISOString(),
      downloadsLeft: ticket.downloadsLeft,
    };
  });

  app.get(API.ebookTicket, async (request, reply): Promise<TicketStatus> => {
    const { ticketId } = parseParams(TicketParam, request.params, 'ticket.unknown');
    const status = tickets.status(ticketId, kioskIdOf(request));
    if (!status) throw new HttpError(404, 'ticket.unknown');
    void reply.header('cache-control', 'no-store');
    return status;
  });

  app.delete(API.ebookTicket, async (request, reply) => {
    const { ticketId } = parseParams(TicketParam, request.params, 'ticket.unknown');
    if (!tickets.cancel(ticketId, kioskIdOf(request))) throw new HttpError(404, 'ticket.unknown');
    return reply.code(204).send();
  });
}
