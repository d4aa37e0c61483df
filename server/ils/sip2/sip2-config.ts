/**
 * The ILS settings the hub starts with (server/config.ts): each from its environment variable when
 * that is set, else as the admin panel stored it (server/ils/ils-settings-store.ts), else the default.
 * A bad environment value stops the hub at start, in words for whoever runs it.
 */
import {
  ILS_KINDS,
  SIP2_DEFAULTS,
  SIP2_PORT,
  SIP2_TIMEOUT_MS,
  type IlsKind,
  type IlsSettingName,
  type Sip2Fields,
} from '../../../shared/api/ils-settings-schemas';
import { isSip2Encoding, TERMINATORS, type Sip2Terminator } from '../../../shared/sip2';
import type { Sip2Settings } from './sip2-settings';

export { ILS_KINDS, type IlsKind };

type Env = Record<string, string | undefined>;

/** Every setting of the Library system page, the password included. */
export interface IlsSettingValues extends Sip2Fields {
  ils: IlsKind;
  password: string;
}
/** Some of them: those an environment sets, or those the panel stored. */
export type SomeIlsSettings = Partial<IlsSettingValues>;

const set = (value: string | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/** The settings the environment sets (a blank variable counts as unset). */
export function ilsSettingsFromEnvironment(env: Env): SomeIlsSettings {
  const ils = set(env.ILS);
  if (ils !== undefined && !(ILS_KINDS as readonly string[]).includes(ils)) throw new Error(`ILS must be embedded or sip2 (got "${ils}")`);
  const encoding = set(env.SIP2_ENCODING)?.toLowerCase();
  if (encoding !== undefined && !isSip2Encoding(encoding)) throw new Error(`SIP2_ENCODING must be utf-8, cp850 or gb18030 (got "${encoding}")`);
  const terminator = set(env.SIP2_TERMINATOR)?.toLowerCase();
  if (terminator !== undefined && !Object.hasOwn(TERMINATORS, terminator)) throw new Error(`SIP2_TERMINATOR must be cr or crlf (got "${terminator}")`);
  const tls = set(env.SIP2_TLS);
  if (tls !== undefined && tls !== '0' && tls !== '1') throw new Error(`SIP2_TLS must be 0 or 1 (got "${tls}")`);
  const values: SomeIlsSettings = {
    ils: ils as IlsKind | undefined,
    host: set(env.SIP2_HOST),
    port: whole(env, 'SIP2_PORT', SIP2_PORT),
    tls: tls === undefined ? undefined : tls === '1',
    user: set(env.SIP2_USER),
    // Kept as given: a password may start or end with a blank.
    password: env.SIP2_PASSWORD ? env.SIP2_PASSWORD : undefined,
    location: set(env.SIP2_LOCATION),
    institution: set(env.SIP2_INSTITUTION),
    encoding: encoding as Sip2Fields['encoding'] | undefined,
    terminator: terminator as Sip2Terminator | undefined,
    timeoutMs: whole(env, 'SIP2_TIMEOUT_MS', SIP2_TIMEOUT_MS),
  };
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

/** The environment's settings over the stored ones over the defaults. */
export function mergeIlsSettings(environment: SomeIlsSettings, stored: SomeIlsSettings): IlsSettingValues {
  return { ils: 'embedded', ...SIP2_DEFAULTS, password: '', ...stored, ...environment };
}

export const settingsFromEnvironment = (environment: SomeIlsSettings): IlsSettingName[] => Object.keys(environment) as IlsSettingName[];

/** What the SIP2 adapter runs with; null with the embedded ILS. */
export function sip2SettingsOf({ ils, ...settings }: IlsSettingValues): Sip2Settings | null {
  if (ils !== 'sip2') return null;
  if (settings.host === '') {
    throw new Error('SIP2_HOST is needed with ILS=sip2: the address of the library system’s SIP2 server (set it in the environment or on the admin panel’s Library system page)');
  }
  return settings;
}

function whole(env: Env, name: string, { min, max }: { min: number; max: number }): number | undefined {
  const raw = set(env[name]);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  return value;
}
