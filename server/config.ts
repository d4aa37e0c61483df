import { ilsSettingsFromEnvironment, mergeIlsSettings, sip2SettingsOf, type IlsKind, type SomeIlsSettings } from './ils/sip2/sip2-config';
import type { Sip2Settings } from './ils/sip2/sip2-settings';
import { isIP } from 'node:net';

/** The hub's settings from the environment. Everything has a default, so `npm start` just works. */
export interface HubConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Create the demo library on a brand-new database. */
  demo: boolean;
  /** Password of the `admin` staff account created on a brand-new database; random if unset. */
  adminPassword: string | null;
  /** The address people use to reach the hub, when it is behind a proxy or has a DNS name. */
  publicUrl: string | null;
  logLevel: string;
  /** Requests per minute per kiosk (or per IP address without a kiosk token); 0 turns limiting off. */
  rateLimitMax: number;
  /** A patron session ends after this many minutes without a request. */
  sessionIdleMinutes: number;
  /** The library's IANA time zone: when its day starts, for the daily e-book limit. */
  timeZone: string;
  /** How long an e-book download ticket (QR code) stays valid. */
  ebookTicketTtlSeconds: number;
  /** `card` e-books per patron per day. */
  ebookDailyLimit: number;
  /** The largest e-book file staff may upload. */
  ebookMaxBytes: number;
  /** The largest catalogue or patron file staff may import (IMPORT_MAX_MB). */
  importMaxBytes: number;
  /** `ILS`: the embedded circulation (default) or the library's own system over SIP2 (or as the admin panel stored it). */
  ils: IlsKind;
  /** SIP2_* over the admin panel's stored settings; null unless the ILS is sip2. */
  sip2: Sip2Settings | null;
  /** The ILS settings the environment sets: they win over the admin panel, which shows them read-only. */
  ilsEnvironment: SomeIlsSettings;
  /** HTTPS next to plain HTTP (docs/https.md); null with `HTTPS=off`. */
  https: HttpsConfig | null;
  /** TRUST_PROXY: the reverse proxies' addresses whose forwarded headers the hub believes; none by default. */
  trustProxy: string[];
}

export interface HttpsConfig {
  port: number;
  /** TLS_CERT and TLS_KEY: the library's own certificate; both null for one from the hub's local CA. */
  certFile: string | null;
  keyFile: string | null;
}

type Env = Record<string, string | undefined>;

/** `storedIls`: the Library system page's stored settings (server/ils/ils-settings-store.ts), which the environment overrides. */
export function loadConfig(env: Env = process.env, storedIls: SomeIlsSettings = {}): HubConfig {
  const ilsEnvironment = ilsSettingsFromEnvironment(env);
  const ils = mergeIlsSettings(ilsEnvironment, storedIls);
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host: text(env.HOST) ?? '0.0.0.0',
    dataDir: dataDirOf(env),
    demo: env.DEMO?.trim() !== '0',
    adminPassword: text(env.ADMIN_PASSWORD),
    publicUrl: text(env.PUBLIC_URL),
    logLevel: text(env.LOG_LEVEL) ?? 'info',
    rateLimitMax: integer(env, 'RATE_LIMIT_MAX', 600, 0, 1_000_000),
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 15, 1, 24 * 60),
    timeZone: timeZone(text(env.TIME_ZONE) ?? 'Asia/Shanghai'),
    ebookTicketTtlSeconds: integer(env, 'EBOOK_TICKET_TTL_SECONDS', 600, 5, 24 * 60 * 60),
    ebookDailyLimit: integer(env, 'EBOOK_DAILY_LIMIT', 5, 0, 1000),
    ebookMaxBytes: integer(env, 'EBOOK_MAX_MB', 200, 1, 4096) * 1024 ** 2,
    importMaxBytes: integer(env, 'IMPORT_MAX_MB', 50, 1, 1024) * 1024 ** 2,
    ils: ils.ils,
    sip2: sip2SettingsOf(ils),
    ilsEnvironment,
    https: httpsConfig(env),
    trustProxy: trustedProxies(text(env.TRUST_PROXY)),
  };
}

/** DATA_DIR alone: where the database is, read before the rest (server/main.ts reads stored settings from it). */
export function dataDirOf(env: Env): string {
  return text(env.DATA_DIR) ?? './data';
}

function httpsConfig(env: Env): HttpsConfig | null {
  const mode = text(env.HTTPS)?.toLowerCase() ?? 'on';
  if (mode !== 'on' && mode !== 'off') throw new Error(`HTTPS must be "on" or "off" (got "${env.HTTPS}")`);
  const certFile = text(env.TLS_CERT);
  const keyFile = text(env.TLS_KEY);
  if ((certFile === null) !== (keyFile === null)) throw new Error('TLS_CERT and TLS_KEY go together: set both (PEM files) or neither');
  if (mode === 'off') return null;
  return { port: integer(env, 'HTTPS_PORT', 8443, 1, 65535), certFile, keyFile };
}

/** Comma-separated IP addresses; a proxy is named exactly, so nothing else can claim to be one. */
function trustedProxies(raw: string | null): string[] {
  const addresses = raw?.split(',').map((address) => address.trim().toLowerCase()).filter(Boolean) ?? [];
  const bad = addresses.find((address) => isIP(address) === 0);
  if (bad !== undefined) throw new Error(`TRUST_PROXY must be the proxy's IP address, or several separated by commas (got "${bad}")`);
  return addresses;
}

function text(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env[name]);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function timeZone(name: string): string {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    throw new Error(`TIME_ZONE must be an IANA time zone such as Asia/Shanghai (got "${name}")`);
  }
}
