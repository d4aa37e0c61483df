/**
 * Machine-readable outcome codes shared by the hub and the apps. The hub never sends
 * patron-facing text of its own (except an ILS "screen message", which SIP2 servers
 * send); the apps translate these codes into the patron's language.
 */
import { EBOOK_UPLOAD_REFUSALS, STAFF_EBOOK_REFUSALS, TICKET_ISSUE_REFUSALS } from '../ebooks/codes';
import { STAFF_ACCOUNT_REFUSALS } from '../staff/staff-codes';
import { PATRON_CARE_REFUSALS } from '../patrons/codes';
import { STATISTICS_REFUSALS } from '../statistics/codes';
import { FLEET_STAFF_REFUSALS, PAIRING_REFUSALS } from '../fleet/codes';
import { IMPORT_REFUSALS } from '../import/codes';

/** Codes only the admin panel receives; their translations (shared/i18n/staff-*.ts) stay out of the kiosk. */
export const STAFF_ONLY_REFUSALS = [
  'staff.invalidCredentials',
  /** An offline transaction the hub did not replay: the SIP2 server's 98 says it takes no offline transactions. */
  'ils.offlineNotAllowed',
  /** The Library system page's settings break a rule: `problems` says which and why. */
  'ils.invalid',
  ...STAFF_ACCOUNT_REFUSALS,
  ...STAFF_EBOOK_REFUSALS,
  ...EBOOK_UPLOAD_REFUSALS,
  ...STATISTICS_REFUSALS,
  ...PATRON_CARE_REFUSALS,
  ...FLEET_STAFF_REFUSALS,
  ...IMPORT_REFUSALS,
] as const;
export type StaffOnlyRefusal = (typeof STAFF_ONLY_REFUSALS)[number];

export const REFUSAL_CODES = [
  // signing in
  'card.unknown',
  'card.locked',
  'pin.wrong',
  'pin.weak',
  'pin.changeRequired',
  /** The ILS cannot change PINs at a kiosk (SIP2): the patron changes it at the desk. */
  'pin.changeAtDesk',
  /** A card imported without a PIN (server/import): staff must set one before it signs in at a kiosk. */
  'pin.notSet',
  /** Too many failed sign-ins at this kiosk or from its network address just now. */
  'signIn.throttled',
  // patron blocks (may return, may not borrow or renew)
  'patron.blocked',
  'patron.limitReached',
  // items
  'item.unknown',
  'item.onLoanToOther',
  'item.alreadyOnLoanToYou',
  'item.reservedForOther',
  'item.notForLoan',
  'item.notOnLoan',
  // renewals
  'renew.limitReached',
  'renew.onHold',
  'renew.notOnLoanToYou',
  // e-book download tickets at the kiosk (shared/ebooks/codes.ts), and one the hub no longer knows
  ...TICKET_ISSUE_REFUSALS,
  'ticket.unknown',
  // a receipt on the phone for a session that borrowed and renewed nothing still on loan
  'receipt.empty',
  // a kiosk's pairing screen (shared/fleet/codes.ts)
  ...PAIRING_REFUSALS,
  // staff only: sign-in, curating the e-book collection
  ...STAFF_ONLY_REFUSALS,
  // transport and protocol
  'session.expired',
  'kiosk.unknown',
  'request.invalid',
  'request.foreignOrigin',
  /** A PIN, password or token sent over plain HTTP from the LAN while the hub serves HTTPS. */
  'request.httpsRequired',
  'rate.limited',
  'ils.unavailable',
  'network.offline',
  'internal',
] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];

export function isStaffOnlyRefusal(code: RefusalCode): code is StaffOnlyRefusal {
  return (STAFF_ONLY_REFUSALS as readonly RefusalCode[]).includes(code);
}

/** Why a patron may not borrow. Mirrors the SIP2 patron status flags we act on. */
export const BLOCK_REASONS = ['cardExpired', 'cardLost', 'overdue', 'fines', 'manual'] as const;
export type BlockReason = (typeof BLOCK_REASONS)[number];

/** What staff should do with an item that has just been returned. */
export const CHECKIN_DISPOSITIONS = ['shelf', 'hold'] as const;
export type CheckinDisposition = (typeof CHECKIN_DISPOSITIONS)[number];
