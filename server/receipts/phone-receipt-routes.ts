/**
 * What a phone opens from the receipt QR code. Registered in the public scope: the token in the
 * path, and then the cookie of the first phone that opened it, are the only credentials.
 *
 *   GET /r/:token                  the receipt page; the first device gets the cookie that keeps it
 *   GET /r/:token/due-dates.ics    the due dates as a calendar file, for that device only
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RECEIPT } from '../../shared/api/routes';
import type { HubConfig } from '../config';
import { phoneLanguage } from '../ebooks/phone-language';
import { phonePage } from '../ebooks/phone-routes';
import { TokenParam } from '../ebooks/route-params';
import { parseParams } from '../http/parse-body';
import type { HubServices } from '../hub-services';
import { loadLibraryName } from '../settings/library-name';
import { loadLibraryPhone } from '../settings/library-phone';
import { dueDatesCalendar } from './calendar-file';
import { receiptPage, receiptProblemPage } from './receipt-page';
import type { ReceiptRefusal } from './receipt-tickets';
import { deviceCookieOf, deviceCookieHeader } from './receipt-cookie';

const REFUSAL_STATUS: Record<ReceiptRefusal, number> = { 'receipt.gone': 404, 'receipt.taken': 403 };

export function registerPhoneReceiptRoutes(app: FastifyInstance, { db, receiptTickets, now }: HubServices, { timeZone }: HubConfig): void {
  // No automatic HEAD routes: a link preview must not claim the receipt for itself.
  app.get(RECEIPT.page, { exposeHeadRoute: false }, async (request, reply) => {
    const { token } = parseParams(TokenParam, request.params, 'ticket.unknown');
    const result = receiptTickets.open(token, deviceCookieOf(request, token));
    if (!result.ok) return refusal(request, reply, result.code);
    if (result.cookie) {
      const maxAgeSeconds = Math.max(0, Math.floor((result.receipt.expiresAt.getTime() - now().getTime()) / 1000));
      void reply.header('set-cookie', deviceCookieHeader(token, result.cookie, { maxAgeSeconds, secure: request.protocol === 'https' }));
    }
    const language = phoneLanguage(request.headers['accept-language']);
    const page = receiptPage({
      receipt: result.receipt,
      token,
      language,
      libraryName: loadLibraryName(db),
      libraryPhone: loadLibraryPhone(db),
      timeZone,
    });
    return phonePage(reply, 200, page);
  });

  app.get(RECEIPT.calendar, { exposeHeadRoute: false }, async (request, reply) => {
    const { token } = parseParams(TokenParam, request.params, 'ticket.unknown');
    const result = receiptTickets.forDevice(token, deviceCookieOf(request, token));
    if (!result.ok) return refusal(request, reply, result.code);
    const language = phoneLanguage(request.headers['accept-language']);
    const calendar = dueDatesCalendar({
      items: result.receipt.items,
      libraryName: loadLibraryName(db)[language],
      language,
      timeZone,
      uidPrefix: `receipt-${result.receipt.id}@${request.hostname}`,
      now: now(),
    });
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="due-dates.ics"')
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .send(calendar);
  });

  function refusal(request: FastifyRequest, reply: FastifyReply, code: ReceiptRefusal): FastifyReply {
    return phonePage(reply, REFUSAL_STATUS[code], receiptProblemPage(phoneLanguage(request.headers['accept-language']), code, loadLibraryName(db)));
  }
}
