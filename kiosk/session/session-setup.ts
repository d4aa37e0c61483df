/**
 * The session machine's vocabulary: its events, tags, timeouts, and the actors, actions and
 * guards its states name (see session-machine.ts for the states themselves). All I/O is
 * injected: hub calls and printing are promise actors, sound is the `playCue` action.
 */
import { and, type AnyEventObject, assertEvent, assign, enqueueActions, fromCallback, fromPromise, not, setup, stateIn } from 'xstate';
import type {
  CheckinResult,
  CheckoutResult,
  OfflineTransaction,
  PatronStatus,
  PatronSummary,
  RenewResponse,
  SignInResponse,
} from '../../shared/api/schemas';
import { acceptedScan, type ScanRules } from '../../shared/barcodes';
import { isRefusal } from '../../shared/api/hub-client';
import type { RefusalCode } from '../../shared/circulation/codes';
import { isAcceptablePin, PIN_MAX_LENGTH, PIN_MIN_LENGTH } from '../../shared/circulation/pin-policy';
import { newRequestId } from '../../shared/request-id';
import type { CameraFailure, CameraPreview, CameraScanInput, CameraView } from '../scanning/camera/camera-types';
import type { EbooksMachine, EbooksParentEvent } from '../ebooks/ebooks-machine';
import { lazyLogic } from '../ebooks/lazy-logic';
import { offlineCardMayBorrow } from '../offline/offline-card';
import { mayQueueOffline } from '../offline/offline-transaction';
import { errorNotice, type Notice } from './notices';
import {
  alreadyScanned,
  checkinPatch,
  checkoutPatch,
  emptyPatronSession,
  hasDueDates,
  isEmptyReceipt,
  pendingRow,
  queuedPatch,
  receiptOf,
  refusal,
  refusedRow,
  renewalRow,
  summaryOf,
  updateRow,
} from './session-data';
import type {
  ChangePinInput,
  CheckinInput,
  CheckoutInput,
  Cue,
  OfflineCardInput,
  PatronInput,
  PhoneReceiptInput,
  Receipt,
  RenewInput,
  ScanList,
  SessionContext,
  SessionInput,
  SignInInput,
} from './session-types';
import { notProvided, notProvidedCallback } from '../../shared/machines/not-provided';
import type { ReceiptIssued } from '../../shared/receipts/schemas';
import type { KioskConfig } from '../../shared/api/schemas';

/** The e-book section's machine without its actors, loaded on first use like the section itself. */
const unprovidedEbooks = lazyLogic<EbooksMachine>(() => import('../ebooks/ebooks-machine').then(({ ebooksMachine }) => ebooksMachine));

export type SessionEvent =
  | { type: 'activity' }
  | { type: 'language.toggled' }
  | { type: 'largeText.toggled' }
  | { type: 'borrow.chosen' }
  | { type: 'return.chosen' }
  | { type: 'loans.chosen' }
  | { type: 'home.chosen' }
  | { type: 'finish.chosen' }
  | { type: 'signIn.cancelled' }
  | { type: 'card.scanned'; code: string }
  | { type: 'item.scanned'; barcode: string }
  | { type: 'key.typed'; char: string }
  | { type: 'key.backspace' }
  | { type: 'key.clear' }
  | { type: 'key.enter' }
  | { type: 'loans.retried' }
  | { type: 'renew.requested'; barcode: string }
  | { type: 'renewAll.requested' }
  | { type: 'receipt.print' }
  | { type: 'receipt.skip' }
  | { type: 'receipt.phone' }
  | { type: 'receipt.phoneDone' }
  | { type: 'goodbye.dismissed' }
  | { type: 'idle.stillHere' }
  | { type: 'idle.expired' }
  | { type: 'ebooks.chosen' }
  | EbooksParentEvent
  | { type: 'camera.requested' }
  | { type: 'camera.dismissed' }
  | { type: 'camera.started'; preview: CameraPreview }
  | { type: 'camera.missing' }
  | { type: 'camera.failed'; reason: CameraFailure }
  | { type: 'camera.read' }
  /** The kiosk's profile changed at the hub (kiosk/fleet): applied on the attract screen, never mid-session. */
  | { type: 'config.changed'; config: KioskConfig }
  /** The hub became unreachable, or reachable again (kiosk/offline/connectivity-machine.ts). */
  | { type: 'connectivity.changed'; offline: boolean };

