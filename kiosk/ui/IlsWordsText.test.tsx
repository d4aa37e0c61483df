// @vitest-environment happy-dom
import { screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { Borrow } from '../borrow/Borrow';
import { Return } from '../return/Return';
import { DUE, item } from '../../tests/unit/kiosk/session-harness';
import { hubAnswers, renderInSession, startScreenSession, t } from '../../tests/unit/kiosk/session-render';

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('the ILS’s own words (SIP2 AF, AG) beside ours', () => {
  it('a lent item shows our text, then the ILS’s screen message and print lines as sent, as text', async () => {
    const session = startScreenSession();
    await session.signIn();
    session.send({ type: 'borrow.chosen' });
    renderInSession(session, <Borrow />);
    session.hub.checkout.mockResolvedValueOnce({ ok: true, item: item('39010001'), dueAt: DUE, screenMessage: HOSTILE, printLines: ['Due 2026-04-01'] });
    await session.scan('39010001');
    await hubAnswers();
    const words = screen.getByTestId('ils-words');
    expect(words.textContent).toBe(`${HOSTILE}Due 2026-04-01`);
    expect(words.querySelector('img')).toBeNull();
    const row = screen.getByRole('listitem');
    expect(row.textContent!.indexOf(t('borrow.ok'))).toBeLessThan(row.textContent!.indexOf(HOSTILE));
  });

  it('a refusal shows the ILS’s print lines under its screen message', async () => {
    const session = startScreenSession();
    await session.signIn();
    session.send({ type: 'borrow.chosen' });
    renderInSession(session, <Borrow />);
    session.hub.checkout.mockResolvedValueOnce({ ok: false, code: 'item.notForLoan', item: item('39010002'), screenMessage: 'Not for loan', printLines: ['Ask at the desk'] });
    await session.scan('39010002');
    await hubAnswers();
    expect(screen.getByRole('listitem').textContent).toContain(t('code.item.notForLoan'));
    expect(screen.getByTestId('ils-words').textContent).toBe('Not for loanAsk at the desk');
  });

  it('a return shows the ILS’s sort bin, translated around it; the embedded ILS’s answers show no ILS words', async () => {
    const session = startScreenSession();
    session.send({ type: 'return.chosen' });
    renderInSession(session, <Return />);
    session.hub.checkin.mockResolvedValueOnce({ ok: true, item: item('39010052'), disposition: 'hold', wasOverdue: false, sortBin: 'HOLDS-3' });
    await session.scan('39010052');
    session.hub.checkin.mockResolvedValueOnce({ ok: true, item: item('39010053'), disposition: 'shelf', wasOverdue: false });
    await session.scan('39010053');
    await hubAnswers();
    const [shelved, held] = screen.getAllByRole('listitem');
    expect(held?.textContent).toContain(t('return.sortBin', { bin: 'HOLDS-3' }));
    expect(shelved?.textContent).not.toContain(t('return.sortBin', { bin: '' }).trim());
    expect(screen.queryByTestId('ils-words')).toBeNull();
  });
});
