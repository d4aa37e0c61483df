import { describe, expect, it, vi } from 'vitest';
import { bootKiosk, DEVICE_TOKEN_KEY } from '../../../kiosk/boot/boot';
import { HubError } from '../../../shared/api/hub-client';
import { CONFIG } from './session-harness';

const TOKEN = 'device-token-'.padEnd(40, 'x');

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
  };
}

const refuse = (code: ConstructorParameters<typeof HubError>[0]) => vi.fn(async () => Promise.reject(new HubError(code)));

describe('kiosk boot', () => {
  it('claims a device token when it has none, keeps it, then loads the config', async () => {
    const storage = memoryStorage();
    const hub = { claimLocal: vi.fn(async () => ({ token: TOKEN })), kioskConfig: vi.fn(async () => CONFIG) };
    expect(await bootKiosk(hub, storage)).toEqual({ kind: 'ready', config: CONFIG });
    expect(storage.values.get(DEVICE_TOKEN_KEY)).toBe(TOKEN);
    expect(hub.claimLocal.mock.invocationCallOrder[0]).toBeLessThan(hub.kioskConfig.mock.invocationCallOrder[0] ?? 0);
  });

  it('uses the stored token without claiming again', async () => {
    const hub = { claimLocal: vi.fn(async () => ({ token: 'other' })), kioskConfig: vi.fn(async () => CONFIG) };
    await bootKiosk(hub, memoryStorage({ [DEVICE_TOKEN_KEY]: TOKEN }));
    expect(hub.claimLocal).not.toHaveBeenCalled();
  });

  it('shows the pairing screen on a machine that may not claim a token (any machine but the hub’s)', async () => {
    const storage = memoryStorage();
    const hub = { claimLocal: refuse('kiosk.unknown'), kioskConfig: vi.fn(async () => CONFIG) };
    expect(await bootKiosk(hub, storage)).toEqual({ kind: 'pairing' });
    expect(hub.kioskConfig).not.toHaveBeenCalled();
    expect(storage.values.size).toBe(0);
  });

  it('shows the pairing screen for /kiosk/?pair even where it could claim, or has a token', async () => {
    const hub = { claimLocal: vi.fn(async () => ({ token: TOKEN })), kioskConfig: vi.fn(async () => CONFIG) };
    expect(await bootKiosk(hub, memoryStorage({ [DEVICE_TOKEN_KEY]: 'old' }), { pairRequested: true })).toEqual({ kind: 'pairing' });
    expect(hub.claimLocal).not.toHaveBeenCalled();
  });

  it('says the station is not registered when the hub no longer knows its token (revoked)', async () => {
    const storage = memoryStorage({ [DEVICE_TOKEN_KEY]: TOKEN });
    const hub = { claimLocal: vi.fn(async () => ({ token: 'other' })), kioskConfig: refuse('kiosk.unknown') };
    expect(await bootKiosk(hub, storage)).toEqual({ kind: 'notRegistered' });
    expect(hub.claimLocal).not.toHaveBeenCalled();
  });

  it('offers a retry when the hub cannot be reached', async () => {
    const noHub = { claimLocal: refuse('network.offline'), kioskConfig: refuse('network.offline') };
    expect(await bootKiosk(noHub, memoryStorage())).toEqual({ kind: 'failed', notice: { key: 'code.network.offline' } });
    expect(await bootKiosk(noHub, memoryStorage({ [DEVICE_TOKEN_KEY]: TOKEN }))).toEqual({ kind: 'failed', notice: { key: 'code.network.offline' } });
  });
});
