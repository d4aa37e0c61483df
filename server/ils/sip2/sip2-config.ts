/** SIP2_* from the environment (server/config.ts reads them when ILS=sip2). Bad values stop the hub at start. */
import { isSip2Encoding, TERMINATORS, type Sip2Terminator } from '../../../shared/sip2';
import type { Sip2Settings } from './sip2-settings';

type Env = Record<string, string | undefined>;

export const ILS_KINDS = ['embedded', 'sip2'] as const;
export type IlsKind = (typeof ILS_KINDS)[number];

export function ilsKind(env: Env): IlsKind {
  const value = env.ILS?.trim() || 'embedded';
  if (!(ILS_KINDS as readonly string[]).includes(value)) throw new Error(`ILS must be embedded or sip2 (got "${value}")`);
  return value as IlsKind;
}

export function loadSip2Settings(env: Env): Sip2Settings {
  const host = env.SIP2_HOST?.trim();
  if (!host) throw new Error('SIP2_HOST is needed with ILS=sip2: the address of the library system’s SIP2 server');
  const encoding = (env.SIP2_ENCODING?.trim() || 'utf-8').toLowerCase();
  if (!isSip2Encoding(encoding)) throw new Error(`SIP2_ENCODING must be utf-8, cp850 or gb18030 (got "${encoding}")`);
  const terminator = (env.SIP2_TERMINATOR?.trim() || 'cr').toLowerCase();
  if (!Object.hasOwn(TERMINATORS, terminator)) throw new Error(`SIP2_TERMINATOR must be cr or crlf (got "${terminator}")`);
  const tls = env.SIP2_TLS?.trim() || '0';
  if (tls !== '0' && tls !== '1') throw new Error(`SIP2_TLS must be 0 or 1 (got "${tls}")`);
  return {
    host,
    port: whole(env, 'SIP2_PORT', 6001, 1, 65535),
    tls: tls === '1',
    user: env.SIP2_USER?.trim() ?? '',
    // Kept as given: a password may start or end with a blank.
    password: env.SIP2_PASSWORD ?? '',
    location: env.SIP2_LOCATION?.trim() ?? '',
    institution: env.SIP2_INSTITUTION?.trim() ?? '',
    encoding,
    terminator: terminator as Sip2Terminator,
    timeoutMs: whole(env, 'SIP2_TIMEOUT_MS', 5000, 100, 120_000),
  };
}

function whole(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  return value;
}
