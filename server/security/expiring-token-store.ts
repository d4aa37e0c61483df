import type { Clock } from '../clock';
import { newToken } from './tokens';

/**
 * In-memory bearer tokens with a sliding expiry: every successful lookup extends the token.
 * Tokens do not survive a restart, which is what we want for short kiosk and staff sessions.
 */
export class ExpiringTokenStore<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: Clock,
  ) {}

  issue(value: T): string {
    this.dropExpired();
    const token = newToken();
    this.entries.set(token, { value, expiresAt: this.now().getTime() + this.ttlMs });
    return token;
  }

  /** The token's value, sliding its expiry; null when unknown, expired or not `acceptable`. */
  use(token: string, acceptable: (value: T) => boolean = () => true): T | null {
    const entry = this.entries.get(token);
    const now = this.now().getTime();
    if (!entry) return null;
    if (entry.expiresAt <= now) {
      this.entries.delete(token);
      return null;
    }
    if (!acceptable(entry.value)) return null;
    entry.expiresAt = now + this.ttlMs;
    return entry.value;
  }

  replace(token: string, value: T): void {
    const entry = this.entries.get(token);
    if (entry) entry.value = value;
  }

  revoke(token: string): void {
    this.entries.delete(token);
  }

  private dropExpired(): void {
    const now = this.now().getTime();
    for (const [token, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(token);
  }
}
