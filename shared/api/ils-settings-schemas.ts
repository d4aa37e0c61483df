/**
 * The admin panel's Library system page (admins only): the ILS settings the hub runs with, the
 * settings it will start with next (environment variables over what the panel stored), the form
 * that stores them, and what a Test connection found. Validated on both sides.
 */
import { z } from 'zod/mini';
import { SIP2_ENCODINGS } from '../sip2/encoding';

export const ILS_KINDS = ['embedded', 'sip2'] as const;
export type IlsKind = (typeof ILS_KINDS)[number];

export const SIP2_TERMINATOR_NAMES = ['cr', 'crlf'] as const;
export const SIP2_PORT = { min: 1, max: 65535 } as const;
export const SIP2_TIMEOUT_MS = { min: 100, max: 120_000 } as const;

/** Every setting of the page, in form order, with the environment variable that overrides it. */
export const ILS_SETTING_VARIABLES = {
  ils: 'ILS',
  host: 'SIP2_HOST',
  port: 'SIP2_PORT',
  tls: 'SIP2_TLS',
  user: 'SIP2_USER',
  password: 'SIP2_PASSWORD',
  location: 'SIP2_LOCATION',
  institution: 'SIP2_INSTITUTION',
  encoding: 'SIP2_ENCODING',
  terminator: 'SIP2_TERMINATOR',
  timeoutMs: 'SIP2_TIMEOUT_MS',
} as const;
export type IlsSettingName = keyof typeof ILS_SETTING_VARIABLES;
export const ILS_SETTING_NAMES = Object.keys(ILS_SETTING_VARIABLES) as IlsSettingName[];

/** A SIP2 field's text: `|` separates SIP2's fields and control characters end messages, so neither may stand in one. */
const Sip2Text = (max: number) => z.string().check(z.maxLength(max), z.regex(/^[^|\u0000-\u001f\u007f]*$/, { message: 'sip2Characters' }));

/** The SIP2 settings but the password. `host` may be empty only while the embedded ILS is chosen. */
export const Sip2Fields = z.strictObject({
  /** A DNS name or an IP address (IPv6 in brackets or bare). */
  host: z.string().check(z.maxLength(253), z.regex(/^[A-Za-z0-9._:[\]-]*$/, { message: 'invalid' })),
  port: z.int().check(z.minimum(SIP2_PORT.min), z.maximum(SIP2_PORT.max)),
  tls: z.boolean(),
  user: Sip2Text(64),
  location: Sip2Text(64),
  institution: Sip2Text(64),
  encoding: z.enum(SIP2_ENCODINGS),
  terminator: z.enum(SIP2_TERMINATOR_NAMES),
  timeoutMs: z.int().check(z.minimum(SIP2_TIMEOUT_MS.min), z.maximum(SIP2_TIMEOUT_MS.max)),
});
export type Sip2Fields = z.infer<typeof Sip2Fields>;

export const SIP2_DEFAULTS: Sip2Fields = { host: '', port: 6001, tls: false, user: '', location: '', institution: '', encoding: 'utf-8', terminator: 'cr', timeoutMs: 5000 };

export const Sip2PasswordText = Sip2Text(128);

/** The password is never sent back: the form keeps it, replaces it, or clears it (an ILS that asks none). */
export const Sip2PasswordChange = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('keep') }),
  z.strictObject({ action: z.literal('replace'), value: Sip2PasswordText.check(z.minLength(1)) }),
  z.strictObject({ action: z.literal('clear') }),
]);
export type Sip2PasswordChange = z.infer<typeof Sip2PasswordChange>;

/**
 * What the form sends (to store, or to test unsaved). Settings the environment sets come as the
 * page showed them and must equal the environment's (the hub refuses others, `setByEnvironment`).
 */
export const IlsSettingsInput = z.strictObject({ ils: z.enum(ILS_KINDS), sip2: Sip2Fields, password: Sip2PasswordChange }).check(
  z.refine((input) => input.ils !== 'sip2' || input.sip2.host !== '', {
    path: ['sip2', 'host'],
    message: 'required',
    // Said together with the fields' own problems, not only once they are all right.
    when: (payload) => z.object({ ils: z.enum(ILS_KINDS), sip2: z.object({ host: z.string() }) }).safeParse(payload.value).success,
  }),
);
export type IlsSettingsInput = z.infer<typeof IlsSettingsInput>;

/** Test connection: with the form's settings (saved or not), or with no body the ones the hub runs with. */
export const IlsTestRequest = z.strictObject({ settings: z.optional(IlsSettingsInput) });
export type IlsTestRequest = z.infer<typeof IlsTestRequest>;

/** SIP2 settings as shown: plain shapes (an environment variable is shown as the hub read it), the password only as set or not. */
const Sip2View = z.object({
  host: z.string(),
  port: z.int(),
  tls: z.boolean(),
  user: z.string(),
  /** Whether a password is set; the password itself never leaves the hub. */
  passwordSet: z.boolean(),
  location: z.string(),
  institution: z.string(),
  encoding: z.enum(SIP2_ENCODINGS),
  terminator: z.enum(SIP2_TERMINATOR_NAMES),
  timeoutMs: z.int(),
});
export type Sip2View = z.infer<typeof Sip2View>;

export const IlsSettingsView = z.object({
  /** What the hub runs with now. `sip2` is null with the embedded ILS. */
  ils: z.enum(ILS_KINDS),
  sip2: z.nullable(Sip2View),
  /** What it will start with: the environment's settings over the stored ones over the defaults. */
  next: z.object({ ils: z.enum(ILS_KINDS), sip2: Sip2View }),
  /** The settings an environment variable sets: shown read-only. */
  fromEnvironment: z.array(z.enum(ILS_SETTING_NAMES as [IlsSettingName, ...IlsSettingName[]])),
  /**
   * The hub builds its ILS adapter once at start (the kiosks' scan rules and PIN format follow
   * from it, and signed-in patrons belong to it), so saved changes wait for a restart.
   */
  restartNeeded: z.boolean(),
});
export type IlsSettingsView = z.infer<typeof IlsSettingsView>;

/** A 93 login and a 99 status request: the 98 reply in words, or why there was none. */
export const IlsConnectionTest = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    online: z.boolean(),
    allows: z.object({ checkout: z.boolean(), checkin: z.boolean(), renewal: z.boolean(), offline: z.boolean() }),
    /** The ILS's name for itself (98 AM), as sent. */
    libraryName: z.nullable(z.string()),
  }),
  /** `reason` is the hub's technical account (refused login, timeout, address), shown as sent. */
  z.object({ ok: z.literal(false), reason: z.string() }),
]);
export type IlsConnectionTest = z.infer<typeof IlsConnectionTest>;
