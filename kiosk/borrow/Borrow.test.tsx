// @vitest-environment happy-dom
import { screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../shared/i18n';
import { deferred, DUE, item } from '../../tests/unit/kiosk/session-harness';
import { hubAnswers, press, renderInSession, startScreenSession, t } from '../../tests/unit/kiosk/session-render';
import type { CheckoutResult } from '../../shared/api/schemas';
import { Borrow } from './Borrow';

async function atBorrow() {
  const session = startScreenSession();
  await session.signIn();
  session.send({ type: 'borrow.chosen' });
  renderInSession(session, <Borrow />);
  return session;
}

const rows = () => screen.queryAllByRole('listitem');

describe('the borrow list', () => {
  it('says how to scan while nothing is scanned', async () => {
    await atBorrow();
    expect(screen.getByRole('heading').textContent).toBe(t('borrow.title'));
    expect(screen.getByText(t('borrow.empty'))).toBeTruthy();
    expect(rows()).toEqual([]);
  });

  it('shows a scanned item as checking, then with its title and due date, the newest first', async () => {
    const session = await atBorrow();
    const answer = deferred<CheckoutResult>();
    session.hub.checkout.mockReturnValueOnce(answer.promise);
    session.send({ type: 'item.scanned', barcode: '39010001' });
    await hubAnswers();
    expect(within(rows()[0] as HTMLElement).getByText(t('scan.checking'))).toBeTruthy();
    answer.resolve({ ok: true, item: item('39010001', 'Journey to the West'), dueAt: DUE });
    await hubAnswers();
    const [row] = rows();
    expect(row?.textContent).toContain('Journey to the West');
    expect(row?.textContent).toContain(t('item.due', { date: formatDate('en', DUE) }));

    await session.scan('39010002');
    await hubAnswers();
    expect(rows().map((li) => li.dataset.barcode)).toEqual(['39010002', '39010001']);
  });

  it('shows a refused item with the reason in words', async () => {
    const session = await atBorrow();
    session.hub.checkout.mockResolvedValueOnce({ ok: false, code: 'item.notForLoan', item: item('39010042') });
    session.send({ type: 'item.scanned', barcode: '39010042' });
    await hubAnswers();
    const [row] = rows();
    expect(row?.dataset.status).toBe('refused');
    expect(row?.textContent).toContain(t('borrow.refused'));
    expect(row?.textContent).toContain(t('code.item.notForLoan'));
  });

  it('leads to the other screens and to Finish, leaving out the one it is', async () => {
    const session = await atBorrow();
    expect(screen.queryByRole('button', { name: t('action.borrow'), exact: true })).toBeNull();
    press(t('action.loans'));
    expect(session.sent).toHaveBeenLastCalledWith({ type: 'loans.chosen' });
    session.send({ type: 'borrow.chosen' });
    press(t('action.finish'));
    expect(session.sent).toHaveBeenLastCalledWith({ type: 'finish.chosen' });
  });
});
