/** A sign-in the hub no longer knows (after a hub restart, or its own idle limit): whatever the patron was doing, the session ends on the goodbye screen, which says so. */
import { describe, expect, it } from 'vitest';
import { HubError } from '../../../shared/api/hub-client';
import { loan, patron, settle, startSession } from './session-harness';

const expired = new HubError('session.expired');

describe('when borrowing', () => {
  it('ends the session from the borrow screen: goodbye says so, keeps what was borrowed, and wipes the patron', async () => {
    const session = startSession();
    await session.signIn();
    session.send({ type: 'borrow.chosen' });
    await session.scan('39010001');
    session.hub.checkout.mockRejectedValueOnce(expired);
    await session.scan('39010002');

    expect(session.screen()).toBe('goodbye');
    expect(session.context().summary).toEqual({ borrowed: 1, returned: 0, renewed: 0, printFailed: false, sessionExpired: true });
    expect([session.context().patron, session.context().patronToken, session.context().borrowed]).toEqual([null, null, []]);
    session.send({ type: 'goodbye.dismissed' });
    expect(session.context().sessionExpired).toBe(false);
  });
});

describe('when looking at my loans', () => {
  it('ends the session when loading my loans finds it gone', async () => {
    const session = startSession();
    await session.signIn();
    session.hub.patronStatus.mockRejectedValueOnce(expired);
    session.send({ type: 'loans.chosen' });
    await settle();
    expect(session.screen()).toBe('goodbye');
    expect(session.context().summary?.sessionExpired).toBe(true);
  });

  it('ends the session when renewing finds it gone', async () => {
    const session = startSession();
    await session.signIn();
    session.hub.patronStatus.mockResolvedValueOnce({ ...patron(), loans: [loan('B1')] });
    session.send({ type: 'loans.chosen' });
    await settle();
    session.hub.renew.mockRejectedValueOnce(expired);
    session.send({ type: 'renewAll.requested' });
    await settle();
    expect(session.screen()).toBe('goodbye');
    expect(session.context().summary?.sessionExpired).toBe(true);
  });
});
