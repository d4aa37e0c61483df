// @vitest-environment happy-dom
import { screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { renderInSession, press, startScreenSession, t } from '../../tests/unit/kiosk/session-render';
import { CardEntry } from './CardEntry';

function atCardEntry() {
  const session = startScreenSession();
  session.send({ type: 'borrow.chosen' });
  renderInSession(session, <CardEntry />);
  return session;
}

const entry = () => screen.getByRole('status', { name: t('cardEntry.label') });

describe('card entry', () => {
  it('asks for the card number, typed or scanned', () => {
    atCardEntry();
    expect(screen.getByRole('heading').textContent).toBe(t('cardEntry.title'));
    expect(screen.getByText(t('cardEntry.hint'))).toBeTruthy();
    expect(entry().textContent).toBe('');
  });

  it('shows the number as it is typed on the pad, and OK sends Enter', () => {
    const session = atCardEntry();
    for (const digit of '2014') press(digit);
    expect(session.sent).toHaveBeenLastCalledWith({ type: 'key.typed', char: '4' });
    expect(entry().textContent).toBe('2014');
    press(t('pad.ok'));
    expect(session.sent).toHaveBeenLastCalledWith({ type: 'key.enter' });
  });

  it("says so when the number is not one of the library's", () => {
    atCardEntry();
    for (const digit of '1234') press(digit);
    press(t('pad.ok'));
    expect(screen.getByText(t('signin.invalidCard'))).toBeTruthy();
  });

  it('offers the camera, and Cancel goes back', () => {
    const session = atCardEntry();
    press(t('camera.use'));
    expect(session.sent).toHaveBeenLastCalledWith({ type: 'camera.requested' });
    press(t('action.cancel'));
    expect(session.sent).toHaveBeenLastCalledWith({ type: 'signIn.cancelled' });
    expect(session.screen()).toBe('attract');
  });
});
