/**
 * Plain HTTP with HTTPS on (server/http/https-redirect.ts): LAN browsers are sent to HTTPS for the
 * kiosk and admin pages and may not send PINs, passwords or tokens in clear; the hub's own machine
 * as localhost, phones and reading apps keep plain HTTP.
 */
import Database from 'better-sqlite3';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, KIOSK_TOKEN_HEADER, OPDS, PHONE } from '../../shared/api/routes';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';

const LAN_BROWSER = '192.168.1.50';
const HUB = '192.168.1.10:8080'; // PUBLIC_URL's host: a name the hub serves

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp({
    config: { ...loadConfig({}), publicUrl: `http://${HUB}` },
    db: new Database(':memory:'),
    logger: false,
    https: { port: 8443, caCertFile: null },
  });
});
afterAll(() => app.close());

const get = (url: string, remoteAddress: string, host = HUB, headers: InjectOptions['headers'] = {}) =>
  app.inject({ method: 'GET', url, remoteAddress, headers: { host, ...headers } });
const post = (url: string, remoteAddress: string, host: string, payload: object, headers: InjectOptions['headers'] = {}) =>
  app.inject({ method: 'POST', url, remoteAddress, payload, headers: { host, ...headers } });

describe('plain HTTP while the hub serves HTTPS', () => {
  it('sends a LAN browser\'s kiosk and admin pages to the same host on HTTPS_PORT, path and query kept', async () => {
    for (const [path, target] of [
      ['/kiosk/', 'https://192.168.1.10:8443/kiosk/'],
      ['/kiosk/?pair', 'https://192.168.1.10:8443/kiosk/?pair'],
      ['/admin', 'https://192.168.1.10:8443/admin'],
      ['/admin/index.html', 'https://192.168.1.10:8443/admin/index.html'],
      ['/%6biosk/', 'https://192.168.1.10:8443/%6biosk/'],
    ]) {
      const response = await get(path!, LAN_BROWSER);
      expect([path, response.statusCode, response.headers.location]).toEqual([path, 308, target]);
    }
    const ipv6 = await get('/kiosk/', 'fe80::5', 'localhost:8080');
    expect(ipv6.headers.location).toBe('https://localhost:8443/kiosk/');
  });

  it('never redirects to a host the hub does not serve', async () => {
    for (const host of ['evil.example', 'evil.example:8080', '192.168.1.10.evil.example', 'a b']) {
      const response = await get('/kiosk/', LAN_BROWSER, host);
      expect([host, response.statusCode, response.headers.location]).toEqual([host, 403, undefined]);
      expect(response.json()).toEqual({ error: { code: 'request.foreignOrigin' } });
    }
  });

  it('keeps plain HTTP for localhost on the hub\'s own machine, which is a secure context already', async () => {
    for (const [remoteAddress, host] of [['127.0.0.1', 'localhost:8080'], ['::1', '[::1]:8080'], ['::ffff:127.0.0.1', '127.0.0.1:8080']]) {
      expect((await get('/kiosk/', remoteAddress!, host)).statusCode).toBe(404); // no apps built in this test: not redirected
    }
    // The hub's machine under a LAN name is not a secure context: that page moves too.
    expect((await get('/kiosk/', '127.0.0.1', HUB)).headers.location).toBe('https://192.168.1.10:8443/kiosk/');
  });

  it('keeps the phone download pages, OPDS, covers and the health check on plain HTTP', async () => {
    for (const path of [PHONE.shortCodeForm, '/d/code/ABC123', '/d/sometoken', OPDS.feed, '/covers/1.svg', API.health]) {
      const response = await get(path, LAN_BROWSER);
      expect([path, response.statusCode === 308, response.headers.location]).toEqual([path, false, undefined]);
    }
  });

  it('refuses PINs and passwords sent over plain HTTP from the LAN, before reading them', async () => {
    const refusals = [
      await post(API.session, LAN_BROWSER, HUB, { cardNumber: '2000001', pin: '1234' }, { [KIOSK_TOKEN_HEADER]: 'a-token' }),
      await post(API.staffLogin, LAN_BROWSER, HUB, { username: 'admin', password: 'correct horse battery' }),
      await post(API.sessionPin, LAN_BROWSER, HUB, { currentPin: '1234', newPin: '5678' }),
      await get(API.kioskConfig, LAN_BROWSER, HUB, { [KIOSK_TOKEN_HEADER]: 'a-token' }),
      await get(API.staffSession, LAN_BROWSER, HUB, { authorization: 'Bearer staff-token' }),
    ];
    for (const response of refusals) {
      expect([response.statusCode, response.json()]).toEqual([403, { error: { code: 'request.httpsRequired' } }]);
    }
  });

  it('lets the hub\'s own machine sign in over http://localhost', async () => {
    const login = await post(API.staffLogin, '127.0.0.1', 'localhost:8080', { username: 'admin', password: 'wrong password here' });
    expect(login.json()).toEqual({ error: { code: 'staff.invalidCredentials' } });
    const lanName = await post(API.staffLogin, '127.0.0.1', HUB, { username: 'admin', password: 'wrong password here' });
    expect(lanName.json()).toEqual({ error: { code: 'request.httpsRequired' } });
  });
});

it('without HTTPS, plain HTTP serves the LAN as before', async () => {
  const plain = await buildApp({ config: loadConfig({ HTTPS: 'off' }), db: new Database(':memory:'), logger: false });
  try {
    const page = await plain.inject({ method: 'GET', url: '/kiosk/', remoteAddress: LAN_BROWSER, headers: { host: 'localhost' } });
    expect(page.statusCode).toBe(404);
    const login = await plain.inject({ method: 'POST', url: API.staffLogin, remoteAddress: LAN_BROWSER, headers: { host: 'localhost' }, payload: { username: 'admin', password: 'wrong password here' } });
    expect(login.json()).toEqual({ error: { code: 'staff.invalidCredentials' } });
  } finally {
    await plain.close();
  }
});
