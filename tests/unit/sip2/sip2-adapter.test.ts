import { afterEach, describe, expect, it } from 'vitest';
import { blocksOf, dispositionOf } from '../../../server/ils/sip2/sip2-mapping';
import { IlsUnsupportedError } from '../../../server/ils/ils-port';
import { Sip2Ils } from '../../../server/ils/sip2/sip2-ils';
import { testConnection } from '../../../server/ils/sip2/test-connection';
import type { PatronStatusFlag } from '../../../shared/sip2';
import { START } from '../../api/support/test-hub';
import { createDemoDatabase } from '../../sip2/demo-database';
import { startSip2Simulator, type Sip2Simulator } from '../../sip2/sip2-simulator';

const flags = (...names: PatronStatusFlag[]) => new Set(names);

describe('patron status flags as block reasons', () => {
  it.each<[PatronStatusFlag[], string[]]>([
    [[], []],
    [['chargePrivilegesDenied', 'tooManyItemsOverdue'], ['overdue']],
    [['recallOverdue'], ['overdue']],
    [['excessiveOutstandingFines'], ['fines']],
    [['excessiveOutstandingFees', 'tooManyItemsBilled'], ['fines']],
    [['cardReportedLost'], ['cardLost']],
    [['chargePrivilegesDenied', 'renewalPrivilegesDenied'], ['manual']], // denied without saying why
    [['chargePrivilegesDenied', 'tooManyItemsCharged'], []], // at the loan limit: patron.limitReached, no block
    [['tooManyItemsOverdue', 'excessiveOutstandingFines', 'tooManyItemsLost'], ['overdue', 'fines', 'manual']],
  ])('%j → %j', (given, expected) => {
    expect(blocksOf(flags(...given))).toEqual(expected);
  });
});

describe('check-in alerts', () => {
  const reply = { ok: true, alert: true, alertType: null, itemId: 'x', title: 't', patronId: null, sortBin: null, holdPatronId: null, destinationLocation: null, callNumber: null, screenMessages: [], printLines: [] };
  it('puts aside items held or in transit, shelves the rest', () => {
    expect(dispositionOf({ ...reply, alertType: '01' })).toBe('hold');
    expect(dispositionOf({ ...reply, alertType: '04' })).toBe('hold');
    expect(dispositionOf({ ...reply, alert: false, holdPatronId: '20140004' })).toBe('hold');
    expect(dispositionOf({ ...reply, alertType: '99' })).toBe('shelf');
    expect(dispositionOf({ ...reply, alert: false })).toBe('shelf');
  });
});

describe('the sip2 adapter against the simulator', () => {
  let simulator: Sip2Simulator | undefined;
  afterEach(async () => simulator?.close());

  it('Test connection logs in and reads the 98 reply', async () => {
    simulator = await startSip2Simulator({ db: await createDemoDatabase(START) });
    const result = await testConnection({ ...simulator.settings, timeoutMs: 500 });
    expect(result).toMatchObject({
      ok: true,
      allows: { checkout: true, checkin: true, renewal: true, offline: true },
      status: { online: true, retriesAllowed: 3, libraryName: 'Demo County Library', protocolVersion: '2.00' },
    });
    expect(simulator.received).toEqual(['93', '99']);
  });

  it('Test connection says why it failed', async () => {
    simulator = await startSip2Simulator({ db: await createDemoDatabase(START) });
    expect(await testConnection({ ...simulator.settings, password: 'nope', timeoutMs: 500 })).toEqual({
      ok: false,
      reason: expect.stringMatching(/login refused/),
    });
    simulator.misbehave({ silent: true });
    expect(await testConnection({ ...simulator.settings, timeoutMs: 200 })).toEqual({ ok: false, reason: expect.stringMatching(/timeout/) });
  });

  it('refuses to change a PIN, with a code the kiosk can turn into "ask at the desk"', async () => {
    simulator = await startSip2Simulator({ db: await createDemoDatabase(START) });
    const ils = new Sip2Ils({ ...simulator.settings, timeoutMs: 500 }, { timeZone: 'Asia/Shanghai' });
    const ctx = { kioskId: 'k', now: START };
    expect(await ils.authenticatePatron('20140002', '123456', ctx)).toEqual({ ok: true, pinChangeRequired: false });
    await expect(ils.changePin()).rejects.toEqual(new IlsUnsupportedError('pin.changeAtDesk'));
    ils.close();
  });

  it('keeps idle connections alive with 99', async () => {
    simulator = await startSip2Simulator({ db: await createDemoDatabase(START) });
    const ils = new Sip2Ils({ ...simulator.settings, timeoutMs: 500 }, { timeZone: 'Asia/Shanghai', pool: { keepAliveMs: 1000 } });
    await ils.itemInfo('39010001', { kioskId: 'k', now: START });
    await new Promise((resolve) => setTimeout(resolve, 2300)); // checked every 1 s: at 1 s or 2 s it is idle long enough
    expect(simulator.received.slice(0, 4)).toEqual(['93', '99', '17', '99']);
    ils.close();
  });
});
