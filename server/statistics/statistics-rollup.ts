/**
 * Keeps the statistics tables up to date with the logs they count: transactions, download
 * tickets and e-book downloads. Each source is read after the last id rolled up (its id only
 * grows: rows are appended, never rewritten), a chunk per SQLite transaction, so a query first
 * catches up with whatever happened since the last one, and a year of history rolled up once.
 *
 * A row counts on the library-local day it happened (created_at: for a transaction a kiosk
 * made offline, the time it was made at the kiosk). Patrons go into statistics_patron_days only
 * as a keyed hash (patron-hash.ts); a patron new to a day and kiosk also goes into the day for all
 * kiosks and into the month and year, per kiosk and for all (statistics_patron_periods, kiosk ''),
 * and each of those that gained a patron counts one more in statistics_patron_counts. So a whole
 * day, month or year is counted by one row, and an offline transaction rolled up later still
 * lands in its own day, month and year. Once rolled up and older than RAW_CARD_DAYS, the clear
 * card numbers in the sources are removed (set to NULL): statistics do not need them any more.
 */
import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { LocalDays } from './local-days';
import { patronHasher, type PatronHasher } from './patron-hash';

/**
 * How long the logs keep a card number in clear: long enough for staff to look into a patron's
 * complaint about a kiosk that week, and longer than any kiosk retries a request.
 */
export const RAW_CARD_DAYS = 7;
const CHUNK = 50_000;

type Source = 'transactions' | 'download_tickets' | 'ebook_downloads';
type Event = 'checkout' | 'checkin' | 'renew' | 'signin' | 'ebookTicket' | 'ebookDownload';

/** One source row as the rollup reads it. */
interface SourceRow {
  id: number;
  kiosk: string;
  event: Event;
  ok: boolean;
  code: string;
  offline: number;
  at: string;
  /** Only for successful uses: a card seen at the kiosk that day. */
  card: string | null;
}

const SOURCES: Record<Source, { select: string; cardColumn: string; timeColumn: string }> = {
  transactions: {
    select: `SELECT id, kiosk_id AS kiosk, type AS event, result = 'ok' AS ok, COALESCE(code, '') AS code, offline,
                    created_at AS at, CASE WHEN result = 'ok' THEN patron_card END AS card
               FROM transactions WHERE id > ? ORDER BY id LIMIT ${CHUNK}`,
    cardColumn: 'patron_card',
    timeColumn: 'created_at',
  },
  download_tickets: {
    select: `SELECT id, kiosk_id AS kiosk, 'ebookTicket' AS event, 1 AS ok, '' AS code, 0 AS offline, created_at AS at, patron_card AS card
               FROM download_tickets WHERE id > ? ORDER BY id LIMIT ${CHUNK}`,
    cardColumn: 'patron_card',
    timeColumn: 'created_at',
  },
  ebook_downloads: {
    select: `SELECT id, kiosk_id AS kiosk, 'ebookDownload' AS event, 1 AS ok, '' AS code, 0 AS offline, at, NULL AS card
               FROM ebook_downloads WHERE id > ? ORDER BY id LIMIT ${CHUNK}`,
    cardColumn: 'patron_card',
    timeColumn: 'at',
  },
};

export class StatisticsRollup {
  readonly days: LocalDays;
  private readonly sql;

  constructor(
    private readonly db: Database,
    timeZone: string,
    private readonly now: Clock,
  ) {
    this.days = new LocalDays(timeZone);
    this.sql = {
      progress: db.prepare('SELECT last_id FROM statistics_progress WHERE source = ?').pluck(),
      setProgress: db.prepare(
        'INSERT INTO statistics_progress (source, last_id) VALUES (?, ?) ON CONFLICT (source) DO UPDATE SET last_id = excluded.last_id',
      ),
      addCount: db.prepare(
        `INSERT INTO statistics_daily (day, kiosk_id, event, result, code, offline, count) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT DO UPDATE SET count = count + excluded.count`,
      ),
      addPatronDay: db.prepare('INSERT OR IGNORE INTO statistics_patron_days (day, kiosk_id, patron_hash) VALUES (?, ?, ?)'),
      addPatronPeriod: db.prepare('INSERT OR IGNORE INTO statistics_patron_periods (period, kiosk_id, patron_hash) VALUES (?, ?, ?)'),
      addPatronCount: db.prepare(
        `INSERT INTO statistics_patron_counts (period, kiosk_id, patrons) VALUES (?, ?, ?)
         ON CONFLICT DO UPDATE SET patrons = patrons + excluded.patrons`,
      ),
      sources: Object.fromEntries(Object.entries(SOURCES).map(([name, source]) => [name, db.prepare(source.select)])) as Record<
        Source,
        ReturnType<Database['prepare']>
      >,
    };
  }

