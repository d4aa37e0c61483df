/**
 * Store-and-forward sync (issue 10): 1,000 queued transactions in the kiosk's outbox (IndexedDB in
 * the system Chromium, strict durability) sent to a local hub by the kiosk's own code, from the page
 * load to an empty outbox; budget 5 s. Then another 1,000 with the page reloaded mid-sync: the hub
 * must have applied each of the 2,000 exactly once (counted in its database). The kiosk sends its
 * outbox in batches (sync-outbox.ts), so 1,000 take about ten requests.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import Database from 'better-sqlite3';
import type { OfflineTransaction } from '../../shared/api/schemas';
import { startHub } from './hub-process';

const COUNT = 1000;
const BUDGET_MS = 5000;
const PORT = Number(process.env.BENCH_PORT ?? 20150);
// The hub's default rate limit (600 requests a minute per kiosk) on: the outbox goes a batch a request.
const hub = await startHub(PORT);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** Checkouts and returns in pairs, so the card never nears its loan limit; times of the last hour, in order. */
function outbox(startMs: number): OfflineTransaction[] {
  return Array.from({ length: COUNT }, (_, i) => {
    const itemBarcode = String(39010001 + (Math.floor(i / 2) % 40));
    const occurredAt = new Date(startMs + i * 1000).toISOString();
    return i % 2 === 0
      ? { type: 'checkout', requestId: randomUUID(), itemBarcode, cardNumber: '20140004', occurredAt, dueAt: new Date(startMs + i * 1000 + 14 * 86_400_000).toISOString() }
      : { type: 'checkin', requestId: randomUUID(), itemBarcode, occurredAt };
  });
}

// In-page code as strings: tsx would wrap named functions in a helper the page does not have.
const WRITE_OUTBOX = `(entries) => new Promise((resolve, reject) => {
  const opening = indexedDB.open('kiosk');
  opening.onsuccess = () => {
    const tx = opening.result.transaction('outbox', 'readwrite', { durability: 'strict' });
    for (const entry of entries) tx.objectStore('outbox').add(entry);
    tx.oncomplete = () => { opening.result.close(); resolve(undefined); };
    tx.onerror = () => reject(tx.error);
  };
  opening.onerror = () => reject(opening.error);
})`;
const OUTBOX_DEPTH = `() => new Promise((resolve, reject) => {
  const opening = indexedDB.open('kiosk');
  opening.onsuccess = () => {
    const counting = opening.result.transaction('outbox').objectStore('outbox').count();
    counting.onsuccess = () => { opening.result.close(); resolve(counting.result); };
  };
  opening.onerror = () => reject(opening.error);
})`;

try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  page.setDefaultTimeout(30_000);
  // Room for every request's timing, to tell the sync itself from the page's start.
  await page.addInitScript('performance.setResourceTimingBufferSize(10000)');
  await page.goto(`${hub.url}/kiosk/`);
  await page.locator('main[data-screen="attract"]').waitFor();
  // The service worker in control, as on a kiosk that has been running.
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null);
  // A page reloading itself (a worker update applied on the attract screen) is asked again.
  const depth = () => (page.evaluate(`(${OUTBOX_DEPTH})()`) as Promise<number>).catch(() => Number.POSITIVE_INFINITY);
  const waitForDepth = async (atMost: number, withinMs: number) => {
    const until = Date.now() + withinMs;
    while ((await depth()) > atMost) {
      if (Date.now() > until) throw new Error(`the outbox did not go down to ${atMost} within ${withinMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  // The kiosk syncs when it starts: queue, then load the page afresh, as after an outage.
  const hourAgo = Date.now() - 60 * 60_000;
  await page.evaluate(`(${WRITE_OUTBOX})(${JSON.stringify(outbox(hourAgo))})`);
  const started = performance.now();
  await page.reload();
  await waitForDepth(0, 60_000);
  const elapsed = performance.now() - started;
  const [firstSent, lastAnswered, batches] = (await page.evaluate(`(() => {
    const sends = performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('/api/kiosk/offline-transactions'));
    return [sends[0].startTime, Math.max(...sends.map((entry) => entry.responseEnd)), sends.length];
  })()`)) as [number, number, number];

  // Counted from here only: watching the page's requests slows them.
  let sent = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/kiosk/offline-transactions')) sent += 1;
  });

  // Another 1,000, the page reloaded when about half are sent.
  await page.evaluate(`(${WRITE_OUTBOX})(${JSON.stringify(outbox(hourAgo + COUNT * 1000))})`);
  await page.reload();
  await waitForDepth(COUNT / 2, 60_000);
  await page.reload();
  await waitForDepth(0, 60_000);

  const db = new Database(join(hub.dataDir, 'hub.sqlite'), { readonly: true });
  const { rows, ids } = db.prepare('SELECT COUNT(*) AS rows, COUNT(DISTINCT request_id) AS ids FROM transactions WHERE offline = 1').get() as { rows: number; ids: number };
  const onLoan = db.prepare('SELECT COUNT(*) FROM loans WHERE returned_at IS NULL AND patron_id = (SELECT id FROM patrons WHERE card_number = ?)').pluck().get('20140004') as number;
  db.close();
  const doubled = rows - ids;
  console.log(
    `offline sync: ${COUNT} queued transactions sent and answered in ${(elapsed / 1000).toFixed(2)} s from the page load (budget ${BUDGET_MS / 1000} s; ${((lastAnswered - firstSent) / 1000).toFixed(2)} s from the first sent to the last answer, ${batches} requests); ` +
      `another ${COUNT} with a reload mid-sync took ${sent} requests; of all ${2 * COUNT}, ${rows} applied once each, ${doubled} doubled, ${onLoan} left on loan`,
  );
  if (elapsed > BUDGET_MS || rows !== 2 * COUNT || doubled !== 0 || onLoan !== 0) process.exitCode = 1;
} finally {
  await browser.close();
  hub.stop();
}
