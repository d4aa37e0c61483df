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
      importMaxBytes: 50 * 1024 ** 2,
      ils: 'embedded',
      sip2: null,
      ilsEnvironment: {},
      https: { port: 8443, certFile: null, keyFile: null },
      trustProxy: [],
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

  it('reads the SIP2 settings with ILS=sip2, with defaults for the optional ones', () => {
    expect(loadConfig({ ILS: 'sip2', SIP2_HOST: 'koha.library.example' }).sip2).toEqual({
      host: 'koha.library.example', port: 6001, tls: false, user: '', password: '', location: '', institution: '',
      encoding: 'utf-8', terminator: 'cr', timeoutMs: 5000,
    });
    const config = loadConfig({
      ILS: 'sip2', SIP2_HOST: '10.0.0.5', SIP2_PORT: '8023', SIP2_TLS: '1', SIP2_USER: 'selfcheck', SIP2_PASSWORD: ' p w ',
      SIP2_LOCATION: 'LOBBY', SIP2_INSTITUTION: 'CPL', SIP2_ENCODING: 'GB18030', SIP2_TERMINATOR: 'crlf', SIP2_TIMEOUT_MS: '3000',
    });
    expect(config).toMatchObject({ ils: 'sip2', sip2: { port: 8023, tls: true, password: ' p w ', encoding: 'gb18030', terminator: 'crlf', timeoutMs: 3000 } });
    expect(loadConfig({ SIP2_HOST: 'ignored' }).sip2).toBeNull();
  });

  it('takes the ILS settings the admin panel stored, each one under its environment variable', () => {
    const stored = { ils: 'sip2', host: 'stored.example', port: 6100, user: 'panel', password: 'stored pw', encoding: 'gb18030' } as const;
    expect(loadConfig({}, stored)).toMatchObject({ ils: 'sip2', sip2: { host: 'stored.example', port: 6100, user: 'panel', password: 'stored pw', encoding: 'gb18030', timeoutMs: 5000 }, ilsEnvironment: {} });
    const config = loadConfig({ SIP2_HOST: 'env.example', SIP2_PASSWORD: 'env pw', SIP2_USER: ' ' }, stored);
    expect(config.sip2).toMatchObject({ host: 'env.example', password: 'env pw', user: 'panel', port: 6100 });
    expect(config.ilsEnvironment).toEqual({ host: 'env.example', password: 'env pw' });
    expect(loadConfig({ ILS: 'embedded' }, stored).sip2).toBeNull();
    // ILS=sip2 in the environment with the host from the panel is enough.
    expect(loadConfig({ ILS: 'sip2' }, { host: 'stored.example' }).sip2?.host).toBe('stored.example');
    expect(() => loadConfig({}, { ils: 'sip2' })).toThrow(/SIP2_HOST.*admin panel/);
  });

  it('reads HTTPS, the library certificate and the trusted proxies', () => {
    expect(loadConfig({ HTTPS_PORT: '9443', TLS_CERT: '/etc/hub/cert.pem', TLS_KEY: '/etc/hub/key.pem' }).https).toEqual({
      port: 9443, certFile: '/etc/hub/cert.pem', keyFile: '/etc/hub/key.pem',
    });
    expect(loadConfig({ HTTPS: 'off', HTTPS_PORT: '9443' }).https).toBeNull();
    expect(loadConfig({ TRUST_PROXY: ' 127.0.0.1, ::1 ' }).trustProxy).toEqual(['127.0.0.1', '::1']);
  });

  it('refuses HTTPS settings that cannot work', () => {
    expect(() => loadConfig({ HTTPS: 'yes' })).toThrow(/HTTPS must be/);
    expect(() => loadConfig({ HTTPS_PORT: '0' })).toThrow(/HTTPS_PORT/);
    expect(() => loadConfig({ TLS_CERT: '/etc/hub/cert.pem' })).toThrow(/TLS_CERT and TLS_KEY/);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.library.lan' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/8' })).toThrow(/TRUST_PROXY/);
  });

  it('refuses SIP2 settings that cannot work', () => {
    expect(() => loadConfig({ ILS: 'sip' })).toThrow(/ILS must be/);
    expect(() => loadConfig({ ILS: 'sip2' })).toThrow(/SIP2_HOST/);
    expect(() => loadConfig({ ILS: 'sip2', SIP2_HOST: 'h', SIP2_ENCODING: 'big5' })).toThrow(/SIP2_ENCODING/);
    expect(() => loadConfig({ ILS: 'sip2', SIP2_HOST: 'h', SIP2_TERMINATOR: 'lf' })).toThrow(/SIP2_TERMINATOR/);
    expect(() => loadConfig({ ILS: 'sip2', SIP2_HOST: 'h', SIP2_TLS: 'yes' })).toThrow(/SIP2_TLS/);
    expect(() => loadConfig({ ILS: 'sip2', SIP2_HOST: 'h', SIP2_TIMEOUT_MS: '10' })).toThrow(/SIP2_TIMEOUT_MS/);
  });
});