  /** Rolls up everything new in every source. Returns how many source rows it read. */
  catchUp(): number {
    const hash = patronHasher(this.db);
    let read = 0;
    for (const source of Object.keys(SOURCES) as Source[]) {
      for (;;) {
        const chunk = this.rollUpChunk(source, hash);
        read += chunk;
        if (chunk < CHUNK) break;
      }
    }
    return read;
  }

  /** Removes clear card numbers already rolled up and older than RAW_CARD_DAYS from the sources. */
  pruneCards(): void {
    const before = new Date(this.now().getTime() - RAW_CARD_DAYS * 86_400_000).toISOString();
    this.db.transaction(() => {
      for (const [source, { cardColumn, timeColumn }] of Object.entries(SOURCES) as [Source, (typeof SOURCES)[Source]][]) {
        const rolledUpTo = this.lastId(source);
        this.db
          .prepare(`UPDATE ${source} SET ${cardColumn} = NULL WHERE ${cardColumn} IS NOT NULL AND ${timeColumn} < ? AND id <= ?`)
          .run(before, rolledUpTo);
      }
    }).immediate();
  }

  private lastId(source: Source): number {
    return (this.sql.progress.get(source) as number | undefined) ?? 0;
  }

  private rollUpChunk(source: Source, hash: PatronHasher): number {
    return this.db.transaction((): number => {
      // Read inside the write transaction: two catch-ups at once never count a row twice.
      const rows = this.sql.sources[source].all(this.lastId(source)) as SourceRow[];
      if (rows.length === 0) return 0;
      const counts = new Map<string, number>();
      const patronDays = new Set<string>();
      for (const row of rows) {
        const day = this.days.dayOf(row.at);
        const key = `${day}\t${row.kiosk}\t${row.event}\t${row.ok ? 'ok' : 'refused'}\t${row.code}\t${row.offline}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        if (row.card !== null) patronDays.add(`${day}\t${row.kiosk}\t${hash(row.card)}`);
      }
      for (const [key, count] of counts) {
        const [day, kiosk, event, result, code, offline] = key.split('\t');
        this.sql.addCount.run(day, kiosk, event, result, code, Number(offline), count);
      }
      const patronCounts = new Map<string, number>();
      const counted = (period: string, kiosk: string) => {
        const key = `${period}\t${kiosk}`;
        patronCounts.set(key, (patronCounts.get(key) ?? 0) + 1);
      };
      const patronPeriods = new Set<string>();
      for (const key of patronDays) {
        const [day, kiosk, patronHash] = key.split('\t') as [string, string, string];
        // Already seen that day at that kiosk: then also in every period above it.
        if (this.sql.addPatronDay.run(day, kiosk, Number(patronHash)).changes === 0) continue;
        counted(day, kiosk);
        for (const period of [`${day}\t`, `${day.slice(0, 7)}\t${kiosk}`, `${day.slice(0, 7)}\t`, `${day.slice(0, 4)}\t${kiosk}`, `${day.slice(0, 4)}\t`]) {
          patronPeriods.add(`${period}\t${patronHash}`);
        }
      }
      for (const key of patronPeriods) {
        const [period, kiosk, patronHash] = key.split('\t') as [string, string, string];
        if (this.sql.addPatronPeriod.run(period, kiosk, Number(patronHash)).changes === 1) counted(period, kiosk);
      }
      for (const [key, patrons] of patronCounts) {
        const [period, kiosk] = key.split('\t');
        this.sql.addPatronCount.run(period, kiosk, patrons);
      }
      this.sql.setProgress.run(source, rows[rows.length - 1]!.id);
      return rows.length;
    }).immediate();
  }
}
