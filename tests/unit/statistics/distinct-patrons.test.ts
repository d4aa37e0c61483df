import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../server/db/database';
import { MIGRATIONS } from '../../../server/db/migrations';
import { calendarBlocks } from '../../../server/statistics/distinct-patrons';
import { LocalDays, nextDay } from '../../../server/statistics/local-days';
import { readStatistics } from '../../../server/statistics/statistics-query';
import { StatisticsRollup } from '../../../server/statistics/statistics-rollup';
import type { StatisticsGranularity } from '../../../shared/statistics/schemas';

describe('calendar blocks', () => {
  it.each([
    ['2025-01-01', '2025-12-31', ['2025']],
    ['2024-01-01', '2025-12-31', ['2024', '2025']],
    ['2025-03-01', '2025-03-31', ['2025-03']],
    ['2024-02-01', '2024-02-29', ['2024-02']],
    ['2024-02-01', '2024-02-28', Array.from({ length: 28 }, (_, i) => `2024-02-${String(i + 1).padStart(2, '0')}`)],
    ['2025-12-30', '2026-02-01', ['2025-12-30', '2025-12-31', '2026-01', '2026-02-01']],
    ['2025-11-01', '2027-01-31', ['2025-11', '2025-12', '2026', '2027-01']],
    ['2025-06-15', '2025-06-15', ['2025-06-15']],
  ])('%s to %s are %j', (from, to, blocks) => expect(calendarBlocks(from, to)).toEqual(blocks));

  it('cover every day of the range once, in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 800 }), (start, length) => {
        const from = new Date(Date.UTC(2024, 0, 1) + start * 86_400_000).toISOString().slice(0, 10);
        const to = new Date(Date.UTC(2024, 0, 1) + (start + length) * 86_400_000).toISOString().slice(0, 10);
        const days: string[] = [];
        for (const block of calendarBlocks(from, to)) {
          for (let day = block.length === 10 ? block : block.length === 7 ? `${block}-01` : `${block}-01-01`; day.startsWith(block); day = nextDay(day)) days.push(day);
        }
        const expected: string[] = [];
        for (let day = from; day <= to; day = nextDay(day)) expected.push(day);
        expect(days).toEqual(expected);
      }),
    );
  });
});

const TIME_ZONE = 'Asia/Shanghai';
const KIOSKS = ['lobby', 'children', 'branch'];
const FIRST_MS = Date.UTC(2025, 10, 20);
const SPAN_DAYS = 500;

interface Visit {
  kiosk: string;
  card: string;
  at: string;
  ok: boolean;
  offline: boolean;
}

const visit = fc.record({
  kiosk: fc.constantFrom(...KIOSKS),
  card: fc.integer({ min: 1, max: 25 }).map((n) => `2014${String(n).padStart(4, '0')}`),
  at: fc.integer({ min: 0, max: SPAN_DAYS * 86_400 - 1 }).map((s) => new Date(FIRST_MS + s * 1000).toISOString()),
  ok: fc.integer({ min: 0, max: 99 }).map((n) => n >= 15),
  offline: fc.boolean(),
});

const range = fc
  .record({ start: fc.integer({ min: -5, max: SPAN_DAYS }), length: fc.integer({ min: 0, max: 400 }), granularity: fc.constantFrom<StatisticsGranularity>('day', 'month', 'year') })
  .map(({ start, length, granularity }) => ({
    from: new Date(FIRST_MS + start * 86_400_000).toISOString().slice(0, 10),
    to: new Date(FIRST_MS + (start + length) * 86_400_000).toISOString().slice(0, 10),
    granularity,
  }));

function database() {
  const db = new Database(':memory:');
  migrate(db);
  db.prepare("INSERT INTO kiosks (id, name, created_at) VALUES ('lobby', '大厅', '2025-01-01T00:00:00Z'), ('children', '少儿', '2025-01-01T00:00:00Z'), ('branch', '分馆', '2025-01-01T00:00:00Z')").run();
  return db;
}

