/**
 * The embedded ILS's lending rules: defaults, overridable per library in settings ('circulation'),
 * and the pure decisions made from them.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { BlockReason } from '../../../shared/circulation/codes';
import { addDays } from '../../clock';
import { readSetting, writeSetting } from '../../settings/settings';

const count = z.number().int().min(0);
export const CirculationRules = z.object({
  loanPeriodDays: z.number().int().min(1).max(365),
  maxLoans: count,
  maxRenewals: count,
  /** A patron with an item overdue by more than this many days may not borrow or renew. */
  overdueBlockDays: count,
  /** Fines above this (minor units, fen) block borrowing. */
  finesLimitMinor: count,
  /** Sign-in limits, applied by the hub in front of any ILS (server/patron-sessions). */
  lockout: z.object({
    maxPinAttempts: z.number().int().min(1).max(100),
    lockoutMinutes: z.number().int().min(1).max(24 * 60),
    /** A card locked this many times within 24 hours stays locked for a day. */
    locksBeforeDayLock: z.number().int().min(1).max(100),
    /** At most so many failed sign-ins in any `throttleMinutes`, at one kiosk and from one network address. */
    throttleMinutes: z.number().int().min(1).max(24 * 60),
    maxFailuresPerKiosk: z.number().int().min(1).max(10_000),
    /** Kiosks behind one NAT share an address, so this is higher than the per-kiosk limit. */
    maxFailuresPerAddress: z.number().int().min(1).max(10_000),
  }),
});
export type CirculationRules = z.infer<typeof CirculationRules>;

export const DEFAULT_CIRCULATION_RULES: CirculationRules = {
  loanPeriodDays: 30,
  maxLoans: 10,
  maxRenewals: 2,
  overdueBlockDays: 30,
  finesLimitMinor: 5000,
  lockout: {
    maxPinAttempts: 5,
    lockoutMinutes: 15,
    locksBeforeDayLock: 3,
    throttleMinutes: 10,
    maxFailuresPerKiosk: 10,
    maxFailuresPerAddress: 30,
  },
};

const SETTING_KEY = 'circulation';
const StoredRules = CirculationRules.partial().extend({ lockout: CirculationRules.shape.lockout.partial().optional() });
export type CirculationRulesOverrides = z.infer<typeof StoredRules>;

/** The rules in force: the stored overrides on top of the defaults. */
export function loadCirculationRules(db: Database): CirculationRules {
  const stored = StoredRules.parse(readSetting(db, SETTING_KEY) ?? {});
  return {
    ...DEFAULT_CIRCULATION_RULES,
    ...stored,
    lockout: { ...DEFAULT_CIRCULATION_RULES.lockout, ...stored.lockout },
  };
}

export function saveCirculationRules(db: Database, overrides: CirculationRulesOverrides): void {
  writeSetting(db, SETTING_KEY, StoredRules.parse(overrides));
}

export interface PatronStanding {
  /** Last day the card is valid, YYYY-MM-DD (UTC). */
  expiresOn: string;
  finesMinor: number;
  manualBlock: boolean;
  openLoanDueDates: Date[];
}

export function patronBlocks(patron: PatronStanding, now: Date, rules: CirculationRules): BlockReason[] {
  const blocks: BlockReason[] = [];
  if (patron.expiresOn < now.toISOString().slice(0, 10)) blocks.push('cardExpired');
  const overdueLimit = addDays(now, -rules.overdueBlockDays);
  if (patron.openLoanDueDates.some((due) => due < overdueLimit)) blocks.push('overdue');
  if (patron.finesMinor > rules.finesLimitMinor) blocks.push('fines');
  if (patron.manualBlock) blocks.push('manual');
  return blocks;
}

export type BorrowDecision = { ok: true } | { ok: false; code: 'patron.blocked' | 'patron.limitReached' };

export function canBorrow(blocks: readonly BlockReason[], loanCount: number, rules: CirculationRules): BorrowDecision {
  if (blocks.length > 0) return { ok: false, code: 'patron.blocked' };
  if (loanCount >= rules.maxLoans) return { ok: false, code: 'patron.limitReached' };
  return { ok: true };
}

export function dueDateForCheckout(now: Date, rules: CirculationRules): Date {
  return addDays(now, rules.loanPeriodDays);
}

/** A renewal gives a full loan period from today, but never shortens a loan. */
export function dueDateForRenewal(currentDue: Date, now: Date, rules: CirculationRules): Date {
  const renewed = addDays(now, rules.loanPeriodDays);
  return renewed > currentDue ? renewed : currentDue;
}

export function renewalsLeft(renewals: number, rules: CirculationRules): number {
  return Math.max(0, rules.maxRenewals - renewals);
}
