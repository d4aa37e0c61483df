import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';

describe('loadConfig', () => {
  it('has a default for everything', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: './data',
      demo: true,
      adminPassword: null,
      publicUrl: null,
      logLevel: 'info',
      rateLimitMax: 600,
      sessionIdleMinutes: 15,
      timeZone: 'Asia/Shanghai',
      ebookTicketTtlSeconds: 600,
      ebookDailyLimit: 5,
      ebookMaxBytes: 200 * 1024 ** 2,
    });
  });

  it('reads the environment', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '127.0.0.1',
      DATA_DIR: '/var/lib/hub',
      DEMO: '0',
      ADMIN_PASSWORD: 's3cret',
      PUBLIC_URL: 'https://hub.library.example',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_MAX: '0',
      EBOOK_MAX_MB: '50',
    });
    expect(config).toMatchObject({
      port: 9000,
      host: '127.0.0.1',
      dataDir: '/var/lib/hub',
      demo: false,
      adminPassword: 's3cret',
      publicUrl: 'https://hub.library.example',
      logLevel: 'warn',
      ebookMaxBytes: 50 * 1024 ** 2,
      rateLimitMax: 0,
    });
  });

  it('refuses numbers that are not numbers', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ RATE_LIMIT_MAX: '-1' })).toThrow(/RATE_LIMIT_MAX/);
  });
});
