/**
 * A hub over an in-memory demo library with a clock the test moves. The demo is seeded once
 * (PIN hashing is deliberately slow) and every hub starts from a copy of it.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { API, KIOSK_TOKEN_HEADER } from '../../../shared/api/routes';
import { buildApp } from '../../../server/app';
import { addMinutes } from '../../../server/clock';
import { loadConfig, type HubConfig } from '../../../server/config';
import { migrate } from '../../../server/db/database';
import { createDemoLibrary } from '../../../server/demo/demo-library';
import { saveCirculationRules, type CirculationRulesOverrides } from '../../../server/ils/embedded/circulation-rules';
import type { IlsPort } from '../../../server/ils/ils-port';
import { KioskRegistry } from '../../../server/kiosks/kiosk-registry';

/** The moment the demo library was created and each test starts. */
export const START = new Date('2026-03-02T02:00:00.000Z');

let demoImage: Promise<Buffer> | undefined;
function demoLibraryImage(): Promise<Buffer> {
  demoImage ??= (async () => {
    const db = new Database(':memory:');
    migrate(db);
    await createDemoLibrary(db, START);
    const image = db.serialize();
    db.close();
    return image;
  })();
  return demoImage;
}

export interface TestHubOptions {
  rules?: CirculationRulesOverrides;
  config?: Partial<HubConfig>;
  ils?: (db: Database.Database) => IlsPort;
}

export interface CallOptions {
  body?: unknown;
  patronToken?: string | null;
  /** Defaults to the test kiosk's token; null sends none. */
  kioskToken?: string | null;
  remoteAddress?: string;
}

export type TestHub = Awaited<ReturnType<typeof createTestHub>>;

export async function createTestHub(options: TestHubOptions = {}) {
  const db = new Database(await demoLibraryImage());
  if (options.rules) saveCirculationRules(db, options.rules);
  let now = new Date(START);
  /** What the hub asked to wait for, in ms; it does not actually wait. */
  const sleeps: number[] = [];
  const app: FastifyInstance = await buildApp({
    config: { ...loadConfig({}), ...options.config },
    db,
    now: () => now,
    logger: false,
    ils: options.ils?.(db),
    sleep: async (ms) => void sleeps.push(ms),
  });

  const claim = await app.inject({ method: 'POST', url: API.kioskClaimLocal, payload: {} });
  const kioskToken = (claim.json() as { token: string }).token;

  function call(method: InjectOptions['method'], url: string, callOptions: CallOptions = {}) {
    const headers: Record<string, string> = {};
    const deviceToken = callOptions.kioskToken === undefined ? kioskToken : callOptions.kioskToken;
    if (deviceToken) headers[KIOSK_TOKEN_HEADER] = deviceToken;
    if (callOptions.patronToken) headers.authorization = `Bearer ${callOptions.patronToken}`;
    return app.inject({
      method,
      url,
      headers,
      ...(callOptions.body === undefined ? {} : { payload: callOptions.body as object }),
      ...(callOptions.remoteAddress ? { remoteAddress: callOptions.remoteAddress } : {}),
    });
  }

  async function signIn(cardNumber: string, pin: string): Promise<string> {
    const response = await call('POST', API.session, { body: { cardNumber, pin } });
    if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
    return (response.json() as { token: string }).token;
  }

  return {
    app,
    db,
    kioskToken,
    sleeps,
    call,
    signIn,
    now: () => now,
    /** Registers another kiosk and returns its device token. */
    addKiosk(id: string): string {
      db.prepare('INSERT INTO kiosks (id, name, created_at) VALUES (?, ?, ?)').run(id, `Kiosk ${id}`, now.toISOString());
      return new KioskRegistry(db, () => now).issueToken(id);
    },
    advanceMinutes(minutes: number) {
      now = addMinutes(now, minutes);
    },
    checkout: (patronToken: string, itemBarcode: string, requestId = randomUUID()) =>
      call('POST', API.checkout, { patronToken, body: { itemBarcode, requestId } }),
    checkin: (itemBarcode: string, requestId = randomUUID(), patronToken: string | null = null) =>
      call('POST', API.checkin, { patronToken, body: { itemBarcode, requestId } }),
    renew: (patronToken: string, itemBarcodes: string[]) =>
      call('POST', API.renew, { patronToken, body: { itemBarcodes } }),
    async close() {
      await app.close();
      db.close();
    },
  };
}

export function daysAfter(date: Date, days: number): string {
  return addMinutes(date, days * 24 * 60).toISOString();
}
