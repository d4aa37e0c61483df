/** Kiosk start over a real kiosk database (fake-indexeddb): the device token, the config, the saved config with the hub down. */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bootKiosk } from '../../../kiosk/boot/boot';
import { DeviceIdentity, LEGACY_TOKEN_KEY } from '../../../kiosk/boot/device-identity';
import { KioskDb, deviceToken, lastProfile } from '../../../kiosk/db/kiosk-db';
import { HubError } from '../../../shared/api/hub-client';
import { CONFIG, deferred } from './session-harness';

const TOKEN = 'device-token-'.padEnd(40, 'x');

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    removeItem: (key: string) => void values.delete(key),
  };
}

const dbs: KioskDb[] = [];
let nextName = 0;
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});
function openDb(name = `boot-${nextName++}`) {
  const db = new KioskDb(name, vi.fn());
  dbs.push(db);
  return db;
}
/** The page opens its database lazily (kiosk/db/lazy-kiosk-db.ts); here it is open already. */
const opener = (db: KioskDb) => async () => db;
async function withToken(db: KioskDb, token = TOKEN) {
  await new DeviceIdentity(opener(db), memoryStorage()).store(token);
  return new DeviceIdentity(opener(db), memoryStorage());
}

const refuse = (code: ConstructorParameters<typeof HubError>[0]) => vi.fn(async () => Promise.reject(new HubError(code)));

describe('kiosk boot', () => {
  it('claims a device token when it has none, keeps it in the kiosk database, then loads and saves the config', async () => {
    const db = openDb();
    const identity = new DeviceIdentity(opener(db), memoryStorage());
    const hub = { claimLocal: vi.fn(async () => ({ token: TOKEN })), kioskConfig: vi.fn(async () => CONFIG) };
    expect(await bootKiosk(hub, identity)).toEqual({ kind: 'ready', config: CONFIG, saved: false });
    expect(identity.current()).toBe(TOKEN);
    expect(await deviceToken(db)).toBe(TOKEN);
    expect(await lastProfile(db)).toEqual(CONFIG);
    expect(hub.claimLocal.mock.invocationCallOrder[0]).toBeLessThan(hub.kioskConfig.mock.invocationCallOrder[0] ?? 0);
  });

  it('uses the stored token without claiming again', async () => {
    const hub = { claimLocal: vi.fn(async () => ({ token: 'other' })), kioskConfig: vi.fn(async () => CONFIG) };
    const identity = await withToken(openDb());
    await bootKiosk(hub, identity);
    expect(hub.claimLocal).not.toHaveBeenCalled();
    expect(identity.current()).toBe(TOKEN);
  });

  it('moves a token kept in localStorage by an older kiosk into the database once, and removes it there', async () => {
    const db = openDb();
    const legacy = memoryStorage({ [LEGACY_TOKEN_KEY]: TOKEN });
    const hub = { claimLocal: vi.fn(async () => ({ token: 'other' })), kioskConfig: vi.fn(async () => CONFIG) };
    await bootKiosk(hub, new DeviceIdentity(opener(db), legacy));
    expect(hub.claimLocal).not.toHaveBeenCalled();
    expect(legacy.values.size).toBe(0);
    expect(await deviceToken(db)).toBe(TOKEN);
  });

  it('keeps the database token over a stale one left in localStorage', async () => {
    const db = openDb();
    await withToken(db);
    const legacy = memoryStorage({ [LEGACY_TOKEN_KEY]: 'stale' });
    const identity = new DeviceIdentity(opener(db), legacy);
    expect(await identity.load()).toBe(TOKEN);
    expect(legacy.values.size).toBe(0);
  });

  it('shows the pairing screen on a machine that may not claim a token (any machine but the hub’s)', async () => {
    const db = openDb();
    const hub = { claimLocal: refuse('kiosk.unknown'), kioskConfig: vi.fn(async () => CONFIG) };
    expect(await bootKiosk(hub, new DeviceIdentity(opener(db), memoryStorage()))).toEqual({ kind: 'pairing' });
    expect(hub.kioskConfig).not.toHaveBeenCalled();
    expect(await deviceToken(db)).toBeNull();
  });

  it('shows the pairing screen for /kiosk/?pair even where it could claim, or has a token', async () => {
    const hub = { claimLocal: vi.fn(async () => ({ token: TOKEN })), kioskConfig: vi.fn(async () => CONFIG) };
    expect(await bootKiosk(hub, await withToken(openDb(), 'old'), { pairRequested: true })).toEqual({ kind: 'pairing' });
    expect(hub.claimLocal).not.toHaveBeenCalled();
  });

  it('says the station is not registered when the hub no longer knows its token (revoked)', async () => {
    const hub = { claimLocal: vi.fn(async () => ({ token: 'other' })), kioskConfig: refuse('kiosk.unknown') };
    expect(await bootKiosk(hub, await withToken(openDb()))).toEqual({ kind: 'notRegistered' });
    expect(hub.claimLocal).not.toHaveBeenCalled();
  });

  it('starts from the config the hub sent last at once, without asking the hub (switched off, it would hold the start 5 s)', async () => {
    const db = openDb();
    const hubUp = { claimLocal: vi.fn(async () => ({ token: TOKEN })), kioskConfig: vi.fn(async () => CONFIG) };
    await bootKiosk(hubUp, new DeviceIdentity(opener(db), memoryStorage()));
    // Connections taken and never answered: the boot must not wait for them.
    const hungHub = { claimLocal: vi.fn(() => new Promise<never>(() => {})), kioskConfig: vi.fn(() => new Promise<never>(() => {})) };
    expect(await bootKiosk(hungHub, new DeviceIdentity(opener(db), memoryStorage()))).toEqual({ kind: 'ready', config: CONFIG, saved: true });
    expect(hungHub.kioskConfig).not.toHaveBeenCalled();
    expect(hungHub.claimLocal).not.toHaveBeenCalled();
  });

  it('waits for the hub when no config was ever saved (a new kiosk)', async () => {
    const { promise, resolve } = deferred<typeof CONFIG>();
    const hub = { claimLocal: vi.fn(async () => ({ token: 'other' })), kioskConfig: vi.fn(() => promise) };
    let result: unknown;
    void bootKiosk(hub, await withToken(openDb())).then((r) => (result = r));
    await vi.waitFor(() => expect(hub.kioskConfig).toHaveBeenCalled());
    expect(result).toBeUndefined();
    resolve(CONFIG);
    await vi.waitFor(() => expect(result).toEqual({ kind: 'ready', config: CONFIG, saved: false }));
  });

  it('offers a retry when the hub cannot be reached and no config was ever saved', async () => {
    const noHub = { claimLocal: refuse('network.offline'), kioskConfig: refuse('network.offline') };
    const failed = { kind: 'failed', notice: { key: 'code.network.offline' } };
    expect(await bootKiosk(noHub, new DeviceIdentity(opener(openDb()), memoryStorage()))).toEqual(failed);
    expect(await bootKiosk(noHub, await withToken(openDb()))).toEqual(failed);
  });
});
