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

describe('kiosk boot', () => {
  it('claims a device token when it has none, keeps it, then loads the config', async () => {
    const storage = memoryStorage();
    const hub = { claimLocal: vi.fn(async () => ({ token: TOKEN })), kioskConfig: vi.fn(async () => CONFIG) };
    expect(await bootKiosk(hub, storage)).toEqual({ ok: true, config: CONFIG });
    expect(storage.values.get(DEVICE_TOKEN_KEY)).toBe(TOKEN);
    expect(hub.claimLocal.mock.invocationCallOrder[0]).toBeLessThan(hub.kioskConfig.mock.invocationCallOrder[0] ?? 0);
  });

  it('uses the stored token without claiming again', async () => {
    const hub = { claimLocal: vi.fn(async () => ({ token: 'other' })), kioskConfig: vi.fn(async () => CONFIG) };
    await bootKiosk(hub, memoryStorage({ [DEVICE_TOKEN_KEY]: TOKEN }));
    expect(hub.claimLocal).not.toHaveBeenCalled();
  });

  it('reports an unregistered kiosk when both the claim and the config fail', async () => {
    const storage = memoryStorage();
    const hub = {
      claimLocal: vi.fn(async () => Promise.reject(new HubError('kiosk.unknown'))),
      kioskConfig: vi.fn(async () => Promise.reject(new HubError('kiosk.unknown'))),
    };
    expect(await bootKiosk(hub, storage)).toEqual({ ok: false, notice: { key: 'code.kiosk.unknown' } });
    expect(storage.values.size).toBe(0);
  });
});
