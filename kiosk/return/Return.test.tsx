// @vitest-environment happy-dom
import { screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { item } from '../../tests/unit/kiosk/session-harness';
import { hubAnswers, press, renderInSession, startScreenSession, t } from '../../tests/unit/kiosk/session-render';
import { Return } from './Return';

function atReturn() {
  const session = startScreenSession();
  session.send({ type: 'return.chosen' });
  renderInSession(session, <Return />);
  return session;
}

describe('the return list', () => {
  it('tells where each returned item goes, and why one was not taken back', async () => {
    const session = atReturn();
    expect(screen.getByText(t('return.empty'))).toBeTruthy();
    session.hub.checkin.mockResolvedValueOnce({ ok: true, item: item('39010052'), disposition: 'hold', wasOverdue: false });
    await session.scan('39010052');
    session.hub.checkin.mockResolvedValueOnce({ ok: false, code: 'item.notOnLoan', item: item('39010020') });
    await session.scan('39010020');
    await hubAnswers();
    const [refused, held] = screen.getAllByRole('listitem');
    expect(held?.textContent).toContain(t('disposition.hold'));
    expect(refused?.textContent).toContain(t('code.item.notOnLoan'));
  });

  it('without a sign-in, offers only Finish', () => {
    const session = atReturn();
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual([t('camera.use'), t('action.finish')]);
    press(t('action.finish'));
    expect(session.sent).toHaveBeenLastCalledWith({ type: 'finish.chosen' });
  });
});
