import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { API } from '../../shared/api/routes';
import {
  ChangePinRequest,
  IlsSignInRequest,
  SignInRequest,
  type ChangePinResponse,
  type PatronStatus,
  type PatronSummary,
  type SignInResponse,
} from '../../shared/api/schemas';
import type { RefusalCode } from '../../shared/circulation/codes';
import { isAcceptablePin } from '../../shared/circulation/pin-policy';
import { HttpError } from '../http/http-error';
import { parseBody } from '../http/parse-body';
import type { HubServices } from '../hub-services';
import { loadCirculationRules } from '../ils/embedded/circulation-rules';
import { IlsUnsupportedError, type AuthenticateResult, type CirculationContext } from '../ils/ils-port';
import { kioskIdOf } from '../kiosks/kiosk-auth';
import type { SignInOrigin } from './sign-in-throttle';

/** Guessing PINs is also slowed per kiosk, on top of the per-card lockout. */
const SIGN_IN_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };

/** Every failed check is answered this late: guessing gains nothing from asking fast. */
export const FAILED_SIGN_IN_DELAY_MS = 1000;

export function registerSessionRoutes(app: FastifyInstance, services: HubServices): void {
  const { ils, patronSessions, now } = services;
  const contextOf = (kioskId: string): CirculationContext => ({ kioskId, now: now() });

  async function summaryOf(cardNumber: string, ctx: CirculationContext): Promise<PatronStatus> {
    const status = await ils.patronStatus(cardNumber, ctx);
    if (!status) throw new HttpError(401, 'session.expired');
    return status;
  }

  app.post(API.session, { config: { rateLimit: SIGN_IN_RATE_LIMIT } }, async (request): Promise<SignInResponse> => {
    const { cardNumber, pin } = parseBody(ils.pinFormat === 'digits' ? SignInRequest : IlsSignInRequest, request.body);
    const ctx = contextOf(kioskIdOf(request));
    const { pinChangeRequired } = await authenticateWithLimits(services, { kioskId: ctx.kioskId, address: request.ip }, cardNumber, pin, ctx);
    // A PIN that would not be accepted today (an old default like 123456) has to be replaced,
    // where the ILS can change it; SIP2's PINs are the ILS's business and changed at the desk.
    const mustChangePin = pinChangeRequired || (ils.canChangePin && !isAcceptablePin(pin));
    const patron = mustChangePin ? null : withoutLoans(await summaryOf(cardNumber, ctx));
    const token = patronSessions.start({
      kioskId: ctx.kioskId,
      cardNumber,
      scope: mustChangePin ? 'pinChange' : 'full',
    });
    return { token, pinChangeRequired: mustChangePin, patron };
  });

  app.post(API.sessionPin, async (request): Promise<z.infer<typeof ChangePinResponse>> => {
    const { token, session } = patronSessions.require(request, { allowPinChange: true });
    if (!ils.canChangePin) throw new IlsUnsupportedError('pin.changeAtDesk');
    const { newPin } = parseBody(ChangePinRequest, request.body);
    if (!isAcceptablePin(newPin)) throw new HttpError(400, 'pin.weak');
    const ctx = contextOf(session.kioskId);
    await ils.changePin(session.cardNumber, newPin, ctx);
    patronSessions.grantFullAccess(token, session);
    return { patron: withoutLoans(await summaryOf(session.cardNumber, ctx)) };
  });

  app.get(API.session, async (request): Promise<PatronStatus> => {
    const { session } = patronSessions.require(request);
    return summaryOf(session.cardNumber, contextOf(session.kioskId));
  });

  app.delete(API.session, async (request, reply) => {
    const { token, session } = patronSessions.require(request, { allowPinChange: true });
    patronSessions.end(token);
    await ils.endSession(session.cardNumber, contextOf(session.kioskId));
    return reply.code(204).send();
  });
}

/**
 * Checks card and PIN behind the failed sign-in limits of the kiosk and its address, then the
 * per-card lockout, whatever the ILS; throws the refusal, records every attempt.
 */
async function authenticateWithLimits(
  { ils, pinLockout, signInThrottle, transactions, db, sleep }: HubServices,
  origin: SignInOrigin,
  cardNumber: string,
  pin: string,
  ctx: CirculationContext,
): Promise<Extract<AuthenticateResult, { ok: true }>> {
  const policy = loadCirculationRules(db).lockout;
  const record = (refusal: RefusalCode | null) =>
    transactions.record({ kioskId: ctx.kioskId, type: 'signin', itemBarcode: null, patronCard: cardNumber, refusal });

  const throttle = signInThrottle.beginAttempt(origin, policy);
  if (!throttle.allowed) {
    record('signIn.throttled');
    throw new HttpError(429, 'signIn.throttled');
  }
  // From here on the attempt counts as failed until the PIN proves right or goes unchecked.
  const notAFailure = () => signInThrottle.takeBack(throttle.attemptId);

  const gate = pinLockout.beginAttempt(cardNumber, policy);
  if (!gate.allowed) {
    notAFailure();
    record('card.locked');
    throw new HttpError(423, 'card.locked', { lockedUntil: gate.lockedUntil.toISOString() });
  }

  let result: AuthenticateResult;
  try {
    result = await ils.authenticatePatron(cardNumber, pin, ctx);
  } catch (error) {
    pinLockout.attemptAbandoned(cardNumber);
    notAFailure();
    throw error;
  }
  if (result.ok) {
    pinLockout.attemptSucceeded(cardNumber);
    notAFailure();
    record(null);
    return result;
  }

  const verdict = pinLockout.attemptFailed(cardNumber, policy);
  record(result.code);
  await sleep(FAILED_SIGN_IN_DELAY_MS);
  if (verdict.locked) throw new HttpError(423, 'card.locked', { lockedUntil: verdict.lockedUntil.toISOString() });
  if (result.code === 'card.unknown') throw new HttpError(404, 'card.unknown');
  // Counted as a failure like a wrong PIN, so trying cards does not find the ones without a PIN faster.
  if (result.code === 'pin.notSet') throw new HttpError(403, 'pin.notSet');
  throw new HttpError(401, 'pin.wrong', { attemptsLeft: verdict.attemptsLeft });
}

function withoutLoans({ loans: _loans, ...summary }: PatronStatus): PatronSummary {
  return summary;
}
