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
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): HubConfig {
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host: text(env.HOST) ?? '0.0.0.0',
    dataDir: text(env.DATA_DIR) ?? './data',
    demo: env.DEMO?.trim() !== '0',
    adminPassword: text(env.ADMIN_PASSWORD),
    publicUrl: text(env.PUBLIC_URL),
    logLevel: text(env.LOG_LEVEL) ?? 'info',
    rateLimitMax: integer(env, 'RATE_LIMIT_MAX', 600, 0, 1_000_000),
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 15, 1, 24 * 60),
  };
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
