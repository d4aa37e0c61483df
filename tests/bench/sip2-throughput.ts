/**
 * SIP2 throughput over loopback against the simulator: checkouts per second through one
 * connection and through the pool, and the latency the hub adds per checkout compared with
 * sending 11 to the simulator directly. `npx tsx tests/bench/sip2-throughput.ts`
 */
import { cpus } from 'node:os';
import { checkinRequest, checkoutRequest, formatSipDate } from '../../shared/sip2';
import { Sip2Connection } from '../../server/ils/sip2/sip2-connection';
import { Sip2Ils } from '../../server/ils/sip2/sip2-ils';
import { createTestHub, START } from '../api/support/test-hub';
import { createDemoDatabase } from '../sip2/demo-database';
import { startSip2Simulator } from '../sip2/sip2-simulator';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 400);
const TZ = 'Asia/Shanghai';
const card = '20140004'; // no loans: room for 8 at once
const items = Array.from({ length: 8 }, (_, i) => String(39010010 + i));
const ctx = { kioskId: 'bench', now: START };

const simulatorDb = await createDemoDatabase(START);
const simulator = await startSip2Simulator({ db: simulatorDb });
const settings = { ...simulator.settings, timeoutMs: 5000 };
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Checkout + checkin of one item, ROUNDS times; returns each checkout's duration in ms. */
async function loop(checkout: (item: string) => Promise<unknown>, checkin: (item: string) => Promise<unknown>, item: string) {
  const durations: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    await checkout(item);
    durations.push(performance.now() - started);
    await checkin(item);
  }
  return durations;
}

// 1. SIP2 straight to the simulator: one connection, no adapter.
const station = { institutionId: settings.institution, terminalPassword: '' };
const at = formatSipDate(START, TZ);
const direct = await Sip2Connection.open(settings, Date.now() + 5000);
const deadline = () => Date.now() + 5000;
const directTimes = await loop(
  (item) => direct.exchange(checkoutRequest(station, at, card, item), deadline()),
  (item) => direct.exchange(checkinRequest(station, at, item, 'LOBBY'), deadline()),
  items[0]!,
);
direct.close();

// 2. The adapter with one connection.
const single = new Sip2Ils(settings, { timeZone: TZ, pool: { size: 1 } });
let started = performance.now();
const singleTimes = await loop((item) => single.checkout(card, item, ctx), (item) => single.checkin(item, ctx), items[0]!);
const singleRate = ROUNDS / ((performance.now() - started) / 1000);
single.close();

// 3. The adapter's pool of 4, eight kiosks at once.
const pooled = new Sip2Ils(settings, { timeZone: TZ, pool: { size: 4 } });
started = performance.now();
await Promise.all(items.map((item) => loop((i) => pooled.checkout(card, i, ctx), (i) => pooled.checkin(i, ctx), item)));
const pooledRate = (ROUNDS * items.length) / ((performance.now() - started) / 1000);
pooled.close();

// 4. Through the hub's HTTP API (inject: routing, validation, idempotency, transaction log).
const ils = new Sip2Ils(settings, { timeZone: TZ, pool: { size: 1 } });
const hub = await createTestHub({ ils: () => ils, config: { rateLimitMax: 0 } });
const token = await hub.signIn(card, '8642');
const hubTimes = await loop((item) => hub.checkout(token, item), (item) => hub.checkin(item), items[0]!);
ils.close();
await hub.close();
await simulator.close();

const fmt = (value: number) => value.toFixed(2);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${ROUNDS} rounds`);
console.log(`direct SIP2 11→12, median           ${fmt(median(directTimes))} ms`);
console.log(`adapter checkout (1 connection)      ${fmt(median(singleTimes))} ms  → ${singleRate.toFixed(0)} checkouts/s (each with its checkin)`);
console.log(`adapter checkout (pool of 4, 8 at once)  ${pooledRate.toFixed(0)} checkouts/s (each with its checkin)`);
console.log(`hub POST /api/checkout over SIP2     ${fmt(median(hubTimes))} ms`);
console.log(`added by the adapter: ${fmt(median(singleTimes) - median(directTimes))} ms; by the hub and adapter: ${fmt(median(hubTimes) - median(directTimes))} ms`);
