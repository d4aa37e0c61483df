/** Kiosk start: the device token, then the kiosk's config from the hub, or the last one it sent while the hub is down. */
import { isRefusal, type HubClient } from '../../shared/api/hub-client';
import type { KioskConfig } from '../../shared/api/schemas';
import { errorNotice, type Notice } from '../session/notices';
import type { DeviceIdentity } from './device-identity';

export type BootResult =
  /** `offline`: the hub could not be asked, so this is the config it sent last (kiosk/db). */
  | { kind: 'ready'; config: KioskConfig; offline: boolean }
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
  try {
    const config = await hub.kioskConfig();
    // Not saved (storage full, private mode): this start works, only a start with the hub down would not.
    await identity.saveProfile(config).catch(() => undefined);
    return { kind: 'ready', config, offline: false };
  } catch (error) {
    if (isRefusal(error, 'kiosk.unknown')) return { kind: 'notRegistered' };
    const saved = await identity.lastProfile().catch(() => null);
    return saved === null ? { kind: 'failed', notice: errorNotice(error, Date.now()) } : { kind: 'ready', config: saved, offline: true };
  }
}
