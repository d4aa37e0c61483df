/** The session while the hub is down: returns and (where the profile allows) loans go to the outbox; the patron is told they are done. */
import { describe, expect, it, vi } from 'vitest';
import { HubError } from '../../../shared/api/hub-client';
import { OfflinePolicy } from '../../../shared/api/schemas';
import { offlineCardHash } from '../../../shared/offline/card-hash';
import { OfflineLimitReached } from '../../../kiosk/offline/offline-transaction';
import { atBorrow, CARD, deferred, settle, startSession } from './session-harness';

const NOW = Date.parse('2026-11-25T10:00:00+08:00');
const borrowingPolicy = OfflinePolicy.parse({ borrowing: true, maxItemsPerCard: 2, loanDays: 21 });

describe('returning while the hub is down', () => {
  it('queues the return with its time and shows it done, recorded offline', async () => {
    const session = startSession();
    session.send({ type: 'return.chosen' });
    session.hub.checkin.mockRejectedValueOnce(new HubError('network.offline'));
    await session.scan('39010001');
    await settle();
    const [row] = session.context().returned;
    expect(session.hub.queueOffline).toHaveBeenCalledWith({
      type: 'checkin',
      requestId: row!.id,
      itemBarcode: '39010001',
      occurredAt: new Date(NOW).toISOString(),
    });
    expect(row).toMatchObject({ status: 'ok', offline: true });
    expect(session.cues).toEqual(['success']);
  });

  it('counts a hub that does not answer within the deadline as down (the same request id is queued)', async () => {
    const session = startSession();
    session.send({ type: 'return.chosen' });
    session.hub.checkin.mockReturnValueOnce(deferred<never>().promise);
    await session.scan('39010002');
    expect(session.context().returned[0]).toMatchObject({ status: 'pending' });
    session.clock.increment(session.delays.hubDeadline);
    await settle();
    const [row] = session.context().returned;
    expect(row).toMatchObject({ status: 'ok', offline: true });
    expect(session.hub.queueOffline.mock.calls[0]![0].requestId).toBe(session.hub.checkin.mock.calls[0]![0].requestId);
  });

  it('is refused as before when the profile does not queue returns', async () => {
    const session = startSession({ config: { offline: OfflinePolicy.parse({ returnsQueued: false }) } });
    session.send({ type: 'return.chosen' });
    session.hub.checkin.mockRejectedValueOnce(new HubError('network.offline'));
    await session.scan('39010001');
    expect(session.hub.queueOffline).not.toHaveBeenCalled();
    expect(session.context().returned[0]).toMatchObject({ status: 'refused', refusal: { reason: { key: 'code.network.offline' } } });
  });

  it('tells the patron when the outbox cannot be written, never that it is done', async () => {
    const session = startSession();
    session.send({ type: 'return.chosen' });
    session.hub.checkin.mockRejectedValueOnce(new HubError('network.offline'));
    session.hub.queueOffline.mockRejectedValueOnce(new Error('QuotaExceededError'));
    await session.scan('39010001');
    await settle();
    expect(session.context().returned[0]).toMatchObject({ status: 'refused', offline: false });
  });
});

describe('borrowing while the hub is down', () => {
  it('is refused by default (the profile allows no offline loans)', async () => {
    const session = await atBorrow();
    session.hub.checkout.mockRejectedValueOnce(new HubError('network.offline'));
    await session.scan('39010001');
    expect(session.hub.queueOffline).not.toHaveBeenCalled();
    expect(session.context().borrowed[0]).toMatchObject({ status: 'refused' });
  });

  it('queues loans with the card and the offline due date up to the items per card, where the profile allows it', async () => {
    const session = startSession({ config: { offline: borrowingPolicy } });
    await session.signIn();
    session.send({ type: 'borrow.chosen' });
    session.hub.checkout.mockRejectedValue(new HubError('network.offline'));
    for (const barcode of ['39010001', '39010002', '39010003']) {
      await session.scan(barcode);
      await settle();
    }
    const due = new Date(NOW + 21 * 24 * 60 * 60_000).toISOString();
    expect(session.hub.queueOffline.mock.calls.map(([transaction]) => transaction)).toEqual([
      expect.objectContaining({ type: 'checkout', itemBarcode: '39010001', cardNumber: CARD, dueAt: due }),
      expect.objectContaining({ type: 'checkout', itemBarcode: '39010002', cardNumber: CARD, dueAt: due }),
    ]);
    expect(session.context().borrowed.map((row) => [row.barcode, row.status, row.offline, row.dueAt])).toEqual([
      ['39010001', 'ok', true, due],
      ['39010002', 'ok', true, due],
      ['39010003', 'refused', false, null],
    ]);
  });

  it('forgets the card with the rest of the session', async () => {
    const session = startSession({ config: { offline: borrowingPolicy } });
    await session.signIn();
    session.send({ type: 'borrow.chosen' });
    session.hub.checkout.mockRejectedValueOnce(new HubError('network.offline'));
    await session.scan('39010001');
    await settle();
    session.send({ type: 'finish.chosen' });
    session.send({ type: 'receipt.skip' });
    session.clock.increment(session.delays.goodbye);
    expect(JSON.stringify(session.context())).not.toContain(CARD);
  });
});

