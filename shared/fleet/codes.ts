/** Refusals of the kiosk fleet's admin routes: profiles and kiosks (translated in shared/i18n/staff-*.ts). */
export const FLEET_STAFF_REFUSALS = [
  /** The path names no kiosk profile. */
  'profile.unknown',
  /** A profile's settings break a rule: `problems` in the answer say which field and why. */
  'profile.invalid',
  /** Another profile already has this name. */
  'profile.nameTaken',
  /** A profile some kiosks still use cannot be deleted. */
  'profile.inUse',
  /** Profile 1 is every new kiosk's until staff choose another: it cannot be deleted. */
  'profile.isDefault',
  /** The path names no kiosk (the admin panel's kiosk id, not a device token). */
  'fleet.kioskUnknown',
  /** A profile picture past PROFILE_IMAGE_MAX_BYTES, or with more pixels than the hub decodes. */
  'profileImage.tooLarge',
  /** Not a PNG, JPEG or WebP by its content (whatever its name says). */
  'profileImage.unsupportedType',
  /** PNG, JPEG or WebP by its first bytes, but it does not decode. */
  'profileImage.unreadable',
  /** The path names no stored picture. */
  'profileImage.unknown',
] as const;
export type FleetStaffRefusal = (typeof FLEET_STAFF_REFUSALS)[number];

/** Refusals a kiosk's pairing screen shows (translated in shared/i18n/zh-CN.ts and en.ts). */
export const PAIRING_REFUSALS = [
  /** Wrong, expired, used or burnt: the kiosk is never told which, so a guess learns nothing. */
  'pairing.codeInvalid',
] as const;
