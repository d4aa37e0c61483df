/**
 * TRUST_PROXY: forwarded headers count only from the named proxy, and a request it forwards is never
 * "from the hub's own machine", even when the proxy runs there.
 */
import Database from 'better-sqlite3';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { API } from '../../shared/api/routes';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';

const HUB = 'hub.library.lan';
let app: FastifyInstance;
afterEach(() => app.close());

async function hub(env: Record<string, string>): Promise<FastifyInstance> {
  app = await buildApp({ config: loadConfig({ PUBLIC_URL: `https://${HUB}`, ...env }), db: new Database(':memory:'), logger: false, https: { port: 8443, caCertFile: null } });
  return app;
}
const claim = (remoteAddress: string, headers: InjectOptions['headers'] = {}) =>
  app.inject({ method: 'POST', url: API.kioskClaimLocal, remoteAddress, payload: {}, headers: { host: 'localhost', ...headers } });
const staffLogin = (remoteAddress: string, headers: InjectOptions['headers'] = {}) =>
  app.inject({ method: 'POST', url: API.staffLogin, remoteAddress, payload: { username: 'admin', password: 'wrong password here' }, headers: { host: HUB, ...headers } });

describe('with a reverse proxy on the hub\'s own machine (TRUST_PROXY=127.0.0.1)', () => {
  it('refuses the local claim for anything the proxy forwards, whatever it says the browser is', async () => {
    await hub({ TRUST_PROXY: '127.0.0.1' });
    expect((await claim('127.0.0.1', { 'x-forwarded-for': '192.168.1.50' })).statusCode).toBe(403);
    expect((await claim('127.0.0.1', { 'x-forwarded-for': '127.0.0.1' })).statusCode).toBe(403);
    expect((await claim('::ffff:127.0.0.1')).statusCode).toBe(403);
    // A browser on the machine that reaches the hub itself, not through the proxy, still claims it.
    expect((await claim('::1')).statusCode).toBe(200);
  });

  it('believes the proxy that the browser came over HTTPS, and nobody else', async () => {
    await hub({ TRUST_PROXY: '127.0.0.1' });
    expect((await staffLogin('127.0.0.1', { 'x-forwarded-proto': 'https', 'x-forwarded-for': '192.168.1.50' })).json()).toEqual({ error: { code: 'staff.invalidCredentials' } });
    expect((await staffLogin('127.0.0.1', { 'x-forwarded-for': '192.168.1.50' })).json()).toEqual({ error: { code: 'request.httpsRequired' } });
    expect((await staffLogin('192.168.1.50', { 'x-forwarded-proto': 'https' })).json()).toEqual({ error: { code: 'request.httpsRequired' } });
  });
});

describe('without TRUST_PROXY', () => {
  it('trusts no forwarded header: not for the claim, nor for HTTPS', async () => {
    await hub({});
    expect((await claim('192.168.1.50', { 'x-forwarded-for': '127.0.0.1' })).statusCode).toBe(403);
    expect((await claim('127.0.0.1', { 'x-forwarded-for': '192.168.1.50' })).statusCode).toBe(200);
    expect((await staffLogin('192.168.1.50', { 'x-forwarded-proto': 'https' })).json()).toEqual({ error: { code: 'request.httpsRequired' } });
  });
});
