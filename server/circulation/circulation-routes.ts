import type { FastifyInstance } from 'fastify';
import { API } from '../../shared/api/routes';
import {
  CheckinRequest,
  CheckoutRequest,
  RenewRequest,
  type CheckinResult,
  type CheckoutResult,
  type RenewOutcome,
  type RenewResponse,
} from '../../shared/api/schemas';
import { parseBody } from '../http/parse-body';
import type { HubServices } from '../hub-services';
import type { CheckinOutcome, CheckoutOutcome, RenewOutcome as IlsRenewOutcome } from '../ils/ils-port';
import { kioskIdOf } from '../kiosks/kiosk-auth';

/** Business refusals are answers, not errors: they come back as 200 with `ok: false`. */
export function registerCirculationRoutes(app: FastifyInstance, services: HubServices): void {
  const { ils, patronSessions, transactions, idempotentRequests, now } = services;

  app.post(API.checkout, async (request): Promise<CheckoutResult> => {
    const { session } = patronSessions.require(request);
    const { itemBarcode, requestId } = parseBody(CheckoutRequest, request.body);
    const { kioskId, cardNumber } = session;
    return idempotentRequests.run({ kioskId, requestId, type: 'checkout', itemBarcode }, async () => {
      const response = checkoutResult(await ils.checkout(cardNumber, itemBarcode, { kioskId, now: now() }));
      transactions.record({
        kioskId,
        type: 'checkout',
        itemBarcode,
        patronCard: cardNumber,
        refusal: response.ok ? null : response.code,
        requestId,
        response,
      });
      return response;
    });
  });

  app.post(API.checkin, async (request): Promise<CheckinResult> => {
    const { itemBarcode, requestId } = parseBody(CheckinRequest, request.body);
    const kioskId = kioskIdOf(request);
    const patron = patronSessions.optional(request);
    return idempotentRequests.run({ kioskId, requestId, type: 'checkin', itemBarcode }, async () => {
      const response = checkinResult(await ils.checkin(itemBarcode, { kioskId, now: now() }));
      transactions.record({
        kioskId,
        type: 'checkin',
        itemBarcode,
        // Only the patron at the kiosk, if any: the log must not link returns to borrowers.
        patronCard: patron?.cardNumber ?? null,
        refusal: response.ok ? null : response.code,
        requestId,
        response,
      });
      return response;
    });
  });

  app.post(API.renew, async (request): Promise<RenewResponse> => {
    const { session } = patronSessions.require(request);
    const { itemBarcodes } = parseBody(RenewRequest, request.body);
    const { kioskId, cardNumber } = session;
    const barcodes =
      itemBarcodes.length > 0 ? [...new Set(itemBarcodes)] : await ils.loanedBarcodes(cardNumber, { kioskId, now: now() });
    const results: RenewOutcome[] = [];
    // One at a time: a SIP2 ILS takes one message per connection anyway.
    for (const itemBarcode of barcodes) {
      const outcome = renewOutcome(await ils.renew(cardNumber, itemBarcode, { kioskId, now: now() }), itemBarcode);
      transactions.record({
        kioskId,
        type: 'renew',
        itemBarcode,
        patronCard: cardNumber,
        refusal: outcome.ok ? null : outcome.code,
      });
      results.push(outcome);
    }
    return { results };
  });
}

function checkoutResult(outcome: CheckoutOutcome): CheckoutResult {
  return outcome.ok ? { ...outcome, dueAt: outcome.dueAt.toISOString() } : outcome;
}

function checkinResult(outcome: CheckinOutcome): CheckinResult {
  if (!outcome.ok) return outcome;
  // The borrower's card stays in the hub (the transaction log), never in the answer.
  const { patronCard: _patronCard, ...result } = outcome;
  return result;
}

function renewOutcome(outcome: IlsRenewOutcome, itemBarcode: string): RenewOutcome {
  return outcome.ok
    ? { ...outcome, dueAt: outcome.dueAt.toISOString() }
    : { ...outcome, itemBarcode };
}
