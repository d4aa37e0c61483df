/** Starts the hub: `tsx server/main.ts` (see config.ts for the environment it reads). */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { buildApp } from './app';
import { systemClock } from './clock';
import { dataDirOf, loadConfig, type HubConfig } from './config';
import { openHubDatabase, type Database } from './db/database';
import { createDemoLibrary } from './demo/demo-library';
import { createDemoEbooks } from './ebooks/demo/create-demo-ebooks';
import { readStoredIlsSettings } from './ils/ils-settings-store';
import type { SomeIlsSettings } from './ils/sip2/sip2-config';
import { passwordProblem } from '../shared/staff/password-rule';
import { createStaffAccount, INITIAL_STAFF_USERNAME } from './staff/staff-accounts';
import { StartupError } from './startup-error';
import { loadHubTls, type HubTls } from './tls/hub-tls';
import { closeHttps, listenHttps } from './tls/https-listener';

async function main(): Promise<void> {
  // The Library system page's stored settings count too, under the environment's. A brand-new
  // library has none, and its database is made only once the environment is known to be right.
  const dataDir = dataDirOf(process.env);
  const existing = existsSync(join(dataDir, 'hub.sqlite')) ? openHubDatabase(dataDir) : null;
  const config = configFromEnvironment(existing ? storedIlsSettings(existing.db, dataDir) : {});
  // ADMIN_PASSWORD counts at first start only; checked before the database is made, so a
  // refused one leaves no library without its admin account behind.
  if (config.adminPassword !== null && !existing) refuseWeakAdminPassword(config.adminPassword);
  const { db, brandNew } = existing ?? openHubDatabase(config.dataDir);
  if (brandNew) await initialiseLibrary(config, db);

  // APPS_DIR lets two test runs on one machine build and serve their own copies.
  const appsDir = resolve(import.meta.dirname, '..', process.env.APPS_DIR ?? 'dist/apps');
  const tls = config.https ? tlsFromConfig(config) : null;
  const https = config.https && tls ? { port: config.https.port, caCertFile: tls.ca?.certFile ?? null } : null;
  const app = await buildApp({ config, db, appsDir: existsSync(appsDir) ? appsDir : null, https });
  await app.listen({ port: config.port, host: config.host }).catch((error: unknown) => {
    if ((error as { code?: unknown }).code !== 'EADDRINUSE') throw error;
    throw new StartupError(`Port ${config.port} is already in use, perhaps by another hub: stop that program, or set PORT to a free port.`);
  });
  const httpsServer = tls && https ? await listenHttps(app, tls, https.port, config.host, () => new Date()).catch((error: unknown) => {
    if ((error as { code?: unknown }).code !== 'EADDRINUSE') throw error;
    throw new StartupError(`HTTPS_PORT ${https.port} is already in use, perhaps by another hub: stop that program, set HTTPS_PORT to a free port, or HTTPS=off.`);
  }) : null;
  printAddresses(config, (app.server.address() as AddressInfo).port, tls);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) process.exit(1); // a second Ctrl+C means "now"
    closing = true;
    app.log.info({ signal }, 'shutting down');
    if (httpsServer) await closeHttps(httpsServer);
    await app.close();
    db.close();
    process.exit(0);
  };
  process.on('SIGINT', (signal) => void shutdown(signal));
  process.on('SIGTERM', (signal) => void shutdown(signal));
}

/** A setting the hub cannot use (config.ts says which and why) is the operator's to fix. */
function configFromEnvironment(storedIls: SomeIlsSettings): HubConfig {
  try {
    return loadConfig(process.env, storedIls);
  } catch (error) {
    throw new StartupError(`${(error as Error).message}: fix it in the environment and start again.`);
  }
}

function storedIlsSettings(db: Database, dataDir: string): SomeIlsSettings {
  try {
    return readStoredIlsSettings(db, dataDir);
  } catch (error) {
    throw new StartupError(`${(error as Error).message}.`);
  }
}

/** The HTTPS certificate (docs/https.md); made from the hub's own CA on first start. */
function tlsFromConfig(config: HubConfig): HubTls {
  try {
    return loadHubTls(config, config.https!, new Date());
  } catch (error) {
    throw new StartupError(`${(error as Error).message}: fix it and start again (docs/https.md).`);
  }
}

async function initialiseLibrary(config: HubConfig, db: Database): Promise<void> {
  if (config.demo) {
    if (config.ils === 'embedded') await createDemoLibrary(db, systemClock()); // a SIP2 library's circulation is its ILS's
    await createDemoEbooks({ db, dataDir: config.dataDir });
  }
  const password = config.adminPassword ?? randomBytes(12).toString('base64url');
  await createStaffAccount(db, INITIAL_STAFF_USERNAME, password, systemClock, 'admin');
  if (!config.adminPassword) {
    // Shown once, never stored in clear: the library must note it now.
    console.log(`\nStaff account created. Username: ${INITIAL_STAFF_USERNAME}  Password: ${password}\n`);
  }
}

/** ADMIN_PASSWORD follows the staff password rule (shared/staff/password-rule.ts). */
function refuseWeakAdminPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem === 'staff.passwordTooShort') throw new StartupError('ADMIN_PASSWORD is shorter than 10 characters: choose a longer one and start again.');
  if (problem === 'staff.passwordCommon') throw new StartupError('ADMIN_PASSWORD is one of the most common passwords: choose another and start again.');
}

function printAddresses(config: HubConfig, port: number, tls: HubTls | null): void {
  const lan: string[] = [];
  if (config.publicUrl) lan.push(new URL(config.publicUrl).hostname);
  for (const entries of Object.values(networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (entry.family === 'IPv4' && !entry.internal) lan.push(entry.address);
    }
  }
  console.log('Library hub is running.');
  console.log(`  On this machine:  Kiosk: http://localhost:${port}/kiosk/   Admin: http://localhost:${port}/admin/`);
  if (!config.https) {
    for (const host of lan) console.log(`  Kiosk: http://${host}:${port}/kiosk/   Admin: http://${host}:${port}/admin/`);
    return;
  }
  const httpsPort = config.https.port;
  for (const host of lan) console.log(`  Kiosk: https://${host}:${httpsPort}/kiosk/   Admin: https://${host}:${httpsPort}/admin/`);
  if (tls?.ca) {
    console.log(`  HTTPS certificate from the hub's own CA. Trust it on each kiosk (README, "Running a real kiosk"):`);
    console.log(`    CA file: ${resolve(tls.ca.certFile)}${lan[0] ? `  (download: http://${lan[0]}:${port}/ca.crt)` : ''}`);
    console.log(`    CA SHA-256 fingerprint: ${tls.ca.fingerprint}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof StartupError ? error.message : error);
  process.exit(1);
});
