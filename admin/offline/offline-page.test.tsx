// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import type { OfflineIssue } from '../../shared/api/offline-staff-schemas';
import { staffTranslatorFor } from '../../shared/i18n/staff';
import { LanguageContext } from '../shell/i18n-context';
import { OfflinePage } from './offline-page';
import { offlinePageMachine, type MarkHandledInput } from './offline-page-machine';

const t = staffTranslatorFor('en');
const base = { at: '2026-03-02T01:00:00.000Z', kioskId: 'lobby', kioskName: 'Lobby', cardNumber: '20140004', handledAt: null, handledBy: null } as const;
const CONFLICT: OfflineIssue = { ...base, id: 5, type: 'checkout', itemBarcode: '39010051', outcome: 'conflict', code: 'item.onLoanToOther' };
const NOT_SENT: OfflineIssue = { ...base, id: 6, type: 'checkin', cardNumber: null, kioskName: null, itemBarcode: '39010052', outcome: 'refused', code: 'ils.offlineNotAllowed' };

const settle = () => act(async () => void (await new Promise((resolve) => setTimeout(resolve, 0))));

afterEach(cleanup);

describe('the Offline transactions page', () => {
  it('says what happened in words for staff, and Mark handled takes the row off', async () => {
    const marked = vi.fn<(input: MarkHandledInput) => void>();
    const actor = createActor(
      offlinePageMachine.provide({
        actors: {
          loadOfflineIssues: fromPromise(async () => ({ issues: [CONFLICT, NOT_SENT] })),
          markOfflineIssueHandled: fromPromise(async ({ input }: { input: MarkHandledInput }) => void marked(input)),
        },
      }),
      { input: { token: 't' } },
    ).start();
    render(
      <LanguageContext.Provider value="en">
        <OfflinePage actor={actor} />
      </LanguageContext.Provider>,
    );
    await settle();
    const conflict = screen.getByTestId('offline-issue-5').textContent!;
    expect(conflict).toContain('Lobby');
    expect(conflict).toContain('20140004');
    expect(conflict).toContain(t('admin.offline.type.checkout'));
    expect(conflict).toContain(t('admin.offline.outcome.conflict', { why: t('admin.offline.why.onLoanToOther') }));
    // A code without staff words of its own keeps its translation; a gone kiosk shows its id, a return no card.
    const notSent = screen.getByTestId('offline-issue-6').textContent!;
    expect(notSent).toContain(t('code.ils.offlineNotAllowed'));
    expect(notSent).toContain('lobby');
    expect(notSent).toContain(t('admin.offline.noCard'));
    expect(screen.getByText(t('admin.offline.count', { count: 2 }))).toBeTruthy();

    await act(() => screen.getByRole('button', { name: t('admin.offline.handleNamed', { item: '39010051' }) }).click());
    await settle();
    expect(marked).toHaveBeenCalledWith({ token: 't', id: 5 });
    expect(screen.queryByTestId('offline-issue-5')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe(t('admin.offline.handled', { item: '39010051' }));
  });
});
