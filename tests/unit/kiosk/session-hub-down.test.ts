/** Failures nobody at the kiosk caused (the network, the ILS, an unexpected error, the printer): the patron stays where they were, told why in words. */
import { describe, expect, it } from 'vitest';
import { HubError } from '../../../shared/api/hub-client';
import { atBorrow, atFinishAfterBorrowing, atLoans, settle, startSession } from './session-harness';

describe('when signing in', () => {
  it('maps an unexpected failure to the generic message, never its text', async () => {
    const session = startSession();
    session.hub.signIn.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await session.signIn();
    expect(session.screen()).toBe('pin');
    expect(session.context().notice).toEqual({ key: 'code.internal' });
  });
});

describe('when borrowing', () => {
  it('keeps the scan when the network is down, refused with the network message', async () => {
    const session = await atBorrow();
    session.hub.checkout.mockRejectedValueOnce(new HubError('network.offline'));
    await session.scan('39010001');
    expect(session.context().borrowed).toMatchObject([
      { barcode: '39010001', status: 'refused', refusal: { reason: { key: 'code.network.offline' } } },
    ]);
    expect(session.screen()).toBe('borrow');

    await session.scan('39010001');
    expect(session.hub.checkout).toHaveBeenCalledTimes(2);
    expect(session.context().borrowed).toMatchObject([{ barcode: '39010001', status: 'ok' }]);
  });

  it('an ILS that is down leaves the patron on the borrow screen', async () => {
    const session = startSession();
    await session.signIn();
    session.send({ type: 'borrow.chosen' });
    session.hub.checkout.mockRejectedValueOnce(new HubError('ils.unavailable'));
    await session.scan('39010001');
    expect(session.screen()).toBe('borrow');
  });
});

describe('when renewing', () => {
  it('refuses every pending row when the renewal fails outright', async () => {
    const session = await atLoans();
    session.hub.renew.mockRejectedValueOnce(new HubError('ils.unavailable'));
    session.send({ type: 'renewAll.requested' });
    await settle();
    expect(session.context().loans.map((row) => [row.status, row.refusal?.reason.key])).toEqual([
      ['refused', 'code.ils.unavailable'],
      ['refused', 'code.ils.unavailable'],
    ]);
  });
});

describe('when finishing', () => {
  it('tells the patron when the printer fails', async () => {
    const session = await atFinishAfterBorrowing();
    session.hub.printReceipt.mockRejectedValueOnce(new Error('paper out'));
    session.send({ type: 'receipt.print' });
    await settle();
    expect(session.context().summary?.printFailed).toBe(true);
  });
});
