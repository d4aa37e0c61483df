import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../server/db/database';
import { LocalDays } from '../../../server/statistics/local-days';
import { readStatistics } from '../../../server/statistics/statistics-query';
import { StatisticsRollup } from '../../../server/statistics/statistics-rollup';
import { csvCell } from '../../../shared/statistics/statistics-csv';

describe('library-local days', () => {
  it('start at local midnight in Shanghai', () => {
    const days = new LocalDays('Asia/Shanghai');
    expect(days.dayOf('2026-03-02T15:59:59.999Z')).toBe('2026-03-02');
    expect(days.dayOf('2026-03-02T16:00:00.000Z')).toBe('2026-03-03');
    expect(days.startOf('2026-03-03').toISOString()).toBe('2026-03-02T16:00:00.000Z');
  });

  it('follow summer time where the zone has it', () => {
    const days = new LocalDays('Europe/Berlin');
    expect(days.startOf('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(days.startOf('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(days.dayOf('2026-03-29T22:30:00.000Z')).toBe('2026-03-30');
    expect(new LocalDays('Asia/Kolkata').dayOf('2026-03-02T18:29:00.000Z')).toBe('2026-03-02');
    expect(new LocalDays('Asia/Kolkata').dayOf('2026-03-02T18:30:00.000Z')).toBe('2026-03-03');
  });
});

describe('the rollup', () => {
  function database() {
    const db = new Database(':memory:');
    migrate(db);
    return db;
  }
  const insert = (db: Database.Database, count: number, card = (i: number) => `2014${String(i % 50).padStart(4, '0')}`) => {
    const statement = db.prepare(
      `INSERT INTO transactions (kiosk_id, type, item_barcode, patron_card, result, code, created_at) VALUES ('k1', ?, 'b', ?, ?, ?, ?)`,
    );
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const refused = i % 10 === 0;
        statement.run(i % 2 ? 'checkout' : 'checkin', card(i), refused ? 'refused' : 'ok', refused ? 'item.unknown' : null, new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString());
      }
    })();
  };

  it('counts every row once, across chunks and repeated catch-ups', () => {
    const db = database();
    const rollup = new StatisticsRollup(db, 'Asia/Shanghai', () => new Date('2026-01-01T00:00:00Z'));
    insert(db, 120_003);
    expect(rollup.catchUp()).toBe(120_003);
    expect(rollup.catchUp()).toBe(0);
    insert(db, 7);
    expect(rollup.catchUp()).toBe(7);
    const { total } = readStatistics(db, { from: '2025-12-01', to: '2026-12-31', granularity: 'year', kiosk: null }, 'Asia/Shanghai');
    expect(total.loans + total.returns + total.refusals).toBe(120_010);
    expect(total.refusalsByReason).toEqual({ 'item.unknown': total.refusals });
    // Cards 0, 10, 20… only ever appear in refused attempts (every tenth): they are no patrons served.
    expect(total.distinctPatrons).toBe(45);
  });

  it('clears clear cards only once they are rolled up and older than 7 days', () => {
    const db = database();
    let now = new Date('2026-01-05T00:00:00Z');
    const rollup = new StatisticsRollup(db, 'Asia/Shanghai', () => now);
    insert(db, 3);
    rollup.pruneCards();
    now = new Date('2026-01-20T00:00:00Z');
    rollup.pruneCards();
    expect(db.prepare('SELECT COUNT(*) FROM transactions WHERE patron_card IS NOT NULL').pluck().get()).toBe(3);
    rollup.catchUp();
    rollup.pruneCards();
    expect(db.prepare('SELECT COUNT(*) FROM transactions WHERE patron_card IS NOT NULL').pluck().get()).toBe(0);
    expect(readStatistics(db, { from: '2026-01-01', to: '2026-01-31', granularity: 'month', kiosk: null }, 'x').total.distinctPatrons).toBe(2); // row 0 was refused
  });
});

describe('CSV cells', () => {
  it.each([
    ['大厅', '大厅'],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['=1,2', `"'=1,2"`],
    ['\rx', `"'\rx"`],
    ['a"b', '"a""b"'],
    ['12', '12'],
  ])('%j becomes %j', (text, cell) => expect(csvCell(text)).toBe(cell));
});
