import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { API } from '../../shared/api/routes';
import { ApiError, Health } from '../../shared/api/schemas';
import { DEMO_PATRONS } from '../../server/demo/demo-library';
import { EmbeddedIls } from '../../server/ils/embedded/embedded-ils';
import { IlsUnavailableError } from '../../server/ils/ils-port';
import { createTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;
afterEach(() => hub.close());

/** The embedded ILS, with checkout failing as given. */
function failingIls(error: Error) {
  return (db: ConstructorParameters<typeof EmbeddedIls>[0]) => {
    const ils = new EmbeddedIls(db);
    ils.checkout = async () => {
      throw error;
    };
    return ils;
  };
}

describe('the hub over HTTP', () => {
  it('answers /healthz', async () => {
    hub = await createTestHub();
    const response = await hub.call('GET', API.health, { kioskToken: null });
    expect(response.statusCode).toBe(200);
    expect(Health.parse(response.json())).toMatchObject({ status: 'ok', version: '0.1.0' });
  });

  it('sends security headers', async () => {
    hub = await createTestHub();
    const response = await hub.call('GET', API.health);
    expect(response.headers['content-security-policy']).toContain("img-src 'self' data: blob:");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers unknown routes and malformed JSON with an ApiError', async () => {
    hub = await createTestHub();
    const missing = await hub.call('GET', '/api/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(ApiError.parse(missing.json()).error.code).toBe('request.invalid');

    const malformed = await hub.app.inject({
      method: 'POST',
      url: API.checkin,
      headers: { 'content-type': 'application/json', 'x-kiosk-token': hub.kioskToken },
      payload: '{"itemBarcode":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toEqual({ error: { code: 'request.invalid' } });
  });

  it('answers 503 ils.unavailable when the ILS cannot be reached', async () => {
    hub = await createTestHub({ ils: failingIls(new IlsUnavailableError('connection refused')) });
    const token = await hub.signIn(DEMO_PATRONS.active.cardNumber, DEMO_PATRONS.active.pin);
    const response = await hub.checkout(token, '39010001');
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ error: { code: 'ils.unavailable' } });
  });

  it('answers 500 internal for anything unexpected, without leaking details, and lets the retry run', async () => {
    hub = await createTestHub({ ils: failingIls(new Error('secret stack detail')) });
    const token = await hub.signIn(DEMO_PATRONS.active.cardNumber, DEMO_PATRONS.active.pin);
    const requestId = randomUUID();
    const response = await hub.checkout(token, '39010001', requestId);
    expect(response.statusCode).toBe(500);
    expect(response.body).toBe(JSON.stringify({ error: { code: 'internal' } }));
    expect(hub.db.prepare('SELECT count(*) FROM transactions WHERE request_id = ?').pluck().get(requestId)).toBe(0);
  });

  it('limits requests per kiosk, and can be switched off', async () => {
    hub = await createTestHub({ config: { rateLimitMax: 5 } });
    for (let i = 0; i < 5; i++) expect((await hub.call('GET', API.kioskConfig)).statusCode).toBe(200);
    const limited = await hub.call('GET', API.kioskConfig);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ error: { code: 'rate.limited' } });
    // Another kiosk has its own allowance.
    expect((await hub.call('GET', API.kioskConfig, { kioskToken: hub.addKiosk('branch-2') })).statusCode).toBe(200);
    await hub.close();

    hub = await createTestHub({ config: { rateLimitMax: 0 } });
    for (let i = 0; i < 40; i++) expect((await hub.call('GET', API.kioskConfig)).statusCode).toBe(200);
  });
});
