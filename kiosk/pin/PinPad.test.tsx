// @vitest-environment happy-dom
import { screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { HubError } from '../../shared/api/hub-client';
import { CARD } from '../../tests/unit/kiosk/session-harness';
import { hubAnswers, press, renderInSession, startScreenSession, t } from '../../tests/unit/kiosk/session-render';
import { PinEntry } from './PinEntry';

function atPin() {
  const session = startScreenSession();
  session.send({ type: 'card.scanned', code: CARD });
  renderInSession(session, <PinEntry />);
  return session;
}

describe('the PIN pad', () => {
  it('asks for the PIN with hollow dots and the number pad', () => {
    atPin();
    expect(screen.getByRole('heading').textContent).toBe(t('pin.title'));
    expect(screen.getByRole('img', { name: t('pin.entered', { count: 0 }) })).toBeTruthy();
    for (const key of ['0', '1', '9', t('pad.clear'), t('pad.backspace'), t('pad.ok'), t('action.cancel')]) {
      expect(screen.getByRole('button', { name: key, exact: true })).toBeTruthy();
    }
  });

  it('sends each digit pressed and shows it as a dot, never as the digit', () => {
    const session = atPin();
    press('2');
    expect(session.sent).toHaveBeenLastCalledWith({ type: 'key.typed', char: '2' });
    press('5');
    expect(screen.getByRole('img', { name: t('pin.entered', { count: 2 }) }).querySelectorAll('.dot-filled')).toHaveLength(2);
    expect(document.body.textContent).not.toContain('25');
    press(t('pad.backspace'));
    expect(session.sent).toHaveBeenLastCalledWith({ type: 'key.backspace' });
    press(t('pad.clear'));
    expect(session.sent).toHaveBeenLastCalledWith({ type: 'key.clear' });
  });

  it('OK sends Enter; a wrong PIN comes back with the tries left', async () => {
    const session = atPin();
    session.hub.signIn.mockRejectedValueOnce(new HubError('pin.wrong', { attemptsLeft: 2 }));
    for (const digit of '9999') press(digit);
    press(t('pad.ok'));
    expect(session.sent).toHaveBeenLastCalledWith({ type: 'key.enter' });
    await hubAnswers();
    expect(session.screen()).toBe('pin');
    expect(screen.getByText(t('code.pin.wrong', { attemptsLeft: 2 }))).toBeTruthy();
  });

  it('Cancel sends signIn.cancelled', () => {
    const session = atPin();
    press(t('action.cancel'));
    expect(session.sent).toHaveBeenLastCalledWith({ type: 'signIn.cancelled' });
    expect(session.screen()).toBe('attract');
  });
});
