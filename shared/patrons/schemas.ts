/**
 * What the admin panel and the hub exchange about patrons of the embedded library: the search,
 * one patron's record (never the PIN or its hash) and the care actions. Validated on both sides.
 */
import { z } from 'zod/mini';
import { BLOCK_REASONS } from '../circulation/codes';

const IsoDateTime = z.iso.datetime({ offset: true });

/** At most this many patrons per page of a search. */
export const PATRON_PAGE_SIZE = 50;

/** A block reason, or a reason typed for a manual block, is at most this long. */
export const BLOCK_REASON_MAX_LENGTH = 200;

/** A card number as staff type or scan it (the hub's own patrons only). */
export const CardNumber = z.string().check(z.trim(), z.minLength(1), z.maxLength(64));

/** `q` is a card number (matched exactly) or part of a name (any case); without it, every patron by card number. */
export const PatronSearchQuery = z.object({
  q: z.optional(z.string().check(z.trim(), z.maxLength(64))),
  page: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100_000)), 1),
});
export type PatronSearchQuery = z.input<typeof PatronSearchQuery>;

export const PatronListEntry = z.object({
  cardNumber: z.string(),
  displayName: z.string(),
  fullName: z.string(),
  expiresOn: z.iso.date(),
});
export type PatronListEntry = z.infer<typeof PatronListEntry>;

export const PatronSearchPage = z.object({
  patrons: z.array(PatronListEntry),
  total: z.int().check(z.minimum(0)),
  page: z.int().check(z.minimum(1)),
  pageSize: z.int().check(z.positive()),
});
export type PatronSearchPage = z.infer<typeof PatronSearchPage>;

export const PatronLoanView = z.object({
  title: z.string(),
  barcode: z.string(),
  dueAt: IsoDateTime,
  overdue: z.boolean(),
});
export type PatronLoanView = z.infer<typeof PatronLoanView>;

/** `ready`: the item is on the hold shelf; `waiting`: it is still out on loan. */
export const PatronHoldView = z.object({
  title: z.string(),
  barcode: z.string(),
  placedAt: IsoDateTime,
  status: z.enum(['waiting', 'ready']),
});
export type PatronHoldView = z.infer<typeof PatronHoldView>;

/** The card's sign-in lock from wrong PINs; `dayLock` when repeated locks made it a day long. */
export const PatronLockState = z.object({
  locked: z.boolean(),
  lockedUntil: z.nullable(IsoDateTime),
  failedCount: z.int().check(z.minimum(0)),
  dayLock: z.boolean(),
});
export type PatronLockState = z.infer<typeof PatronLockState>;

export const PatronDetail = z.object({
  cardNumber: z.string(),
  displayName: z.string(),
  fullName: z.string(),
  /** From a patron import, when the library gave one. */
  category: z.nullable(z.string()),
  expiresOn: z.iso.date(),
  finesMinor: z.int().check(z.minimum(0)),
  /** The patron must choose a new PIN at the next sign-in. */
  pinChangeRequired: z.boolean(),
  /** The blocks the kiosk applies, computed by the embedded ILS. */
  blocks: z.array(z.enum(BLOCK_REASONS)),
  manualBlockReason: z.nullable(z.string()),
  loans: z.array(PatronLoanView),
  holds: z.array(PatronHoldView),
  lock: PatronLockState,
});
export type PatronDetail = z.infer<typeof PatronDetail>;

/** Staff type the new initial PIN, or leave it out and the hub makes one up. */
export const PinResetRequest = z.object({ pin: z.optional(z.string().check(z.maxLength(64))) });
export type PinResetRequest = z.infer<typeof PinResetRequest>;

/** The generated PIN is in this answer only: staff tell it to the patron, the hub keeps only its hash. */
export const PinResetDone = z.object({ patron: PatronDetail, generatedPin: z.nullable(z.string()) });
export type PinResetDone = z.infer<typeof PinResetDone>;

export const BlockRequest = z.object({ reason: z.string().check(z.maxLength(1000)) });
export type BlockRequest = z.infer<typeof BlockRequest>;

export const ExpiryChange = z.object({ expiresOn: z.string().check(z.maxLength(64)) });
export type ExpiryChange = z.infer<typeof ExpiryChange>;

/** A real calendar date YYYY-MM-DD from 2000 to 2100, the range a card's expiry may take. */
export function isExpiryDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  const year = Number(value.slice(0, 4));
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && year >= 2000 && year <= 2100;
}

/** The reason as it will be stored, or null when there is none worth storing. */
export function blockReasonOf(typed: string): string | null {
  const reason = typed.trim();
  return reason.length > 0 && reason.length <= BLOCK_REASON_MAX_LENGTH ? reason : null;
}