function insert(db: Database.Database, visits: Visit[]) {
  const statement = db.prepare(
    `INSERT INTO transactions (kiosk_id, type, item_barcode, patron_card, result, code, created_at, offline) VALUES (?, 'checkout', 'b', ?, ?, ?, ?, ?)`,
  );
  for (const v of visits) statement.run(v.kiosk, v.card, v.ok ? 'ok' : 'refused', v.ok ? null : 'item.unknown', v.at, v.offline ? 1 : 0);
}

/** What the figures must say, counted straight from the visits. */
function expectedPatrons(visits: Visit[], from: string, to: string, length: number) {
  const days = new LocalDays(TIME_ZONE);
  const sets = new Map<string, Set<string>>();
  const add = (key: string, card: string) => (sets.get(key) ?? sets.set(key, new Set()).get(key)!).add(card);
  for (const v of visits) {
    const day = days.dayOf(v.at);
    if (!v.ok || day < from || day > to) continue;
    add(`${day.slice(0, length)}\t${v.kiosk}`, v.card);
    add(`${day.slice(0, length)}\t`, v.card);
    add('total', v.card);
  }
  return (key: string) => sets.get(key)?.size ?? 0;
}

describe('distinct patrons from the rollup', () => {
  it('equal the cards counted straight from the log, for any range, with offline transactions rolled up later on their own day', () => {
    fc.assert(
      fc.property(fc.array(visit, { maxLength: 120 }), fc.array(visit, { maxLength: 40 }), fc.array(range, { minLength: 1, maxLength: 4 }), (online, offline, ranges) => {
        const db = database();
        const rollup = new StatisticsRollup(db, TIME_ZONE, () => new Date(FIRST_MS));
        insert(db, online);
        rollup.catchUp();
        // Replayed from a kiosk that was offline: appended now, made on earlier days.
        insert(db, offline);
        rollup.catchUp();
        const visits = [...online, ...offline];
        for (const { from, to, granularity } of ranges) {
          const length = { day: 10, month: 7, year: 4 }[granularity];
          const expected = expectedPatrons(visits, from, to, length);
          const answer = readStatistics(db, { from, to, granularity, kiosk: null }, TIME_ZONE);
          for (const row of answer.rows) expect(row.distinctPatrons, `${row.period} ${row.kiosk}`).toBe(expected(`${row.period}\t${row.kiosk}`));
          for (const row of answer.periodTotals) expect(row.distinctPatrons, row.period).toBe(expected(`${row.period}\t`));
          expect(answer.total.distinctPatrons).toBe(expected('total'));
          const one = readStatistics(db, { from, to, granularity, kiosk: 'children' }, TIME_ZONE);
          expect(one.periodTotals.map((row) => row.distinctPatrons)).toEqual(one.rows.map((row) => row.distinctPatrons));
          expect(one.total.distinctPatrons).toBe(new Set(visits.filter((v) => v.ok && v.kiosk === 'children' && inRange(v.at, from, to)).map((v) => v.card)).size);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('are the same whether rolled up as they came or back-filled by the migration from the patron days', () => {
    fc.assert(
      fc.property(fc.array(visit, { maxLength: 150 }), (visits) => {
        const db = database();
        insert(db, visits);
        new StatisticsRollup(db, TIME_ZONE, () => new Date(FIRST_MS)).catchUp();
        const tables = (sql: string) => db.prepare(sql).all();
        const rolledUp = [tables('SELECT * FROM statistics_patron_periods'), tables('SELECT * FROM statistics_patron_counts')];
        // A hub that rolled up before the step: only the patron days, then the step itself.
        db.exec(`DROP TABLE statistics_patron_periods; DROP TABLE statistics_patron_counts;
                 DROP INDEX transactions_clear_cards; DROP INDEX download_tickets_clear_cards; DROP INDEX ebook_downloads_clear_cards;`);
        db.exec(MIGRATIONS.find((sql) => sql.includes('CREATE TABLE statistics_patron_periods'))!);
        expect([tables('SELECT * FROM statistics_patron_periods'), tables('SELECT * FROM statistics_patron_counts')]).toEqual(rolledUp);
      }),
      { numRuns: 40 },
    );
  });
});

function inRange(at: string, from: string, to: string): boolean {
  const day = new LocalDays(TIME_ZONE).dayOf(at);
  return day >= from && day <= to;
}