/** Tags the global key router reads: where keys go to a pad, where a scanner's code is a card or an item. */
export type SessionTag = 'keypad' | 'scan.card' | 'scan.item' | CameraTag;
/** Where the screen's camera is: offered, starting or live, or failed (see `cameraRegion`). */
export type CameraTag = 'camera.off' | 'camera.on' | 'camera.failed';

/** Every timeout of a session, in one place. */
export const Delays = {
  /** No touch or key this long (kiosk config, 60 s by default) opens the "still there?" dialog. */
  idleTimeout: ({ context }: { context: Pick<SessionContext, 'config'> }) => context.config.idleTimeoutSeconds * 1000,
  /** One step of that dialog's countdown (kiosk config `idleCountdownSeconds` steps, 20 by default). */
  countdownTick: 1000,
  /** How long the goodbye screen stays before the kiosk returns to attract. */
  goodbye: 6000,
  /** A checkout or return the hub has not answered in this long counts as the hub being unreachable. */
  hubDeadline: 5000,
};

interface EntryRule {
  allowed: RegExp;
  max: number;
}
export const CARD_ENTRY: EntryRule = { allowed: /^[A-Za-z0-9-]$/, max: 32 };
export const PIN_ENTRY: EntryRule = { allowed: /^\d$/, max: 8 };
/** A PIN the ILS keeps itself (shared/api/schemas.ts IlsPin). */
const ILS_PIN_ENTRY: EntryRule = { allowed: /^[!-{}~]$/, max: 32 };
export const NEW_PIN_ENTRY: EntryRule = { allowed: /^\d$/, max: PIN_MAX_LENGTH };

/** What the number pad's keys do on a screen that takes `rule`'s characters (Enter is the screen's own). */
export function padKeys(rule: EntryRule) {
  return {
    'key.typed': { actions: { type: 'typeKey', params: rule } },
    'key.backspace': { actions: 'eraseKey' },
    'key.clear': { actions: 'clearEntry' },
  } as const;
}

export const noCamera = (): CameraView => ({ preview: null, failure: null, reads: 0 });

export function head<T>(queue: T[]): T {
  const [first] = queue;
  if (first === undefined) throw new Error('invoked with an empty queue');
  return first;
}

/** A scan as the library's rules normalise it; guards have already refused what they do not accept. */
function scanValue(rules: ScanRules['card'], raw: string): string {
  return acceptedScan(rules, raw) ?? raw.trim();
}

/**
 * Where a hub call that finds the sign-in gone leads: the goodbye screen, which says so and ends
 * the session. Listed first in the `onError` of every call made with the patron's token.
 */
export const SESSION_EXPIRED = {
  guard: { type: 'refusedWith', params: ({ event }: { event: { error: unknown } }) => ({ error: event.error, codes: ['session.expired'] satisfies RefusalCode[] }) },
  target: '#session.flow.goodbye',
  actions: 'noteSessionExpired',
} as const;

/** Screens that need a patron are reachable only after sign-in; an empty token would get `session.expired`. */
export function tokenOf(context: SessionContext): string {
  return context.patronToken ?? '';
}

