/** Kiosk identity: the device token (device data, never patron data) and the kiosk's config. */
import type { HubClient } from '../../shared/api/hub-client';
import type { KioskConfig } from '../../shared/api/schemas';
import { errorNotice, type Notice } from '../session/notices';

export const DEVICE_TOKEN_KEY = 'kiosk.deviceToken';

export type BootResult = { ok: true; config: KioskConfig } | { ok: false; notice: Notice };

export async function bootKiosk(
  hub: Pick<HubClient, 'claimLocal' | 'kioskConfig'>,
  storage: Pick<Storage, 'getItem' | 'setItem'>,
): Promise<BootResult> {
  if (storage.getItem(DEVICE_TOKEN_KEY) === null) {
    try {
      const { token } = await hub.claimLocal();
      storage.setItem(DEVICE_TOKEN_KEY, token);
    } catch {
      // Only a kiosk on the hub's own machine may claim itself; others are paired by staff.
      // Without a token the config call below fails, and that decides what the screen says.
    }
  }
  try {
    return { ok: true, config: await hub.kioskConfig() };
  } catch (error) {
    return { ok: false, notice: errorNotice(error, Date.now()) };
  }
}
