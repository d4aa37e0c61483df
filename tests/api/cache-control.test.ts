import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { API } from '../../shared/api/routes';
import { DEMO_PATRONS } from '../../server/demo/demo-library';
import { createStaffAccount } from '../../server/staff/staff-accounts';
import { createTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;
afterEach(() => hub.close());

const { cardNumber, pin } = DEMO_PATRONS.active;

describe('caching of hub answers', () => {
  it('forbids storing any answer with patron or staff data', async () => {
    hub = await createTestHub();
    await createStaffAccount(hub.db, 'admin', 'correct horse battery staple', hub.now);
    const signIn = await hub.call('POST', API.session, { body: { cardNumber, pin } });
    const patronToken = (signIn.json() as { token: string }).token;
    const answers = {
      signIn,
      session: await hub.call('GET', API.session, { patronToken }),
      checkout: await hub.checkout(patronToken, '39010001'),
      renew: await hub.renew(patronToken, ['39010001']),
      staffSignIn: await hub.call('POST', API.staffLogin, {
        kioskToken: null,
        body: { username: 'admin', password: 'correct horse battery staple' },
      }),
      // The same route through a percent-encoded path.
      encodedSession: await hub.call('GET', '/%61pi/session', { patronToken }),
    };
    for (const [name, response] of Object.entries(answers)) {
      expect([name, response.statusCode]).toEqual([name, 200]);
      expect([name, response.headers['cache-control']]).toEqual([name, 'no-store']);
    }
  });

  it('forbids storing refusals and errors too', async () => {
    hub = await createTestHub();
    const refusals = [
      await hub.call('POST', API.session, { body: { cardNumber, pin: '0000' } }),
      await hub.call('GET', API.session, { patronToken: 'not-a-session' }),
      await hub.call('POST', API.checkout, { kioskToken: null, body: { itemBarcode: '39010001', requestId: randomUUID() } }),
      await hub.call('POST', API.renew, { body: { itemBarcodes: 'not a list' } }),
      await hub.call('GET', '/api/nothing-here'),
    ];
    for (const response of refusals) {
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it('leaves the caching a route chose for itself', async () => {
    hub = await createTestHub();
    const cover = await hub.call('GET', '/covers/39010001.svg', { kioskToken: null });
    expect(cover.headers['cache-control']).toBe('public, max-age=86400');
  });
});
