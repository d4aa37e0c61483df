/**
 * The kiosk's e-book catalogue with 10,000 and with 100,000 titles (`BENCH_EBOOK_TITLES=100000`
 * for one size), in the system Chromium against a local hub: the first sync to an empty kiosk
 * (titles on screen within 2 s, no long task over 50 ms while the rest is stored), search results
 * on screen as the patron types (p95 within one frame: the first frame after the key), the IndexedDB footprint
 * (navigator.storage.estimate()) and, for 10,000, how long saving every cover takes.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import Database from 'better-sqlite3';
import { buildSearchKeys } from '../../shared/ebooks/pinyin-keys';
import { cachedCount, cachedEbookCount, copySaved } from '../e2e/cached-ebooks';
import { percentile, startHub } from './hub-process';

const SIZES = (process.env.BENCH_EBOOK_TITLES ?? '10000,100000').split(',').map(Number);
const PORT = Number(process.env.BENCH_PORT ?? 18183);
const CHARS = '春夏秋冬山水风月花鸟云雨江河湖海天地人心书画诗词歌赋星辰日光明暗长短远近古今新旧东西南北红黄青白金银';
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const QUERIES = ['c', 'ch', 'chu', 'chun', 'h', 'hl', 'hlm', 's', 'sh', 'shu', 'wang', 'li', 'x', 'xy', 'j', 'jh', 'm', 'mi', 'ming', 'y'];

function pick(text: string, length: number): string {
  return Array.from({ length }, () => text[Math.floor(Math.random() * [...text].length)]).join('');
}

/** Adds `titles` e-books to a hub's database, sharing one demo title's file and cover. */
function seed(dataDir: string, titles: number): void {
  const db = new Database(join(dataDir, 'hub.sqlite'));
  const template = db.prepare('SELECT * FROM ebooks LIMIT 1').get() as Record<string, unknown>;
  const categories = (db.prepare('SELECT id FROM ebook_categories').all() as Array<{ id: number }>).map((row) => row.id);
  const insert = db.prepare(
    `INSERT INTO ebooks (sha256, format, title, authors_json, language, subjects_json, search_keys_json, file_path, cover_path, size_bytes, access, created_at, updated_at)
     VALUES (?, 'epub', ?, ?, 'zh', '[]', ?, ?, ?, ?, 'open', ?, ?)`,
  );
  const link = db.prepare('INSERT INTO ebook_category_links (ebook_id, category_id) VALUES (?, ?)');
  // A millisecond apart, as titles uploaded one by one are: the hub sends a later sync what changed at or
  // after its syncedAt, so titles sharing the newest millisecond would all come again.
  const start = Date.now() - titles;
  db.transaction(() => {
    for (let i = 0; i < titles; i++) {
      const title = pick(CHARS, 2 + (i % 5));
      const author = pick(SURNAMES, 1) + pick(CHARS, 2);
      const keys = JSON.stringify(buildSearchKeys({ title, authors: [author], subjects: [] }));
      const at = new Date(start + i).toISOString();
      const { lastInsertRowid } = insert.run(randomBytes(32).toString('hex'), title, JSON.stringify([author]), keys, template.file_path, template.cover_path, template.size_bytes, at, at);
      link.run(lastInsertRowid, categories[i % categories.length]);
    }
  })();
  db.close();
}

