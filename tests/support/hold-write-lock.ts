import { spawn } from 'node:child_process';

/** Another process takes the database's write lock, says so, and lets go after `ms`. */
export function holdWriteLock(databaseFile: string, ms: number): Promise<{ released: Promise<void> }> {
  const script = `
    const db = new (require('better-sqlite3'))(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    console.log('locked');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, ${ms});
  `;
  const holder = spawn(process.execPath, ['-e', script, databaseFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  const released = new Promise<void>((resolve) => holder.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve({ released }));
    holder.on('error', reject);
  });
}
