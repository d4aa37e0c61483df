/** What the kiosk or the hub refuses, by state: each refusal is said in words and leaves the patron where they can try again. */
import { describe, expect, it } from 'vitest';
import { HubError } from '../../../shared/api/hub-client';
import type { CheckoutResult } from '../../../shared/api/schemas';
import type { RefusalCode } from '../../../shared/circulation/codes';
import { translate } from '../../../shared/i18n';
import { atBorrow, atLoans, atPinChange, CARD, DUE, enterNewPin, item, patron, PIN, settle, signedIn, startSession, TOKEN } from './session-harness';

describe('when signing in', () => {
  it("refuses a typed card number outside the library's patterns, without asking the hub", () => {
    const session = startSession();
    session.send({ type: 'borrow.chosen' });
    session.type('1234');
    session.send({ type: 'key.enter' });
    expect(session.screen()).toBe('cardEntry');
    expect(session.context().notice).toEqual({ key: 'signin.invalidCard' });
    expect(session.cues).toEqual(['refusal']);
  });

  it('says how many tries are left after a wrong PIN, and asks again', async () => {
    const session = startSession();
    session.hub.signIn.mockRejectedValueOnce(new HubError('pin.wrong', { attemptsLeft: 2 }));
    await session.signIn(CARD, '9999');

    expect(session.screen()).toBe('pin');
    expect(session.context().entry).toBe('');
    expect(session.context().notice).toEqual({ key: 'code.pin.wrong', params: { attemptsLeft: 2 } });
    expect(session.cues).toEqual(['refusal']);

    session.type(PIN);
    session.send({ type: 'key.enter' });
    await settle();
    expect(session.screen()).toBe('home');
    expect(session.hub.signIn).toHaveBeenLastCalledWith({ cardNumber: CARD, pin: PIN });
  });

  it('says for how many minutes a locked card stays locked', async () => {
    const session = startSession();
    const lockedUntil = new Date(session.clock.now() + 9.5 * 60_000).toISOString();
    session.hub.signIn.mockRejectedValueOnce(new HubError('card.locked', { lockedUntil }));
    await session.signIn();

    expect(session.screen()).toBe('cardEntry');
    expect(session.context().cardNumber).toBe('');
    expect(session.context().notice).toEqual({ key: 'code.card.locked', params: { minutes: 10 } });
  });

  it('sends a sign-in refused for too many failures at this kiosk back to card entry', async () => {
    const session = startSession();
    session.hub.signIn.mockRejectedValueOnce(new HubError('signIn.throttled'));
    await session.signIn();
    expect(session.screen()).toBe('cardEntry');
    expect(session.context().cardNumber).toBe('');
    expect(session.context().notice).toEqual({ key: 'code.signIn.throttled' });
  });

  it('sends an unknown card back to card entry with the reason', async () => {
    const session = startSession();
    session.hub.signIn.mockRejectedValueOnce(new HubError('card.unknown'));
    await session.signIn();
    expect(session.screen()).toBe('cardEntry');
    expect(session.context().notice).toEqual({ key: 'code.card.unknown' });
  });

  it('sends a card imported without a PIN back to card entry: no PIN can open it, ask at the desk', async () => {
    const session = startSession();
    session.hub.signIn.mockRejectedValueOnce(new HubError('pin.notSet'));
    await session.signIn();
    expect(session.screen()).toBe('cardEntry');
    expect(session.context().notice).toEqual({ key: 'code.pin.notSet' });
  });

  it('says the refusal with its parameters in both languages', async () => {
    const session = startSession();
    session.hub.signIn.mockRejectedValueOnce(new HubError('pin.wrong', { attemptsLeft: 3 }));
    await session.signIn();
    const notice = session.context().notice;
    expect(notice).not.toBeNull();
    if (notice === null) return;
    expect(translate('en', notice.key, notice.params)).toBe('That PIN is not right. You have 3 tries left.');
    expect(translate('zh-CN', notice.key, notice.params)).toContain('3 次');
  });
});

describe('when changing a required PIN', () => {
  it('refuses a weak PIN at once, without asking the hub', async () => {
    const session = await atPinChange();
    enterNewPin(session, '1111');
    expect(session.matches({ flow: { pinChange: 'choosing' } })).toBe(true);
    expect(session.context().notice).toEqual({ key: 'code.pin.weak' });
    expect(session.context().entry).toBe('');
    expect(session.hub.changePin).not.toHaveBeenCalled();
  });

  it('starts again when the confirmation does not match', async () => {
    const session = await atPinChange();
    enterNewPin(session, '4826');
    expect(session.matches({ flow: { pinChange: 'confirming' } })).toBe(true);
    enterNewPin(session, '4827');
    expect(session.matches({ flow: { pinChange: 'choosing' } })).toBe(true);
    expect(session.context().notice).toEqual({ key: 'pinChange.mismatch' });
    expect(session.context().newPin).toBe('');
  });

  it("still handles the hub's pin.weak", async () => {
    const session = await atPinChange();
    session.hub.changePin.mockRejectedValueOnce(new HubError('pin.weak'));
    enterNewPin(session, '4826');
    enterNewPin(session, '4826');
    await settle();
    expect(session.matches({ flow: { pinChange: 'choosing' } })).toBe(true);
    expect(session.context().notice).toEqual({ key: 'code.pin.weak' });
  });
});

