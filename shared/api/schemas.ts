/**
 * The single source of truth for every shape that crosses the hub's API.
 * The hub validates requests with these schemas; the apps validate responses with them.
 */
import { z } from 'zod/mini';
import { DEFAULT_CARD_RULE, DEFAULT_ITEM_RULE, MAX_BARCODE_LENGTH, PRINTABLE_ASCII, ScanRules } from '../barcodes';
import { BLOCK_REASONS, CHECKIN_DISPOSITIONS, REFUSAL_CODES } from '../circulation/codes';
import { FieldProblem } from './field-problems';
import { ProfileImageId, Slide } from './kiosk-slides';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

// Barcodes and card numbers: what a scanner or a keypad can produce, and an ILS may hold (letters
// and punctuation too, e.g. Koha's `djfiander`). Per-library patterns (length, prefix, check digit)
// are applied on top of this by the kiosk's scan rules (shared/barcodes/rules.ts).
export const CardNumber = z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_BARCODE_LENGTH), z.regex(PRINTABLE_ASCII));
export const ItemBarcode = z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_BARCODE_LENGTH), z.regex(PRINTABLE_ASCII));
/** A PIN as the embedded ILS keeps it. */
export const Pin = z.string().check(z.regex(/^\d{4,8}$/));
/** A PIN an external ILS checks itself (SIP2's AD): it may hold letters. */
export const IlsPin = z.string().check(z.minLength(1), z.maxLength(32), z.regex(PRINTABLE_ASCII));
/** Client-generated id that makes a circulation request idempotent (a retried request is not doubled). */
export const RequestId = z.uuid();

export const RefusalCode = z.enum(REFUSAL_CODES);
export const BlockReason = z.enum(BLOCK_REASONS);
export const CheckinDisposition = z.enum(CHECKIN_DISPOSITIONS);
const IsoDateTime = z.iso.datetime({ offset: true });

