/**
 * Which camera a scanning screen opens. The kiosk profile names its camera by the label kiosks
 * report in their heartbeat (the fleet page lists them), since a device id differs per browser
 * profile and after re-plugging. Labels are empty until the browser may use a camera: then, as
 * when the named camera is not plugged in, the patron is asked to tap "Use camera".
 */

/** What the choice needs of navigator.mediaDevices.enumerateDevices(). */
export type CameraDevice = Pick<MediaDeviceInfo, 'kind' | 'label' | 'deviceId'>;

export interface WantedCamera {
  /** The kiosk's own camera setting; null: the browser's default. */
  deviceId: string | null;
  /** The kiosk profile's camera, by label; null: none named. */
  label: string | null;
  /** The patron tapped "Use camera": any camera does, should the named one be missing. */
  askedByPatron: boolean;
}

/** `open`: the device id to open (null: the browser's default); `missing`: ask the patron first. */
export type CameraChoice = { open: string | null } | { missing: string };

export function chooseCamera(devices: readonly CameraDevice[], wanted: WantedCamera): CameraChoice {
  if (wanted.label === null) return { open: wanted.deviceId };
  const label = wanted.label.trim();
  const named = devices.find((device) => device.kind === 'videoinput' && device.label.trim() === label);
  if (named) return { open: named.deviceId };
  return wanted.askedByPatron ? { open: null } : { missing: label };
}
