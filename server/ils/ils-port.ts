/**
 * The port between the hub and a library's integrated library system (ILS).
 *
 * Two adapters implement it: the embedded ILS over the hub's own SQLite database (the default),
 * and a SIP2 client for Koha, Evergreen, FOLIO or Interlib (a later issue). The operations follow
 * SIP2's messages so that both adapters mean the same thing:
 *   authenticatePatron ~ 63/64 Patron Information (valid patron BL, valid password CQ)
 *   patronStatus       ~ 63/64 with the charged-items summary
 *   itemInfo           ~ 17/18 Item Information
 *   checkout           ~ 11/12 Checkout,  checkin ~ 09/10 Checkin,  renew ~ 29/30 Renew
 *   endSession         ~ 35/36 End Patron Session
 * Results never throw for a business refusal: they return { ok: false, code }. They throw
 * IlsUnavailableError when the ILS cannot be reached, and the hub answers `ils.unavailable`.
 */
import type { BlockReason, CheckinDisposition, RefusalCode } from '../../shared/circulation/codes';
import type { IlsWords, Item, Loan, PatronSummary } from '../../shared/api/schemas';

export class IlsUnavailableError extends Error {
  override name = 'IlsUnavailableError';
}

/** Thrown for what this ILS cannot do; `code` is what the kiosk is told (the hub answers 409). */
export class IlsUnsupportedError extends Error {
  override name = 'IlsUnsupportedError';
  constructor(readonly code: Extract<RefusalCode, 'pin.changeAtDesk'>) {
    super(`the ILS cannot do this (${code})`);
  }
}

/** Who asked, for the transaction log and for SIP2's institution / terminal fields. */
export interface CirculationContext {
  kioskId: string;
  now: Date;
}

export type AuthenticateResult =
  | { ok: true; pinChangeRequired: boolean }
  | { ok: false; code: Extract<RefusalCode, 'card.unknown' | 'pin.wrong' | 'pin.notSet'> };

export type PatronStatusResult = PatronSummary & { loans: Loan[] };

/** Outcomes may carry the ILS's own words (SIP2 AF, AG) for the patron; the embedded ILS has none. */
export type CheckoutOutcome = IlsWords &
  ({ ok: true; item: Item; dueAt: Date } | { ok: false; code: RefusalCode; item: Item | null; blocks?: BlockReason[] });

export type CheckinOutcome = IlsWords &
  (
    | { ok: true; item: Item; disposition: CheckinDisposition; wasOverdue: boolean; patronCard: string | null; sortBin?: string }
    | { ok: false; code: RefusalCode; item: Item | null }
  );

export type RenewOutcome = IlsWords & ({ ok: true; item: Item; dueAt: Date } | { ok: false; code: RefusalCode; item: Item | null });

/**
 * An offline checkout replayed under SIP2's "no block" rule: lent as made, whatever stands in its way now;
 * `conflict` names what did (the item was on loan to someone else, the patron blocked...) for staff.
 */
export type OfflineCheckoutOutcome =
  | { ok: true; item: Item; conflict: RefusalCode | null }
  | { ok: false; code: RefusalCode; item: Item | null };

export interface IlsPort {
  /** false: PINs are changed at the desk (SIP2 has no message for it), so the hub never forces a change. */
  readonly canChangePin: boolean;
  /** digits: the embedded ILS's 4–8 digit PINs; printable: the ILS checks PINs of its own (SIP2, letters too). */
  readonly pinFormat: 'digits' | 'printable';
  /** Checks card and PIN. Lockout after repeated wrong PINs is the hub's job, not the adapter's. */
  authenticatePatron(cardNumber: string, pin: string, ctx: CirculationContext): Promise<AuthenticateResult>;
  /** Sets a new PIN (already checked for strength by the hub) and clears "must change PIN". */
  changePin(cardNumber: string, newPin: string, ctx: CirculationContext): Promise<void>;
  patronStatus(cardNumber: string, ctx: CirculationContext): Promise<PatronStatusResult | null>;
  itemInfo(barcode: string, ctx: CirculationContext): Promise<Item | null>;
  checkout(cardNumber: string, barcode: string, ctx: CirculationContext): Promise<CheckoutOutcome>;
  checkin(barcode: string, ctx: CirculationContext): Promise<CheckinOutcome>;
  /** Renews one item on the patron's account. */
  renew(cardNumber: string, barcode: string, ctx: CirculationContext): Promise<RenewOutcome>;
  /**
   * Optional: lends as of `occurredAt` until `dueAt` under the "no block" rule (an ILS without it
   * replays offline checkouts as ordinary ones, refusals and all).
   */
  offlineCheckout?(cardNumber: string, barcode: string, loan: { occurredAt: Date; dueAt: Date }): Promise<OfflineCheckoutOutcome>;
  /**
   * Optional: returns as of `ctx.now` (when it happened) under the "no block" rule (an ILS without it
   * replays offline returns as ordinary ones at that time).
   */
  offlineCheckin?(barcode: string, ctx: CirculationContext): Promise<CheckinOutcome>;
  /** Barcodes of everything the patron has on loan (for "renew all"). */
  loanedBarcodes(cardNumber: string, ctx: CirculationContext): Promise<string[]>;
  endSession(cardNumber: string, ctx: CirculationContext): Promise<void>;
  /** Lets go of connections the adapter holds; the hub calls it when it stops. */
  close?(): Promise<void>;
}
