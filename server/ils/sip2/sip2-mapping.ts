/**
 * SIP2 replies in the kiosk's terms: the patron status flags as the embedded ILS's block reasons,
 * check-in alerts as what staff do with the item, items as the port's Item.
 */
import type { IlsWords, Item } from '../../../shared/api/schemas';
import { BLOCK_REASONS, type BlockReason, type CheckinDisposition } from '../../../shared/circulation/codes';
import { ALERT_TYPE, type CheckinReply, type PatronStatusFlag, type ServerWords } from '../../../shared/sip2';

const BLOCK_OF_FLAG: Partial<Record<PatronStatusFlag, BlockReason>> = {
  tooManyItemsOverdue: 'overdue',
  recallOverdue: 'overdue',
  excessiveOutstandingFines: 'fines',
  excessiveOutstandingFees: 'fines',
  tooManyItemsBilled: 'fines',
  // SIP2 has no "expired" flag; too many lost or claimed items are a staff matter.
  cardReportedLost: 'cardLost',
  tooManyItemsLost: 'manual',
  tooManyClaimsOfItemsReturned: 'manual',
};

/**
 * Why the patron may not borrow. "Too many items charged" is no block (checkout answers
 * patron.limitReached, as the embedded ILS does); "charge privileges denied" with no flag that
 * says why is a block staff have to explain (an expired card, usually).
 */
export function blocksOf(flags: ReadonlySet<PatronStatusFlag>): BlockReason[] {
  const blocks = new Set<BlockReason>();
  for (const flag of flags) {
    const block = BLOCK_OF_FLAG[flag];
    if (block) blocks.add(block);
  }
  if (flags.has('chargePrivilegesDenied') && blocks.size === 0 && !flags.has('tooManyItemsCharged')) blocks.add('manual');
  return BLOCK_REASONS.filter((block) => blocks.has(block));
}

/** Hold alerts and transits both mean "put it aside, don't shelve it"; the sort bin says where. */
export function dispositionOf(reply: CheckinReply): CheckinDisposition {
  const heldOrInTransit: string[] = [ALERT_TYPE.localHold, ALERT_TYPE.remoteHold, ALERT_TYPE.illTransit, ALERT_TYPE.transit];
  if (reply.holdPatronId) return 'hold';
  return reply.alert && reply.alertType !== null && heldOrInTransit.includes(reply.alertType) ? 'hold' : 'shelf';
}

/** SIP2 tells the title and, from some servers, the call number; author, ISBN and cover it does not. */
export function itemOf(barcode: string, title: string | null, callNumber: string | null = null): Item {
  return { barcode, title: title ?? '', author: '', isbn: null, callNumber, coverUrl: null };
}

/** The ILS's own words for the patron (AF screen messages, AG print lines), shown as sent beside our translated text. */
export function wordsOf(words: ServerWords): IlsWords {
  const text = words.screenMessages.join(' ').trim();
  return { ...(text ? { screenMessage: text } : {}), ...(words.printLines.length > 0 ? { printLines: words.printLines } : {}) };
}

/** BV is in the currency's major unit ("12.50" yuan); the hub counts fen. */
export function minorUnits(amount: number | null): number {
  return amount === null ? 0 : Math.max(0, Math.round(amount * 100));
}
