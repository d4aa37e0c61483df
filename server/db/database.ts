import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

export type { Database } from 'better-sqlite3';

/** Opens (creating if needed) the hub's database file inside `dataDir`. */
export function openDatabase(dataDir: string): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'hub.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * Brings the schema up to date. Returns the version the database had before, so 0 means
 * the database was brand new. Foreign keys are per-connection, so they are switched on here too.
 */
export function migrate(db: Database.Database): number {
  db.pragma('foreign_keys = ON');
  const before = db.pragma('user_version', { simple: true }) as number;
  if (before > MIGRATIONS.length) {
    throw new Error(`Database schema version ${before} is newer than this hub (${MIGRATIONS.length}); upgrade the hub.`);
  }
  MIGRATIONS.slice(before).forEach((sql, offset) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${before + offset + 1}`);
    })();
  });
  return before;
}
