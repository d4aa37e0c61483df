/**
 * Hub throughput: checkouts and checkins per second over loopback, with autocannon.
 * Each connection borrows and returns its own demo item over and over, as a busy kiosk would.
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { startHub } from './hub-process';

/** autocannon keeps one context object per connection. */
type Connection = { barcode?: string };

const connections = 8; // the demo patron 20140004 has no loans: 8 stay well under the loan limit
const duration = Number(process.env.BENCH_SECONDS ?? 20);
const hub = await startHub(18181, { RATE_LIMIT_MAX: '0' });

try {
  const post = (path: string, body: unknown, headers: Record<string, string>) =>
    fetch(hub.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }).then((r) => r.json());
  const { token: kioskToken } = (await post('/api/kiosk/claim-local', {}, {})) as { token: string };
  const { token: patronToken } = (await post('/api/session', { cardNumber: '20140004', pin: '8642' }, { 'x-kiosk-token': kioskToken })) as { token: string };

  let refused = 0;
  // autocannon resets a connection's context after each checkout+checkin sequence, so items come
  // from a pool: taken at checkout, given back once checked in, never shared by two connections.
  const freeItems = Array.from({ length: 30 }, (_, i) => String(39010010 + i));
  const headers = { 'content-type': 'application/json', 'x-kiosk-token': kioskToken, authorization: `Bearer ${patronToken}` };
  const result = await autocannon({
    url: hub.url,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        path: '/api/checkout',
        headers,
        setupRequest: (request, context: Connection) => {
          context.barcode = freeItems.shift();
          return { ...request, body: JSON.stringify({ itemBarcode: context.barcode, requestId: randomUUID() }) };
        },
        onResponse: (_status, body) => {
          if (!body.includes('"ok":true')) refused++;
        },
      },
      {
        method: 'POST',
        path: '/api/checkin',
        headers,
        setupRequest: (request, context: Connection) => ({ ...request, body: JSON.stringify({ itemBarcode: context.barcode, requestId: randomUUID() }) }),
        onResponse: (_status, body, context: Connection) => {
          if (!body.includes('"ok":true')) refused++;
          freeItems.push(context.barcode!);
        },
      },
    ],
  });
  const perSecond = result.requests.average;
  console.log(
    `hub: ${perSecond.toFixed(0)} checkouts+checkins per second (${connections} connections, ${duration} s, p99 latency ${result.latency.p99} ms, ${result.non2xx} non-2xx, ${refused} refused of ${result.requests.total})`,
  );
  if (perSecond < 500) process.exitCode = 1;
} finally {
  hub.stop();
}
