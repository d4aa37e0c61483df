/**
 * Warm start with the hub down: a kiosk that has run once (its service worker installed with the
 * app shell, its profile and device token in IndexedDB) is opened again while the hub is stopped.
 * Timed from the navigation's start to an interactive attract screen: the screen is in the page, a
 * frame has been drawn and a task has run after it (the main thread is free to take a tap). In the
 * system Chromium, two ways: a new tab in the running browser, and the browser itself restarted on
 * the same profile (a kiosk switched off and on; Chromium's own start is not counted). Then, for the
 * record and without a budget, a hub that takes connections and never answers (a hung hub; a hub
 * machine that is off looks like this until the connection attempt fails).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { percentile, startHub } from './hub-process';

const PORT = Number(process.env.BENCH_PORT ?? 18186);
const tabs = Number(process.env.BENCH_ROUNDS ?? 20);
const restarts = Math.max(3, Math.round(tabs / 2));
const BUDGET_MS = 500;

// A plain script, not a function: tsx would wrap a function in helpers the page does not have.
const MARK_INTERACTIVE = `(() => {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('main[data-screen="attract"]')) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__attractInteractiveAt = performance.now(); }, 0));
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
})();`;

const profileDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-offline-profile-'));
const hub = await startHub(PORT);
const launch = () =>
  chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1920, height: 1080 },
  });

/** Opens the kiosk in a new tab and answers how long it took to an interactive attract screen. */
async function timedOpen(context: BrowserContext): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(`${hub.url}/kiosk/`);
    // Functions, not strings: the kiosk's CSP has no 'unsafe-eval'.
    const marked = await page.waitForFunction(() => (window as { __attractInteractiveAt?: number }).__attractInteractiveAt, null, { timeout: 10_000 });
    const fromWorker = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).workerStart > 0);
    if (!fromWorker) throw new Error('the kiosk page did not come from the service worker');
    return Number(await marked.jsonValue());
  } finally {
    await page.close();
  }
}

let context = await launch();
try {
  // The first run, with the hub up: the service worker precaches the app shell, the kiosk saves its profile.
  const first = await context.newPage();
  await first.goto(`${hub.url}/kiosk/`);
  await first.locator('main[data-screen="attract"]').waitFor();
  await first.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  await first.close();
  hub.stop();
  while (await fetch(`${hub.url}/healthz`).then(() => true, () => false)) await new Promise((resolve) => setTimeout(resolve, 100));
  await context.addInitScript({ content: MARK_INTERACTIVE });

  const inTab: number[] = [];
  for (let round = 0; round < tabs; round++) inTab.push(await timedOpen(context));

  const afterRestart: number[] = [];
  for (let round = 0; round < restarts; round++) {
    await context.close();
    context = await launch();
    await context.addInitScript({ content: MARK_INTERACTIVE });
    afterRestart.push(await timedOpen(context));
  }

  const silent: number[] = [];
  const held: Socket[] = [];
  const silentHub = createServer((socket) => held.push(socket));
  await new Promise<void>((resolve) => silentHub.listen(PORT, '127.0.0.1', resolve));
  try {
    for (let round = 0; round < 3; round++) silent.push(await timedOpen(context));
  } finally {
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => silentHub.close(resolve));
  }

  const report = (samples: number[]) => `p50 ${percentile(samples, 50).toFixed(0)} ms, p95 ${percentile(samples, 95).toFixed(0)} ms, max ${Math.max(...samples).toFixed(0)} ms over ${samples.length}`;
  console.log(`kiosk warm start, hub down, to an interactive attract screen (budget < ${BUDGET_MS} ms):`);
  console.log(`  new tab: ${report(inTab)}`);
  console.log(`  browser restarted: ${report(afterRestart)}`);
  console.log(`  hub taking connections but never answering (no budget): ${report(silent)}`);
  if (percentile(inTab, 95) >= BUDGET_MS || percentile(afterRestart, 95) >= BUDGET_MS) process.exitCode = 1;
} finally {
  await context.close();
  hub.stop();
  rmSync(profileDir, { recursive: true, force: true });
}
