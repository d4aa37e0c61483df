/** An in-memory demo library for the SIP2 simulator to serve (the hub under test has its own). */
import Database from 'better-sqlite3';
import { migrate } from '../../server/db/database';
import { createDemoLibrary } from '../../server/demo/demo-library';

export async function createDemoDatabase(now: Date): Promise<Database.Database> {
  const db = new Database(':memory:');
  migrate(db);
  await createDemoLibrary(db, now);
  return db;
}