export const sessionSetup = setup({
  types: {
    context: {} as SessionContext,
    events: {} as SessionEvent,
    input: {} as SessionInput,
    tags: {} as SessionTag,
  },
  actors: {
    signIn: fromPromise<SignInResponse, SignInInput>(notProvided),
    changePin: fromPromise<{ patron: PatronSummary }, ChangePinInput>(notProvided),
    patronStatus: fromPromise<PatronStatus, PatronInput>(notProvided),
    checkout: fromPromise<CheckoutResult, CheckoutInput>(notProvided),
    checkin: fromPromise<CheckinResult, CheckinInput>(notProvided),
    renew: fromPromise<RenewResponse, RenewInput>(notProvided),
    /** Writes a transaction to the outbox (strict durability) and resolves with it; rejects past the card's offline limit. */
    queueOffline: fromPromise<OfflineTransaction, OfflineTransaction>(notProvided),
    /**
     * True when the hub is still out of reach, asked at once unless an outage was seen within `maxAgeMs`
     * (kiosk/offline/confirm-offline.ts): the kiosk may have missed the hub coming back for up to 30 s.
     */
    confirmOffline: fromPromise<boolean, { maxAgeMs: number }>(notProvided),
    /** Whether a card may borrow while the hub is down: the hashed blocked and expired cards it last sent. No I/O. */
    checkOfflineCard: fromPromise<boolean, OfflineCardInput>(({ input }) => offlineCardMayBorrow(input.policy, input.cardNumber)),
    /** Fire and forget: the hub also expires abandoned sessions on its own. */
    signOut: fromPromise<void, PatronInput>(notProvided),
    printReceipt: fromPromise<void, Receipt>(notProvided),
    /** The hub's receipt ticket for the phone: a QR code's address, valid 14 days. */
    issuePhoneReceipt: fromPromise<ReceiptIssued, PhoneReceiptInput>(notProvided),
    /** Loads the e-book section's code (kiosk/ebooks/ebook-section.ts), before `ebooks` is invoked. */
    loadEbooks: fromPromise<void>(() => unprovidedEbooks.load()),
    /** The e-book section; provide it with its own actors: `ebooksMachine.provide(...)` (or ebook-section.ts's). */
    ebooks: unprovidedEbooks.logic,
    /** Opens the camera on start and closes it on stop; sends card.scanned / item.scanned as a USB scanner does. */
    cameraScanner: fromCallback<AnyEventObject, CameraScanInput>(notProvidedCallback),
  },
  delays: Delays,
  actions: {
    /** Injected: plays the cue when the kiosk config has sound on. */
    playCue: (_, _params: { cue: Cue }) => {},

    toggleLanguage: assign({ language: ({ context }) => (context.language === 'zh-CN' ? 'en' : 'zh-CN') }),
    toggleLargeText: assign({ largeText: ({ context }) => !context.largeText }),
    resetKiosk: assign(({ context }) => ({ language: context.defaultLanguage, largeText: false, summary: null, ebookToResume: null })),
    keepEbookToResume: assign(({ event }) => {
      assertEvent(event, 'ebooks.signInRequired');
      return { ebookToResume: event.ebookId };
    }),
    forgetEbookToResume: assign({ ebookToResume: null }),
    keepConfigForLater: assign(({ event }) => {
      assertEvent(event, 'config.changed');
      return { pendingConfig: event.config };
    }),
    /** The changed config, if any, now that nobody is using the kiosk; a `?lang=` the page was opened with stays. */
    applyConfig: assign(({ context, event }) => {
      const config = event.type === 'config.changed' ? event.config : context.pendingConfig;
      if (config === null) return {};
      const followsConfig = context.defaultLanguage === context.config.defaultLanguage;
      return {
        config,
        pendingConfig: null,
        defaultLanguage: followsConfig ? config.defaultLanguage : context.defaultLanguage,
        language: followsConfig ? config.defaultLanguage : context.language,
        secondsLeft: config.idleCountdownSeconds,
      };
    }),
    endSession: enqueueActions(({ context, enqueue }) => {
      if (context.patronToken !== null) {
        enqueue.spawnChild('signOut', { input: { patronToken: context.patronToken } });
      }
      enqueue.assign(emptyPatronSession());
    }),

    typeKey: assign(({ context, event }, rule: EntryRule) => {
      assertEvent(event, 'key.typed');
      // An ILS with PINs of its own (SIP2) may have letters in them: typed on a keyboard, never on the pad.
      const { allowed, max } = rule === PIN_ENTRY && context.config.pinFormat === 'printable' ? ILS_PIN_ENTRY : rule;
      const accepted = allowed.test(event.char) && context.entry.length < max;
      return { entry: accepted ? context.entry + event.char : context.entry };
    }),
    eraseKey: assign({ entry: ({ context }) => context.entry.slice(0, -1) }),
    clearEntry: assign({ entry: '' }),
    takeTypedCard: assign(({ context }) => ({ cardNumber: scanValue(context.config.scanRules.card, context.entry), entry: '' })),
    takeScannedCard: assign(({ context, event }) => {
      assertEvent(event, 'card.scanned');
      return { cardNumber: scanValue(context.config.scanRules.card, event.code), entry: '' };
    }),
    forgetCard: assign({ cardNumber: '' }),
    keepSignIn: assign((_, output: SignInResponse) => ({ patronToken: output.token, patron: output.patron })),
    signInOffline: assign({ offlineCard: true, notice: null }),
    /** The hub answered a check made before going offline: the normal, live way again. */
    noteHubBack: assign({ hubOffline: false }),
    noteConnectivity: assign(({ event }) => {
      assertEvent(event, 'connectivity.changed');
      return { hubOffline: event.offline };
    }),
    keepPatron: assign((_, patron: PatronSummary) => ({ patron })),
    holdNewPin: assign(({ context }) => ({ newPin: context.entry, entry: '', notice: null })),
    forgetNewPin: assign({ newPin: '', entry: '' }),

    showNotice: assign((_, notice: Notice) => ({ notice })),
    showError: assign(({ context }, { error }: { error: unknown }) => ({ notice: errorNotice(error, context.now()) })),
    clearNotice: assign({ notice: null }),

    queueScan: assign(({ context, event }, { list }: { list: ScanList }) => {
      assertEvent(event, 'item.scanned');
      const barcode = scanValue(context.config.scanRules.item, event.barcode);
      const id = newRequestId();
      // A refused item scanned again is tried afresh: its old row makes way for the new one.
      const rows = context[list].filter((row) => row.barcode !== barcode);
      return {
        [list]: [...rows, pendingRow(id, barcode)],
        queue: [...context.queue, { rowId: id, barcode }],
        notice: null,
      };
    }),
    refuseScan: assign(({ context, event }, { list, why }: { list: ScanList; why: Notice }) => {
      assertEvent(event, 'item.scanned');
      const barcode = scanValue(context.config.scanRules.item, event.barcode);
      const blocks = why.key === 'code.patron.blocked' ? (context.patron?.blocks ?? []) : [];
      const rows = context[list].filter((row) => row.barcode !== barcode);
      return { [list]: [...rows, refusedRow(newRequestId(), barcode, refusal(why, blocks))], notice: null };
    }),
    settleCheckout: assign(({ context }, result: CheckoutResult) => {
      const [done, ...queue] = context.queue;
      const patron = result.ok && context.patron ? { ...context.patron, loanCount: context.patron.loanCount + 1 } : context.patron;
      return { queue, patron, borrowed: updateRow(context.borrowed, done?.rowId, checkoutPatch(result, context.now())) };
    }),
    settleCheckin: assign(({ context }, result: CheckinResult) => {
      const [done, ...queue] = context.queue;
      return { queue, returned: updateRow(context.returned, done?.rowId, checkinPatch(result, context.now())) };
    }),
    settleQueued: assign(({ context }, { list, transaction }: { list: ScanList; transaction: OfflineTransaction }) => {
      const [done, ...queue] = context.queue;
      const dueAt = transaction.type === 'checkout' ? transaction.dueAt : null;
      return { queue, [list]: updateRow(context[list], done?.rowId, queuedPatch(dueAt)) };
    }),
    /** A loan past the card's offline limit, in a session signed in offline: nothing to ask the hub. */
    refuseOfflineLoan: assign(({ context }) => {
      const [done, ...queue] = context.queue;
      const why = refusal({ key: 'offline.limitReached', params: { max: context.config.offline.maxItemsPerCard } });
      return { queue, borrowed: updateRow(context.borrowed, done?.rowId, { status: 'refused', refusal: why }) };
    }),
    failScan: assign(({ context }, { list, error }: { list: ScanList; error: unknown }) => {
      const [done, ...queue] = context.queue;
      const patch = { status: 'refused' as const, refusal: refusal(errorNotice(error, context.now())) };
      return { queue, [list]: updateRow(context[list], done?.rowId, patch) };
    }),

    keepLoans: assign(({ context }, status: PatronStatus) => {
      const { loans, ...patron } = status;
      const renewedBefore = new Set(context.loans.filter((row) => row.renewed).map((row) => row.loan.item.barcode));
      return {
        patron,
        loans: loans.map((loan) => ({
          loan,
          status: 'ok' as const,
          renewed: renewedBefore.has(loan.item.barcode),
          refusal: null,
        })),
      };
    }),
    markRenewing: assign(({ context, event }) => {
      assertEvent(event, ['renew.requested', 'renewAll.requested']);
      const wanted = (barcode: string) => event.type === 'renewAll.requested' || barcode === event.barcode;
      return {
        loans: context.loans.map((row) =>
          wanted(row.loan.item.barcode) ? { ...row, status: 'pending' as const, refusal: null } : row,
        ),
      };
    }),
    settleRenewals: assign(({ context }, { results }: RenewResponse) => ({
      loans: context.loans.map((row) => (row.status === 'pending' ? renewalRow(row, results, context.now()) : row)),
    })),
    failRenewals: assign(({ context }, { error }: { error: unknown }) => {
      const why = refusal(errorNotice(error, context.now()));
      return {
        loans: context.loans.map((row) => (row.status === 'pending' ? { ...row, status: 'refused' as const, refusal: why } : row)),
      };
    }),

    notePrintFailed: assign({ printFailed: true }),
    keepPhoneReceipt: assign((_, phoneReceipt: ReceiptIssued) => ({ phoneReceipt })),
    forgetPhoneReceipt: assign({ phoneReceipt: null }),
    noteSessionExpired: assign({ sessionExpired: true }),
    summarise: assign(({ context }) => ({ summary: summaryOf(context) })),
    startCountdown: assign(({ context }) => ({ secondsLeft: context.config.idleCountdownSeconds })),
    tickCountdown: assign(({ context }) => ({ secondsLeft: context.secondsLeft - 1 })),

    showPreview: assign(({ context }, preview: CameraPreview) => ({ camera: { ...context.camera, preview } })),
    countRead: assign(({ context }) => ({ camera: { ...context.camera, reads: context.camera.reads + 1 } })),
    noteCameraFailure: assign((_, failure: CameraFailure) => ({ camera: { ...noCamera(), failure } })),
    forgetCamera: assign({ camera: noCamera }),
  },
  guards: {
    hasEntry: ({ context }) => context.entry.length > 0,
    pinComplete: ({ context }) => context.entry.length >= PIN_MIN_LENGTH,
    acceptablePin: ({ context }) => isAcceptablePin(context.entry),
    pinsMatch: ({ context }) => context.entry === context.newPin,
    // The library's own card and item patterns, as the camera uses them: a misread never reaches the hub.
    validCard: ({ context, event }) => event.type === 'card.scanned' && acceptedScan(context.config.scanRules.card, event.code) !== null,
    validTypedCard: ({ context }) => acceptedScan(context.config.scanRules.card, context.entry) !== null,
    validBarcode: ({ context, event }) =>
      event.type === 'item.scanned' && acceptedScan(context.config.scanRules.item, event.barcode) !== null,
    alreadyScanned: ({ context, event }, { list }: { list: ScanList }) =>
      event.type === 'item.scanned' && alreadyScanned(context[list], event.barcode.trim()),
    patronBlocked: ({ context }) => (context.patron?.blocks.length ?? 0) > 0,
    hasQueuedScan: ({ context }) => context.queue.length > 0,
    signedIn: ({ context }) => context.patron !== null || context.offlineCard,
    /** Signed in at the hub (not by card alone offline): what my loans and the phone receipt need. */
    signedInAtHub: ({ context }) => context.patronToken !== null,
    signedInOffline: ({ context }) => context.offlineCard,
    /** The hub is down and the profile lends offline: a card signs in without a PIN. */
    signsInOffline: ({ context }) => context.hubOffline && context.config.offline.borrowing,
    /** A hub call found the hub unreachable, and the profile lends offline. */
    lendsOfflineAfter: ({ context }, { error }: { error: unknown }) => isRefusal(error, 'network.offline') && context.config.offline.borrowing,
    hasLoans: ({ context }) => context.loans.length > 0,
    /** The hub could not be reached (or did not answer in time) and the offline policy allows queuing this scan. */
    queuesOffline: ({ context }, { list, error }: { list: ScanList; error: unknown }) =>
      (error === undefined || isRefusal(error, 'network.offline')) && mayQueueOffline(context, list),
    /** Known to be offline already (or signed in offline): straight to the outbox, without waiting for the hub. */
    queuesStraightOffline: ({ context }, { list }: { list: ScanList }) =>
      (context.hubOffline || context.offlineCard) && mayQueueOffline(context, list),
    refusedWith: (_, { error, codes }: { error: unknown; codes: readonly RefusalCode[] }) => isRefusal(error, ...codes),
    receiptIs: ({ context }, mode: SessionContext['config']['receipt']) => context.config.receipt === mode,
    /** 'always' prints without asking, but not a receipt with nothing on it. */
    printsUnasked: ({ context }) => context.config.receipt === 'always' && !isEmptyReceipt(receiptOf(context)),
    /** The profile offers the phone, and the session has due dates to put on it. */
    offersPhoneReceipt: ({ context }) => context.config.phoneReceipt && context.patronToken !== null && !context.hubOffline && hasDueDates(receiptOf(context)),
    lastSecond: ({ context }) => context.secondsLeft <= 1,
    patronOnScreen: and([not(stateIn({ flow: 'attract' })), not(stateIn({ flow: 'goodbye' }))]),
    cameraNamed: ({ context }) => context.config.cameraDeviceId !== null || context.config.cameraLabel !== null,
  },
});
