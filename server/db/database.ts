import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { StartupError } from '../startup-error';
import { MIGRATIONS } from './migrations';

export type { Database } from 'better-sqlite3';

/**
 * Opens (creating if needed) the hub's database file inside `dataDir` and brings it up to date.
 * A folder the hub cannot use, or a database another program holds, is a StartupError.
 */
export function openHubDatabase(dataDir: string): { db: Database.Database; brandNew: boolean } {
  const file = join(dataDir, 'hub.sqlite');
  try {
    mkdirSync(dataDir, { recursive: true });
    const db = new Database(file);
    // First, so every statement after it waits for a lock held elsewhere instead of failing.
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    return { db, brandNew: migrate(db) === 0 };
  } catch (error) {
    throw startupErrorOf(error, dataDir, file);
  }
}

function startupErrorOf(error: unknown, dataDir: string, file: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StartupError(`The database ${file} is in use by another program, probably another hub: stop that one, or give this hub its own DATA_DIR.`);
  }
  if (/^E[A-Z]+$/.test(code) || /^SQLITE_(CANTOPEN|READONLY|PERM|IOERR|FULL)/.test(code)) {
    return new StartupError(`The hub cannot create or write its data folder ${dataDir} (${code}): set DATA_DIR to a folder it may write, or fix that folder's permissions.`);
  }
  return error;
}

/**
 * Brings the schema up to date. Returns the version the database had before, so 0 means
 * the database was brand new. Foreign keys are per-connection, so they are switched on here too.
 */
export function migrate(db: Database.Database): number {
  db.pragma('foreign_keys = ON');
  const before = db.pragma('user_version', { simple: true }) as number;
  if (before > MIGRATIONS.length) {
    throw new StartupError(`The database's schema (version ${before}) is newer than this hub's (${MIGRATIONS.length}): install the newer hub again.`);
  }
  MIGRATIONS.slice(before).forEach((sql, offset) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${before + offset + 1}`);
    })();
  });
  return before;
}
