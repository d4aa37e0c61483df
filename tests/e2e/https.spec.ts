/**
 * HTTPS on the library's LAN (issue 9): a hub process of its own with HTTPS on makes its certificate
 * from its own CA; Chromium, trusting that certificate by its SPKI hash (as a kiosk trusts the CA
 * through certutil), opens the kiosk at a LAN-style name and gets a secure context. The name
 * kiosk-hub.test is mapped to 127.0.0.1 in Chromium and is the hub's PUBLIC_URL host, so the
 * certificate covers it; unlike localhost, it is no secure context over plain HTTP.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Browser } from '@playwright/test';
import config from '../../playwright.config';
import { freePort, spawnHub, type SpawnedHub } from './support/spawn-hub';

const NAME = 'kiosk-hub.test';
let hub: SpawnedHub;
let dataDir: string;
let httpPort: number;
let httpsPort: number;
let browser: Browser;

/** base64 of the SHA-256 of the certificate's SubjectPublicKeyInfo, as --ignore-certificate-errors-spki-list wants it. */
function spkiHash(pem: string): string {
  const spki = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  [httpPort, httpsPort] = [await freePort(), await freePort()];
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-https-'));
  hub = spawnHub({
    port: httpPort,
    dataDir,
    name: 'HTTPS hub',
    env: { HTTPS_PORT: String(httpsPort), HTTPS: 'on', PUBLIC_URL: `http://${NAME}:${httpPort}` },
  });
  await hub.start();

  const serverCertificate = readFileSync(join(dataDir, 'tls', 'server.crt'), 'utf8');
  browser = await chromium.launch({
    executablePath: config.use?.launchOptions?.executablePath,
    args: [
      ...(config.use?.launchOptions?.args ?? []),
      `--ignore-certificate-errors-spki-list=${spkiHash(serverCertificate)}`,
      `--host-resolver-rules=MAP ${NAME} 127.0.0.1`,
    ],
  });
});

test.afterAll(async () => {
  await browser?.close();
  await hub?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('start-up names the HTTPS kiosk and admin pages, the CA file and its fingerprint', () => {
  const ca = new X509Certificate(readFileSync(join(dataDir, 'tls', 'ca.crt')));
  expect(hub.output()).toContain(`Kiosk: https://${NAME}:${httpsPort}/kiosk/   Admin: https://${NAME}:${httpsPort}/admin/`);
  expect(hub.output()).toContain(join(dataDir, 'tls', 'ca.crt'));
  expect(hub.output()).toContain(`CA SHA-256 fingerprint: ${ca.fingerprint256}`);
});

test('the kiosk over the hub\'s HTTPS URL, with its certificate trusted, is a secure context', async () => {
  const page = await browser.newPage();
  const response = await page.goto(`https://${NAME}:${httpsPort}/kiosk/`);
  expect(response?.status()).toBe(200);
  expect((await response!.securityDetails())?.issuer).toMatch(/^Library hub CA/);
  expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
  // The kiosk works there: the hub's own machine claims its kiosk and the attract screen opens.
  await expect(page.locator('main[data-screen]')).toHaveAttribute('data-screen', 'attract');
  await page.close();
});

test('plain HTTP at the LAN name sends the kiosk and admin pages to HTTPS, and keeps the phone page', async () => {
  const page = await browser.newPage();
  await page.goto(`http://${NAME}:${httpPort}/kiosk/`);
  expect(page.url()).toBe(`https://${NAME}:${httpsPort}/kiosk/`);
  expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
  await page.goto(`http://${NAME}:${httpPort}/admin/`);
  expect(page.url()).toBe(`https://${NAME}:${httpsPort}/admin/`);
  // A patron's phone meets no certificate: the download page stays on plain HTTP.
  const phone = await page.goto(`http://${NAME}:${httpPort}/d`);
  expect([phone?.status(), page.url()]).toEqual([200, `http://${NAME}:${httpPort}/d`]);
  await page.close();
});

test('http://127.0.0.1 on the hub\'s own machine stays plain HTTP, a secure context already', async () => {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${httpPort}/kiosk/`);
  expect(page.url()).toBe(`http://127.0.0.1:${httpPort}/kiosk/`);
  expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
  await page.close();
});

test('the CA certificate is offered for download over plain HTTP', async () => {
  const response = await fetch(`http://127.0.0.1:${httpPort}/ca.crt`);
  expect(response.headers.get('content-type')).toBe('application/x-x509-ca-cert');
  expect(await response.text()).toBe(readFileSync(join(dataDir, 'tls', 'ca.crt'), 'utf8'));
});
