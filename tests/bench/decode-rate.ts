/**
 * Decode rate and time per frame of the candidate barcode engines on the real barcode photos in
 * ../shared/testdata/barcodes/, in the system Chromium. Issue 4 keeps @zxing/browser unless
 * another engine is clearly better on these figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import { stripCodabarStartStop } from '../../shared/barcodes';
import { percentile } from './hub-process';
import type { EngineResult, Sample } from './decoders/engines';

const testdata = resolve('../shared/testdata/barcodes');
const samples: Sample[] = readdirSync(testdata).flatMap((format) =>
  readdirSync(join(testdata, format))
    .filter((file) => file.endsWith('.png'))
    .map((file) => ({
      format,
      url: `/@fs${join(testdata, format, file)}`,
      expected: readFileSync(join(testdata, format, file.replace(/\.png$/, '.txt')), 'utf8'),
    })),
);

const server = await createServer({ configFile: false, root: resolve('.'), logLevel: 'warn', server: { port: 18183, fs: { allow: [resolve('..')] } } });
await server.listen();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.goto('http://127.0.0.1:18183/tests/bench/decoders/index.html');
  await page.waitForFunction(() => 'runDecoderBenchmark' in window, null, { timeout: 60_000 });
  const { engines, unavailable } = (await page.evaluate(
    (list) => (window as unknown as { runDecoderBenchmark(s: unknown): Promise<unknown> }).runDecoderBenchmark(list),
    samples,
  )) as { engines: EngineResult[]; unavailable: string[] };

  const formats = [...new Set(samples.map((s) => s.format))];
  const correct = (sample: Sample, text: string | null) =>
    text !== null && (sample.format === 'codabar' ? stripCodabarStartStop(text) : text) === sample.expected;
  console.log(`| engine | ${formats.join(' | ')} | all | median ms/frame (640x480) |`);
  console.log(`|---|${formats.map(() => '---|').join('')}---|---|`);
  for (const { engine, results } of engines) {
    const rate = (format?: string) => {
      const picked = samples.map((s, i) => [s, results[i]!] as const).filter(([s]) => !format || s.format === format);
      return `${picked.filter(([s, r]) => correct(s, r.text)).length}/${picked.length}`;
    };
    const median = percentile(results.map((r) => r.ms), 50);
    console.log(`| ${engine} | ${formats.map(rate).join(' | ')} | ${rate()} | ${median.toFixed(1)} |`);
  }
  for (const engine of unavailable) console.log(`| ${engine} | not available in this Chromium |`);
} finally {
  await browser.close();
  await server.close();
}
