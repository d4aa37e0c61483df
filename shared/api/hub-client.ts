/**
 * Typed client for the hub's API. Every response is validated against the shared schema,
 * and every failure becomes a HubError with a RefusalCode the apps can translate.
 */
import { z } from 'zod/mini';
import type { RefusalCode } from '../circulation/codes';
import { EbookCatalogueAnswer, TicketIssued, TicketStatus } from '../ebooks/schemas';
import { ReceiptIssued } from '../receipts/schemas';
import { API, KIOSK_TOKEN_HEADER, UPLOAD_NAME_HEADER, ebookTicketPath, ebookTicketsPath } from './routes';
import type { FieldProblem } from './field-problems';
import { HeartbeatAnswer, PairAnswer, type Heartbeat } from './fleet-schemas';
import {
  ApiError,
  ChangePinResponse,
  CheckinResult,
  CheckoutResult,
  ClaimLocalResponse,
  Health,
  KioskConfig,
  OfflineBatchAnswer,
  PatronStatus,
  RenewResponse,
  SignInResponse,
  type Language,
  type OfflineTransaction,
} from './schemas';

export class HubError extends Error {
  constructor(
    readonly code: RefusalCode,
    readonly details: { attemptsLeft?: number; lockedUntil?: string; problems?: FieldProblem[] } = {},
  ) {
    super(code);
    this.name = 'HubError';
  }
}

/** True when `error` is the hub refusing with one of `codes`. */
export function isRefusal(error: unknown, ...codes: RefusalCode[]): error is HubError {
  return error instanceof HubError && codes.includes(error.code);
}

export interface HubClientOptions {
  baseUrl?: string;
  /** The kiosk's device token; read on every call so a re-paired kiosk needs no reload. */
  kioskToken: () => string | null;
  fetch?: typeof fetch;
  /** Told of every failed call (its refusal code only), for the kiosk's heartbeat. */
  onFailure?: (code: RefusalCode) => void;
}

interface CallOptions {
  /** A patron's session token at a kiosk, or a staff token in the admin panel. */
  bearer?: string | null;
  signal?: AbortSignal;
}

/** A file sent as the request body itself (e-book uploads), with its name. */
export interface FileBody {
  file: Blob;
  name: string;
}

export class HubClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: HubClientOptions) {
    this.baseUrl = options.baseUrl ?? '';
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  claimLocal(signal?: AbortSignal) {
    return this.call('POST', API.kioskClaimLocal, ClaimLocalResponse, {}, { signal });
  }
  kioskConfig(signal?: AbortSignal) {
    return this.call('GET', API.kioskConfig, KioskConfig, undefined, { signal });
  }
  pairKiosk(code: string, signal?: AbortSignal) {
    return this.call('POST', API.kioskPair, PairAnswer, { code }, { signal });
  }
  /** The hub's health check: whether the kiosk can reach it at all. */
  health(signal?: AbortSignal) {
    return this.call('GET', API.health, Health, undefined, { signal });
  }
  /** Replays transactions from the kiosk's outbox, in order (store-and-forward, docs/offline.md); `results[i]` answers `transactions[i]`. */
  sendOfflineBatch(transactions: OfflineTransaction[], signal?: AbortSignal) {
    return this.call('POST', API.kioskOfflineTransactions, OfflineBatchAnswer, { transactions }, { signal });
  }
  heartbeat(heartbeat: Heartbeat, signal?: AbortSignal) {
    return this.call('POST', API.kioskHeartbeat, HeartbeatAnswer, heartbeat, { signal });
  }
  signIn(cardNumber: string, pin: string, signal?: AbortSignal) {
    return this.call('POST', API.session, SignInResponse, { cardNumber, pin }, { signal });
  }
  changePin(patronToken: string, newPin: string, signal?: AbortSignal) {
    return this.call('POST', API.sessionPin, ChangePinResponse, { newPin }, { bearer: patronToken, signal });
  }
  patronStatus(patronToken: string, signal?: AbortSignal) {
    return this.call('GET', API.session, PatronStatus, undefined, { bearer: patronToken, signal });
  }
  async signOut(patronToken: string) {
    await this.call('DELETE', API.session, null, undefined, { bearer: patronToken });
  }
  checkout(patronToken: string, itemBarcode: string, requestId: string, signal?: AbortSignal) {
    return this.call('POST', API.checkout, CheckoutResult, { itemBarcode, requestId }, { bearer: patronToken, signal });
  }
  /** Returning works without signing in; a signed-in patron's token is passed along for the receipt. */
  checkin(patronToken: string | null, itemBarcode: string, requestId: string, signal?: AbortSignal) {
    return this.call('POST', API.checkin, CheckinResult, { itemBarcode, requestId }, { bearer: patronToken, signal });
  }
  renew(patronToken: string, itemBarcodes: string[], signal?: AbortSignal) {
    return this.call('POST', API.renew, RenewResponse, { itemBarcodes }, { bearer: patronToken, signal });
  }