describe('when borrowing', () => {
  it.each<RefusalCode>(['item.unknown', 'item.onLoanToOther', 'item.reservedForOther', 'item.notForLoan', 'patron.limitReached'])(
    'refuses in words: %s',
    async (code) => {
      const session = await atBorrow();
      const result: CheckoutResult = { ok: false, code, item: code === 'item.unknown' ? null : item('39010042'), screenMessage: 'AF text' };
      session.hub.checkout.mockResolvedValueOnce(result);
      await session.scan('39010042');

      const [row] = session.context().borrowed;
      expect(row).toMatchObject({ status: 'refused', refusal: { reason: { key: `code.${code}` }, screenMessage: 'AF text' } });
      expect(session.cues.at(-1)).toBe('refusal');
      expect(session.context().patron?.loanCount).toBe(1);
    },
  );

  it("refuses a misread that fits none of the library's item patterns, without asking the hub", async () => {
    const session = await atBorrow();
    session.send({ type: 'item.scanned', barcode: '3901001' });
    expect(session.hub.checkout).not.toHaveBeenCalled();
    expect(session.context().borrowed).toMatchObject([{ barcode: '3901001', status: 'refused' }]);
  });

  it('says so when an item borrowed in this session is scanned again, without asking the hub', async () => {
    const session = await atBorrow();
    await session.scan('39010001');
    await session.scan('39010001');
    expect(session.hub.checkout).toHaveBeenCalledTimes(1);
    expect(session.context().borrowed).toHaveLength(1);
    expect(session.context().notice).toEqual({ key: 'borrow.duplicate' });
  });
});

describe('when borrowing as a blocked patron', () => {
  it('sees the blocks, is refused borrowing with the reasons, and may still return', async () => {
    const session = startSession();
    session.hub.signIn.mockResolvedValueOnce(signedIn(patron({ blocks: ['overdue', 'fines'] })));
    await session.signIn();
    expect(session.screen()).toBe('home');
    expect(session.context().patron?.blocks).toEqual(['overdue', 'fines']);

    session.send({ type: 'borrow.chosen' });
    await session.scan('39010005');
    expect(session.hub.checkout).not.toHaveBeenCalled();
    const [row] = session.context().borrowed;
    expect(row?.status).toBe('refused');
    expect(row?.refusal?.reason).toEqual({ key: 'code.patron.blocked' });
    expect(row?.refusal?.blocks).toEqual([
      { key: 'block.overdue', params: { days: 30 } },
      { key: 'block.fines', params: { days: 30 } },
    ]);

    session.send({ type: 'return.chosen' });
    await session.scan('39010009');
    expect(session.hub.checkin).toHaveBeenCalledWith(expect.objectContaining({ patronToken: TOKEN, barcode: '39010009' }));
    expect(session.context().returned).toMatchObject([{ status: 'ok', disposition: 'shelf' }]);
  });
});

describe('when returning without signing in', () => {
  it('says so when an item returned in this session is scanned again', async () => {
    const session = startSession();
    session.send({ type: 'return.chosen' });
    await session.scan('39010052');
    await session.scan('39010052');
    expect(session.hub.checkin).toHaveBeenCalledTimes(1);
    expect(session.context().notice).toEqual({ key: 'return.duplicate' });
  });
});

describe('when renewing', () => {
  it('renews all and gives each refused row its reason', async () => {
    const session = await atLoans();
    session.hub.renew.mockResolvedValueOnce({
      results: [
        { ok: true, item: item('B1'), dueAt: DUE },
        { ok: false, code: 'renew.onHold', item: item('B2'), itemBarcode: 'B2' },
      ],
    });
    session.send({ type: 'renewAll.requested' });
    await settle();

    expect(session.hub.renew).toHaveBeenCalledWith({ patronToken: TOKEN, barcodes: ['B1', 'B2'] });
    expect(session.context().loans).toMatchObject([
      { status: 'ok', renewed: true },
      { status: 'refused', renewed: false, refusal: { reason: { key: 'code.renew.onHold' } } },
    ]);
    expect(session.cues.at(-1)).toBe('refusal');
  });
});
