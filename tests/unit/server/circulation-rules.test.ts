import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../server/clock';
import { migrate } from '../../../server/db/database';
import {
  canBorrow,
  DEFAULT_CIRCULATION_RULES as rules,
  dueDateForCheckout,
  dueDateForRenewal,
  loadCirculationRules,
  patronBlocks,
  renewalsLeft,
  saveCirculationRules,
  type PatronStanding,
} from '../../../server/ils/embedded/circulation-rules';

const now = new Date('2026-06-15T08:00:00.000Z');
const goodStanding: PatronStanding = { expiresOn: '2027-01-01', finesMinor: 0, manualBlock: false, openLoanDueDates: [] };

describe('patronBlocks', () => {
  it('finds nothing for a patron in good standing', () => {
    expect(patronBlocks(goodStanding, now, rules)).toEqual([]);
  });

  it('blocks an expired card from the day after its last day', () => {
    expect(patronBlocks({ ...goodStanding, expiresOn: '2026-06-15' }, now, rules)).toEqual([]);
    expect(patronBlocks({ ...goodStanding, expiresOn: '2026-06-14' }, now, rules)).toEqual(['cardExpired']);
  });

  it('blocks only for items overdue by more than overdueBlockDays', () => {
    const overdueBy = (days: number) => ({ ...goodStanding, openLoanDueDates: [addDays(now, -days)] });
    expect(patronBlocks(overdueBy(1), now, rules)).toEqual([]);
    expect(patronBlocks(overdueBy(30), now, rules)).toEqual([]);
    expect(patronBlocks(overdueBy(31), now, rules)).toEqual(['overdue']);
  });

  it('blocks for fines above the limit, not at it', () => {
    expect(patronBlocks({ ...goodStanding, finesMinor: 5000 }, now, rules)).toEqual([]);
    expect(patronBlocks({ ...goodStanding, finesMinor: 5001 }, now, rules)).toEqual(['fines']);
  });

  it('reports every reason at once, in a stable order', () => {
    const worst: PatronStanding = {
      expiresOn: '2020-01-01',
      finesMinor: 99_999,
      manualBlock: true,
      openLoanDueDates: [addDays(now, -90)],
    };
    expect(patronBlocks(worst, now, rules)).toEqual(['cardExpired', 'overdue', 'fines', 'manual']);
  });
});

describe('canBorrow', () => {
  it('lets a patron without blocks borrow up to the limit', () => {
    expect(canBorrow([], 9, rules)).toEqual({ ok: true });
    expect(canBorrow([], 10, rules)).toEqual({ ok: false, code: 'patron.limitReached' });
  });

  it('puts blocks before the limit', () => {
    expect(canBorrow(['fines'], 10, rules)).toEqual({ ok: false, code: 'patron.blocked' });
  });
});

describe('due dates', () => {
  it('lends for loanPeriodDays', () => {
    expect(dueDateForCheckout(now, rules).toISOString()).toBe('2026-07-15T08:00:00.000Z');
  });

  it('renews for a full period from today but never shortens the loan', () => {
    expect(dueDateForRenewal(addDays(now, 2), now, rules)).toEqual(addDays(now, 30));
    expect(dueDateForRenewal(addDays(now, 45), now, rules)).toEqual(addDays(now, 45));
  });

  it('counts renewals left, never below zero', () => {
    expect(renewalsLeft(0, rules)).toBe(2);
    expect(renewalsLeft(2, rules)).toBe(0);
    expect(renewalsLeft(5, rules)).toBe(0);
  });
});

describe('stored rules', () => {
  function database() {
    const db = new Database(':memory:');
    migrate(db);
    return db;
  }

  it('are the defaults until a library overrides them', () => {
    expect(loadCirculationRules(database())).toEqual(rules);
  });

  it('apply overrides on top of the defaults, lockout included', () => {
    const db = database();
    saveCirculationRules(db, { maxLoans: 3, lockout: { lockoutMinutes: 30 } });
    expect(loadCirculationRules(db)).toEqual({ ...rules, maxLoans: 3, lockout: { ...rules.lockout, lockoutMinutes: 30 } });
  });

  it('refuse nonsense', () => {
    expect(() => saveCirculationRules(database(), { loanPeriodDays: 0 })).toThrow();
    expect(() => saveCirculationRules(database(), { maxLoans: -1 })).toThrow();
  });
});
