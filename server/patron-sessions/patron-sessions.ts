/**
 * Signed-in patrons. A session belongs to the kiosk that created it: a token copied to
 * another kiosk is worthless. A `pinChange` session may only choose a new PIN (or sign out).
 */
import type { FastifyRequest } from 'fastify';
import type { Clock } from '../clock';
import { HttpError } from '../http/http-error';
import { kioskIdOf } from '../kiosks/kiosk-auth';
import { ExpiringTokenStore } from '../security/expiring-token-store';

export type SessionScope = 'full' | 'pinChange';

export interface PatronSession {
  kioskId: string;
  cardNumber: string;
  scope: SessionScope;
}

export interface AuthorizedSession {
  token: string;
  session: PatronSession;
}

export class PatronSessions {
  private readonly store: ExpiringTokenStore<PatronSession>;

  constructor(idleMinutes: number, now: Clock) {
    this.store = new ExpiringTokenStore(idleMinutes * 60_000, now);
  }

  start(session: PatronSession): string {
    return this.store.issue(session);
  }

  /** The caller's session, or 401 `session.expired` / 403 `pin.changeRequired`. */
  require(request: FastifyRequest, options: { allowPinChange?: boolean } = {}): AuthorizedSession {
    const found = this.find(request);
    if (!found) throw new HttpError(401, 'session.expired');
    if (found.session.scope === 'pinChange' && !options.allowPinChange) throw new HttpError(403, 'pin.changeRequired');
    return found;
  }

  /** The caller's full session if it sent a valid one; returning books works without. */
  optional(request: FastifyRequest): PatronSession | null {
    const found = this.find(request);
    return found?.session.scope === 'full' ? found.session : null;
  }

  grantFullAccess(token: string, session: PatronSession): void {
    this.store.replace(token, { ...session, scope: 'full' });
  }

  end(token: string): void {
    this.store.revoke(token);
  }

  /** Ends every session at the kiosk at once (staff revoked it). */
  endAllAt(kioskId: string): void {
    this.store.revokeWhere((session) => session.kioskId === kioskId);
  }

  private find(request: FastifyRequest): AuthorizedSession | null {
    const token = bearerToken(request);
    const kioskId = kioskIdOf(request);
    const session = token ? this.store.use(token, (candidate) => candidate.kioskId === kioskId) : null;
    return token && session ? { token, session } : null;
  }
}

export function bearerToken(request: FastifyRequest): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]+)$/.exec(request.headers.authorization ?? '');
  return match?.[1] ?? null;
}
