/** Starts the hub: `tsx server/main.ts` (see config.ts for the environment it reads). */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { buildApp } from './app';
import { systemClock } from './clock';
import { loadConfig, type HubConfig } from './config';
import { migrate, openDatabase } from './db/database';
import { createDemoLibrary } from './demo/demo-library';
import { createDemoEbooks } from './ebooks/demo/create-demo-ebooks';
import { createStaffAccount, INITIAL_STAFF_USERNAME } from './staff/staff-accounts';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = openDatabase(config.dataDir);
  const brandNew = migrate(db) === 0;
  if (brandNew) await initialiseLibrary(config, db);

  // APPS_DIR lets two test runs on one machine build and serve their own copies.
  const appsDir = resolve(import.meta.dirname, '..', process.env.APPS_DIR ?? 'dist/apps');
  const app = await buildApp({ config, db, appsDir: existsSync(appsDir) ? appsDir : null });
  await app.listen({ port: config.port, host: config.host });
  printAddresses(config, (app.server.address() as AddressInfo).port);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) process.exit(1); // a second Ctrl+C means "now"
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    db.close();
    process.exit(0);
  };
  process.on('SIGINT', (signal) => void shutdown(signal));
  process.on('SIGTERM', (signal) => void shutdown(signal));
}

async function initialiseLibrary(config: HubConfig, db: ReturnType<typeof openDatabase>): Promise<void> {
  if (config.demo) {
    await createDemoLibrary(db, systemClock());
    await createDemoEbooks({ db, dataDir: config.dataDir });
  }
  const password = config.adminPassword ?? randomBytes(12).toString('base64url');
  await createStaffAccount(db, INITIAL_STAFF_USERNAME, password, systemClock);
  if (!config.adminPassword) {
    // Shown once, never stored in clear: the library must note it now.
    console.log(`\nStaff account created. Username: ${INITIAL_STAFF_USERNAME}  Password: ${password}\n`);
  }
}

function printAddresses(config: HubConfig, port: number): void {
  const bases = [`http://localhost:${port}`];
  if (config.publicUrl) bases.push(config.publicUrl.replace(/\/$/, ''));
  for (const entries of Object.values(networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (entry.family === 'IPv4' && !entry.internal) bases.push(`http://${entry.address}:${port}`);
    }
  }
  console.log('Library hub is running.');
  for (const base of bases) console.log(`  Kiosk: ${base}/kiosk/   Admin: ${base}/admin/`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