// ---------- errors ----------
export const ApiError = z.object({
  error: z.object({
    code: RefusalCode,
    /** pin.wrong: how many tries remain before the card locks. */
    attemptsLeft: z.optional(z.int().check(z.minimum(0))),
    /** card.locked: when the lock ends. */
    lockedUntil: z.optional(IsoDateTime),
    /** profile.invalid: which fields, and why. */
    problems: z.optional(z.array(FieldProblem).check(z.maxLength(100))),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

// ---------- kiosk ----------
export const KIOSK_MODES = ['checkout', 'ebooks', 'both'] as const;
export type KioskMode = (typeof KIOSK_MODES)[number];
/** Whether a kiosk in this mode offers self-checkout (borrow and return). */
export const offersCheckout = (mode: KioskMode): boolean => mode !== 'ebooks';
/** Whether a kiosk in this mode offers the e-book section. */
export const offersEbooks = (mode: KioskMode): boolean => mode !== 'checkout';
/**
 * What the kiosk may do while the hub cannot be reached, sent with its config. Cards are checked
 * against `blockedCards`: SHA-256 hex of `cardHashSalt` + card number, never the card or a name.
 */
export const OFFLINE_ITEMS_PER_CARD = { min: 1, max: 50 } as const;
export const OfflinePolicy = z.object({
  returnsQueued: z._default(z.boolean(), true),
  borrowing: z._default(z.boolean(), false),
  /** Items one card may borrow in one offline period. */
  maxItemsPerCard: z._default(z.int().check(z.minimum(OFFLINE_ITEMS_PER_CARD.min), z.maximum(OFFLINE_ITEMS_PER_CARD.max)), 3),
  /** The circulation rules' loan period: an offline loan is due this many days from when it was made. */
  loanDays: z._default(z.int().check(z.minimum(1), z.maximum(365)), 30),
  cardHashSalt: z._default(z.string().check(z.maxLength(128)), ''),
  blockedCards: z._default(z.array(z.string().check(z.regex(/^[0-9a-f]{64}$/))).check(z.maxLength(200_000)), []),
});
export type OfflinePolicy = z.infer<typeof OfflinePolicy>;

export const KioskConfig = z.object({
  kioskId: z.string(),
  name: z.string(),
  mode: z.enum(KIOSK_MODES),
  defaultLanguage: Language,
  libraryName: z.object({ 'zh-CN': z.string(), en: z.string() }),
  idleTimeoutSeconds: z.int().check(z.minimum(10), z.maximum(3600)),
  idleCountdownSeconds: z.int().check(z.minimum(5), z.maximum(120)),
  sound: z.boolean(),
  /** Whether the kiosk offers the language switch (the kiosk profile). */
  languageSwitch: z._default(z.boolean(), true),
  receipt: z.enum(['ask', 'always', 'never']),
  /** Whether Finish offers "Receipt on my phone" (a QR code for the due dates) when there are due dates. */
  phoneReceipt: z._default(z.boolean(), true),
  /** The camera to scan with (MediaDeviceInfo.deviceId); null: none chosen, a button offers the default camera. */
  cameraDeviceId: z._default(z.nullable(z.string().check(z.minLength(1))), null),
  /** The profile's camera, by the label kiosks report; null: the patron taps "Use camera" for the default one. */
  cameraLabel: z._default(z.nullable(z.string().check(z.minLength(1))), null),
  /** The attract screen's slides (the kiosk profile). */
  slides: z._default(z.array(Slide), []),
  /** The library's logo on the attract screen (the kiosk profile), by routes.ts profileImagePath; null: none. */
  logo: z._default(z.nullable(ProfileImageId), null),
  /** Changes whenever the config does (not the offline card list): heartbeats answer the current one. */
  configVersion: z._default(z.string(), ''),
  /** The library's card and item patterns: scans that fail them never reach the hub. */
  scanRules: z._default(ScanRules, { card: DEFAULT_CARD_RULE, item: DEFAULT_ITEM_RULE }),
  /** The ILS's PINs: digits (the embedded ILS), or printable (SIP2: a keyboard may type letters; the pad stays digits). */
  pinFormat: z._default(z.enum(['digits', 'printable']), 'digits'),
  /** Store-and-forward while the hub is down (docs/offline.md). */
  offline: z._default(OfflinePolicy, () => OfflinePolicy.parse({})),
});
export type KioskConfig = z.infer<typeof KioskConfig>;

export const ClaimLocalResponse = z.object({ token: z.string().check(z.minLength(32)) });

/**
 * The ILS's own words (SIP2: AF screen messages, AG print lines), shown as sent beside our
 * translated text. The embedded ILS sends none.
 */
const IlsWordsFields = {
  screenMessage: z.optional(z.string()),
  printLines: z.optional(z.array(z.string())),
};
export const IlsWords = z.object(IlsWordsFields);
export type IlsWords = z.infer<typeof IlsWords>;

// ---------- items and patrons ----------
export const Item = z.object({
  barcode: ItemBarcode,
  title: z.string(),
  author: z.string(),
  isbn: z.nullable(z.string()),
  callNumber: z.nullable(z.string()),
  coverUrl: z.nullable(z.string()),
});
export type Item = z.infer<typeof Item>;

export const Loan = z.object({
  item: Item,
  checkedOutAt: IsoDateTime,
  dueAt: IsoDateTime,
  overdue: z.boolean(),
  renewals: z.int().check(z.minimum(0)),
  renewalsLeft: z.int().check(z.minimum(0)),
});
export type Loan = z.infer<typeof Loan>;

export const PatronSummary = z.object({
  /** What the kiosk greets the patron with: given name only, never the card number. */
  displayName: z.string(),
  blocks: z.array(BlockReason),
  loanCount: z.int().check(z.minimum(0)),
  loanLimit: z.int().check(z.minimum(0)),
  holdsReady: z.int().check(z.minimum(0)),
  /** Outstanding fines in the library's currency, minor units (fen). */
  finesMinor: z.int().check(z.minimum(0)),
  /** What the ILS says to this patron (SIP2 AF), as sent. */
  screenMessage: z.optional(z.string()),
});
export type PatronSummary = z.infer<typeof PatronSummary>;

export const PatronStatus = z.extend(PatronSummary, { loans: z.array(Loan) });
export type PatronStatus = z.infer<typeof PatronStatus>;

// ---------- patron session ----------
export const SignInRequest = z.object({ cardNumber: CardNumber, pin: Pin });
export type SignInRequest = z.infer<typeof SignInRequest>;
/** Sign-in where the ILS checks PINs of its own format (IlsPort.pinFormat 'printable'). */
export const IlsSignInRequest = z.extend(SignInRequest, { pin: IlsPin });
export const SignInResponse = z.object({
  token: z.string().check(z.minLength(32)),
  /** When true the token is good only for POST /api/session/pin. */
  pinChangeRequired: z.boolean(),
  patron: z.nullable(PatronSummary),
});
export type SignInResponse = z.infer<typeof SignInResponse>;

export const ChangePinRequest = z.object({ newPin: Pin });
export const ChangePinResponse = z.object({ patron: PatronSummary });

// ---------- circulation ----------
export const CheckoutRequest = z.object({ itemBarcode: ItemBarcode, requestId: RequestId });
export type CheckoutRequest = z.infer<typeof CheckoutRequest>;
export const CheckoutResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), item: Item, dueAt: IsoDateTime, ...IlsWordsFields }),
  z.object({
    ok: z.literal(false),
    code: RefusalCode,
    item: z.nullable(Item),
    blocks: z.optional(z.array(BlockReason)),
    ...IlsWordsFields,
  }),
]);
export type CheckoutResult = z.infer<typeof CheckoutResult>;

