/** What a heartbeat says about this kiosk, from the browser's own APIs (injected, so tests need no browser). */
import type { Heartbeat, KioskScreenState } from '../../shared/api/fleet-schemas';
import type { ErrorLog } from './error-log';

export interface KioskProbes {
  /** The app's version, from package.json at build time. */
  version: string;
  screenState: () => KioskScreenState;
  /** navigator.mediaDevices.enumerateDevices(): labels are empty until the camera was allowed. */
  listDevices: () => Promise<Array<Pick<MediaDeviceInfo, 'kind' | 'label'>>>;
  /** navigator.storage.persisted() */
  storagePersisted: () => Promise<boolean>;
  outboxDepth: () => Promise<number>;
  errors: ErrorLog;
}

const MAX_LABELS = 8;
const MAX_LABEL_LENGTH = 120;

export async function heartbeatReport(probes: KioskProbes, state: KioskScreenState = probes.screenState()): Promise<Heartbeat> {
  const [devices, storagePersisted, outboxDepth] = await Promise.all([
    probes.listDevices().catch(() => []),
    probes.storagePersisted().catch(() => false),
    probes.outboxDepth().catch(() => 0),
  ]);
  const cameras = devices.filter((device) => device.kind === 'videoinput');
  const labels = cameras
    // Control characters would be refused by the hub; a label is never needed whole.
    .map((camera) => camera.label.replace(/\p{Cc}/gu, ' ').trim().slice(0, MAX_LABEL_LENGTH))
    .filter((label) => label !== '')
    .slice(0, MAX_LABELS);
  return {
    version: probes.version,
    state,
    camera: { present: cameras.length > 0, labels },
    storagePersisted,
    outboxDepth,
    ...probes.errors.take(),
  };
}
