/** Kiosk identity: the device token (device data, never patron data) and the kiosk's config. */
import { isRefusal, type HubClient } from '../../shared/api/hub-client';
import type { KioskConfig } from '../../shared/api/schemas';
import { errorNotice, type Notice } from '../session/notices';

/** Kept in localStorage, which a kiosk's browser keeps (the offline issue moves it to IndexedDB). */
export const DEVICE_TOKEN_KEY = 'kiosk.deviceToken';

export type BootResult =
  | { kind: 'ready'; config: KioskConfig }
  /** No device token, and none to claim: staff pair this browser with a code. */
  | { kind: 'pairing' }
  /** The hub does not know the token any more (staff revoked the kiosk). */
  | { kind: 'notRegistered' }
  /** The hub could not be asked (down, restarting): try again. */
  | { kind: 'failed'; notice: Notice };

export async function bootKiosk(
  hub: Pick<HubClient, 'claimLocal' | 'kioskConfig'>,
  storage: Pick<Storage, 'getItem' | 'setItem'>,
  { pairRequested = false }: { pairRequested?: boolean } = {},
): Promise<BootResult> {
  // `/kiosk/?pair`: the pairing screen even on the hub's own machine, so a second kiosk can be paired there.
  if (pairRequested) return { kind: 'pairing' };
  if (storage.getItem(DEVICE_TOKEN_KEY) === null) {
    try {
      const { token } = await hub.claimLocal();
      storage.setItem(DEVICE_TOKEN_KEY, token);
    } catch (error) {
      // Only the kiosk on the hub's own machine may claim itself (demo mode); others are paired by staff.
      return isRefusal(error, 'kiosk.unknown') ? { kind: 'pairing' } : { kind: 'failed', notice: errorNotice(error, Date.now()) };
    }
  }
  try {
    return { kind: 'ready', config: await hub.kioskConfig() };
  } catch (error) {
    return isRefusal(error, 'kiosk.unknown') ? { kind: 'notRegistered' } : { kind: 'failed', notice: errorNotice(error, Date.now()) };
  }
}
