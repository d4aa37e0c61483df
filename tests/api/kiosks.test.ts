import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API } from '../../shared/api/routes';
import { ClaimLocalResponse, KioskConfig } from '../../shared/api/schemas';
import { DEMO_PATRONS, DEMO_SCAN_RULES } from '../../server/demo/demo-library';
import { offlineCardHash } from '../../shared/offline/card-hash';
import { sha256Hex } from '../../server/security/tokens';
import { createTestHub, START, type TestHub } from './support/test-hub';

let hub: TestHub;

beforeEach(async () => {
  hub = await createTestHub();
});
afterEach(() => hub.close());

describe('kiosk identity', () => {
  it('hands the kiosk on the hub’s own machine a new device token', async () => {
    for (const remoteAddress of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      const response = await hub.call('POST', API.kioskClaimLocal, { body: {}, kioskToken: null, remoteAddress });
      expect(response.statusCode).toBe(200);
      const { token } = ClaimLocalResponse.parse(response.json());
      expect(token).not.toBe(hub.kioskToken);
      expect((await hub.call('GET', API.kioskConfig, { kioskToken: token })).statusCode).toBe(200);
    }
  });

  it('refuses to claim the local kiosk from another machine', async () => {
    for (const remoteAddress of ['192.168.1.23', '10.0.0.5', 'fe80::1']) {
      const response = await hub.call('POST', API.kioskClaimLocal, { body: {}, kioskToken: null, remoteAddress });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({ error: { code: 'kiosk.unknown' } });
    }
  });

  it('stores device tokens only as SHA-256 hashes', () => {
    const hashes = hub.db.prepare('SELECT token_hash FROM kiosk_device_tokens').pluck().all();
    expect(hashes).toEqual([sha256Hex(hub.kioskToken)]);
  });

  it('answers 401 kiosk.unknown to every kiosk route without a known device token', async () => {
    const routes: [string, string][] = [
      ['GET', API.kioskConfig],
      ['POST', API.session],
      ['GET', API.session],
      ['POST', API.checkout],
      ['POST', API.checkin],
      ['POST', API.renew],
    ];
    for (const kioskToken of [null, 'forged-token-forged-token-forged-token-xx']) {
      for (const [method, url] of routes) {
        const response = await hub.call(method as 'GET' | 'POST', url, { kioskToken, body: method === 'POST' ? {} : undefined });
        expect(response.statusCode, `${method} ${url}`).toBe(401);
        expect(response.json()).toEqual({ error: { code: 'kiosk.unknown' } });
      }
    }
  });

  it('serves the kiosk its configuration', async () => {
    const response = await hub.call('GET', API.kioskConfig);
    expect(response.statusCode).toBe(200);
    expect(KioskConfig.parse(response.json())).toEqual({
      kioskId: 'local',
      name: 'Demo kiosk',
      mode: 'both',
      defaultLanguage: 'zh-CN',
      libraryName: { 'zh-CN': '示范县图书馆', en: 'Demo County Library' },
      idleTimeoutSeconds: 60,
      idleCountdownSeconds: 20,
      sound: true,
      languageSwitch: true,
      receipt: 'ask',
      phoneReceipt: true,
      cameraDeviceId: null,
      // The demo kiosk's profile, 默认 / Default, with today's defaults: no camera, no slides, no logo.
      cameraLabel: null,
      slides: [],
      logo: null,
      configVersion: expect.stringMatching(/^[0-9a-f]{16}$/),
      scanRules: DEMO_SCAN_RULES,
      pinFormat: 'digits',
      // Offline policy: the profile's defaults, the loan period, and blocked cards only as salted hashes.
      offline: {
        returnsQueued: true,
        borrowing: false,
        maxItemsPerCard: 3,
        loanDays: 30,
        cardHashSalt: expect.stringMatching(/^[0-9a-f]{32}$/),
        blockedCards: [expect.stringMatching(/^[0-9a-f]{64}$/)],
      },
    });
  });

  it('names the blocked demo card in its offline list by its salted hash only', async () => {
    const response = await hub.call('GET', API.kioskConfig);
    const { offline } = KioskConfig.parse(response.json());
    expect(offline.blockedCards).toEqual([await offlineCardHash(offline.cardHashSalt, DEMO_PATRONS.blocked.cardNumber)]);
    expect(response.body).not.toContain(DEMO_PATRONS.blocked.cardNumber);
  });

  it('names the camera chosen in the kiosk profile', async () => {
    hub.db.prepare(`UPDATE kiosks SET camera_device_id = 'usb-cam-1' WHERE id = 'local'`).run();
    const config = KioskConfig.parse((await hub.call('GET', API.kioskConfig)).json());
    expect(config.cameraDeviceId).toBe('usb-cam-1');
  });

  it('notes when each kiosk was last seen', async () => {
    const lastSeen = () => hub.db.prepare(`SELECT last_seen_at FROM kiosks WHERE id = 'local'`).pluck().get();
    await hub.call('GET', API.kioskConfig);
    expect(lastSeen()).toBe(START.toISOString());
    hub.advanceMinutes(5);
    await hub.call('GET', API.kioskConfig);
    expect(lastSeen()).toBe(new Date(START.getTime() + 5 * 60_000).toISOString());
  });
});
