import type { Clock } from '../clock';
import { newToken } from './tokens';

/** Far more than a library's kiosks and staff ever hold at once; a flood of sign-ins cannot grow memory past it. */
const DEFAULT_MAX_ENTRIES = 10_000;

/**
 * In-memory bearer tokens with a sliding expiry: every successful lookup extends the token.
 * Tokens do not survive a restart, which is what we want for short kiosk and staff sessions.
 * At most `maxEntries` are kept: issuing one more drops the expired ones, then the least recently used.
 */
export class ExpiringTokenStore<T> {
  /** In order of last use (a Map keeps insertion order), so the front expires first. */
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: Clock,
    private readonly maxEntries = DEFAULT_MAX_ENTRIES,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  issue(value: T): string {
    this.dropExpired();
    for (const token of this.entries.keys()) {
      if (this.entries.size < this.maxEntries) break;
      this.entries.delete(token);
    }
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
    this.entries.delete(token);
    this.entries.set(token, entry);
    return entry.value;
  }

  replace(token: string, value: T): void {
    const entry = this.entries.get(token);
    if (entry) entry.value = value;
  }

  revoke(token: string): void {
    this.entries.delete(token);
  }

  /** Ends every token whose value matches (a revoked kiosk's sessions). */
  revokeWhere(matches: (value: T) => boolean): void {
    for (const [token, entry] of this.entries) if (matches(entry.value)) this.entries.delete(token);
  }

  private dropExpired(): void {
    const now = this.now().getTime();
    for (const [token, entry] of this.entries) {
      if (entry.expiresAt > now) break;
      this.entries.delete(token);
    }
  }
}