/** True when the bench ran within its budgets for this catalogue size. */
async function benchCatalogue(size: number): Promise<boolean> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-ebooks-'));
  const first = await startHub(PORT, { DATA_DIR: dataDir });
  first.stop();
  while (await fetch(`${first.url}/healthz`).then(() => true, () => false)) await new Promise((resolve) => setTimeout(resolve, 100));
  const seedStart = performance.now();
  seed(dataDir, size);
  console.log(`\n${size} generated titles seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  const hub = await startHub(PORT, { DATA_DIR: dataDir });
  let titles = 0;
  {
    // The hub's share of a first sync: building, compressing and sending the whole catalogue.
    const claim = await fetch(`${hub.url}/api/kiosk/claim-local`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const { token } = (await claim.json()) as { token: string };
    const times: number[] = [];
    let bytes = 0;
    for (let round = 0; round < 3; round++) {
      const start = performance.now();
      bytes = 0;
      titles = 0;
      // Page by page, as the kiosk asks (a hub answering in one piece has no `next`).
      for (let path: string | null = '/api/ebooks'; path !== null; ) {
        const answer = await fetch(`${hub.url}${path}`, { headers: { 'x-kiosk-token': token, 'accept-encoding': 'br' } });
        const body = await answer.text();
        bytes += Buffer.byteLength(body);
        const page = JSON.parse(body) as { ebooks: unknown[]; next?: string | null };
        titles += page.ebooks.length;
        path = page.next ? `/api/ebooks?${new URLSearchParams({ after: page.next })}` : null;
      }
      times.push(performance.now() - start);
    }
    console.log(`hub answer to a first sync of ${titles} titles: median ${percentile(times, 50).toFixed(0)} ms, ${(bytes / 1024).toFixed(0)} KB decompressed by fetch`);
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.setDefaultTimeout(60_000);
    page.on('crash', () => console.error('the kiosk page crashed'));
    page.on('close', () => console.error('the kiosk page closed'));
    page.on('pageerror', (error) => console.error('page error:', error));
    // Every main-thread task over 50 ms (the Long Tasks API), from the page's start, and what each
    // frame over 50 ms spent its time on (Long Animation Frames: scripts, then style and layout).
    await page.addInitScript(() => {
      const tasks: Array<{ start: number; duration: number }> = [];
      const frames: Array<{ start: number; duration: number; styleAndLayout: number; scripts: string[] }> = [];
      Object.assign(window, { longTasks: tasks, longFrames: frames });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { styleAndLayoutStart: number; scripts: Array<{ duration: number; invoker: string; sourceURL: string; sourceFunctionName: string }> }>) {
          frames.push({
            start: entry.startTime,
            duration: entry.duration,
            styleAndLayout: entry.styleAndLayoutStart ? entry.startTime + entry.duration - entry.styleAndLayoutStart : 0,
            scripts: entry.scripts.map((script) => `${script.invoker} ${script.sourceFunctionName}@${script.sourceURL.split('/').pop()} ${script.duration.toFixed(0)} ms`),
          });
        }
      }).observe({ type: 'long-animation-frame', buffered: true });
    });
    await page.goto(`${hub.url}/kiosk/`);
    await page.locator('main[data-screen="attract"]').waitFor();

    const tapAt = await page.evaluate(() => performance.now());
    const syncStart = Date.now();
    await page.getByRole('button', { name: '电子书', exact: true }).click();
    await page.getByTestId('cover-tile').first().waitFor();
    const shownMs = Date.now() - syncStart;
    await page.locator('[data-sync="online"]').waitFor();
    const onlineMs = Date.now() - syncStart;
    // The copy is written to IndexedDB after the titles are on screen; wait until it is whole
    // (the sync state goes with the last page), then count its titles.
    while (!(await copySaved(page))) {
      if (Date.now() - syncStart > 120_000) throw new Error('the copy was not saved within 120 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const savedMs = Date.now() - syncStart;
    const longTasks = await page.evaluate((from) => (window as unknown as { longTasks: Array<{ start: number; duration: number }> }).longTasks.filter((task) => task.start >= from).map((task) => task.duration), tapAt);
    // Counted after the long tasks are read: reading every title back is the benchmark's own work.
    const cached = await cachedEbookCount(page);
    if (cached !== titles) throw new Error(`${cached} of ${titles} titles saved`);
    const longest = Math.max(0, ...longTasks);
    console.log(
      `e-book first sync to an empty kiosk: titles on screen after ${shownMs} ms (budget 2000 ms), all ${titles} browsable after ${onlineMs} ms, all saved in IndexedDB after ${savedMs} ms; ` +
        `${longTasks.length} long tasks meanwhile, the longest ${longest.toFixed(0)} ms (budget 50 ms)`,
    );
    if (longTasks.length > 0) {
      type LongFrame = { start: number; duration: number; styleAndLayout: number; scripts: string[] };
      const frames = await page.evaluate((from) => (window as unknown as { longFrames: LongFrame[] }).longFrames.filter((frame) => frame.start >= from), tapAt);
      for (const frame of frames) console.log(`  long frame ${frame.duration.toFixed(0)} ms (style and layout ${frame.styleAndLayout.toFixed(0)} ms): ${frame.scripts.join('; ') || 'no script'}`);
    }
    const footprint = async (what: string) => {
      const { usage } = await page.evaluate(() => navigator.storage.estimate());
      console.log(`IndexedDB footprint (navigator.storage.estimate, ${what}): ${((usage ?? 0) / 1024 / 1024).toFixed(1)} MB`);
    };
    await footprint(`${titles} titles saved`);

    // Functions passed to page.evaluate hold no named inner functions (`function f` or
    // `const f = () =>`): tsx would wrap them in a `__name` helper that the page does not have.
    const search = page.getByRole('searchbox');
    // The display's frame interval (16.7 ms at 60 Hz), from the times of 30 frames in a row.
    const frameInterval = await page.evaluate(async () => {
      const first = await new Promise<number>(requestAnimationFrame);
      let last = first;
      for (let frame = 0; frame < 30; frame++) last = await new Promise<number>(requestAnimationFrame);
      return (last - first) / 30;
    });
    /**
     * Types every query letter by letter, `rounds` times; the time of each key to its results on
     * screen, and whether they were in the first frame after the key (`nextFrame`).
     */
    type Samples = { onScreen: number[]; inPage: number[]; nextFrame: boolean[] };
    const typeQueries = async (rounds: number): Promise<Samples> => {
      const onScreen: number[] = [];
      const inPage: number[] = [];
      const nextFrame: boolean[] = [];
      for (let round = 0; round < rounds; round++) {
        for (const query of QUERIES) {
          await search.fill('');
          await page.locator('[data-testid="result-count"]').waitFor({ state: 'detached' });
          await search.focus();
          for (let typed = 1; typed <= query.length; typed++) {
            // From the key press to the results for the new query in the page (`inPage`), and to
            // the frame after that (`onScreen`: what the patron sees); `frame`, that frame's time.
            const elapsed = page.evaluate((expected) => {
              return new Promise<{ onScreen: number; inPage: number; frame: number }>((resolve, reject) => {
                let start = 0;
                addEventListener('keydown', () => (start = performance.now()), { capture: true, once: true });
                const observer = new MutationObserver(() => {
                  if (!start || document.querySelector('[data-testid="result-count"]')?.getAttribute('data-query') !== expected) return;
                  observer.disconnect();
                  const inPage = performance.now() - start;
                  requestAnimationFrame((frame) => resolve({ onScreen: performance.now() - start, inPage, frame }));
                });
                observer.observe(document.querySelector('main')!, { subtree: true, childList: true, attributes: true, characterData: true });
                setTimeout(() => {
                  observer.disconnect();
                  reject(new Error(`no results on screen for "${expected}" within 10 s`));
                }, 10_000);
              });
            }, query.slice(0, typed));
            const before = await page.evaluate(() => new Promise<number>(requestAnimationFrame));
            await page.keyboard.press(query[typed - 1]!);
            const sample = await elapsed.catch((error: unknown) => Promise.reject(new Error(`while typing ${query}`, { cause: error })));
            onScreen.push(sample.onScreen);
            inPage.push(sample.inPage);
            // The key is pressed just after the frame `before`: within one frame, its results are
            // drawn in the very next one, on time (not two frames on, nor a frame held back).
            nextFrame.push(sample.frame - before <= frameInterval * 1.5);
          }
        }
      }
      return { onScreen, inPage, nextFrame };
    };
    const inNextFrame = (samples: Samples) => samples.nextFrame.filter(Boolean).length / samples.nextFrame.length;
    const report = (what: string, samples: Samples) =>
      console.log(
        `e-book search with ${titles} titles cached, ${what}: on screen median ${percentile(samples.onScreen, 50).toFixed(1)} ms, p95 ${percentile(samples.onScreen, 95).toFixed(1)} ms, ` +
          `in the next frame (${frameInterval.toFixed(1)} ms) for ${(inNextFrame(samples) * 100).toFixed(0)}% of keys (budget: 95%); ` +
          `results in the page median ${percentile(samples.inPage, 50).toFixed(1)} ms, p95 ${percentile(samples.inPage, 95).toFixed(1)} ms; over ${samples.onScreen.length} keys`,
      );

    // A first visit: the covers are being saved in the background while the patron searches.
    report('while the covers are being saved', await typeQueries(1));
    if (titles <= 10_000) {
      for (let waited = 0; (await cachedCount(page, 'covers')) < titles; waited++) {
        if (Date.now() - syncStart > 300_000) throw new Error('the covers were not all saved within 5 minutes');
        if (waited % 20 === 19) await page.keyboard.press('Shift'); // a patron still there: no idle reset
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      console.log(`e-book covers: all ${titles} saved in IndexedDB ${((Date.now() - syncStart) / 1000).toFixed(1)} s after the first tap`);
      await footprint(`${titles} titles and covers saved`);
    }

    // Every later visit: the titles (and, for 10,000, the covers) saved.
    const samples = await typeQueries(3);
    report(titles <= 10_000 ? 'covers saved' : 'covers still being saved', samples);

    // A later start: the page reloaded (a new day, an update), the copy read back from IndexedDB by
    // the worker, and a sync that asks only for what changed since (nothing here).
    const catalogueAnswers: number[] = [];
    // The worker's requests are the page's (Chromium reports a dedicated worker's network on its page).
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/api/ebooks') void response.json().then((answer: { ebooks: unknown[] }) => catalogueAnswers.push(answer.ebooks.length));
    });
    await page.reload();
    await page.locator('main[data-screen="attract"]').waitFor();
    const restart = Date.now();
    await page.getByRole('button', { name: '电子书', exact: true }).click();
    await page.getByTestId('cover-tile').first().waitFor();
    const warmShownMs = Date.now() - restart;
    await page.locator('[data-sync="online"]').waitFor();
    for (let waited = 0; catalogueAnswers.length === 0 && waited < 50; waited++) await new Promise((resolve) => setTimeout(resolve, 100));
    console.log(
      `e-book later start (page reloaded, copy in IndexedDB): titles on screen after ${warmShownMs} ms, synced after ${Date.now() - restart} ms; ` +
        `the sync asked ${catalogueAnswers.length} page(s) with ${catalogueAnswers.reduce((sum, n) => sum + n, 0)} changed titles`,
    );
    // "p95 ≤ 16 ms (one frame)": the key is pressed just after a frame, so results drawn in the very
    // next frame take up to 16.7 ms at 60 Hz; the budget is that frame, on time, for 95% of keys.
    return shownMs <= 2000 && longest <= 50 && inNextFrame(samples) >= 0.95;
  } catch (error) {
    await browser.contexts()[0]?.pages()[0]?.screenshot({ path: 'test-results/bench-ebook-catalogue-failed.png' }).catch(() => undefined);
    throw error;
  } finally {
    await browser.close();
    hub.stop();
    while (await fetch(`${hub.url}/healthz`).then(() => true, () => false)) await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let withinBudget = true;
for (const size of SIZES) withinBudget = (await benchCatalogue(size)) && withinBudget;
if (!withinBudget) process.exitCode = 1;
