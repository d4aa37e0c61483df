/**
 * The kiosk fleet: profiles (named settings that kiosks share), pairing a kiosk with a one-time
 * code, heartbeats and the admin panel's live list. The hub parses requests with these, the
 * apps their answers; the profile form checks its fields with the same schema before sending.
 */
import { z } from 'zod/mini';
import { ScanRules } from '../barcodes';
import { Bilingual, Line, ProfileImageId, Slide } from './kiosk-slides';
import { KIOSK_MODES, Language, OfflinePolicy } from './schemas';

export { OFFLINE_ITEMS_PER_CARD } from './schemas';

const IsoDateTime = z.iso.datetime({ offset: true });
const Id = z.int().check(z.positive());
export const IDLE_TIMEOUT_SECONDS = { min: 10, max: 3600 } as const;
export const IDLE_COUNTDOWN_SECONDS = { min: 5, max: 120 } as const;
export const MAX_SLIDES = 10;

/**
 * What staff decide about a kiosk cut off from the hub (issue 10): the part of the kiosk's
 * OfflinePolicy a profile holds. The hub adds the loan period and the blocked cards.
 */
export const ProfileOfflinePolicy = z.strictObject(z.pick(OfflinePolicy, { returnsQueued: true, borrowing: true, maxItemsPerCard: true }).shape);
export type ProfileOfflinePolicy = z.infer<typeof ProfileOfflinePolicy>;

/** A profile's settings: every field has today's default, so older stored settings read as complete. */
export const ProfileSettings = z
  .strictObject({
    mode: z._default(z.enum(KIOSK_MODES), 'both'),
    defaultLanguage: z._default(Language, 'zh-CN'),
    /** Whether the kiosk offers the language switch. */
    languageSwitch: z._default(z.boolean(), true),
    idleTimeoutSeconds: z._default(z.int().check(z.minimum(IDLE_TIMEOUT_SECONDS.min), z.maximum(IDLE_TIMEOUT_SECONDS.max)), 60),
    /** How long the "are you still there?" warning counts down, within the idle timeout. */
    idleCountdownSeconds: z._default(z.int().check(z.minimum(IDLE_COUNTDOWN_SECONDS.min), z.maximum(IDLE_COUNTDOWN_SECONDS.max)), 20),
    sound: z._default(z.boolean(), true),
    receipt: z._default(z.enum(['ask', 'always', 'never']), 'ask'),
    phoneReceipt: z._default(z.boolean(), true),
    /** A camera's label as kiosks report it; null: the patron taps "Use camera" for the default one. */
    cameraLabel: z._default(z.nullable(Line(120).check(z.minLength(1))), null),
    /** The profile's own card and item rules; null: the library's. */
    scanRules: z._default(z.nullable(ScanRules), null),
    slides: z._default(z.array(Slide).check(z.maxLength(MAX_SLIDES)), []),
    /** The library's name on these kiosks; null: the library's own (settings). */
    libraryName: z._default(z.nullable(Bilingual(60)), null),
    /** The library's logo on the attract screen (an uploaded picture); null: none. */
    logo: z._default(z.nullable(ProfileImageId), null),
    /** Returns queued (default on), borrowing (default off) and its limit while the hub cannot be reached. */
    offline: z.prefault(ProfileOfflinePolicy, {}),
  })
  .check(
    z.refine((settings) => settings.idleCountdownSeconds < settings.idleTimeoutSeconds, {
      path: ['idleCountdownSeconds'],
      message: 'notShorterThanIdle',
    }),
  );
export type ProfileSettings = z.infer<typeof ProfileSettings>;

export const ProfileName = Line(60).check(z.minLength(1));

export const ProfileInput = z.strictObject({ name: ProfileName, settings: ProfileSettings });
export type ProfileInput = z.infer<typeof ProfileInput>;

export const Profile = z.object({
  id: Id,
  name: z.string(),
  settings: ProfileSettings,
  /** How many kiosks use it (a profile in use cannot be deleted). */
  kioskCount: z.int().check(z.minimum(0)),
});
export type Profile = z.infer<typeof Profile>;

export const ProfileList = z.object({ profiles: z.array(Profile) });
export type ProfileList = z.infer<typeof ProfileList>;

// ---------- heartbeats ----------
/** What a kiosk's screen is doing: never who is using it. `closed`: its page went away. */
export const KIOSK_SCREEN_STATES = ['attract', 'session', 'ebooks', 'pairing', 'closed'] as const;
export type KioskScreenState = (typeof KIOSK_SCREEN_STATES)[number];