  /** The whole e-book catalogue, or with `since` (the last `syncedAt`) what changed from then on. */
  /** A page of the catalogue: `after` is the previous page's `next` (null for the first). */
  ebookCatalogue(since: string | null, after: number | null, signal?: AbortSignal) {
    const query = new URLSearchParams();
    if (since !== null) query.set('since', since);
    if (after !== null) query.set('after', String(after));
    const path = query.size === 0 ? API.ebooks : `${API.ebooks}?${query}`;
    return this.call('GET', path, EbookCatalogueAnswer, undefined, { signal });
  }
  /** The QR code's address of a receipt on the phone for the patron's session (the hub lists the items). */
  issueReceipt(patronToken: string, language: Language, signal?: AbortSignal) {
    return this.call('POST', API.receipts, ReceiptIssued, { language }, { bearer: patronToken, signal });
  }
  /** `card` titles need the signed-in patron's token. */
  issueEbookTicket(ebookId: number, patronToken: string | null, signal?: AbortSignal) {
    return this.call('POST', ebookTicketsPath(ebookId), TicketIssued, {}, { bearer: patronToken, signal });
  }
  ebookTicketStatus(ticketId: number, signal?: AbortSignal) {
    return this.call('GET', ebookTicketPath(ticketId), TicketStatus, undefined, { signal });
  }
  async cancelEbookTicket(ticketId: number) {
    await this.call('DELETE', ebookTicketPath(ticketId), null, undefined, {});
  }

  protected async call<S extends z.core.$ZodType | null>(
    method: string,
    path: string,
    schema: S,
    body: unknown,
    options: CallOptions,
  ): Promise<S extends z.core.$ZodType ? z.infer<S> : undefined> {
    try {
      return await this.send(method, path, schema, body, options);
    } catch (error) {
      if (error instanceof HubError) this.options.onFailure?.(error.code);
      throw error;
    }
  }

  private async send<S extends z.core.$ZodType | null>(
    method: string,
    path: string,
    schema: S,
    body: unknown,
    { bearer, signal }: CallOptions,
  ): Promise<S extends z.core.$ZodType ? z.infer<S> : undefined> {
    const headers: Record<string, string> = {};
    const kioskToken = this.options.kioskToken();
    if (kioskToken) headers[KIOSK_TOKEN_HEADER] = kioskToken;
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    let payload: BodyInit | undefined;
    if (isFileBody(body)) {
      headers['content-type'] = body.file.type || 'application/octet-stream';
      headers[UPLOAD_NAME_HEADER] = encodeURIComponent(body.name);
      payload = body.file;
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }

    let response: Response;
    try {
      response = await this.fetchImpl(this.baseUrl + path, { method, headers, body: payload, signal });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new HubError('network.offline');
    }

    const answer: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
    if (!response.ok) {
      const parsed = ApiError.safeParse(answer);
      if (parsed.success) {
        const { code, attemptsLeft, lockedUntil, problems } = parsed.data.error;
        throw new HubError(code, { attemptsLeft, lockedUntil, problems });
      }
      throw new HubError(response.status === 429 ? 'rate.limited' : 'internal');
    }
    if (schema === null) return undefined as never;
    // A function, not a method: the admin panel passes schemas of classic zod too.
    const parsed = z.safeParse(schema, answer);
    if (!parsed.success) throw new HubError('internal');
    return parsed.data as never;
  }
}

function isFileBody(body: unknown): body is FileBody {
  return typeof body === 'object' && body !== null && 'file' in body && body.file instanceof Blob;
}
