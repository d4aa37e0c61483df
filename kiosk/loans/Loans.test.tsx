// @vitest-environment happy-dom
import { screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { HubError } from '../../shared/api/hub-client';
import { formatDate } from '../../shared/i18n';
import { DUE, item, loan, patron } from '../../tests/unit/kiosk/session-harness';
import { hubAnswers, press, renderInSession, startScreenSession, t } from '../../tests/unit/kiosk/session-render';
import { Loans } from './Loans';

async function atLoans(options: { failing?: boolean } = {}) {
  const session = startScreenSession();
  await session.signIn();
  if (options.failing) session.hub.patronStatus.mockRejectedValueOnce(new HubError('ils.unavailable'));
  else session.hub.patronStatus.mockResolvedValueOnce({ ...patron({ loanCount: 2 }), loans: [loan('B1', { overdue: true }), loan('B2')] });
  session.send({ type: 'loans.chosen' });
  renderInSession(session, <Loans />);
  return session;
}

const row = (barcode: string) => screen.getAllByRole('listitem').find((li) => li.dataset.barcode === barcode) as HTMLElement;

describe('my loans', () => {
  it('says it is loading, then lists each loan with its due date and an overdue mark', async () => {
    await atLoans();
    expect(screen.getByText(t('loans.loading'))).toBeTruthy();
    await hubAnswers();
    expect(screen.queryByText(t('loans.loading'))).toBeNull();
    expect(row('B1').textContent).toContain(t('item.due', { date: formatDate('en', loan('B1').dueAt) }));
    expect(within(row('B1')).getByText(t('loans.overdue'))).toBeTruthy();
    expect(within(row('B2')).queryByText(t('loans.overdue'))).toBeNull();
  });

  it("a row's Renew sends that item; Renew all sends them all; both wait while renewing", async () => {
    const session = await atLoans();
    await hubAnswers();
    session.hub.renew.mockResolvedValueOnce({ results: [{ ok: true, item: item('B1'), dueAt: DUE }] });
    press(t('action.renew'), row('B1'));
    expect(session.sent).toHaveBeenLastCalledWith({ type: 'renew.requested', barcode: 'B1' });
    expect(screen.getByRole('button', { name: t('loans.renewAll'), exact: true }).hasAttribute('disabled')).toBe(true);
    await hubAnswers();
    expect(within(row('B1')).getByText(t('loans.renewed'))).toBeTruthy();
    press(t('loans.renewAll'));
    expect(session.sent).toHaveBeenLastCalledWith({ type: 'renewAll.requested' });
  });

  it('offers to try again when the loans cannot be loaded', async () => {
    const session = await atLoans({ failing: true });
    await hubAnswers();
    expect(screen.getByText(t('code.ils.unavailable'))).toBeTruthy();
    press(t('action.retry'));
    expect(session.sent).toHaveBeenLastCalledWith({ type: 'loans.retried' });
    await hubAnswers();
    expect(screen.getByText(t('loans.empty'))).toBeTruthy();
  });
});
