import { createServer, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { API } from '../../shared/api/routes';
import { DEMO_ITEMS, DEMO_PATRONS } from '../../server/demo/demo-library';
import { createSip2Hub } from '../sip2/sip2-hub';
import type { Misbehaviour } from '../sip2/sip2-simulator';

type Hub = Awaited<ReturnType<typeof createSip2Hub>>;
let hub: Hub;
afterEach(async () => hub?.close());

const { active } = DEMO_PATRONS;
const TIMEOUT_MS = 800;

/** Signs in (before the misbehaviour starts), then borrows with the simulator misbehaving. */
async function checkoutWhile(misbehaviour: Misbehaviour) {
  hub = await createSip2Hub();
  const token = await hub.signIn(active.cardNumber, active.pin);
  hub.simulator.misbehave(misbehaviour);
  const started = Date.now();
  const response = await hub.checkout(token, DEMO_ITEMS.firstOnShelf);
  return { response, elapsed: Date.now() - started, token };
}

function expectUnavailable(response: { statusCode: number; json(): unknown }) {
  expect(response.statusCode).toBe(503);
  expect(response.json()).toEqual({ error: { code: 'ils.unavailable' } });
}

describe('a SIP2 server that misbehaves', () => {
  it('is asked again (97) after a bad checksum, up to the retry limit of its 98', async () => {
    expect((await checkoutWhile({ badChecksums: 2 })).response.json()).toMatchObject({ ok: true });
    await hub.close();
    const { response, elapsed } = await checkoutWhile({ badChecksums: 4 }); // the simulator allows 3
    expectUnavailable(response);
    expect(elapsed).toBeLessThan(TIMEOUT_MS);
  });

  it('gets our message again when it answers 96, up to the retry limit', async () => {
    const { response } = await checkoutWhile({ resendRequests: 3 });
    expect(response.json()).toMatchObject({ ok: true });
    expect(hub.simulator.received.filter((code) => code === '11')).toHaveLength(4);
    await hub.close();
    expectUnavailable((await checkoutWhile({ resendRequests: 4 })).response);
  });

  it.each<[string, Misbehaviour]>([
    ['answers too slowly', { delayMs: 3 * TIMEOUT_MS }],
    ['answers with garbage', { garbage: 1 }],
    ['accepts the request and never answers', { silent: true }],
  ])('ends in ils.unavailable within the timeout when it %s', async (_name, misbehaviour) => {
    const { response, elapsed } = await checkoutWhile(misbehaviour);
    expectUnavailable(response);
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 400);
  });

  it('drops the connection: the patron hears at once, and the next request reconnects', async () => {
    const { response, elapsed, token } = await checkoutWhile({ drops: 1 });
    expectUnavailable(response);
    expect(elapsed).toBeLessThan(TIMEOUT_MS);
    const connectionsBefore = hub.simulator.connectionCount();
    expect((await hub.checkout(token, DEMO_ITEMS.firstOnShelf)).json()).toMatchObject({ ok: true });
    expect(hub.simulator.connectionCount()).toBeGreaterThan(connectionsBefore);
  });

  it('survives the ILS restarting between requests', async () => {
    hub = await createSip2Hub();
    const token = await hub.signIn(active.cardNumber, active.pin);
    hub.simulator.dropConnections();
    await new Promise((resolve) => setTimeout(resolve, 50)); // a restart takes longer than the news of it
    expect((await hub.checkout(token, DEMO_ITEMS.firstOnShelf)).json()).toMatchObject({ ok: true });
  });

  it('refuses our login: sign-in says the library system is unavailable', async () => {
    hub = await createSip2Hub();
    hub.simulator.misbehave({ failLogin: true });
    const response = await hub.call('POST', API.session, { body: { cardNumber: active.cardNumber, pin: active.pin } });
    expectUnavailable(response);
    expect(hub.simulator.received).toEqual(['93']);
  });

  it('with a wrong SIP2 password, the same', async () => {
    hub = await createSip2Hub({ settings: { password: 'wrong' } });
    expectUnavailable(await hub.call('POST', API.session, { body: { cardNumber: active.cardNumber, pin: active.pin } }));
  });

  it('is not running: calls fail fast, and during the backoff no connection is even tried', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    hub = await createSip2Hub({ settings: { port } });
    for (let i = 0; i < 2; i++) {
      const started = Date.now();
      expectUnavailable(await hub.call('POST', API.checkin, { body: { itemBarcode: DEMO_ITEMS.dueSoon, requestId: crypto.randomUUID() } }));
      expect(Date.now() - started).toBeLessThan(TIMEOUT_MS);
    }
  });
});
