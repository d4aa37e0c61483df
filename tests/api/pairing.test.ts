import { describe, expect, it } from 'vitest';
import { PAIRING_CODE_MAX_WRONG, PairAnswer } from '../../shared/api/fleet-schemas';
import { API, staffKioskPairingCodePath } from '../../shared/api/routes';
import { KioskConfig } from '../../shared/api/schemas';
import { LOCAL_KIOSK_ID } from '../../server/kiosks/kiosk-registry';
import { sha256Hex } from '../../server/security/tokens';
import { fleet, freshFleetHubEachTest, hub, LAN_ADDRESS } from './support/fleet-harness';

freshFleetHubEachTest();

const INVALID = { error: { code: 'pairing.codeInvalid' } };
const tokensOf = (kioskId: string) => hub.db.prepare('SELECT token_hash FROM kiosk_device_tokens WHERE kiosk_id = ?').pluck().all(kioskId);
/** A 6-digit code that is not `code`. */
const wrongCode = (code: string, n = 1) => String((Number(code) + n) % 1_000_000).padStart(6, '0');

describe('pairing a kiosk on another machine', () => {
  it('gives the browser that types the right code its own device token, and the kiosk its profile', async () => {
    const { kioskId, code, expiresAt } = await fleet.addKiosk('少儿阅览室');
    expect(code).toMatch(/^\d{6}$/);
    expect(Date.parse(expiresAt) - hub.now().getTime()).toBe(10 * 60_000);
    // Only its hash is stored.
    expect(hub.db.prepare('SELECT code_hash FROM kiosk_pairing_codes').pluck().all()).toEqual([sha256Hex(code)]);

    const response = await fleet.pair(code);
    expect(response.statusCode).toBe(200);
    const { token } = PairAnswer.parse(response.json());
    expect(tokensOf(kioskId)).toEqual([sha256Hex(token)]);
    const config = KioskConfig.parse((await hub.call('GET', API.kioskConfig, { kioskToken: token })).json());
    expect(config).toMatchObject({ kioskId, name: '少儿阅览室', idleTimeoutSeconds: 60 });
  });

  it('takes a code once', async () => {
    const { code } = await fleet.addKiosk();
    expect((await fleet.pair(code)).statusCode).toBe(200);
    const again = await fleet.pair(code, '192.168.1.41');
    expect([again.statusCode, again.json()]).toEqual([400, INVALID]);
  });

  it('refuses a code after its 10 minutes', async () => {
    const { code } = await fleet.addKiosk();
    hub.advanceMinutes(10);
    const late = await fleet.pair(code);
    expect([late.statusCode, late.json()]).toEqual([400, INVALID]);
  });

  it(`burns every waiting code after ${PAIRING_CODE_MAX_WRONG} wrong tries in total, from any address`, async () => {
    const { code } = await fleet.addKiosk();
    for (let n = 1; n <= PAIRING_CODE_MAX_WRONG; n++) {
      const guess = await fleet.pair(wrongCode(code, n), `192.168.1.${100 + n}`);
      expect([guess.statusCode, guess.json()]).toEqual([400, INVALID]);
    }
    const right = await fleet.pair(code);
    expect([right.statusCode, right.json()]).toEqual([400, INVALID]);
    expect(hub.db.prepare('SELECT COUNT(*) FROM kiosk_pairing_codes').pluck().get()).toBe(0);
  });

  it('keeps a code through fewer wrong tries', async () => {
    const { code } = await fleet.addKiosk();
    for (let n = 1; n < PAIRING_CODE_MAX_WRONG; n++) await fleet.pair(wrongCode(code, n));
    expect((await fleet.pair(code)).statusCode).toBe(200);
  });

  it('limits pairing tries per network address', async () => {
    const { code } = await fleet.addKiosk();
    for (let n = 0; n < 10; n++) await fleet.pair('000000' === code ? '000001' : '000000', '10.0.0.9');
    // The code itself is burnt by then; what matters is that this address gets no answer at all.
    const limited = await fleet.pair(code, '10.0.0.9');
    expect([limited.statusCode, limited.json()]).toEqual([429, { error: { code: 'rate.limited' } }]);
    hub.advanceMinutes(10);
    expect((await fleet.pair('123456', '10.0.0.9')).statusCode).toBe(400);
  });

  it('refuses what is not a 6-digit code', async () => {
    for (const code of ['12345', '1234567', 'abcdef', 123456]) {
      const response = await fleet.pair(code as string);
      expect(response.statusCode, String(code)).toBe(400);
      expect(response.json()).toEqual({ error: { code: 'request.invalid' } });
    }
  });

  it('replaces the old token when a kiosk is paired again: one token per kiosk', async () => {
    const { kioskId, token: first } = await fleet.pairedKiosk();
    const { code } = (await fleet.asAdmin('POST', staffKioskPairingCodePath(kioskId))).json() as { code: string };
    const { token: second } = PairAnswer.parse((await fleet.pair(code, '192.168.1.77')).json());
    expect(tokensOf(kioskId)).toEqual([sha256Hex(second)]);
    expect((await hub.call('GET', API.kioskConfig, { kioskToken: first })).statusCode).toBe(401);
    expect((await hub.call('GET', API.kioskConfig, { kioskToken: second })).statusCode).toBe(200);
  });

  it('a new code for a kiosk replaces the one it had', async () => {
    const { kioskId, code: old } = await fleet.addKiosk();
    const { code } = (await fleet.asAdmin('POST', staffKioskPairingCodePath(kioskId))).json() as { code: string };
    if (code !== old) expect((await fleet.pair(old)).statusCode).toBe(400);
    expect((await fleet.pair(code, LAN_ADDRESS)).statusCode).toBe(200);
  });
});

describe('the kiosk on the hub’s own machine', () => {
  it('keeps at most two tokens however often it claims', async () => {
    let latest = '';
    for (let n = 0; n < 6; n++) {
      latest = (await hub.call('POST', API.kioskClaimLocal, { kioskToken: null, body: {} })).json().token as string;
    }
    expect(tokensOf(LOCAL_KIOSK_ID)).toHaveLength(2);
    expect((await hub.call('GET', API.kioskConfig, { kioskToken: latest })).statusCode).toBe(200);
  });

  it('cannot claim itself again once revoked: it is paired like any other', async () => {
    expect((await fleet.revoke(LOCAL_KIOSK_ID)).statusCode).toBe(200);
    const claim = await hub.call('POST', API.kioskClaimLocal, { kioskToken: null, body: {} });
    expect([claim.statusCode, claim.json()]).toEqual([403, { error: { code: 'kiosk.unknown' } }]);

    const { code } = (await fleet.asAdmin('POST', staffKioskPairingCodePath(LOCAL_KIOSK_ID))).json() as { code: string };
    const { token } = PairAnswer.parse((await fleet.pair(code, '127.0.0.1')).json());
    expect((await hub.call('GET', API.kioskConfig, { kioskToken: token })).statusCode).toBe(200);
  });
});
