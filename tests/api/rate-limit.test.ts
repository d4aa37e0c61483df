import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { API } from '../../shared/api/routes';
import { createTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;
afterEach(() => hub.close());

describe('the rate limit', () => {
  it('counts made-up kiosk tokens against the address they come from', async () => {
    hub = await createTestHub({ config: { rateLimitMax: 20 } });
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const guess = await hub.call('GET', `/d/code/GUESS${i}`, { kioskToken: randomUUID(), remoteAddress: '192.0.2.7' });
      statuses.push(guess.statusCode);
    }
    expect(statuses.slice(0, 20)).not.toContain(429);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
    // Another address, and a real kiosk behind the same one, keep their own allowance.
    expect((await hub.call('GET', '/d/code/GUESS', { kioskToken: null, remoteAddress: '192.0.2.8' })).statusCode).not.toBe(429);
    expect((await hub.call('GET', API.kioskConfig, { remoteAddress: '192.0.2.7' })).statusCode).toBe(200);
  });

  it('gives a kiosk one allowance whichever address it calls from', async () => {
    hub = await createTestHub({ config: { rateLimitMax: 4 } });
    for (let i = 0; i < 4; i++) expect((await hub.call('GET', API.kioskConfig, { remoteAddress: `192.0.2.${i + 1}` })).statusCode).toBe(200);
    expect((await hub.call('GET', API.kioskConfig, { remoteAddress: '192.0.2.99' })).statusCode).toBe(429);
  });
});
