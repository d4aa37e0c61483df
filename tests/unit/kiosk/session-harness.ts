/** A session machine wired to fake hub actors, a simulated clock and a cue recorder. */
import { expect, vi } from 'vitest';
import { DEMO_SCAN_RULES } from '../../../server/demo/demo-library';
import { type AnyEventObject, createActor, fromCallback, fromPromise, SimulatedClock } from 'xstate';
import type { CameraScanInput } from '../../../kiosk/scanning/camera/camera-types';
import { OfflinePolicy, type CheckinResult, type CheckoutResult, type Item, type KioskConfig, type Loan, type OfflineTransaction, type PatronStatus, type PatronSummary, type RenewResponse, type SignInResponse } from '../../../shared/api/schemas';
import { screenOf } from '../../../kiosk/session/screen';
import { sessionMachine } from '../../../kiosk/session/session-machine';
import { Delays, type SessionEvent } from '../../../kiosk/session/session-setup';
import type { ChangePinInput, CheckinInput, CheckoutInput, Cue, PatronInput, PhoneReceiptInput, Receipt, RenewInput, SignInInput } from '../../../kiosk/session/session-types';
import type { ReceiptIssued } from '../../../shared/receipts/schemas';

export const CONFIG: KioskConfig = {
  kioskId: 'kiosk-1',
  name: 'Front desk',
  mode: 'checkout',
  defaultLanguage: 'zh-CN',
  libraryName: { 'zh-CN': '城关图书馆', en: 'County Library' },
  idleTimeoutSeconds: 60,
  idleCountdownSeconds: 20,
  sound: true,
  receipt: 'ask',
  phoneReceipt: true,
  cameraDeviceId: null,
  // The demo library's rules: 2014… cards and 14-digit Codabar cards, 3901… items and ISBNs.
  scanRules: DEMO_SCAN_RULES,
  pinFormat: 'digits',
  offline: OfflinePolicy.parse({}),
  languageSwitch: true,
  cameraLabel: null,
  slides: [],
  logo: null,
  configVersion: 'v1',
};

export const CARD = '20140001';
export const PIN = '2580';
export const TOKEN = 'patron-token-'.padEnd(40, 'x');
export const DUE = '2026-12-25T12:00:00+08:00';
export const PHONE_RECEIPT: ReceiptIssued = { receiptUrl: `http://192.168.1.20:8080/r/${'r'.repeat(43)}`, expiresAt: '2026-12-09T10:00:00+08:00' };

export function patron(overrides: Partial<PatronSummary> = {}): PatronSummary {
  return { displayName: '小明', blocks: [], loanCount: 1, loanLimit: 10, holdsReady: 0, finesMinor: 0, ...overrides };
}

export function item(barcode: string, title = `Book ${barcode}`): Item {
  return { barcode, title, author: 'Author', isbn: null, callNumber: null, coverUrl: null };
}

export function loan(barcode: string, overrides: Partial<Loan> = {}): Loan {
  return {
    item: item(barcode),
    checkedOutAt: '2026-11-01T10:00:00+08:00',
    dueAt: '2026-12-01T10:00:00+08:00',
    overdue: false,
    renewals: 0,
    renewalsLeft: 2,
    ...overrides,
  };
}

export const signedIn = (summary = patron()): SignInResponse => ({ token: TOKEN, pinChangeRequired: false, patron: summary });

export { deferred } from '../support/deferred';

/** Lets promise actors settle (they resolve on the microtask queue, outside the simulated clock). */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The session's named delays as a kiosk profile makes them: tests advance the clock by these, never by literals. */
export function delays(config: KioskConfig = CONFIG) {
  return {
    idleTimeout: Delays.idleTimeout({ context: { config } }),
    countdownTick: Delays.countdownTick,
    /** The whole "still there?" countdown, one tick per second of it. */
    countdown: config.idleCountdownSeconds * Delays.countdownTick,
    goodbye: Delays.goodbye,
    hubDeadline: Delays.hubDeadline,
  };
}

