import { describe, expect, it } from 'vitest';
import { HubError } from '../../../shared/api/hub-client';
import type { CheckoutResult } from '../../../shared/api/schemas';
import type { RefusalCode } from '../../../shared/circulation/codes';
import { translate } from '../../../shared/i18n';
import { CARD, deferred, DUE, item, loan, patron, PIN, settle, signedIn, startSession, TOKEN } from './session-harness';

describe('signing in', () => {
  it('takes a scanned card and a PIN to home, and keeps no PIN', async () => {
    const session = startSession();
    session.send({ type: 'card.scanned', code: CARD });
    expect(session.screen()).toBe('pin');
    session.type(PIN);
    expect(session.context().entry).toBe(PIN);
    session.send({ type: 'key.enter' });
    expect(session.screen()).toBe('authenticating');
    await settle();

    expect(session.hub.signIn).toHaveBeenCalledWith({ cardNumber: CARD, pin: PIN });
    expect(session.screen()).toBe('home');
    expect(session.context().patron?.displayName).toBe('小明');
    expect(session.context().entry).toBe('');
    expect(session.cues).toEqual(['success']);
  });

  it('takes a card number typed on the pad, ignoring what a card number cannot contain', () => {
    const session = startSession();
    session.send({ type: 'borrow.chosen' });
    expect(session.screen()).toBe('cardEntry');
    session.type('2014#0001');
    session.send({ type: 'key.backspace' });
    session.type('1');
    session.send({ type: 'key.enter' });
    expect(session.screen()).toBe('pin');
    expect(session.context().cardNumber).toBe(CARD);
  });

  it("refuses a typed card number outside the library's patterns, without asking the hub", () => {
    const session = startSession();
    session.send({ type: 'borrow.chosen' });
    session.type('1234');
    session.send({ type: 'key.enter' });
    expect(session.screen()).toBe('cardEntry');
    expect(session.context().notice).toEqual({ key: 'signin.invalidCard' });
    expect(session.cues).toEqual(['refusal']);
  });

  it('takes a Codabar card with its start and stop letters from a USB scanner, as the library knows it', () => {
    const session = startSession();
    session.send({ type: 'card.scanned', code: 'A31117013206375B' });
    expect(session.screen()).toBe('pin');
    expect(session.context().cardNumber).toBe('31117013206375');
  });

  it('does not submit a PIN shorter than four digits, and takes digits only', () => {
    const session = startSession();
    session.send({ type: 'card.scanned', code: CARD });
    session.type('12a');
    session.send({ type: 'key.enter' });
    expect(session.screen()).toBe('pin');
    expect(session.context().entry).toBe('12');
    session.send({ type: 'key.clear' });
    expect(session.context().entry).toBe('');
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

  it('sends an unknown card back to card entry with the reason', async () => {
    const session = startSession();
    session.hub.signIn.mockRejectedValueOnce(new HubError('card.unknown'));
    await session.signIn();
    expect(session.screen()).toBe('cardEntry');
    expect(session.context().notice).toEqual({ key: 'code.card.unknown' });
  });

  it('maps an unexpected failure to the generic message, never its text', async () => {
    const session = startSession();
    session.hub.signIn.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await session.signIn();
    expect(session.screen()).toBe('pin');
    expect(session.context().notice).toEqual({ key: 'code.internal' });
  });

  it('cancelling returns to attract and forgets the card', () => {
    const session = startSession();
    session.send({ type: 'card.scanned', code: CARD });
    session.send({ type: 'signIn.cancelled' });
    expect(session.screen()).toBe('attract');
    expect(session.context().cardNumber).toBe('');
  });
});

describe('forced PIN change', () => {
  async function atPinChange() {
    const session = startSession();
    session.hub.signIn.mockResolvedValueOnce({ token: TOKEN, pinChangeRequired: true, patron: null });
    await session.signIn(CARD, '123456');
    expect(session.screen()).toBe('pinChange');
    return session;
  }
  const enter = (session: Awaited<ReturnType<typeof atPinChange>>, pin: string) => {
    session.type(pin);
    session.send({ type: 'key.enter' });
  };

  it('refuses a weak PIN at once, without asking the hub', async () => {
    const session = await atPinChange();
    enter(session, '1111');
    expect(session.matches({ flow: { pinChange: 'choosing' } })).toBe(true);
    expect(session.context().notice).toEqual({ key: 'code.pin.weak' });
    expect(session.context().entry).toBe('');
    expect(session.hub.changePin).not.toHaveBeenCalled();
  });

  it('starts again when the confirmation does not match', async () => {
    const session = await atPinChange();
    enter(session, '4826');
    expect(session.matches({ flow: { pinChange: 'confirming' } })).toBe(true);
    enter(session, '4827');
    expect(session.matches({ flow: { pinChange: 'choosing' } })).toBe(true);
    expect(session.context().notice).toEqual({ key: 'pinChange.mismatch' });
    expect(session.context().newPin).toBe('');
  });

  it('saves a good PIN and goes home', async () => {
    const session = await atPinChange();
    enter(session, '4826');
    enter(session, '4826');
    await settle();
    expect(session.hub.changePin).toHaveBeenCalledWith({ patronToken: TOKEN, newPin: '4826' });
    expect(session.screen()).toBe('home');
    expect(session.context().patron).toEqual(patron());
    expect(session.context().newPin).toBe('');
  });

  it("still handles the hub's pin.weak", async () => {
    const session = await atPinChange();
    session.hub.changePin.mockRejectedValueOnce(new HubError('pin.weak'));
    enter(session, '4826');
    enter(session, '4826');
    await settle();
    expect(session.matches({ flow: { pinChange: 'choosing' } })).toBe(true);
    expect(session.context().notice).toEqual({ key: 'code.pin.weak' });
  });
});

describe('borrowing', () => {
  async function borrowing() {
    const session = startSession();
    await session.signIn();
    session.send({ type: 'borrow.chosen' });
    expect(session.screen()).toBe('borrow');
    return session;
  }

  it('adds a checking row at once, then the title and due date', async () => {
    const session = await borrowing();
    session.send({ type: 'item.scanned', barcode: '39010001' });
    expect(session.context().borrowed).toMatchObject([{ barcode: '39010001', status: 'pending' }]);
    await settle();

    const [row] = session.context().borrowed;
    expect(row).toMatchObject({ status: 'ok', item: { title: 'Book 39010001' }, dueAt: DUE, refusal: null });
    expect(session.hub.checkout).toHaveBeenCalledWith({ patronToken: TOKEN, barcode: '39010001', requestId: row?.id });
    expect(row?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(session.context().patron?.loanCount).toBe(2);
    expect(session.cues.at(-1)).toBe('success');
  });

  it.each<RefusalCode>(['item.unknown', 'item.onLoanToOther', 'item.reservedForOther', 'item.notForLoan', 'patron.limitReached'])(
    'refuses in words: %s',
    async (code) => {
      const session = await borrowing();
      const result: CheckoutResult = { ok: false, code, item: code === 'item.unknown' ? null : item('39010042'), screenMessage: 'AF text' };
      session.hub.checkout.mockResolvedValueOnce(result);
      await session.scan('39010042');

      const [row] = session.context().borrowed;
      expect(row).toMatchObject({ status: 'refused', refusal: { reason: { key: `code.${code}` }, screenMessage: 'AF text' } });
      expect(session.cues.at(-1)).toBe('refusal');
      expect(session.context().patron?.loanCount).toBe(1);
    },
  );

  it('keeps the scan when the network is down, refused with the network message', async () => {
    const session = await borrowing();
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

  it('queues scans that arrive while one is with the hub, and loses none', async () => {
    const session = await borrowing();
    const answers = [deferred<CheckoutResult>(), deferred<CheckoutResult>(), deferred<CheckoutResult>()];
    answers.forEach((answer) => session.hub.checkout.mockReturnValueOnce(answer.promise));

    for (const barcode of ['39010001', '39010002', '39010003']) session.send({ type: 'item.scanned', barcode });
    expect(session.context().borrowed.map((row) => row.status)).toEqual(['pending', 'pending', 'pending']);
    expect(session.hub.checkout).toHaveBeenCalledTimes(1);

    for (const [index, barcode] of ['39010001', '39010002', '39010003'].entries()) {
      expect(session.hub.checkout).toHaveBeenLastCalledWith(expect.objectContaining({ barcode }));
      answers[index]?.resolve({ ok: true, item: item(barcode), dueAt: DUE });
      await settle();
    }
    expect(session.hub.checkout).toHaveBeenCalledTimes(3);
    expect(session.context().borrowed.map((row) => [row.barcode, row.status])).toEqual([
      ['39010001', 'ok'],
      ['39010002', 'ok'],
      ['39010003', 'ok'],
    ]);
    expect(session.context().queue).toEqual([]);
  });

  it("refuses a misread that fits none of the library's item patterns, without asking the hub", async () => {
    const session = await borrowing();
    session.send({ type: 'item.scanned', barcode: '3901001' });
    expect(session.hub.checkout).not.toHaveBeenCalled();
    expect(session.context().borrowed).toMatchObject([{ barcode: '3901001', status: 'refused' }]);
  });

  it('says so when an item borrowed in this session is scanned again, without asking the hub', async () => {
    const session = await borrowing();
    await session.scan('39010001');
    await session.scan('39010001');
    expect(session.hub.checkout).toHaveBeenCalledTimes(1);
    expect(session.context().borrowed).toHaveLength(1);
    expect(session.context().notice).toEqual({ key: 'borrow.duplicate' });
  });

  it('waits for the checks in flight before leaving the screen', async () => {
    const session = await borrowing();
    const answer = deferred<CheckoutResult>();
    session.hub.checkout.mockReturnValueOnce(answer.promise);
    session.send({ type: 'item.scanned', barcode: '39010001' });
    session.send({ type: 'finish.chosen' });
    expect(session.screen()).toBe('borrow');
    answer.resolve({ ok: true, item: item('39010001'), dueAt: DUE });
    await settle();
    session.send({ type: 'finish.chosen' });
    expect(session.screen()).toBe('finish');
  });
});

describe('a blocked patron', () => {
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

describe('returning without signing in', () => {
  it('goes from attract to return, tells where each item goes, and finishes', async () => {
    const session = startSession();
    session.send({ type: 'return.chosen' });
    expect(session.screen()).toBe('return');

    session.hub.checkin.mockResolvedValueOnce({ ok: true, item: item('39010052'), disposition: 'hold', wasOverdue: true });
    await session.scan('39010052');
    session.hub.checkin.mockResolvedValueOnce({ ok: false, code: 'item.notOnLoan', item: item('39010020') });
    await session.scan('39010020');

    expect(session.hub.checkin).toHaveBeenCalledWith(expect.objectContaining({ patronToken: null, barcode: '39010052' }));
    expect(session.context().returned).toMatchObject([
      { barcode: '39010052', status: 'ok', disposition: 'hold', wasOverdue: true },
      { barcode: '39010020', status: 'refused', refusal: { reason: { key: 'code.item.notOnLoan' } } },
    ]);

    session.send({ type: 'home.chosen' });
    session.send({ type: 'borrow.chosen' });
    expect(session.screen()).toBe('return');
    session.send({ type: 'finish.chosen' });
    expect(session.screen()).toBe('finish');
  });

  it('says so when an item returned in this session is scanned again', async () => {
    const session = startSession();
    session.send({ type: 'return.chosen' });
    await session.scan('39010052');
    await session.scan('39010052');
    expect(session.hub.checkin).toHaveBeenCalledTimes(1);
    expect(session.context().notice).toEqual({ key: 'return.duplicate' });
  });
});

describe('my loans', () => {
  async function atLoans() {
    const session = startSession();
    await session.signIn();
    session.hub.patronStatus.mockResolvedValueOnce({ ...patron({ loanCount: 2 }), loans: [loan('B1', { overdue: true }), loan('B2')] });
    session.send({ type: 'loans.chosen' });
    await settle();
    expect(session.matches({ flow: { loans: 'ready' } })).toBe(true);
    return session;
  }

  it('lists the loans with due dates and overdue marks', async () => {
    const session = await atLoans();
    expect(session.hub.patronStatus).toHaveBeenCalledWith({ patronToken: TOKEN });
    expect(session.context().loans.map((row) => [row.loan.item.barcode, row.loan.overdue, row.status])).toEqual([
      ['B1', true, 'ok'],
      ['B2', false, 'ok'],
    ]);
  });

  it('renews one item and shows its new due date', async () => {
    const session = await atLoans();
    session.hub.renew.mockResolvedValueOnce({ results: [{ ok: true, item: item('B1'), dueAt: DUE }] });
    session.send({ type: 'renew.requested', barcode: 'B1' });
    expect(session.context().loans.map((row) => row.status)).toEqual(['pending', 'ok']);
    await settle();

    expect(session.hub.renew).toHaveBeenCalledWith({ patronToken: TOKEN, barcodes: ['B1'] });
    const [first, second] = session.context().loans;
    expect(first).toMatchObject({ status: 'ok', renewed: true, loan: { dueAt: DUE, overdue: false, renewals: 1, renewalsLeft: 1 } });
    expect(second).toMatchObject({ status: 'ok', renewed: false });
    expect(session.cues.at(-1)).toBe('success');
  });

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

describe('leaving idle', () => {
  it('asks after the idle timeout, and "still here" keeps the session', async () => {
    const session = startSession();
    await session.signIn();
    session.elapse(59_000);
    expect(session.matches({ idle: 'watching' })).toBe(true);
    session.elapse(1_000);
    expect(session.matches({ idle: 'warning' })).toBe(true);
    expect(session.context().secondsLeft).toBe(20);
    session.elapse(5_000);
    expect(session.context().secondsLeft).toBe(15);

    session.send({ type: 'idle.stillHere' });
    expect(session.matches({ idle: 'watching' })).toBe(true);
    expect(session.screen()).toBe('home');
    session.elapse(59_000);
    expect(session.matches({ idle: 'watching' })).toBe(true);
  });

  it('restarts the wait on any activity', async () => {
    const session = startSession();
    await session.signIn();
    session.elapse(50_000);
    session.send({ type: 'activity' });
    session.elapse(50_000);
    expect(session.matches({ idle: 'watching' })).toBe(true);
    session.elapse(10_000);
    expect(session.matches({ idle: 'warning' })).toBe(true);
  });

  it('signs out when the countdown ends, leaving no patron data behind', async () => {
    const session = startSession();
    await session.signIn();
    session.send({ type: 'language.toggled' });
    session.send({ type: 'largeText.toggled' });
    session.send({ type: 'borrow.chosen' });
    await session.scan('39010001');

    session.elapse(60_000 + 19_000);
    expect(session.screen()).toBe('borrow');
    session.elapse(1_000);
    await settle();

    expect(session.screen()).toBe('attract');
    expect(session.matches({ idle: 'watching' })).toBe(true);
    expect(session.hub.signOut).toHaveBeenCalledWith({ patronToken: TOKEN });
    const context = session.context();
    expect(context).toMatchObject({ patron: null, patronToken: null, cardNumber: '', entry: '', borrowed: [], loans: [], queue: [] });
    expect(context.language).toBe('zh-CN');
    expect(context.largeText).toBe(false);
    const leftovers = JSON.stringify(context);
    for (const secret of [CARD, TOKEN, '小明', '39010001']) expect(leftovers).not.toContain(secret);
  });

  it('never interrupts the attract screen', () => {
    const session = startSession();
    session.elapse(300_000);
    expect(session.matches({ idle: 'watching' })).toBe(true);
  });
});

describe('a sign-in the hub no longer knows (after a hub restart)', () => {
  const expired = new HubError('session.expired');

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

  it('other failures stay on the screen with their reason', async () => {
    const session = startSession();
    await session.signIn();
    session.send({ type: 'borrow.chosen' });
    session.hub.checkout.mockRejectedValueOnce(new HubError('ils.unavailable'));
    await session.scan('39010001');
    expect(session.screen()).toBe('borrow');
  });
});

describe('finishing', () => {
  async function finishingAfterBorrowing(config = {}) {
    const session = startSession({ config });
    await session.signIn();
    session.send({ type: 'borrow.chosen' });
    await session.scan('39010001');
    session.send({ type: 'finish.chosen' });
    return session;
  }

  it('prints a receipt of titles only, then says goodbye and returns to attract', async () => {
    const session = await finishingAfterBorrowing();
    expect(session.screen()).toBe('finish');
    session.send({ type: 'receipt.print' });
    await settle();

    expect(session.hub.printReceipt).toHaveBeenCalledWith({
      libraryName: '城关图书馆',
      language: 'zh-CN',
      borrowed: [{ title: 'Book 39010001', dueAt: DUE }],
      returned: [],
      renewed: [],
    });
    const receipt = JSON.stringify(session.hub.printReceipt.mock.calls[0]);
    expect(receipt).not.toContain(CARD);
    expect(receipt).not.toContain('小明');

    expect(session.screen()).toBe('goodbye');
    expect(session.context().summary).toEqual({ borrowed: 1, returned: 0, renewed: 0, printFailed: false, sessionExpired: false });
    expect(session.context().patron).toBeNull();
    expect(session.hub.signOut).toHaveBeenCalledWith({ patronToken: TOKEN });
    session.elapse(6_000);
    expect(session.screen()).toBe('attract');
    expect(session.context().summary).toBeNull();
  });

  it('says goodbye without printing when the patron declines', async () => {
    const session = await finishingAfterBorrowing();
    session.send({ type: 'receipt.skip' });
    expect(session.screen()).toBe('goodbye');
    expect(session.hub.printReceipt).not.toHaveBeenCalled();
    session.send({ type: 'goodbye.dismissed' });
    expect(session.screen()).toBe('attract');
  });

  it('skips the question when the kiosk never prints', async () => {
    const session = await finishingAfterBorrowing({ receipt: 'never' });
    expect(session.screen()).toBe('goodbye');
    expect(session.hub.printReceipt).not.toHaveBeenCalled();
  });

  it('prints without asking when the kiosk always prints', async () => {
    const session = await finishingAfterBorrowing({ receipt: 'always' });
    await settle();
    expect(session.hub.printReceipt).toHaveBeenCalledTimes(1);
    expect(session.screen()).toBe('goodbye');
  });

  it('tells the patron when the printer fails', async () => {
    const session = await finishingAfterBorrowing();
    session.hub.printReceipt.mockRejectedValueOnce(new Error('paper out'));
    session.send({ type: 'receipt.print' });
    await settle();
    expect(session.context().summary?.printFailed).toBe(true);
  });
});

describe('language and large text', () => {
  it('last one patron session, then return to the defaults', async () => {
    const session = startSession();
    expect(session.context().language).toBe('zh-CN');
    session.send({ type: 'language.toggled' });
    session.send({ type: 'largeText.toggled' });
    await session.signIn();
    expect(session.context()).toMatchObject({ language: 'en', largeText: true });

    session.send({ type: 'finish.chosen' });
    session.send({ type: 'receipt.skip' });
    expect(session.screen()).toBe('goodbye');
    expect(session.context().language).toBe('en');
    session.send({ type: 'goodbye.dismissed' });
    expect(session.context()).toMatchObject({ language: 'zh-CN', largeText: false });
  });

  it('come back to the language the page was opened with (?lang=en)', () => {
    const session = startSession({ language: 'en' });
    session.send({ type: 'language.toggled' });
    session.send({ type: 'return.chosen' });
    session.send({ type: 'finish.chosen' });
    session.send({ type: 'receipt.skip' });
    session.send({ type: 'goodbye.dismissed' });
    expect(session.context().language).toBe('en');
  });
});

describe('notices', () => {
  it('translate with their parameters in both languages', async () => {
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
