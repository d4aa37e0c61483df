/**
 * What a phone opens from the kiosk's QR code or a typed short code. Registered in the public
 * scope: the ticket in the path is the only credential. Answers are HTML pages for people.
 *
 *   GET /d                           the form for typing a short code (?code=… goes to its page)
 *   GET /d/:token                    the title with a Download button (the QR code's URL)
 *   GET /d/:token/file               the download itself: uses one of the ticket's downloads, or
 *                                    resumes one with a Range past the first byte
 *   GET /d/code/:shortCode[/file]    the same two with a typed short code
 */
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { PHONE, shortCodeFilePath, shortCodePagePath, ticketFilePath } from '../../shared/api/routes';
import type { TicketRedeemRefusal } from '../../shared/ebooks/codes';
import type { HubConfig } from '../config';
import { parseParams, parseQuery } from '../http/parse-body';
import type { HubServices } from '../hub-services';
import type { FileGrant, RedeemResult } from './download-tickets';
import { inAppBrowserOf } from './in-app-browser';
import { phoneLanguage } from './phone-language';
import { ebookPage, problemPage, shortCodePage, type InAppHint } from './phone-page';
import { ShortCodeParam, TokenParam } from './route-params';
import { sendEbookFile } from './send-ebook-file';
import { normalizeShortCode } from './short-code';

/** Anything but one typed code (none, or `code` twice) shows the form. */
const ShortCodeQuery = z.object({ code: z.string().trim().optional().catch(undefined) });

export function registerPhoneRoutes(app: FastifyInstance, { downloadTickets: tickets }: HubServices, { dataDir }: HubConfig): void {
  app.get(PHONE.shortCodeForm, async (request, reply) => {
    const { code } = parseQuery(ShortCodeQuery, request.query);
    if (code) return reply.code(303).header('cache-control', 'no-store').redirect(shortCodePagePath(normalizeShortCode(code)));
    return phonePage(reply, 200, shortCodePage(phoneLanguage(request.headers['accept-language'])));
  });

  app.get(PHONE.shortCodePage, async (request, reply) => {
    const { shortCode } = parseParams(ShortCodeParam, request.params, 'ticket.unknown');
    return ticketPage(request, reply, tickets.inspectShortCode(shortCode), shortCodeFilePath(shortCode));
  });
  app.get(PHONE.ticketPage, async (request, reply) => {
    const { token } = parseParams(TokenParam, request.params, 'ticket.unknown');
    return ticketPage(request, reply, tickets.inspect(token), ticketFilePath(token));
  });

  // No automatic HEAD routes: a link preview's HEAD request must not use up a download.
  app.get(PHONE.shortCodeFile, { exposeHeadRoute: false }, async (request, reply) => {
    const { shortCode } = parseParams(ShortCodeParam, request.params, 'ticket.unknown');
    return download(request, reply, tickets.redeemShortCode(shortCode, request.headers.range));
  });
  app.get(PHONE.ticketFile, { exposeHeadRoute: false }, async (request, reply) => {
    const { token } = parseParams(TokenParam, request.params, 'ticket.unknown');
    return download(request, reply, tickets.redeem(token, request.headers.range));
  });

  function download(request: FastifyRequest, reply: FastifyReply, grant: FileGrant): FastifyReply {
    if (!grant.ok) return refusalPage(request, reply, grant.code);
    return sendEbookFile(reply, join(dataDir, grant.ebook.filePath), grant.ebook, grant.range, (sent) => tickets.release(grant, sent));
  }
}

/** Showing the page never uses a download: only `/file` does. */
function ticketPage(request: FastifyRequest, reply: FastifyReply, result: RedeemResult, fileUrl: string): FastifyReply {
  if (!result.ok) return refusalPage(request, reply, result.code);
  // In an app's browser that cannot download, the page first says how to get out of it.
  const inApp: InAppHint | null = inAppBrowserOf(request.headers['user-agent'])
    ? { shortCode: result.shortCode, codeFormUrl: `${request.protocol}://${request.host}${PHONE.shortCodeForm}` }
    : null;
  const language = phoneLanguage(request.headers['accept-language']);
  return phonePage(reply, 200, ebookPage(language, result.ebook, fileUrl, result.downloadsLeft, inApp));
}

function refusalPage(request: FastifyRequest, reply: FastifyReply, code: TicketRedeemRefusal): FastifyReply {
  const status = code === 'ticket.unknown' ? 404 : code === 'ebook.dailyLimit' ? 403 : 410;
  return phonePage(reply, status, problemPage(phoneLanguage(request.headers['accept-language']), code));
}

/** Every phone page: HTML in the phone's language, never cached, never sending the ticket's URL on as a referrer. */
export function phonePage(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('vary', 'accept-language, user-agent')
    .send(body);
}
