/** The data a patron session holds, and the inputs of the I/O actors the machine invokes. */
import type { IlsWords, Item, KioskConfig, Language, Loan, PatronSummary } from '../../shared/api/schemas';
import type { CheckinDisposition } from '../../shared/circulation/codes';
import type { ReceiptIssued } from '../../shared/receipts/schemas';
import type { Notice } from './notices';
import type { CameraView } from '../scanning/camera/camera-types';

/** `read`: the camera read a code (a scanner's beep); the others tell how the hub answered. */
export type Cue = 'success' | 'refusal' | 'read';
export type ScanStatus = 'pending' | 'ok' | 'refused';

export interface Refusal {
  reason: Notice;
  blocks: Notice[];
  /** Free text from the ILS, shown beside our own translated reason. */
  screenMessage: string | null;
  /** The ILS's print lines (SIP2 AG), shown as sent. */
  printLines: string[];
}

/** One scanned item on the borrow or return screen. */
export interface ScanRow {
  /** Also the request id that makes the hub call idempotent. */
  id: string;
  barcode: string;
  status: ScanStatus;
  item: Item | null;
  /** Borrow only. */
  dueAt: string | null;
  /** Return only. */
  disposition: CheckinDisposition | null;
  /** Return only: where the ILS wants the item sorted (SIP2 CL), as sent. */
  sortBin: string | null;
  wasOverdue: boolean;
  /** What the ILS said about a lent or returned item (SIP2 AF, AG), shown as sent. */
  ilsWords: IlsWords;
  refusal: Refusal | null;
  /** Done while the hub was down: queued in the outbox, confirmed when the hub is back. */
  offline: boolean;
}

export type ScanList = 'borrowed' | 'returned';

export interface QueuedScan {
  rowId: string;
  barcode: string;
}

export interface LoanRow {
  loan: Loan;
  status: ScanStatus;
  renewed: boolean;
  /** What the ILS said about the renewal (SIP2 AF, AG), shown as sent. */
  ilsWords?: IlsWords;
  refusal: Refusal | null;
}

export interface GoodbyeSummary {
  borrowed: number;
  returned: number;
  renewed: number;
  printFailed: boolean;
  /** The hub had ended the sign-in (a restart, or its own idle limit): the patron signs in again. */
  sessionExpired: boolean;
}

export interface Receipt {
  libraryName: string;
  language: Language;
  borrowed: { title: string; dueAt: string }[];
  returned: { title: string }[];
  renewed: { title: string; dueAt: string }[];
  /** Something on it was recorded offline: the receipt says the hub will confirm it. */
  recordedOffline: boolean;
}

/** Everything about the current patron. All of it is wiped when the session ends. */
export interface PatronSession {
  /** Digits on the current pad: card number, PIN or new PIN. */
  entry: string;
  cardNumber: string;
  /** Signed in by card alone while the hub is down (no PIN can be checked): no patron token, no patron summary. */
  offlineCard: boolean;
  newPin: string;
  patronToken: string | null;
  patron: PatronSummary | null;
  borrowed: ScanRow[];
  returned: ScanRow[];
  loans: LoanRow[];
  /** Scans of the current screen waiting for the hub, oldest first. */
  queue: QueuedScan[];
  notice: Notice | null;
  printFailed: boolean;
  sessionExpired: boolean;
  /** The receipt QR code on the Finish screen; gone when the patron leaves that screen. */
  phoneReceipt: ReceiptIssued | null;
}

export interface SessionContext extends PatronSession {
  config: KioskConfig;
  /** A changed config that arrived during a session, applied when the kiosk is back on the attract screen. */
  pendingConfig: KioskConfig | null;
  /** The language the kiosk returns to after each session (`?lang=` or the kiosk config). */
  defaultLanguage: Language;
  language: Language;
  /** The hub cannot be reached (kiosk/offline/connectivity-machine.ts): every screen says so. */
  hubOffline: boolean;
  largeText: boolean;
  secondsLeft: number;
  camera: CameraView;
  /** Counts shown on the goodbye screen; no patron data. */
  summary: GoodbyeSummary | null;
  /** A `card` e-book the patron is signing in for; the e-book section reopens on it. */
  ebookToResume: number | null;
  now: () => number;
}

export interface SessionInput {
  config: KioskConfig;
  language?: Language;
  /** Wall clock for lock-out minutes; tests pass their simulated clock's. */
  now?: () => number;
}

export interface SignInInput { cardNumber: string; pin: string }
export interface ChangePinInput { patronToken: string; newPin: string }
export interface PatronInput { patronToken: string }
export interface CheckoutInput { patronToken: string; barcode: string; requestId: string }
export interface CheckinInput { patronToken: string | null; barcode: string; requestId: string }
export interface RenewInput { patronToken: string; barcodes: string[] }
export interface OfflineCardInput { policy: KioskConfig['offline']; cardNumber: string }
export interface PhoneReceiptInput { patronToken: string; language: Language }
