/** Readers for what a SIP2 server answers, in plain values. Dates stay SIP2 text (parseSipDate). */
import { fieldOf, fieldsOf } from './codec';
import { FIELD, PATRON_STATUS_FLAGS, type AnySip2Message, type PatronStatusFlag, type Sip2Message } from './messages';

const yes = (flag: string | undefined) => flag === 'Y' || flag === '1';
/** Y/N fields a server may leave out: null then. */
const yesNo = (value: string | undefined) => (value === undefined ? null : yes(value.trim().toUpperCase()));
const count = (text: string | undefined) => {
  const value = Number.parseInt(text?.trim() ?? '', 10);
  return Number.isFinite(value) && value >= 0 ? value : null;
};
const text = (value: string | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/** What the server says to show or print, as sent (AF screen messages, AG print lines). */
export interface ServerWords {
  screenMessages: string[];
  printLines: string[];
}

function wordsOf(message: AnySip2Message): ServerWords {
  return {
    screenMessages: fieldsOf(message, FIELD.screenMessage).map((line) => line.trim()).filter(Boolean),
    printLines: fieldsOf(message, FIELD.printLine).map((line) => line.trim()).filter(Boolean),
  };
}

export const readLoginResponse = (message: Sip2Message<'94'>) => ({ ok: message.fixed.ok === '1' });

/** The names of the 16 positions of BX, supported messages. */
const SUPPORTED_MESSAGES = [
  'patronStatus', 'checkout', 'checkin', 'blockPatron', 'scAcsStatus', 'requestResend', 'login', 'patronInformation',
  'endPatronSession', 'feePaid', 'itemInformation', 'itemStatusUpdate', 'patronEnable', 'hold', 'renew', 'renewAll',
] as const;

export interface AcsStatus extends ServerWords {
  online: boolean;
  checkinOk: boolean;
  checkoutOk: boolean;
  renewalOk: boolean;
  offlineOk: boolean;
  /** How often the server lets us retry a message; null when it says "unknown" (999). */
  retriesAllowed: number | null;
  protocolVersion: string;
  institutionId: string | null;
  libraryName: string | null;
  supported: Partial<Record<(typeof SUPPORTED_MESSAGES)[number], boolean>>;
}

export function readAcsStatus(message: Sip2Message<'98'>): AcsStatus {
  const retries = count(message.fixed.retriesAllowed);
  const bx = fieldOf(message, FIELD.supportedMessages) ?? '';
  return {
    online: yes(message.fixed.onLine),
    checkinOk: yes(message.fixed.checkinOk),
    checkoutOk: yes(message.fixed.checkoutOk),
    renewalOk: yes(message.fixed.renewalPolicy),
    offlineOk: yes(message.fixed.offLineOk),
    retriesAllowed: retries === 999 ? null : retries,
    protocolVersion: message.fixed.protocolVersion.trim(),
    institutionId: text(fieldOf(message, FIELD.institutionId)),
    libraryName: text(fieldOf(message, FIELD.libraryName)),
    supported: Object.fromEntries(
      SUPPORTED_MESSAGES.flatMap((name, i) => (i < bx.length ? [[name, yes(bx[i])]] : [])),
    ),
    ...wordsOf(message),
  };
}

export interface PatronInformation extends ServerWords {
  flags: Set<PatronStatusFlag>;
  /** BL; null when the server leaves it out. */
  validPatron: boolean | null;
  /** CQ; null when the server leaves it out. */
  validPassword: boolean | null;
  personalName: string | null;
  holdItemsCount: number | null;
  overdueItemsCount: number | null;
  chargedItemsCount: number | null;
  chargedItemsLimit: number | null;
  /** BV, in the currency's major unit as sent ("12.50"); null when absent or not a number. */
  feeAmount: number | null;
  /** AU: the items asked for with the summary's "charged items". */
  chargedItems: string[];
}

const flagsOf = (status: string) =>
  new Set(PATRON_STATUS_FLAGS.filter((_flag, i) => yes(status[i]?.toUpperCase())));

export function readPatronInformation(message: Sip2Message<'64'> | Sip2Message<'24'>): PatronInformation {
  const fixed = message.fixed as Record<string, string>;
  const fee = Number.parseFloat(fieldOf(message, FIELD.feeAmount)?.trim() ?? '');
  return {
    flags: flagsOf(fixed.patronStatus ?? ''),
    validPatron: yesNo(fieldOf(message, FIELD.validPatron)),
    validPassword: yesNo(fieldOf(message, FIELD.validPatronPassword)),
    personalName: text(fieldOf(message, FIELD.personalName)),
    holdItemsCount: count(fixed.holdItemsCount),
    overdueItemsCount: count(fixed.overdueItemsCount),
    chargedItemsCount: count(fixed.chargedItemsCount),
    chargedItemsLimit: count(fieldOf(message, FIELD.chargedItemsLimit)),
    feeAmount: Number.isFinite(fee) ? fee : null,
    chargedItems: fieldsOf(message, FIELD.chargedItems).map((id) => id.trim()).filter(Boolean),
    ...wordsOf(message),
  };
}

export interface CirculationReply extends ServerWords {
  ok: boolean;
  itemId: string | null;
  title: string | null;
  dueDate: string | null;
  patronId: string | null;
}

/** 12 Checkout and 30 Renew share their layout. */
export function readCirculationReply(message: Sip2Message<'12'> | Sip2Message<'30'>): CirculationReply {
  return {
    ok: message.fixed.ok === '1',
    itemId: text(fieldOf(message, FIELD.itemId)),
    title: text(fieldOf(message, FIELD.titleId)),
    dueDate: text(fieldOf(message, FIELD.dueDate)),
    patronId: text(fieldOf(message, FIELD.patronId)),
    ...wordsOf(message),
  };
}

export interface CheckinReply extends ServerWords {
  ok: boolean;
  alert: boolean;
  alertType: string | null;
  itemId: string | null;
  title: string | null;
  patronId: string | null;
  sortBin: string | null;
  holdPatronId: string | null;
  destinationLocation: string | null;
  callNumber: string | null;
}

export function readCheckinReply(message: Sip2Message<'10'>): CheckinReply {
  return {
    ok: message.fixed.ok === '1',
    alert: yes(message.fixed.alert),
    alertType: text(fieldOf(message, FIELD.alertType)),
    itemId: text(fieldOf(message, FIELD.itemId)),
    title: text(fieldOf(message, FIELD.titleId)),
    patronId: text(fieldOf(message, FIELD.patronId)),
    sortBin: text(fieldOf(message, FIELD.sortBin)),
    holdPatronId: text(fieldOf(message, FIELD.holdPatronId)),
    destinationLocation: text(fieldOf(message, FIELD.destinationLocation)),
    callNumber: text(fieldOf(message, FIELD.callNumber)),
    ...wordsOf(message),
  };
}

export interface ItemInformation extends ServerWords {
  circulationStatus: string;
  itemId: string | null;
  title: string | null;
  dueDate: string | null;
  holdQueueLength: number | null;
  callNumber: string | null;
}

export function readItemInformation(message: Sip2Message<'18'>): ItemInformation {
  return {
    circulationStatus: message.fixed.circulationStatus,
    itemId: text(fieldOf(message, FIELD.itemId)),
    title: text(fieldOf(message, FIELD.titleId)),
    dueDate: text(fieldOf(message, FIELD.dueDate)),
    holdQueueLength: count(fieldOf(message, FIELD.holdQueueLength)),
    callNumber: text(fieldOf(message, FIELD.callNumber)),
    ...wordsOf(message),
  };
}

export function readRenewAllReply(message: Sip2Message<'66'>) {
  return {
    ok: message.fixed.ok === '1',
    renewed: fieldsOf(message, FIELD.renewedItems).map((id) => id.trim()).filter(Boolean),
    unrenewed: fieldsOf(message, FIELD.unrenewedItems).map((id) => id.trim()).filter(Boolean),
    ...wordsOf(message),
  };
}

export const readEndSessionReply = (message: Sip2Message<'36'>) => ({ ended: yes(message.fixed.endSession), ...wordsOf(message) });
