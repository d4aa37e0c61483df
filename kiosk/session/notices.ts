/** Turns hub outcomes into translatable notices: the kiosk never shows raw error text. */
import { HubError } from '../../shared/api/hub-client';
import { OfflineLimitReached } from '../offline/offline-transaction';
import { isStaffOnlyRefusal, type BlockReason, type RefusalCode } from '../../shared/circulation/codes';
import type { MessageKey, MessageParams } from '../../shared/i18n';

export interface Notice {
  key: MessageKey;
  params?: MessageParams;
}

/** The overdue threshold the `block.overdue` message quotes. */
const OVERDUE_BLOCK_DAYS = 30;

/** `now` (the session's clock) counts down a card lock. */
export function refusalNotice(code: RefusalCode, details: HubError['details'], now: number): Notice {
  switch (code) {
    case 'pin.wrong':
      return { key: 'code.pin.wrong', params: { attemptsLeft: details.attemptsLeft ?? 0 } };
    case 'card.locked': {
      const minutes = minutesUntil(details.lockedUntil, now);
      // A card locked for the day (repeated locks) reads in hours, not "1440 minutes".
      return minutes > 90 ? { key: 'code.card.lockedHours', params: { hours: Math.ceil(minutes / 60) } } : { key: 'code.card.locked', params: { minutes } };
    }
    default:
      // A staff-only code never reaches a kiosk; should one, it is not for the patron to read.
      return { key: isStaffOnlyRefusal(code) ? 'code.internal' : `code.${code}` };
  }
}

export function errorNotice(error: unknown, now: number): Notice {
  if (error instanceof OfflineLimitReached) return { key: 'offline.limitReached', params: { max: error.max } };
  return error instanceof HubError ? refusalNotice(error.code, error.details, now) : { key: 'code.internal' };
}

export function blockNotice(reason: BlockReason): Notice {
  return { key: `block.${reason}`, params: { days: OVERDUE_BLOCK_DAYS } };
}

/** Whole minutes left, rounded up so "0 minutes" is never shown while the card is still locked. */
function minutesUntil(iso: string | undefined, now: number): number {
  const millis = iso === undefined ? 0 : Date.parse(iso) - now;
  return Math.max(1, Math.ceil(millis / 60_000));
}
