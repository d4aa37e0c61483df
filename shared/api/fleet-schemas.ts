/**
 * The kiosk fleet: profiles (named settings that kiosks share), pairing a kiosk with a one-time
 * code, heartbeats and the admin panel's live list. The hub parses requests with these, the
 * apps their answers; the profile form checks its fields with the same schema before sending.
 */
import { z } from 'zod';
import { ScanRules } from '../barcodes';
import { Bilingual, Line, ProfileImageId, Slide } from './kiosk-slides';
import { KIOSK_MODES, Language, OfflinePolicy } from './schemas';

const IsoDateTime = z.iso.datetime({ offset: true });
const Id = z.int().positive();
export const IDLE_TIMEOUT_SECONDS = { min: 10, max: 3600 } as const;
export const IDLE_COUNTDOWN_SECONDS = { min: 5, max: 120 } as const;
export const MAX_SLIDES = 10;

/**
 * What staff decide about a kiosk cut off from the hub (issue 10): the part of the kiosk's
 * OfflinePolicy a profile holds. The hub adds the loan period and the blocked cards.
 */
export const ProfileOfflinePolicy = OfflinePolicy.pick({ returnsQueued: true, borrowing: true, maxItemsPerCard: true }).strict();
export type ProfileOfflinePolicy = z.infer<typeof ProfileOfflinePolicy>;
const offlineItems = OfflinePolicy.shape.maxItemsPerCard.unwrap();
export const OFFLINE_ITEMS_PER_CARD = { min: offlineItems.minValue ?? 1, max: offlineItems.maxValue ?? 50 } as const;

/** A profile's settings: every field has today's default, so older stored settings read as complete. */
export const ProfileSettings = z
  .object({
    mode: z.enum(KIOSK_MODES).default('both'),
    defaultLanguage: Language.default('zh-CN'),
    /** Whether the kiosk offers the language switch. */
    languageSwitch: z.boolean().default(true),
    idleTimeoutSeconds: z.int().min(IDLE_TIMEOUT_SECONDS.min).max(IDLE_TIMEOUT_SECONDS.max).default(60),
    /** How long the "are you still there?" warning counts down, within the idle timeout. */
    idleCountdownSeconds: z.int().min(IDLE_COUNTDOWN_SECONDS.min).max(IDLE_COUNTDOWN_SECONDS.max).default(20),
    sound: z.boolean().default(true),
    receipt: z.enum(['ask', 'always', 'never']).default('ask'),
    phoneReceipt: z.boolean().default(true),
    /** A camera's label as kiosks report it; null: the patron taps "Use camera" for the default one. */
    cameraLabel: Line(120).min(1).nullable().default(null),
    /** The profile's own card and item rules; null: the library's. */
    scanRules: ScanRules.nullable().default(null),
    slides: z.array(Slide).max(MAX_SLIDES).default([]),
    /** The library's name on these kiosks; null: the library's own (settings). */
    libraryName: Bilingual(60).nullable().default(null),
    /** The library's logo on the attract screen (an uploaded picture); null: none. */
    logo: ProfileImageId.nullable().default(null),
    /** Returns queued (default on), borrowing (default off) and its limit while the hub cannot be reached. */
    offline: ProfileOfflinePolicy.prefault({}),
  })
  .strict()
  .refine((settings) => settings.idleCountdownSeconds < settings.idleTimeoutSeconds, {
    path: ['idleCountdownSeconds'],
    message: 'notShorterThanIdle',
  });
export type ProfileSettings = z.infer<typeof ProfileSettings>;

export const ProfileName = Line(60).min(1);

export const ProfileInput = z.object({ name: ProfileName, settings: ProfileSettings }).strict();
export type ProfileInput = z.infer<typeof ProfileInput>;

export const Profile = z.object({
  id: Id,
  name: z.string(),
  settings: ProfileSettings,
  /** How many kiosks use it (a profile in use cannot be deleted). */
  kioskCount: z.int().min(0),
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
export const KioskError = z
  .object({
    /** camera: the profile's camera is not plugged in (camera.missing). */
    source: z.enum(['uncaught', 'rejection', 'hub', 'camera']),
    name: z.string().regex(/^[A-Za-z][A-Za-z0-9_.]{0,47}$/),
  })
  .strict();
export type KioskError = z.infer<typeof KioskError>;

export const Heartbeat = z
  .object({
    /** The kiosk app's version (package.json at build time). */
    version: z.string().regex(/^[0-9A-Za-z._+-]{1,40}$/),
    state: z.enum(KIOSK_SCREEN_STATES),
    /** Labels are empty until the browser may use the camera (permission). */
    camera: z.object({ present: z.boolean(), labels: z.array(Line(120)).max(8) }).strict(),
    storagePersisted: z.boolean(),
    /** Transactions waiting to be sent (the offline outbox). */
    outboxDepth: z.int().min(0).max(1_000_000),
    errors: z.array(KioskError).max(MAX_HEARTBEAT_ERRORS),
    /** Errors beyond the ones listed. */
    errorsDropped: z.int().min(0).max(1_000_000),
  })
  .strict();
export type Heartbeat = z.infer<typeof Heartbeat>;

/** The hub's answer: the version of the kiosk's config, so the kiosk fetches it only when it changed. */
export const HeartbeatAnswer = z.object({ configVersion: z.string() });
export type HeartbeatAnswer = z.infer<typeof HeartbeatAnswer>;

// ---------- pairing ----------
export const PairingCode = z.string().regex(/^\d{6}$/);
export const PairRequest = z.object({ code: PairingCode }).strict();
export const PairAnswer = z.object({ token: z.string().min(32) });
export type PairAnswer = z.infer<typeof PairAnswer>;

export const PAIRING_CODE_MINUTES = 10;
/** Wrong codes typed at any kiosk while a code is valid: this many, and it is burnt. */
export const PAIRING_CODE_MAX_WRONG = 5;

export const IssuedPairingCode = z.object({ kioskId: z.string(), code: PairingCode, expiresAt: IsoDateTime });
export type IssuedPairingCode = z.infer<typeof IssuedPairingCode>;

// ---------- the fleet page ----------
export const KioskName = Line(60).min(1);
export const KioskLocation = Line(80);

export const AddKioskRequest = z.object({ name: KioskName, location: KioskLocation.default(''), profileId: Id }).strict();
export type AddKioskRequest = z.infer<typeof AddKioskRequest>;

export const KioskChange = z
  .object({ name: KioskName.optional(), location: KioskLocation.optional(), profileId: Id.optional() })
  .strict()
  .refine((change) => Object.keys(change).length > 0, { message: 'required' });
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
  pairingCodeExpiresAt: IsoDateTime.nullable(),
  online: z.boolean(),
  lastHeartbeatAt: IsoDateTime.nullable(),
  heartbeat: Heartbeat.nullable(),
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