describe('signing in while the hub is down', () => {
  const offlineSession = (policy = borrowingPolicy) => {
    const session = startSession({ config: { offline: policy } });
    session.send({ type: 'connectivity.changed', offline: true });
    return session;
  };

  it('takes the card alone (no PIN can be checked), lends straight to the outbox up to the card limit, and forgets the card at the end', async () => {
    const session = offlineSession();
    session.send({ type: 'card.scanned', code: CARD });
    // The card's hash is worked out off the main thread: waited for rather than a number of ticks.
    await vi.waitFor(() => expect(session.screen()).toBe('home'));
    expect(session.hub.confirmOffline).toHaveBeenCalledWith({ maxAgeMs: 0 });
    expect(session.context()).toMatchObject({ offlineCard: true, patronToken: null, cardNumber: CARD });
    expect(session.hub.signIn).not.toHaveBeenCalled();
    expect(session.cues).toEqual(['success']);

    // My loans come from the hub: not offered.
    session.send({ type: 'loans.chosen' });
    expect(session.screen()).toBe('home');
    session.send({ type: 'borrow.chosen' });
    for (const barcode of ['39010001', '39010002', '39010003']) {
      await session.scan(barcode);
      await settle();
    }
    expect(session.hub.checkout).not.toHaveBeenCalled();
    const due = new Date(NOW + 21 * 24 * 60 * 60_000).toISOString();
    expect(session.context().borrowed.map((row) => [row.barcode, row.status, row.offline, row.dueAt, row.refusal?.reason])).toEqual([
      ['39010001', 'ok', true, due, undefined],
      ['39010002', 'ok', true, due, undefined],
      ['39010003', 'refused', false, null, { key: 'offline.limitReached', params: { max: 2 } }],
    ]);

    session.send({ type: 'finish.chosen' });
    // No phone receipt: the hub holds no session for this card.
    expect(session.matches({ flow: { finish: 'asking' } })).toBe(true);
    session.send({ type: 'receipt.print' });
    await settle();
    expect(session.hub.printReceipt).toHaveBeenCalledWith(expect.objectContaining({ borrowed: [{ title: '39010001', dueAt: due }, { title: '39010002', dueAt: due }], recordedOffline: true }));
    session.clock.increment(session.delays.goodbye);
    expect(session.screen()).toBe('attract');
    expect(JSON.stringify(session.context())).not.toContain(CARD);
    expect(session.context().offlineCard).toBe(false);
  });

  it('refuses a card on the hashed list of blocked and expired cards the hub sent', async () => {
    const session = offlineSession({ ...borrowingPolicy, cardHashSalt: 'salt', blockedCards: [await offlineCardHash('salt', CARD)] });
    session.send({ type: 'card.scanned', code: CARD });
    await vi.waitFor(() => expect(session.screen()).toBe('cardEntry'));
    expect(session.context()).toMatchObject({ offlineCard: false, cardNumber: '', notice: { key: 'offline.cardRefused' } });
    expect(session.cues).toEqual(['refusal']);
  });

  it('asks the hub once more before a sign-in without a PIN, and asks for the PIN when it has come back', async () => {
    const session = offlineSession();
    session.hub.confirmOffline.mockResolvedValueOnce(false);
    session.send({ type: 'card.scanned', code: CARD });
    await settle();
    expect(session.hub.confirmOffline).toHaveBeenCalledWith({ maxAgeMs: 0 });
    expect(session.screen()).toBe('pin');
    expect(session.context()).toMatchObject({ hubOffline: false, offlineCard: false, cardNumber: CARD });
    await session.signIn();
    expect(session.hub.signIn).toHaveBeenCalledOnce();
    expect(session.screen()).toBe('home');
    expect(session.context().patronToken).not.toBeNull();
  });

  it('does the same for a card number typed on the keypad', async () => {
    const session = offlineSession();
    session.hub.confirmOffline.mockResolvedValueOnce(false);
    session.send({ type: 'borrow.chosen' });
    session.type(CARD);
    session.send({ type: 'key.enter' });
    await settle();
    expect(session.screen()).toBe('pin');
    expect(session.context().offlineCard).toBe(false);
  });

  it('asks for the PIN as ever where the profile does not lend offline', async () => {
    const session = offlineSession(OfflinePolicy.parse({}));
    session.send({ type: 'card.scanned', code: CARD });
    expect(session.screen()).toBe('pin');
  });

  it('signs in by card alone when the hub turns out to be down at the PIN', async () => {
    const session = startSession({ config: { offline: borrowingPolicy } });
    session.hub.signIn.mockRejectedValueOnce(new HubError('network.offline'));
    await session.signIn();
    await vi.waitFor(() => expect(session.screen()).toBe('home'));
    expect(session.context()).toMatchObject({ offlineCard: true, entry: '' });
  });

  it('signs an offline card out when the patron walks away, keeping nothing of them', async () => {
    const session = offlineSession();
    session.send({ type: 'card.scanned', code: CARD });
    await vi.waitFor(() => expect(session.screen()).toBe('home'));
    session.clock.increment(session.delays.idleTimeout);
    session.elapse(session.delays.countdown);
    expect(session.screen()).toBe('attract');
    expect(JSON.stringify(session.context())).not.toContain(CARD);
  });

  it('tells the patron the card reached its offline limit in the outbox (loans from an earlier session)', async () => {
    const session = offlineSession();
    session.hub.queueOffline.mockRejectedValueOnce(new OfflineLimitReached(2));
    session.send({ type: 'card.scanned', code: CARD });
    await vi.waitFor(() => expect(session.screen()).toBe('home'));
    session.send({ type: 'borrow.chosen' });
    await session.scan('39010001');
    await settle();
    expect(session.context().borrowed[0]).toMatchObject({ status: 'refused', refusal: { reason: { key: 'offline.limitReached', params: { max: 2 } } } });
  });
});

