// @vitest-environment happy-dom
import { screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { deferred } from '../../tests/unit/kiosk/session-harness';
import { hubAnswers, press, renderInSession, startScreenSession, t } from '../../tests/unit/kiosk/session-render';
import { Finish } from './Finish';

async function atFinish() {
  const session = startScreenSession();
  await session.signIn();
  session.send({ type: 'finish.chosen' });
  renderInSession(session, <Finish />);
  return session;
}

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
});