export function startSession(options: { config?: Partial<KioskConfig>; language?: 'zh-CN' | 'en'; offline?: boolean } = {}) {
  const clock = new SimulatedClock();
  clock.set(Date.parse('2026-11-25T10:00:00+08:00'));
  const hub = {
    signIn: vi.fn(async (_: SignInInput): Promise<SignInResponse> => signedIn()),
    changePin: vi.fn(async (_: ChangePinInput): Promise<{ patron: PatronSummary }> => ({ patron: patron() })),
    patronStatus: vi.fn(async (_: PatronInput): Promise<PatronStatus> => ({ ...patron(), loans: [] })),
    checkout: vi.fn(async (input: CheckoutInput): Promise<CheckoutResult> => ({ ok: true, item: item(input.barcode), dueAt: DUE })),
    checkin: vi.fn(async (input: CheckinInput): Promise<CheckinResult> => ({
      ok: true,
      item: item(input.barcode),
      disposition: 'shelf',
      wasOverdue: false,
    })),
    renew: vi.fn(async (_: RenewInput): Promise<RenewResponse> => ({ results: [] })),
    signOut: vi.fn(async (_: PatronInput): Promise<void> => {}),
    printReceipt: vi.fn(async (_: Receipt): Promise<void> => {}),
    issuePhoneReceipt: vi.fn(async (_: PhoneReceiptInput): Promise<ReceiptIssued> => PHONE_RECEIPT),
    /** The outbox: a durable write, answered with what was queued. */
    queueOffline: vi.fn(async (transaction: OfflineTransaction): Promise<OfflineTransaction> => transaction),
    /** Asked before going the offline way: the hub is still down unless a test says otherwise. */
    confirmOffline: vi.fn(async (_: { maxAgeMs: number }): Promise<boolean> => true),
  };
  const cues: Cue[] = [];
  /** A stand-in camera scanner: counts how many run, and lets a test send what the real one would. */
  const camera = {
    running: 0,
    inputs: [] as CameraScanInput[],
    sendBack: (_: AnyEventObject): void => {
      throw new Error('no camera scanner running');
    },
  };
  const machine = sessionMachine.provide({
    actors: {
      signIn: fromPromise(({ input }) => hub.signIn(input)),
      changePin: fromPromise(({ input }) => hub.changePin(input)),
      patronStatus: fromPromise(({ input }) => hub.patronStatus(input)),
      checkout: fromPromise(({ input }) => hub.checkout(input)),
      checkin: fromPromise(({ input }) => hub.checkin(input)),
      renew: fromPromise(({ input }) => hub.renew(input)),
      signOut: fromPromise(({ input }) => hub.signOut(input)),
      printReceipt: fromPromise(({ input }) => hub.printReceipt(input)),
      issuePhoneReceipt: fromPromise(({ input }) => hub.issuePhoneReceipt(input)),
      queueOffline: fromPromise(({ input }) => hub.queueOffline(input)),
      confirmOffline: fromPromise(({ input }) => hub.confirmOffline(input)),
      cameraScanner: fromCallback<AnyEventObject, CameraScanInput>(({ input, sendBack }) => {
        camera.running += 1;
        camera.inputs.push(input);
        camera.sendBack = sendBack;
        return () => {
          camera.running -= 1;
        };
      }),
    },
    actions: { playCue: (_, { cue }) => void cues.push(cue) },
  });
  const config = { ...CONFIG, ...options.config };
  const actor = createActor(machine, {
    clock,
    input: { config, language: options.language, now: () => clock.now() },
  }).start();
  // Known to be down, as the connectivity machine tells it.
  if (options.offline) actor.send({ type: 'connectivity.changed', offline: true });

  const send = (event: SessionEvent) => actor.send(event);
  const session = {
    actor,
    clock,
    delays: delays(config),
    hub,
    cues,
    camera,
    send,
    screen: () => screenOf(actor.getSnapshot()),
    context: () => actor.getSnapshot().context,
    matches: (value: Parameters<ReturnType<typeof actor.getSnapshot>['matches']>[0]) => actor.getSnapshot().matches(value),
    type(text: string) {
      for (const char of text) send({ type: 'key.typed', char });
    },
    async signIn(card = CARD, pin = PIN) {
      send({ type: 'card.scanned', code: card });
      session.type(pin);
      send({ type: 'key.enter' });
      await settle();
    },
    async scan(barcode: string) {
      send({ type: 'item.scanned', barcode });
      await settle();
    },
    /** Advances the simulated clock one countdown tick at a time, as the countdown runs. */
    elapse(ms: number) {
      for (let left = ms; left > 0; left -= Delays.countdownTick) clock.increment(Math.min(Delays.countdownTick, left));
    },
  };
  return session;
}

type Session = ReturnType<typeof startSession>;

/** Signed in, on the borrow screen. */
export async function atBorrow() {
  const session = startSession();
  await session.signIn();
  session.send({ type: 'borrow.chosen' });
  expect(session.screen()).toBe('borrow');
  return session;
}

/** Signed in with the default PIN, on the forced PIN change. */
export async function atPinChange() {
  const session = startSession();
  session.hub.signIn.mockResolvedValueOnce({ token: TOKEN, pinChangeRequired: true, patron: null });
  await session.signIn(CARD, '123456');
  expect(session.screen()).toBe('pinChange');
  return session;
}

/** Types a new PIN (or its confirmation) on the PIN change pad and presses Enter. */
export function enterNewPin(session: Session, pin: string) {
  session.type(pin);
  session.send({ type: 'key.enter' });
}

/** Signed in, on my loans with two loans: B1 overdue, B2. */
export async function atLoans() {
  const session = startSession();
  await session.signIn();
  session.hub.patronStatus.mockResolvedValueOnce({ ...patron({ loanCount: 2 }), loans: [loan('B1', { overdue: true }), loan('B2')] });
  session.send({ type: 'loans.chosen' });
  await settle();
  expect(session.matches({ flow: { loans: 'ready' } })).toBe(true);
  return session;
}

/** Borrowed 39010001, then chose Finish (the kiosk profile's receipt setting decides what comes next). */
export async function atFinishAfterBorrowing(config: Partial<KioskConfig> = {}) {
  const session = startSession({ config });
  await session.signIn();
  session.send({ type: 'borrow.chosen' });
  await session.scan('39010001');
  session.send({ type: 'finish.chosen' });
  return session;
}