describe('returning while the kiosk knows the hub is down', () => {
  it('asks the hub first (an outage older than 2 s) and returns live when it has come back', async () => {
    const session = startSession({ offline: true });
    session.hub.confirmOffline.mockResolvedValueOnce(false);
    session.send({ type: 'return.chosen' });
    await session.scan('39010001');
    await settle();
    expect(session.hub.confirmOffline).toHaveBeenCalledWith({ maxAgeMs: 2000 });
    expect(session.hub.queueOffline).not.toHaveBeenCalled();
    expect(session.hub.checkin).toHaveBeenCalledOnce();
    expect(session.context()).toMatchObject({ hubOffline: false, returned: [{ status: 'ok', offline: false }] });
  });

  it('keeps a card signed in offline borrowing through the outbox when the hub comes back (it has no hub sign-in)', async () => {
    const session = startSession({ config: { offline: borrowingPolicy }, offline: true });
    session.send({ type: 'card.scanned', code: CARD });
    await vi.waitFor(() => expect(session.screen()).toBe('home'));
    session.hub.confirmOffline.mockResolvedValueOnce(false);
    session.send({ type: 'borrow.chosen' });
    await session.scan('39010001');
    await settle();
    expect(session.hub.checkout).not.toHaveBeenCalled();
    expect(session.context().borrowed[0]).toMatchObject({ status: 'ok', offline: true });
  });

  it('queues at once without waiting for the hub, and says it is back online when told', async () => {
    const session = startSession({ offline: true });
    expect(session.context().hubOffline).toBe(true);
    session.send({ type: 'return.chosen' });
    await session.scan('39010001');
    await settle();
    expect(session.hub.checkin).not.toHaveBeenCalled();
    expect(session.context().returned[0]).toMatchObject({ status: 'ok', offline: true });
    session.send({ type: 'connectivity.changed', offline: false });
    await session.scan('39010002');
    await settle();
    expect(session.hub.checkin).toHaveBeenCalledOnce();
  });
});
