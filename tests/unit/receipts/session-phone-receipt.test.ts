import { describe, expect, it } from 'vitest';
import { HubError } from '../../../shared/api/hub-client';
import { atFinishAfterBorrowing, deferred, PHONE_RECEIPT, settle, startSession, TOKEN } from '../kiosk/session-harness';

describe('a receipt on the phone at Finish', () => {
  it('asks the hub for the session’s receipt in the patron’s language and shows its QR code until Done', async () => {
    const session = await atFinishAfterBorrowing();
    expect(session.actor.getSnapshot().can({ type: 'receipt.phone' })).toBe(true);
    session.send({ type: 'receipt.phone' });
    expect(session.matches({ flow: { finish: { phone: 'issuing' } } })).toBe(true);
    await settle();
    expect(session.hub.issuePhoneReceipt).toHaveBeenCalledWith({ patronToken: TOKEN, language: 'zh-CN' });
    expect(session.context().phoneReceipt).toEqual(PHONE_RECEIPT);
    session.send({ type: 'receipt.phoneDone' });
    expect(session.screen()).toBe('goodbye');
    expect(session.context().phoneReceipt).toBeNull();
    expect(session.hub.printReceipt).not.toHaveBeenCalled();
  });

  it('is taken off the screen by the idle timeout', async () => {
    const session = await atFinishAfterBorrowing();
    session.send({ type: 'receipt.phone' });
    await settle();
    expect(session.context().phoneReceipt).not.toBeNull();
    session.elapse(session.delays.idleTimeout + session.delays.countdown);
    expect(session.screen()).toBe('attract');
    expect(session.context().phoneReceipt).toBeNull();
  });

  it('an answer that comes after the patron left is not shown', async () => {
    const session = await atFinishAfterBorrowing();
    const answer = deferred<typeof PHONE_RECEIPT>();
    session.hub.issuePhoneReceipt.mockReturnValueOnce(answer.promise);
    session.send({ type: 'receipt.phone' });
    session.elapse(session.delays.idleTimeout + session.delays.countdown);
    answer.resolve(PHONE_RECEIPT);
    await settle();
    expect(session.screen()).toBe('attract');
    expect(session.context().phoneReceipt).toBeNull();
  });

  it('goes back to the choice with the hub’s reason when it cannot be made', async () => {
    const session = await atFinishAfterBorrowing();
    session.hub.issuePhoneReceipt.mockRejectedValueOnce(new HubError('receipt.empty'));
    session.send({ type: 'receipt.phone' });
    await settle();
    expect(session.matches({ flow: { finish: 'asking' } })).toBe(true);
    expect(session.context().notice).toMatchObject({ key: 'code.receipt.empty' });
    expect(session.cues.at(-1)).toBe('refusal');
  });

  it('is offered only by a profile that allows it, and only with due dates', async () => {
    const off = await atFinishAfterBorrowing({ phoneReceipt: false });
    expect(off.actor.getSnapshot().can({ type: 'receipt.phone' })).toBe(false);
    off.send({ type: 'receipt.phone' });
    expect(off.matches({ flow: { finish: 'asking' } })).toBe(true);

    // A kiosk that never prints still asks, to offer the phone.
    const neverPrints = await atFinishAfterBorrowing({ receipt: 'never' });
    expect(neverPrints.matches({ flow: { finish: 'asking' } })).toBe(true);
    expect(neverPrints.actor.getSnapshot().can({ type: 'receipt.print' })).toBe(false);

    // Nothing borrowed or renewed: no due dates, no phone.
    const nothing = startSession({ config: { receipt: 'never' } });
    await nothing.signIn();
    nothing.send({ type: 'finish.chosen' });
    expect(nothing.screen()).toBe('goodbye');
  });
});
