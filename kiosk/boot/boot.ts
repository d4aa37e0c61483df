/**
 * Kiosk start: the device token, then the config the hub sent last (kiosk/db) at once, without
 * waiting for the hub: a hub machine switched off (connections never answered) would hold every
 * start for the 5 s answer deadline. The hub is asked in the background (main.tsx: the fleet link's
 * first heartbeat, which also finds a revoked kiosk, and a config refresh); a changed config is
 * applied between patrons. Only a kiosk with no saved config asks the hub first, and says "try
 * again" when it cannot be reached.
 */
import { isRefusal, type HubClient } from '../../shared/api/hub-client';
import type { KioskConfig } from '../../shared/api/schemas';
import { errorNotice, type Notice } from '../session/notices';
import type { DeviceIdentity } from './device-identity';

export type BootResult =
  /** `saved`: the config the hub sent last (kiosk/db), the hub not asked yet. */
  | { kind: 'ready'; config: KioskConfig; saved: boolean }
  /** No device token, and none to claim: staff pair this browser with a code. */
  | { kind: 'pairing' }
  /** The hub does not know the token any more (staff revoked the kiosk). */
  | { kind: 'notRegistered' }
  /** The hub could not be asked (down, restarting) and no config was ever saved: try again. */
  | { kind: 'failed'; notice: Notice };

export type BootIdentity = Pick<DeviceIdentity, 'load' | 'store' | 'saveProfile' | 'lastProfile'>;

export async function bootKiosk(
  hub: Pick<HubClient, 'claimLocal' | 'kioskConfig'>,
  identity: BootIdentity,
  { pairRequested = false }: { pairRequested?: boolean } = {},
): Promise<BootResult> {
  // `/kiosk/?pair`: the pairing screen even on the hub's own machine, so a second kiosk can be paired there.
  if (pairRequested) return { kind: 'pairing' };
  if ((await identity.load()) === null) {
    try {
      const { token } = await hub.claimLocal();
      await identity.store(token);
    } catch (error) {
      // Only the kiosk on the hub's own machine may claim itself (demo mode); others are paired by staff.
      return isRefusal(error, 'kiosk.unknown') ? { kind: 'pairing' } : { kind: 'failed', notice: errorNotice(error, Date.now()) };
    }
  }
  const saved = await identity.lastProfile().catch(() => null);
  if (saved !== null) return { kind: 'ready', config: saved, saved: true };
  try {
    const config = await hub.kioskConfig();
    // Not saved (storage full, private mode): this start works, only the next would wait for the hub.
    await identity.saveProfile(config).catch(() => undefined);
    return { kind: 'ready', config, saved: false };
  } catch (error) {
    return isRefusal(error, 'kiosk.unknown') ? { kind: 'notRegistered' } : { kind: 'failed', notice: errorNotice(error, Date.now()) };
  }
}
