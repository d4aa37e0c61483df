/** The HTTPS listener answers with the same app, and so the same services, as plain HTTP. */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { API, KIOSK_TOKEN_HEADER } from '../../shared/api/routes';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { loadHubTls } from '../../server/tls/hub-tls';
import { closeHttps, listenHttps } from '../../server/tls/https-listener';

function overHttps(port: number, ca: string, method: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port, method, path, ca, headers: { host: `localhost:${port}`, ...headers } }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode!, body }));
    });
    sent.on('error', reject);
    sent.end(method === 'POST' ? '{}' : undefined);
  });
}

it('shares the kiosk registry: a token claimed over HTTPS works over plain HTTP, and the CA verifies the hub', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-https-'));
  const config = loadConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1', HTTPS_PORT: '8443' });
  const tls = loadHubTls(config, config.https!, new Date());
  const app = await buildApp({ config, db: new Database(':memory:'), logger: false, https: { port: 8443, caCertFile: tls.ca!.certFile } });
  const server = await listenHttps(app, tls, 0, '127.0.0.1', () => new Date());
  try {
    const { port } = server.address() as AddressInfo;
    const ca = tls.ca!.certificate.toString();
    const claim = await overHttps(port, ca, 'POST', API.kioskClaimLocal, { 'content-type': 'application/json' });
    expect(claim.status).toBe(200);
    const { token } = JSON.parse(claim.body) as { token: string };
    const overHttp = await app.inject({ method: 'GET', url: API.kioskConfig, headers: { host: 'localhost:8080', [KIOSK_TOKEN_HEADER]: token } });
    expect(overHttp.statusCode).toBe(200);
    // Over HTTPS nothing is redirected, whatever the name.
    expect((await overHttps(port, ca, 'GET', '/kiosk/', { host: `192.0.2.99:${port}` })).status).toBe(404);
  } finally {
    await closeHttps(server);
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
