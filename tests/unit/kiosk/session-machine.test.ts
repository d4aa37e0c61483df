/** The session machine's journeys that go as the patron meant, grouped by the state they happen in. Failures have files of their own: session-refusals, session-hub-down, session-expired, session-idle. */
import { describe, expect, it } from 'vitest';
import type { CheckoutResult } from '../../../shared/api/schemas';
import { atBorrow, atFinishAfterBorrowing, atLoans, atPinChange, CARD, deferred, DUE, enterNewPin, item, patron, PIN, settle, startSession, TOKEN } from './session-harness';

describe('when signing in', () => {
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

  it('cancelling returns to attract and forgets the card', () => {
    const session = startSession();
    session.send({ type: 'card.scanned', code: CARD });
    session.send({ type: 'signIn.cancelled' });
    expect(session.screen()).toBe('attract');
    expect(session.context().cardNumber).toBe('');
  });
});

describe('when changing a required PIN', () => {
  it('saves a good PIN and goes home', async () => {
    const session = await atPinChange();
    enterNewPin(session, '4826');
    enterNewPin(session, '4826');
    await settle();
    expect(session.hub.changePin).toHaveBeenCalledWith({ patronToken: TOKEN, newPin: '4826' });
    expect(session.screen()).toBe('home');
    expect(session.context().patron).toEqual(patron());
    expect(session.context().newPin).toBe('');
  });
});

describe('when borrowing', () => {
  it('adds a checking row at once, then the title and due date', async () => {
    const session = await atBorrow();
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

  it('queues scans that arrive while one is with the hub, and loses none', async () => {
    const session = await atBorrow();
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

  it('waits for the checks in flight before leaving the screen', async () => {
    const session = await atBorrow();
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

describe('when returning without signing in', () => {
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
});

describe('when looking at my loans', () => {
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
});

describe('when finishing', () => {
  it('prints a receipt of titles only, then says goodbye and returns to attract', async () => {
    const session = await atFinishAfterBorrowing();
    expect(session.screen()).toBe('finish');
    session.send({ type: 'receipt.print' });
    await settle();

    expect(session.hub.printReceipt).toHaveBeenCalledWith({
      libraryName: '城关图书馆',
      language: 'zh-CN',
      borrowed: [{ title: 'Book 39010001', dueAt: DUE }],
      returned: [],
      renewed: [],
      recordedOffline: false,
    });
    const receipt = JSON.stringify(session.hub.printReceipt.mock.calls[0]);
    expect(receipt).not.toContain(CARD);
    expect(receipt).not.toContain('小明');

    expect(session.screen()).toBe('goodbye');
    expect(session.context().summary).toEqual({ borrowed: 1, returned: 0, renewed: 0, printFailed: false, sessionExpired: false });
    expect(session.context().patron).toBeNull();
    expect(session.hub.signOut).toHaveBeenCalledWith({ patronToken: TOKEN });
    session.elapse(session.delays.goodbye);
    expect(session.screen()).toBe('attract');
    expect(session.context().summary).toBeNull();
  });

  it('says goodbye without printing when the patron declines', async () => {
    const session = await atFinishAfterBorrowing();
    session.send({ type: 'receipt.skip' });
    expect(session.screen()).toBe('goodbye');
    expect(session.hub.printReceipt).not.toHaveBeenCalled();
    session.send({ type: 'goodbye.dismissed' });
    expect(session.screen()).toBe('attract');
  });

  it('skips the question when the kiosk never prints nor offers the phone', async () => {
    const session = await atFinishAfterBorrowing({ receipt: 'never', phoneReceipt: false });
    expect(session.screen()).toBe('goodbye');
    expect(session.hub.printReceipt).not.toHaveBeenCalled();
  });

  it('prints without asking when the kiosk always prints', async () => {
    const session = await atFinishAfterBorrowing({ receipt: 'always' });
    await settle();
    expect(session.hub.printReceipt).toHaveBeenCalledTimes(1);
    expect(session.screen()).toBe('goodbye');
  });
});

describe('in any state: language and large text', () => {
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
