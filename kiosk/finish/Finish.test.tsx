// @vitest-environment happy-dom
import { screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { KioskConfig } from '../../shared/api/schemas';
import { deferred, PHONE_RECEIPT } from '../../tests/unit/kiosk/session-harness';
import { hubAnswers, press, renderInSession, startScreenSession, t } from '../../tests/unit/kiosk/session-render';
import { Finish } from './Finish';

/** Signed in, having borrowed one item: the session has a due date for the phone. */
async function atFinish(config: Partial<KioskConfig> = {}) {
  const session = startScreenSession({ config });
  await session.signIn();
  session.send({ type: 'borrow.chosen' });
  await session.scan('39010001');
  session.send({ type: 'finish.chosen' });
  renderInSession(session, <Finish />);
  return session;
}

const buttons = () => screen.getAllByRole('button').map((button) => button.textContent);

describe('finishing', () => {
  it('asks whether the patron wants a receipt; Print sends receipt.print and says it is printing', async () => {
    const session = await atFinish();
    expect(screen.getByRole('heading').textContent).toBe(t('finish.title'));
    const printed = deferred<void>();
    session.hub.printReceipt.mockReturnValueOnce(printed.promise);
    press(t('finish.print'));
    expect(session.sent).toHaveBeenLastCalledWith({ type: 'receipt.print' });
    expect(screen.getByRole('heading').textContent).toBe(t('finish.printing'));
    printed.resolve();
    await hubAnswers();
    expect(session.screen()).toBe('goodbye');
  });

  it('No receipt sends receipt.skip', async () => {
    const session = await atFinish();
    press(t('finish.noReceipt'));
    expect(session.sent).toHaveBeenLastCalledWith({ type: 'receipt.skip' });
    expect(session.screen()).toBe('goodbye');
  });

  it('offers the choices the kiosk profile allows', async () => {
    await atFinish();
    expect(buttons()).toEqual([t('finish.print'), t('finish.phone'), t('finish.noReceipt')]);
  });

  it('without printing when the kiosk never prints', async () => {
    await atFinish({ receipt: 'never' });
    expect(buttons()).toEqual([t('finish.phone'), t('finish.noReceipt')]);
  });

  it('without the phone when the profile turns it off', async () => {
    await atFinish({ phoneReceipt: false });
    expect(buttons()).toEqual([t('finish.print'), t('finish.noReceipt')]);
  });

  it('Receipt on my phone shows the QR code of the hub’s receipt page, and Done ends the session', async () => {
    const session = await atFinish();
    press(t('finish.phone'));
    expect(session.sent).toHaveBeenLastCalledWith({ type: 'receipt.phone' });
    expect(screen.getByRole('heading').textContent).toBe(t('finish.phone.title'));
    await hubAnswers();
    await screen.findByAltText(t('finish.phone.alt'));
    expect(session.context().phoneReceipt).toEqual(PHONE_RECEIPT);
    expect(screen.getByText(t('finish.phone.hint'))).toBeTruthy();
    press(t('finish.phone.done'));
    expect(session.screen()).toBe('goodbye');
  });

  it('says why, on the choice, when the hub cannot make it', async () => {
    const session = await atFinish();
    session.hub.issuePhoneReceipt.mockRejectedValueOnce(new Error('network down'));
    press(t('finish.phone'));
    await hubAnswers();
    expect(screen.getByRole('heading').textContent).toBe(t('finish.title'));
    expect(screen.getByTestId('notice').textContent).not.toBe('');
    expect(session.screen()).toBe('finish');
  });
});
