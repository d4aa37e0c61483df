import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 18080);
// A fresh demo library for every run, so journeys start from the documented demo state. Workers load
// this file again: the environment hands them the same directory (the e-book tests read the stored files).
const dataDir = (process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'kiosk-e2e-')));
// The touch project's journeys borrow, renew and return the same demo items: they get a hub and a demo library of their own.
const touchPort = Number(process.env.E2E_TOUCH_PORT ?? port + 1000);
const touchDataDir = (process.env.E2E_TOUCH_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'kiosk-e2e-touch-')));
const KIOSK_JOURNEYS = /(borrow|return-and-renew|idle)\.spec\.ts$/;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  // One hub and one demo library per project: journeys run one after another and use distinct items.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1920, height: 1080 },
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'kiosk' },
    // The kiosk is a touch screen: the patron journeys again, pressed by tap, on the same 1920×1080 screen.
    { name: 'touch', testMatch: KIOSK_JOURNEYS, use: { baseURL: `http://127.0.0.1:${touchPort}`, hasTouch: true, isMobile: false } },
  ],
  webServer: [hub(port, dataDir), hub(touchPort, touchDataDir)],
});

function hub(hubPort: number, hubDataDir: string) {
  return {
    command: 'npx --no-install tsx server/main.ts',
    url: `http://127.0.0.1:${hubPort}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(hubPort),
      HOST: '127.0.0.1',
      // Journeys use http://127.0.0.1 (a secure context); https.spec.ts starts its own hub with HTTPS.
      HTTPS: 'off',
      DATA_DIR: hubDataDir,
      ADMIN_PASSWORD: 'e2e-staff-password',
      LOG_LEVEL: 'warn',
      // Short enough for the e-book journey to watch a QR code expire.
      EBOOK_TICKET_TTL_SECONDS: '20',
      ...(process.env.APPS_DIR ? { APPS_DIR: process.env.APPS_DIR } : {}),
    },
  };
}
