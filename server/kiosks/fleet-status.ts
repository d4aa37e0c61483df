/** The admin panel's view of every kiosk: its profile, pairing and how it is doing (from its last heartbeat). */
import { KIOSK_OFFLINE_AFTER_SECONDS, type FleetKiosk, type FleetList } from '../../shared/api/fleet-schemas';
import type { Clock } from '../clock';
import type { KioskRegistry, KioskRow } from './kiosk-registry';
import type { PairingCodes } from './pairing-codes';

export function fleetList(kiosks: KioskRegistry, pairingCodes: PairingCodes, now: Clock): FleetList {
  const profileNames = new Map(kiosks.profiles.list().map((profile) => [profile.id, profile.name]));
  const list = kiosks.rows().map((row) => fleetKiosk(kiosks, pairingCodes, row, profileNames, now()));
  const cameraLabels = [...new Set(list.flatMap((kiosk) => kiosk.heartbeat?.camera.labels ?? []))].filter(Boolean).sort();
  return { kiosks: list, cameraLabels };
}

function fleetKiosk(kiosks: KioskRegistry, pairingCodes: PairingCodes, row: KioskRow, profileNames: Map<number, string>, now: Date): FleetKiosk {
  const heartbeat = kiosks.lastHeartbeat(row);
  const recent = row.heartbeat_at !== null && now.getTime() - Date.parse(row.heartbeat_at) < KIOSK_OFFLINE_AFTER_SECONDS * 1000;
  return {
    id: row.id,
    name: row.name,
    location: row.location,
    profileId: row.profile_id,
    profileName: profileNames.get(row.profile_id) ?? '',
    revoked: row.revoked_at !== null,
    paired: row.token_count > 0,
    pairingCodeExpiresAt: pairingCodes.waitingUntil(row.id),
    // A page that closed said so in its last heartbeat; a revoked kiosk serves nobody.
    online: recent && heartbeat?.state !== 'closed' && row.token_count > 0,
    lastHeartbeatAt: row.heartbeat_at,
    heartbeat,
  };
}
