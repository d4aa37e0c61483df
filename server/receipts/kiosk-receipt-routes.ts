/**
 * A receipt on the phone, asked for at Finish. Registered in the kiosk scope; the patron's
 * session must belong to the calling kiosk (PatronSessions.require checks it).
 *
 *   POST /api/receipts    { language } → 201 ReceiptIssued (the QR code's address) | 409 receipt.empty
 */
import type { FastifyInstance } from 'fastify';
import { API, receiptPagePath } from '../../shared/api/routes';
import { ReceiptRequest, type ReceiptIssued } from '../../shared/receipts/schemas';
import type { HubConfig } from '../config';
import { HttpError } from '../http/http-error';
import { parseBody } from '../http/parse-body';
import type { HubServices } from '../hub-services';
import { defaultPublicUrl } from '../public-url';
import { sessionReceiptItems } from './session-items';

export function registerKioskReceiptRoutes(app: FastifyInstance, services: HubServices, config: HubConfig): void {
  const { db, ils, patronSessions, receiptTickets, now } = services;
  /** The address phones reach the hub at, as for the e-book QR codes. */
  const publicUrl = config.publicUrl ?? defaultPublicUrl(config.host, config.port);

  app.post(API.receipts, async (request, reply): Promise<ReceiptIssued> => {
    const { session } = patronSessions.require(request);
    const { language } = parseBody(ReceiptRequest, request.body);
    const items = await sessionReceiptItems(db, ils, session, { kioskId: session.kioskId, now: now() });
    if (items.length === 0) throw new HttpError(409, 'receipt.empty');
    const { token, expiresAt } = receiptTickets.issue(session.kioskId, language, items);
    const base = publicUrl ?? `${request.protocol}://${request.host}`;
    void reply.code(201).header('cache-control', 'no-store');
    return { receiptUrl: `${base.replace(/\/$/, '')}${receiptPagePath(token)}`, expiresAt: expiresAt.toISOString() };
  });
}