export const MAX_HEARTBEAT_ERRORS = 20;

/**
 * An error at the kiosk since its last heartbeat: where it came from and its class (TypeError) or
 * the hub's refusal code (ils.unavailable), never a message, which could quote patron data.
 */
export const KioskError = z.strictObject({
  /** camera: the profile's camera is not plugged in (camera.missing). */
  source: z.enum(['uncaught', 'rejection', 'hub', 'camera']),
  name: z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_.]{0,47}$/)),
});
export type KioskError = z.infer<typeof KioskError>;

export const Heartbeat = z.strictObject({
  /** The kiosk app's version (package.json at build time). */
  version: z.string().check(z.regex(/^[0-9A-Za-z._+-]{1,40}$/)),
  state: z.enum(KIOSK_SCREEN_STATES),
  /** Labels are empty until the browser may use the camera (permission). */
  camera: z.strictObject({ present: z.boolean(), labels: z.array(Line(120)).check(z.maxLength(8)) }),
  storagePersisted: z.boolean(),
  /** Transactions waiting to be sent (the offline outbox). */
  outboxDepth: z.int().check(z.minimum(0), z.maximum(1_000_000)),
  errors: z.array(KioskError).check(z.maxLength(MAX_HEARTBEAT_ERRORS)),
  /** Errors beyond the ones listed. */
  errorsDropped: z.int().check(z.minimum(0), z.maximum(1_000_000)),
});
export type Heartbeat = z.infer<typeof Heartbeat>;

/** The hub's answer: the version of the kiosk's config, so the kiosk fetches it only when it changed. */
export const HeartbeatAnswer = z.object({ configVersion: z.string() });
export type HeartbeatAnswer = z.infer<typeof HeartbeatAnswer>;

// ---------- pairing ----------
export const PairingCode = z.string().check(z.regex(/^\d{6}$/));
export const PairRequest = z.strictObject({ code: PairingCode });
export const PairAnswer = z.object({ token: z.string().check(z.minLength(32)) });
export type PairAnswer = z.infer<typeof PairAnswer>;

export const PAIRING_CODE_MINUTES = 10;
/** Wrong codes typed at any kiosk while a code is valid: this many, and it is burnt. */
export const PAIRING_CODE_MAX_WRONG = 5;

export const IssuedPairingCode = z.object({ kioskId: z.string(), code: PairingCode, expiresAt: IsoDateTime });
export type IssuedPairingCode = z.infer<typeof IssuedPairingCode>;

// ---------- the fleet page ----------
export const KioskName = Line(60).check(z.minLength(1));
export const KioskLocation = Line(80);

export const AddKioskRequest = z.strictObject({ name: KioskName, location: z._default(KioskLocation, ''), profileId: Id });
export type AddKioskRequest = z.infer<typeof AddKioskRequest>;

export const KioskChange = z
  .strictObject({ name: z.optional(KioskName), location: z.optional(KioskLocation), profileId: z.optional(Id) })
  .check(z.refine((change) => Object.keys(change).length > 0, { message: 'required' }));
export type KioskChange = z.infer<typeof KioskChange>;

export const FleetKiosk = z.object({
  id: z.string(),
  name: z.string(),
  location: z.string(),
  profileId: Id,
  profileName: z.string(),
  /** Revoked by staff: no device token works until it is paired again. */
  revoked: z.boolean(),
  /** Holds a device token. */
  paired: z.boolean(),
  /** A pairing code is waiting to be typed at the kiosk until then. */
  pairingCodeExpiresAt: z.nullable(IsoDateTime),
  online: z.boolean(),
  lastHeartbeatAt: z.nullable(IsoDateTime),
  heartbeat: z.nullable(Heartbeat),
});
export type FleetKiosk = z.infer<typeof FleetKiosk>;

/** A kiosk with no heartbeat for this long is offline (it sends one every 30 s). */
export const KIOSK_OFFLINE_AFTER_SECONDS = 90;
/** How often a kiosk sends its heartbeat and so learns of a changed config. */
export const HEARTBEAT_INTERVAL_SECONDS = 30;

export const FleetList = z.object({
  kiosks: z.array(FleetKiosk),
  /** Every camera label the kiosks report, for the profile's camera choice. */
  cameraLabels: z.array(z.string()),
});
export type FleetList = z.infer<typeof FleetList>;
