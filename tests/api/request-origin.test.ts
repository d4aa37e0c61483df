import { afterEach, describe, expect, it } from 'vitest';
import { API } from '../../shared/api/routes';
import { DEMO_PATRONS } from '../../server/demo/demo-library';
import { createTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;
afterEach(() => hub.close());

const foreignOrigin = { error: { code: 'request.foreignOrigin' } };
const tokenCount = () => hub.db.prepare('SELECT count(*) FROM kiosk_device_tokens').pluck().get();

function claim(headers: Record<string, string>, payload: string | object = {}) {
  return hub.app.inject({ method: 'POST', url: API.kioskClaimLocal, headers, payload });
}

describe('state-changing requests', () => {
  it('refuse a Host the hub does not serve: a DNS-rebound page cannot claim the local kiosk', async () => {
    hub = await createTestHub();
    const before = tokenCount();
    const rebound = await claim({ host: 'attacker.example:8080', origin: 'http://attacker.example:8080' });
    expect(rebound.statusCode).toBe(403);
    expect(rebound.json()).toEqual(foreignOrigin);
    expect(tokenCount()).toBe(before);
  });

  it('refuse a foreign Origin, even on the hub’s own address', async () => {
    hub = await createTestHub();
    const before = tokenCount();
    for (const origin of ['http://attacker.example', 'http://127.0.0.1:3000', 'null']) {
      const response = await claim({ host: '127.0.0.1:8080', origin });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual(foreignOrigin);
    }
    expect(tokenCount()).toBe(before);
  });

  it('refuse a cross-origin text/plain body before it reaches the route, and parse no text/plain at all', async () => {
    hub = await createTestHub();
    const before = tokenCount();
    const crossOrigin = await claim({ host: '127.0.0.1:8080', origin: 'http://attacker.example', 'content-type': 'text/plain' }, '{}');
    expect(crossOrigin.statusCode).toBe(403);
    const sameOrigin = await claim({ host: '127.0.0.1:8080', 'content-type': 'text/plain' }, '{}');
    expect(sameOrigin.statusCode).toBe(415);
    expect(sameOrigin.json()).toEqual({ error: { code: 'request.invalid' } });
    expect(tokenCount()).toBe(before);
  });

  it('accept the hub’s own pages on loopback and on PUBLIC_URL', async () => {
    hub = await createTestHub({ config: { publicUrl: 'https://library.example' } });
    const own: Record<string, string>[] = [
      { host: 'localhost:80' },
      { host: '127.0.0.1:43127', origin: 'http://127.0.0.1:43127' },
      { host: '[::1]:8080', origin: 'http://[::1]:8080' },
      { host: 'library.example', origin: 'https://library.example' },
    ];
    for (const headers of own) expect([headers, (await claim(headers)).statusCode]).toEqual([headers, 200]);
  });

  it('are checked on every route, not only the claim', async () => {
    hub = await createTestHub();
    const { cardNumber, pin } = DEMO_PATRONS.active;
    const signIn = await hub.app.inject({
      method: 'POST',
      url: API.session,
      headers: { host: 'attacker.example', 'x-kiosk-token': hub.kioskToken },
      payload: { cardNumber, pin },
    });
    expect(signIn.statusCode).toBe(403);
    expect(signIn.json()).toEqual(foreignOrigin);
    // Reading is left alone: phones open download pages by whatever name they were given.
    expect((await hub.app.inject({ method: 'GET', url: API.health, headers: { host: 'attacker.example' } })).statusCode).toBe(200);
  });
});
