/** In-memory demo libraries for the SIP2 simulator to serve (the hub under test has its own). */
import Database from 'better-sqlite3';
import { migrate } from '../../server/db/database';
import { createDemoLibrary } from '../../server/demo/demo-library';

const images = new Map<number, Promise<Buffer>>();

/** A fresh copy of the demo library created at `now`; seeded once per moment (PIN hashing is slow). */
export async function createDemoDatabase(now: Date): Promise<Database.Database> {
  let image = images.get(now.getTime());
  if (!image) {
    image = (async () => {
      const db = new Database(':memory:');
      migrate(db);
      await createDemoLibrary(db, now);
      const bytes = db.serialize();
      db.close();
      return bytes;
    })();
    images.set(now.getTime(), image);
  }
  return new Database(await image);
}