export const CheckinRequest = z.object({ itemBarcode: ItemBarcode, requestId: RequestId });
export type CheckinRequest = z.infer<typeof CheckinRequest>;
export const CheckinResult = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    item: Item,
    disposition: CheckinDisposition,
    wasOverdue: z.boolean(),
    /** Where the ILS wants the item sorted (SIP2 CL), as sent. */
    sortBin: z.optional(z.string()),
    ...IlsWordsFields,
  }),
  z.object({ ok: z.literal(false), code: RefusalCode, item: z.nullable(Item), ...IlsWordsFields }),
]);
export type CheckinResult = z.infer<typeof CheckinResult>;

export const RenewRequest = z.object({
  /** Empty means "renew everything I have". */
  itemBarcodes: z.array(ItemBarcode).check(z.maxLength(50)),
});
export type RenewRequest = z.infer<typeof RenewRequest>;
export const RenewOutcome = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), item: Item, dueAt: IsoDateTime, ...IlsWordsFields }),
  z.object({ ok: z.literal(false), code: RefusalCode, item: z.nullable(Item), itemBarcode: ItemBarcode, ...IlsWordsFields }),
]);
export type RenewOutcome = z.infer<typeof RenewOutcome>;
export const RenewResponse = z.object({ results: z.array(RenewOutcome) });
export type RenewResponse = z.infer<typeof RenewResponse>;

// ---------- offline (store-and-forward, docs/offline.md) ----------
/** One transaction made while the hub was down, replayed from the kiosk's outbox with its original time. */
export const OfflineTransaction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('checkin'), requestId: RequestId, itemBarcode: ItemBarcode, occurredAt: IsoDateTime }),
  z.object({
    type: z.literal('checkout'),
    requestId: RequestId,
    itemBarcode: ItemBarcode,
    cardNumber: CardNumber,
    occurredAt: IsoDateTime,
    dueAt: IsoDateTime,
  }),
]);
export type OfflineTransaction = z.infer<typeof OfflineTransaction>;

/** applied: done as made; conflict: done under the "no block" rule, staff should look; refused: not done. */
export const OFFLINE_OUTCOMES = ['applied', 'conflict', 'refused'] as const;
export type OfflineOutcome = (typeof OFFLINE_OUTCOMES)[number];
export const OfflineReplayResult = z.object({
  requestId: RequestId,
  outcome: z.enum(OFFLINE_OUTCOMES),
  /** What conflicted or why it was refused. */
  code: z.nullable(RefusalCode),
});
export type OfflineReplayResult = z.infer<typeof OfflineReplayResult>;

/** Transactions per request: a kiosk back online sends its outbox, oldest first, this many at a time. */
export const OFFLINE_BATCH_MAX = 100;
/** Applied in order, each once under its own id; `results[i]` answers `transactions[i]`. */
export const OfflineBatch = z.object({ transactions: z.array(OfflineTransaction).check(z.minLength(1), z.maxLength(OFFLINE_BATCH_MAX)) });
export type OfflineBatch = z.infer<typeof OfflineBatch>;
export const OfflineBatchAnswer = z.object({ results: z.array(OfflineReplayResult).check(z.maxLength(OFFLINE_BATCH_MAX)) });
export type OfflineBatchAnswer = z.infer<typeof OfflineBatchAnswer>;

// ---------- staff ----------
export const StaffLoginRequest = z.object({
  username: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
  password: z.string().check(z.minLength(1), z.maxLength(256)),
});
// The answer, and the rest of the staff API, are in staff-schemas.ts.

export const Health = z.object({ status: z.literal('ok'), version: z.string(), uptimeSeconds: z.number() });
